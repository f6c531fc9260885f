/**
 * The only place that speaks WPS 表格's ET object model: it writes what core's layout says, exactly as the Excel
 * adapter (src/hosts/excel/excel.ts) does, through ET's synchronous, 1-based, VBA-like API.
 * Whether a block of cells may be written is judged by core (src/core/sheet/cells.ts) from facts loaded here: a cell
 * is free only with no value and no formula; merged areas and tables crossing the block refuse the write too.
 * Nothing is written until every check has passed, and the actual-value columns are never written by refresh.
 */
import { colIndex, layoutSize } from '../../core/sheet/layout';
import {
  a1,
  freeSheetName,
  freeTableName,
  hostValue,
  isFreeCell,
  TEXT_FORMAT,
  refusalFor,
  refusalText,
  type BlockFacts,
  type Refusal,
} from '../../core/sheet/cells';
import {
  FILL,
  FONT,
  HEADER_OFFSET,
  isNumericColumn,
  parseTableName,
  placeOfficialActuals,
  type OfficialActual,
  type SheetLayout,
} from '../../core/sheet/layout';
import type { Region } from '../../core/plan/model';
import type { MethodId } from '../../core/progress/methods';
import { TABLE_NS_PREFIX, parseTable, serializeTable, tableNamespace } from '../../core/sheet/ledger';
import {
  ownedColumns,
  planRefresh,
  type LayoutFor,
  recordOf,
  type RefreshOptions,
  type RefreshOutcome,
  type RefreshPlan,
} from '../../core/sheet/refresh';
import {
  bgr,
  grid,
  xlExpression,
  xlSrcRange,
  xlYes,
  type EtApplication,
  type EtCustomXMLPart,
  type EtListObject,
  type EtRange,
  type EtWorkbook,
  type EtWorksheet,
} from './et';

export { MarksRefused } from '../../core/sheet/cells';

/** A block the add-in may not write (a person's cells, merged cells, another table). Nothing was written. */
export class CellsOccupied extends Error {
  constructor(
    readonly address: string,
    readonly refusal: Refusal,
    readonly sheet: string,
  ) {
    super(refusalText(refusal, sheet));
    this.name = 'CellsOccupied';
  }
}

/** The block of `rows`×`cols` cells whose top-left is the 0-based (row, col), as a Range. */
export function block(ws: EtWorksheet, row: number, col: number, rows: number, cols: number): EtRange {
  return ws.Range(ws.Cells.Item(row + 1, col + 1), ws.Cells.Item(row + rows, col + cols));
}

function overlaps(r: EtRange, row: number, col: number, rows: number, cols: number): boolean {
  const r0 = r.Row - 1;
  const c0 = r.Column - 1;
  return r0 < row + rows && row < r0 + r.Rows.Count && c0 < col + cols && col < c0 + r.Columns.Count;
}

function listObjects(ws: EtWorksheet): EtListObject[] {
  const out: EtListObject[] = [];
  for (let i = 1; i <= ws.ListObjects.Count; i++) out.push(ws.ListObjects.Item(i));
  return out;
}

/** What core needs to judge a block: its values and formulas, merged areas and tables crossing it. */
export function blockFacts(ws: EtWorksheet, row: number, col: number, rows: number, cols: number): BlockFacts {
  const range = block(ws, row, col, rows, cols);
  const merged: string[] = [];
  if (range.MergeCells !== false) {
    // true or null (some cells merged): name each merged area once.
    for (let i = 1; i <= rows; i++)
      for (let j = 1; j <= cols; j++) {
        const cell = range.Item(i, j);
        if (cell.MergeCells) {
          const area = cell.MergeArea.Address(false, false);
          if (!merged.includes(area)) merged.push(area);
        }
      }
  }
  const tables = listObjects(ws)
    .filter((t) => overlaps(t.Range, row, col, rows, cols))
    .map((t) => t.Name);
  return { row, col, values: grid(range.Value2), formulas: grid(range.Formula), merged, tables };
}

/** Throws CellsOccupied (writing nothing) unless every cell of the block is free. */
export function ensureFree(ws: EtWorksheet, row: number, col: number, rows: number, cols: number): void {
  const refusal = refusalFor(blockFacts(ws, row, col, rows, cols));
  if (refusal) throw new CellsOccupied(`${ws.Name}!${block(ws, row, col, rows, cols).Address(false, false)}`, refusal, ws.Name);
}

// The record of what the add-in wrote (src/core/sheet/ledger.ts), kept in the workbook's custom XML parts.
// A WPS without custom XML parts: insertion and refresh go on without records (every difference then counts as a
// person's edit); marks are refused, since they could not be taken back.
export function partsIn(wb: EtWorkbook, test: (ns: string) => boolean): EtCustomXMLPart[] {
  const all = wb.CustomXMLParts;
  const out: EtCustomXMLPart[] = [];
  if (!all) return out;
  for (let i = 1; i <= all.Count; i++) {
    const p = all.Item(i);
    if (test(p.NamespaceURI)) out.push(p);
  }
  return out;
}

export function writeRecord(wb: EtWorkbook, namespace: string, xml: string | null): void {
  if (!wb.CustomXMLParts) return;
  for (const p of partsIn(wb, (ns) => ns === namespace)) p.Delete();
  if (xml) wb.CustomXMLParts.Add(xml);
}

/** A sheet's id for the marks record: its code name (survives a rename), else its name. */
export const sheetId = (ws: EtWorksheet): string => ws.CodeName || ws.Name;

export function sheets(app: EtApplication): EtWorksheet[] {
  const all = app.ActiveWorkbook.Worksheets;
  const out: EtWorksheet[] = [];
  for (let i = 1; i <= all.Count; i++) out.push(all.Item(i));
  return out;
}

function tableNames(app: EtApplication): Set<string> {
  return new Set(sheets(app).flatMap((ws) => listObjects(ws).map((t) => t.Name)));
}

function uniqueTableName(layout: SheetLayout, taken: Set<string>): string {
  const name = freeTableName(layout.tableName, taken);
  taken.add(name);
  return name;
}

/** Runs of consecutive 0-based column indexes, e.g. [3,4,6] → [[3,2],[6,1]] as [first, count]. */
function runs(indexes: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of indexes) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === i) last[1]++;
    else out.push([i, 1]);
  }
  return out;
}

/** ET's text number format: a string written to a cell in it stays that string (TEXT_FORMAT, as in Excel). */
export const TEXT = TEXT_FORMAT;

/**
 * Write a block of layout cells whose top-left is the 0-based (row, col). ET, like Excel, reads a string written to
 * `Value2` as if typed (2-5 a date, 004:228 a time, (100) a negative, 007 the number 7; docs/wps-api-audit.md), so each
 * run of text cells gets the text format first; then every text and number through `Value2` (a text ET would take
 * for a formula behind an apostrophe too), then each run of formulas the layout built through `Formula`.
 */
export function writeCells(ws: EtWorksheet, row: number, col: number, cells: (string | number | null)[][], formulas: boolean[][]): void {
  if (!cells.length) return;
  cells.forEach((r, i) => {
    const texts = r.flatMap((c, j) => (typeof c === 'string' && !formulas[i][j] ? [j] : []));
    for (const [first, count] of runs(texts)) block(ws, row + i, col + first, 1, count).NumberFormat = TEXT;
  });
  block(ws, row, col, cells.length, cells[0].length).Value2 = cells.map((r, i) => r.map((c, j) => (formulas[i][j] ? '' : hostValue(c))));
  cells.forEach((r, i) => {
    const built = r.flatMap((c, j) => (formulas[i][j] && typeof c === 'string' ? [j] : []));
    for (const [first, count] of runs(built))
      block(ws, row + i, col + first, 1, count).Formula = [r.slice(first, first + count) as string[]];
  });
}

/** One text into one cell (or the same text into a block), in the text format so that it stays as written. */
function writeText(range: EtRange, text: string): void {
  range.NumberFormat = TEXT;
  range.Value2 = hostValue(text);
}

/** Write one layout onto `ws` (whose block the caller has checked, or which is new). */
function writeLayout(app: EtApplication, ws: EtWorksheet, layout: SheetLayout, tableName: string): void {
  const { row: r0, col: c0 } = layout.origin;
  const width = layout.columns.length;
  const numeric = layout.columns.flatMap((c, i) => (isNumericColumn(c.key) ? [i] : []));
  // `row` is a 1-based sheet row, `col` a 0-based column of the layout.
  const at = (row: number, col: number, rows = 1, cols = 1): EtRange => block(ws, row - 1, c0 + col, rows, cols);

  const title = at(r0, 0);
  writeText(title, layout.title);
  title.Font.Bold = true;
  title.Font.Size = 14;
  const sub = at(r0 + 1, 0);
  writeText(sub, layout.subtitle);
  sub.Font.Size = 9;
  sub.Font.Color = bgr('595959');
  layout.legend.forEach((l, i) => {
    const c = at(r0 + 2, i * 2);
    writeText(c, l.text);
    if (l.fill !== 'FFFFFF') c.Interior.Color = bgr(l.fill);
  });

  const headerRow = layout.headerRow;
  const n = layout.rows.length;
  const head = at(headerRow, 0, 1, width);
  head.NumberFormat = TEXT;
  head.Value2 = [layout.header.map(hostValue)];
  writeCells(
    ws,
    headerRow,
    c0,
    layout.rows.map((r) => r.cells),
    layout.rows.map((r) => r.formulas),
  );
  layout.rows.forEach((r, i) => {
    for (const [first, count] of runs(numeric)) at(headerRow + 1 + i, first, 1, count).NumberFormat = r.numberFormat;
    if (r.targetFormat) at(headerRow + 1 + i, colIndex('target', layout.columns), 1, 1).NumberFormat = r.targetFormat;
  });
  for (const i of layout.inputColumns) at(headerRow + 1, i, n, 1).Interior.Color = bgr(FILL.input);
  for (const i of layout.helperColumns) at(headerRow + 1, i, n, 1).Font.Color = bgr(FONT.helper);

  const table = ws.ListObjects.Add(xlSrcRange, at(headerRow, 0, n + 1, width), undefined, xlYes);
  table.Name = tableName;
  table.TableStyle = 'TableStyleLight9';

  // ET, like Excel's VBA, reads a rule's relative references from the active cell: make it the range's first cell.
  ws.Activate();
  const flagged = ws.Range(layout.flagRange);
  const before = app.Selection;
  flagged.Item(1, 1).Select();
  for (const rule of layout.rules) {
    const cf = flagged.FormatConditions.Add(xlExpression, undefined, `=${rule.formula}`);
    cf.Interior.Color = bgr(rule.fill);
    cf.Font.Color = bgr(rule.font);
  }
  before.Select();

  layout.widths.forEach((w, i) => (at(headerRow, i).ColumnWidth = w));
  at(headerRow, 0, 1, width).WrapText = true;
  if (r0 === 1 && c0 === 0) {
    // A sheet of its own: the helper columns (direction, progress base, latest values, indicator id) are for the
    // formulas, hidden on screen and on paper as in Excel and the portable workbook. Not at a selection elsewhere:
    // whole columns there may hold a person's own cells.
    for (const i of layout.helperColumns) at(headerRow, i).EntireColumn.Hidden = true;
    const win = app.ActiveWindow;
    win.FreezePanes = false;
    win.SplitRow = layout.freeze.rows;
    win.SplitColumn = layout.freeze.columns;
    win.FreezePanes = true;
  }
}

export interface InsertResult {
  sheets: string[];
  tables: string[];
}

/** Each layout on a new worksheet of its own, after the last one, named after the region ("(2)" when taken). */
export function insertOnNewSheets(app: EtApplication, layouts: SheetLayout[]): InsertResult {
  const all = app.ActiveWorkbook.Worksheets;
  const names = sheets(app).map((s) => s.Name);
  const tables = tableNames(app);
  const result: InsertResult = { sheets: [], tables: [] };
  let first: EtWorksheet | undefined;
  for (const layout of layouts) {
    const name = freeSheetName(layout.sheetName, names);
    names.push(name);
    const ws = all.Add(undefined, all.Item(all.Count));
    ws.Name = name;
    const tableName = uniqueTableName(layout, tables);
    writeLayout(app, ws, layout, tableName);
    writeRecord(app.ActiveWorkbook, tableNamespace(tableName), serializeTable(recordOf(layout, tableName, name)));
    first ??= ws;
    result.sheets.push(name);
    result.tables.push(tableName);
  }
  first?.Activate();
  return result;
}

/**
 * Insert at the selected cell of the active sheet when every cell the table would cover is free; otherwise
 * nothing is written and CellsOccupied (or Refused, for merged cells and tables) says why.
 */
/** The selected range; a clear error when something else (a picture, a chart) is selected. */
export function selectedRange(app: EtApplication): EtRange {
  const r = app.Selection as EtRange | null | undefined;
  if (!r || typeof r.Row !== 'number' || typeof r.Column !== 'number') {
    throw new Error('请先选中单元格（当前选中的不是单元格区域） / select cells first (the selection is not a range of cells)');
  }
  return r;
}

export function insertAtSelection(app: EtApplication, makeLayout: (origin: { row: number; col: number }) => SheetLayout): InsertResult {
  const selected = selectedRange(app);
  const ws = selected.Worksheet;
  const origin = { row: selected.Row, col: selected.Column - 1 };
  const layout = makeLayout(origin);
  const [rows, cols] = layoutSize(layout);
  ensureFree(ws, origin.row - 1, origin.col, rows, cols);
  const tableName = uniqueTableName(layout, tableNames(app));
  writeLayout(app, ws, layout, tableName);
  writeRecord(app.ActiveWorkbook, tableNamespace(tableName), serializeTable(recordOf(layout, tableName, ws.Name)));
  return { sheets: [ws.Name], tables: [tableName] };
}

export type { RefreshOutcome, RefreshResult } from '../../core/sheet/refresh';

/**
 * Refresh every PLAN_ table in the workbook: figures rewritten in place, rows matched by indicator id, actual
 * values and a person's own columns left as they are; cells a person edited (told apart by the record in the
 * workbook) are kept and listed unless `options.overwriteEdits`. Indicators new in the data are appended below a
 * table only where those cells are free (otherwise reported in `blocked`). Every table is planned before writing.
 */
export function refreshTables(app: EtApplication, layoutFor: LayoutFor, options: RefreshOptions = {}): RefreshOutcome {
  const wb = app.ActiveWorkbook;
  const records = partsIn(wb, (ns) => ns.startsWith(TABLE_NS_PREFIX));
  const all = sheets(app).flatMap((ws) => listObjects(ws).map((t) => ({ ws, t })));
  const names = new Set(all.map(({ t }) => t.Name));
  const missing = [...new Set(records.map((p) => p.NamespaceURI.slice(TABLE_NS_PREFIX.length)).filter((n) => !names.has(n)))];

  const planned: {
    ws: EtWorksheet;
    t: EtListObject;
    body: { row: number; col: number; rows: number };
    width: number;
    plan: RefreshPlan;
    blocked: Refusal | null;
    dataVersion: string;
    columns: string[];
    method: MethodId;
  }[] = [];
  for (const { ws, t } of all) {
    if (!t.Name.startsWith('PLAN_')) continue;
    const header = t.HeaderRowRange;
    const own = records.find((p) => p.NamespaceURI === tableNamespace(t.Name));
    const record = own ? parseTable(own.XML) : null;
    // The method the table was made by (its record's), so its status formulas are refreshed as they were written.
    const headerTexts = grid(header.Value2)[0].map((h) => String(h ?? ''));
    // The table's own language (its header's): refresh keeps what the table was made as.
    const layout = layoutFor(t.Name, { row: header.Row - HEADER_OFFSET, col: header.Column - 1 }, record?.method, headerTexts);
    if (!layout) continue;
    const bodyRange = t.DataBodyRange;
    const formulas = bodyRange ? grid(bodyRange.Formula) : [];
    const body = { row: header.Row + 1, col: header.Column, rows: formulas.length };
    const plan = planRefresh(layout, headerTexts, formulas, body.row, record, options);
    const blocked = plan.append.length
      ? refusalFor(blockFacts(ws, body.row - 1 + body.rows, body.col - 1, plan.append.length, headerTexts.length))
      : null;
    planned.push({
      ws,
      t,
      body,
      width: headerTexts.length,
      plan,
      blocked,
      dataVersion: layout.dataVersion,
      columns: ownedColumns(layout),
      method: layout.method,
    });
  }

  const tables = planned.map(({ ws, t, body, width, plan, blocked, dataVersion, columns, method }) => {
    for (const w of plan.writes) writeCells(ws, body.row - 1 + w.row, body.col - 1 + w.col, [[w.value]], [[w.formula]]);
    let rows = plan.record;
    if (plan.append.length && blocked) {
      const skipped = new Set(rows.slice(rows.length - plan.append.length).map((r) => r.id));
      rows = rows.filter((r) => !skipped.has(r.id));
    } else if (plan.append.length) {
      writeCells(ws, body.row - 1 + body.rows, body.col - 1, plan.append, plan.appendFormulas);
      t.Resize(block(ws, body.row - 2, body.col - 1, body.rows + plan.append.length + 1, width));
    }
    writeRecord(wb, tableNamespace(t.Name), serializeTable({ table: t.Name, sheet: ws.Name, columns, rows, dataVersion, method }));
    const editCells = plan.edits.map((e) => ({
      sheet: ws.Name,
      cell: a1(body.row - 1 + e.row, body.col - 1 + e.col),
      indicator: e.indicator,
      column: e.column,
    }));
    const edits = editCells.map((c) => `${c.sheet}!${c.cell}`);
    return { table: t.Name, sheet: ws.Name, plan, edits, editCells, blocked };
  });
  return { tables, missing };
}

/** Write a formula into the active cell if it holds nothing, or if the person agreed to replace it. */
export function writeFormulaToActiveCell(app: EtApplication, formula: string, replace = false): string {
  const cell = app.ActiveCell;
  const ws = cell.Worksheet;
  const address = `${ws.Name}!${cell.Address(false, false)}`;
  if (!replace) {
    const refusal = refusalFor(blockFacts(ws, cell.Row - 1, cell.Column - 1, 1, 1));
    if (refusal) throw new CellsOccupied(address, refusal, ws.Name);
  }
  cell.Formula = formula;
  return address;
}

/** The workbook's PLAN_ tables and the data version each was last written with (from its record), for refresh's preview. */
export function readRecordedTables(app: EtApplication): { table: string; dataVersion?: string }[] {
  const records = partsIn(app.ActiveWorkbook, (ns) => ns.startsWith(TABLE_NS_PREFIX));
  return sheets(app)
    .flatMap((ws) => listObjects(ws).map((t) => t.Name))
    .filter((name) => name.startsWith('PLAN_'))
    .map((table) => {
      const own = records.find((p) => p.NamespaceURI === tableNamespace(table));
      const version = own ? parseTable(own.XML)?.dataVersion : undefined;
      return version ? { table, dataVersion: version } : { table };
    });
}

/**
 * Fill official actual values (from a published package) into the inserted tables' actual columns, only where the
 * cell is free (no value, no formula): a typed value always wins. Filled cells get the official font colour, as in
 * Excel. `regionOf` names a table's plan.
 */
export function fillOfficialActuals(
  app: EtApplication,
  actuals: OfficialActual[],
  regionOf: (tableName: string) => Region | null,
): { filled: string[]; kept: string[] } {
  const loaded = sheets(app)
    .flatMap((ws) => listObjects(ws).map((t) => ({ ws, t })))
    .filter(({ t }) => parseTableName(t.Name) && t.DataBodyRange)
    .map(({ ws, t }) => {
      const body = t.DataBodyRange!;
      return {
        ws,
        body,
        contents: {
          region: regionOf(t.Name),
          header: grid(t.HeaderRowRange.Value2)[0],
          values: grid(body.Value2),
        },
        formulas: grid(body.Formula),
      };
    });
  const filled: string[] = [];
  const kept: string[] = [];
  for (const { table, row, col, actual } of placeOfficialActuals(
    loaded.map((t) => t.contents),
    actuals,
  )) {
    const { ws, body, contents, formulas } = loaded[table];
    const address = `${ws.Name}!${a1(body.Row - 1 + row, body.Column - 1 + col)}`;
    if (!isFreeCell(contents.values[row][col], formulas[row][col])) {
      kept.push(address);
      continue;
    }
    const cell = ws.Cells.Item(body.Row + row, body.Column + col);
    cell.Value2 = actual.value;
    cell.Font.Color = bgr(FONT.official);
    filled.push(address);
  }
  return { filled, kept };
}
