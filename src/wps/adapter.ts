/**
 * The only place that speaks WPS 表格's ET object model: it writes what core's layout says, exactly as the Excel
 * adapter (src/office/excel.ts) does, through ET's synchronous, 1-based, VBA-like API.
 * Whether a block of cells may be written is judged by core (src/core/cells.ts) from facts loaded here: a cell
 * is free only with no value and no formula; merged areas and tables crossing the block refuse the write too.
 * Nothing is written until every check has passed, and the actual-value columns are never written by refresh.
 */
import { describeRefusal, refusalFor, type BlockFacts, type Refusal } from '../core/cells';
import { COLUMNS, FILL, FONT, HEADER_OFFSET, isNumericColumn, type SheetLayout } from '../core/layout';
import type { Lang } from '../core/plan';
import { planRefresh, type RefreshPlan } from '../core/refresh';
import { bgr, grid, xlExpression, xlSrcRange, xlYes, type EtApplication, type EtListObject, type EtRange, type EtWorksheet } from './et';

/** Cells that hold something: the pane asks the person before anything else is tried. Nothing was written. */
export class CellsOccupied extends Error {
  constructor(
    message: string,
    readonly address: string,
  ) {
    super(message);
    this.name = 'CellsOccupied';
  }
}

/** A block the add-in may not write (merged cells, another table). Nothing was written. */
export class Refused extends Error {
  constructor(
    message: string,
    readonly refusal: Refusal,
  ) {
    super(message);
    this.name = 'Refused';
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

/** Throws (writing nothing) unless every cell of the block is free. */
export function ensureFree(ws: EtWorksheet, row: number, col: number, rows: number, cols: number, lang: Lang): void {
  const refusal = refusalFor(blockFacts(ws, row, col, rows, cols));
  if (!refusal) return;
  const message = describeRefusal(refusal, ws.Name, lang);
  if (refusal.kind === 'occupied') {
    const range = block(ws, row, col, rows, cols).Address(false, false);
    throw new CellsOccupied(message, `${ws.Name}!${range}`);
  }
  throw new Refused(message, refusal);
}

/** Sheet names in ET: at most 31 characters, none of []:*?/\, unique whatever the case. */
export function freeName(wanted: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

function sheets(app: EtApplication): EtWorksheet[] {
  const all = app.ActiveWorkbook.Worksheets;
  const out: EtWorksheet[] = [];
  for (let i = 1; i <= all.Count; i++) out.push(all.Item(i));
  return out;
}

function tableNames(app: EtApplication): Set<string> {
  return new Set(sheets(app).flatMap((ws) => listObjects(ws).map((t) => t.Name)));
}

function uniqueTableName(layout: SheetLayout, taken: Set<string>): string {
  const name = freeName(layout.tableName, taken).replace(/[ ()]/g, '_');
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

const NUMERIC = COLUMNS.flatMap((c, i) => (isNumericColumn(c.key) ? [i] : []));

/** Write one layout onto `ws` (whose block the caller has checked, or which is new). */
function writeLayout(app: EtApplication, ws: EtWorksheet, layout: SheetLayout, tableName: string): void {
  const { row: r0, col: c0 } = layout.origin;
  const width = COLUMNS.length;
  // `row` is a 1-based sheet row, `col` a 0-based column of the layout.
  const at = (row: number, col: number, rows = 1, cols = 1): EtRange => block(ws, row - 1, c0 + col, rows, cols);

  const title = at(r0, 0);
  title.Value2 = layout.title;
  title.Font.Bold = true;
  title.Font.Size = 14;
  const sub = at(r0 + 1, 0);
  sub.Value2 = layout.subtitle;
  sub.Font.Size = 9;
  sub.Font.Color = bgr('595959');
  layout.legend.forEach((l, i) => {
    const c = at(r0 + 2, i * 2);
    c.Value2 = l.text;
    if (l.fill !== 'FFFFFF') c.Interior.Color = bgr(l.fill);
  });

  const headerRow = layout.headerRow;
  const n = layout.rows.length;
  at(headerRow, 0, 1, width).Value2 = [layout.header];
  at(headerRow + 1, 0, n, width).Formula = layout.rows.map((r) => r.cells.map((c) => (c === null ? '' : c)));
  layout.rows.forEach((r, i) => {
    for (const [first, count] of runs(NUMERIC)) at(headerRow + 1 + i, first, 1, count).NumberFormat = r.numberFormat;
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
    const name = freeName(layout.sheetName, names);
    names.push(name);
    const ws = all.Add(undefined, all.Item(all.Count));
    ws.Name = name;
    const tableName = uniqueTableName(layout, tables);
    writeLayout(app, ws, layout, tableName);
    first ??= ws;
    result.sheets.push(name);
    result.tables.push(tableName);
  }
  first?.Activate();
  return result;
}

/** Rows and columns a layout covers, from its title to its last row. */
export function layoutSize(layout: SheetLayout): [number, number] {
  return [HEADER_OFFSET + 1 + layout.rows.length, COLUMNS.length];
}

/**
 * Insert at the selected cell of the active sheet when every cell the table would cover is free; otherwise
 * nothing is written and CellsOccupied (or Refused, for merged cells and tables) says why.
 */
export function insertAtSelection(
  app: EtApplication,
  makeLayout: (origin: { row: number; col: number }) => SheetLayout,
  lang: Lang,
): InsertResult {
  const selected = app.Selection;
  const ws = app.ActiveSheet;
  const origin = { row: selected.Row, col: selected.Column - 1 };
  const layout = makeLayout(origin);
  const [rows, cols] = layoutSize(layout);
  ensureFree(ws, origin.row - 1, origin.col, rows, cols, lang);
  const tableName = uniqueTableName(layout, tableNames(app));
  writeLayout(app, ws, layout, tableName);
  return { sheets: [ws.Name], tables: [tableName] };
}

export interface RefreshResult {
  table: string;
  sheet: string;
  plan: RefreshPlan;
}

/**
 * Refresh every PLAN_ table in the workbook: figures rewritten in place, rows matched by indicator id, actual
 * values and a person's own columns left as they are. Indicators new in the data are appended below a table only
 * where those cells are free. Every table is planned and checked before anything is written.
 */
export function refreshTables(
  app: EtApplication,
  layoutFor: (tableName: string, origin: { row: number; col: number }) => SheetLayout | null,
  lang: Lang,
): RefreshResult[] {
  const planned: { ws: EtWorksheet; t: EtListObject; body: { row: number; col: number; rows: number }; plan: RefreshPlan }[] = [];
  for (const ws of sheets(app)) {
    for (const t of listObjects(ws)) {
      if (!t.Name.startsWith('PLAN_')) continue;
      const header = t.HeaderRowRange;
      const layout = layoutFor(t.Name, { row: header.Row - HEADER_OFFSET, col: header.Column - 1 });
      if (!layout) continue;
      const headerTexts = grid(header.Value2)[0].map((h) => String(h ?? ''));
      const bodyRange = t.DataBodyRange;
      const formulas = bodyRange ? grid(bodyRange.Formula) : [];
      const body = { row: header.Row + 1, col: header.Column, rows: formulas.length };
      const plan = planRefresh(layout, headerTexts, formulas, body.row);
      if (plan.append.length) ensureFree(ws, body.row - 1 + body.rows, body.col - 1, plan.append.length, headerTexts.length, lang);
      planned.push({ ws, t, body, plan });
    }
  }
  for (const { ws, t, body, plan } of planned) {
    for (const w of plan.writes) ws.Cells.Item(body.row + w.row, body.col + w.col).Formula = w.value === null ? '' : w.value;
    if (plan.append.length) {
      const width = plan.append[0].length;
      block(ws, body.row - 1 + body.rows, body.col - 1, plan.append.length, width).Formula = plan.append.map((r) =>
        r.map((c) => (c === null ? '' : c)),
      );
      t.Resize(block(ws, body.row - 2, body.col - 1, body.rows + plan.append.length + 1, width));
    }
  }
  return planned.map(({ ws, t, plan }) => ({ table: t.Name, sheet: ws.Name, plan }));
}

/** Write a formula into the active cell if it holds nothing, or if the person agreed to replace it. */
export function writeFormulaToActiveCell(app: EtApplication, formula: string, replace = false): string {
  const cell = app.ActiveCell;
  const ws = cell.Worksheet;
  const address = `${ws.Name}!${cell.Address(false, false)}`;
  if (!replace) {
    const refusal = refusalFor(blockFacts(ws, cell.Row - 1, cell.Column - 1, 1, 1));
    if (refusal) throw new CellsOccupied(`单元格 ${address} 已有内容`, address);
  }
  cell.Formula = formula;
  return address;
}

/** The values of the selected range and where it starts (0-based), for "check my template". */
export function readSelection(app: EtApplication): { values: unknown[][]; address: string; rowIndex: number; columnIndex: number } {
  const r = app.Selection;
  return {
    values: grid(r.Value2).map((row) => row.map((v) => (v === undefined || v === null ? '' : v))),
    address: `${r.Worksheet.Name}!${r.Address(false, false)}`,
    rowIndex: r.Row - 1,
    columnIndex: r.Column - 1,
  };
}

/** Colour flagged cells (0-based) of the active sheet: fill only, values never touched. */
export function markCells(app: EtApplication, cells: { row: number; col: number; fill: string }[]): void {
  const ws = app.ActiveSheet;
  for (const c of cells) ws.Cells.Item(c.row + 1, c.col + 1).Interior.Color = bgr(c.fill);
}
