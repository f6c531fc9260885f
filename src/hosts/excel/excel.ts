/* global Excel */
/**
 * The only place that speaks Excel's API: it writes what core's layout says, in as few round trips as the
 * API allows — everything is queued first and sent with one `context.sync()` (insertion: 2 in all, refresh: 3).
 *
 * Nothing here writes over a person's work. Whether a cell may be written is decided by src/core/sheet/cells.ts from
 * facts loaded here (value and formula, merged areas, tables); what the add-in wrote is recorded in the workbook
 * (src/core/sheet/ledger.ts, as custom XML parts) so that refresh can tell the plan's figures from a person's edits and
 * marks can be taken back after the pane is closed.
 *
 * API calls and their requirement sets (Microsoft's typings tag each; test/hosts/excel/typings-audit.test.ts checks
 * every use is behind a `supports` check of its set):
 *   ExcelApi 1.1  Range values/formulas/address/rowIndex/columnIndex/worksheet, getCell, getOffsetRange,
 *                 getBoundingRect, format.fill color and clear(), conditional formats need 1.6, freezePanes 1.7,
 *                 worksheets.add/getItem, tables.add, getSelectedRange
 *   ExcelApi 1.2  Range.getRowsBelow, format.columnWidth, columnHidden
 *   ExcelApi 1.4  worksheets.getItemOrNullObject, TableRowCollection.add with several rows (1.1: one row per call)
 *   ExcelApi 1.5  workbook.customXmlParts (add, getXml, setXml, delete, items/namespaceUri)
 *   ExcelApi 1.7  getActiveCell
 *   ExcelApi 1.9  Range.getTables, RangeFill.pattern
 *   ExcelApi 1.13 Range.getMergedAreasOrNullObject
 */
import { layoutSize } from '../../core/sheet/layout';
import { cellFormat, FILL, FONT, HEADER_OFFSET, colLetter, type SheetLayout } from '../../core/sheet/layout';
import {
  ownedColumns,
  planRefresh,
  type LayoutFor,
  recordOf,
  type RefreshOptions,
  type RefreshOutcome,
  type RefreshResult,
} from '../../core/sheet/refresh';
import {
  a1,
  area,
  freeSheetName,
  freeTableName,
  hostValue,
  refusalFor,
  refusalText,
  TEXT_FORMAT,
  type Refusal,
} from '../../core/sheet/cells';
import { TABLE_NS_PREFIX, parseTable, serializeTable, tableNamespace } from '../../core/sheet/ledger';
import { queuePrintSetup } from './overview';
import { supports } from './requirements';
import { queueCells, queueValues } from './text';

export { area } from '../../core/sheet/cells';

/** The part of Excel.RequestContext we use; the real one and the test fakes both satisfy it. */
export type Context = Excel.RequestContext;

/** A write refused because of a person's cells; the pane asks or explains. Nothing was written. */
export { MarksRefused } from '../../core/sheet/cells';

export class NeedsConfirmation extends Error {
  constructor(
    message: string,
    readonly address: string,
    readonly refusal?: Refusal,
    readonly sheet?: string,
  ) {
    super(message);
    this.name = 'NeedsConfirmation';
  }
}

function refused(refusal: Refusal, sheet: string, address: string): NeedsConfirmation {
  return new NeedsConfirmation(refusalText(refusal, sheet), address, refusal, sheet);
}

const hex = (c: string): string => `#${c}`;

/** The add-in's custom XML parts, loaded with the next sync (null when the host has no custom XML parts). */
export function loadParts(context: Context): Excel.CustomXmlPartCollection | null {
  if (!supports('ExcelApi 1.5')) return null;
  const parts = context.workbook.customXmlParts;
  parts.load('items/id,items/namespaceUri');
  return parts;
}

export const partsIn = (parts: Excel.CustomXmlPartCollection | null, test: (ns: string) => boolean): Excel.CustomXmlPart[] =>
  parts ? parts.items.filter((p) => test(p.namespaceUri)) : [];

/** Queue: replace the record of `table` (stale parts for the same name are deleted). */
function queueTableRecord(context: Context, parts: Excel.CustomXmlPart[], xml: string): void {
  for (const p of parts) p.delete();
  context.workbook.customXmlParts.add(xml);
}

/** Queue the writes of one layout onto `ws` (nothing is sent). */
function queueLayout(ws: Excel.Worksheet, layout: SheetLayout, tableName: string): void {
  const { row: r0, col: c0 } = layout.origin;
  const width = layout.columns.length;
  const at = (row: number, col: number, rows = 1, cols = 1): Excel.Range => ws.getRange(area(row - 1, c0 + col, rows, cols));
  const headerRow = layout.headerRow;
  const n = layout.rows.length;

  // The table first: should Excel refuse it (a merged cell or another table the probe could not see), the batch
  // stops there and nothing else of it is written.
  const table = ws.tables.add(`${colLetter(c0)}${headerRow}:${colLetter(c0 + width - 1)}${headerRow + n}`, true);
  table.name = tableName;
  table.style = 'TableStyleLight9';

  const title = at(r0, 0);
  queueValues(title, [[layout.title]]);
  title.format.font.bold = true;
  title.format.font.size = 14;
  const sub = at(r0 + 1, 0);
  queueValues(sub, [[layout.subtitle]]);
  sub.format.font.size = 9;
  sub.format.font.color = '#595959';
  layout.legend.forEach((l, i) => {
    const c = at(r0 + 2, i * 2);
    queueValues(c, [[l.text]]);
    if (l.fill !== 'FFFFFF') c.format.fill.color = hex(l.fill);
  });

  queueValues(at(headerRow, 0, 1, width), [layout.header]);
  // Names, raw targets ("新增 2-5"), units and sources ("004:228") in the text format, so Excel keeps them as written;
  // only the formulas the layout built go in as formulas.
  queueCells(
    at(headerRow + 1, 0, n, width),
    layout.rows.map((r) => r.cells),
    layout.rows.map((r) => r.formulas),
    (i, j) => cellFormat(layout, layout.rows[i], j) ?? 'General',
  );
  for (const i of layout.inputColumns) at(headerRow + 1, i, n, 1).format.fill.color = hex(FILL.input);
  for (const i of layout.helperColumns) at(headerRow + 1, i, n, 1).format.font.color = hex(FONT.helper);

  const flagged = ws.getRange(layout.flagRange);
  for (const rule of supports('ExcelApi 1.6') ? layout.rules : []) {
    const cf = flagged.conditionalFormats.add(Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = `=${rule.formula}`;
    cf.custom.format.fill.color = hex(rule.fill);
    cf.custom.format.font.color = hex(rule.font);
  }

  if (supports('ExcelApi 1.2')) layout.widths.forEach((w, i) => (at(headerRow, i).format.columnWidth = w * 7));
  // A sheet of its own: the helper columns are for the formulas, hidden on screen and on paper (ExcelApi 1.2), as in
  // WPS and the portable workbook. Not at a selection elsewhere: whole columns there may hold a person's own cells.
  if (supports('ExcelApi 1.2') && r0 === 1 && c0 === 0) for (const i of layout.helperColumns) at(headerRow, i).columnHidden = true;
  at(headerRow, 0, 1, width).format.wrapText = true;
  // Printed as a report: landscape, one page wide, the header row on every page (ExcelApi 1.9).
  if (supports('ExcelApi 1.9') && r0 === 1 && c0 === 0) queuePrintSetup(ws, headerRow, layout.subtitle.slice(0, 100));
  if (supports('ExcelApi 1.7') && r0 === 1 && c0 === 0)
    ws.freezePanes.freezeAt(ws.getRange(area(0, 0, layout.freeze.rows, layout.freeze.columns)));
}

export interface InsertResult {
  sheets: string[];
  tables: string[];
}

/**
 * Insert each layout on a new worksheet of its own (named after the region; "(2)" when the name is taken), and
 * record what was written. Two round trips for any number of regions: one to learn the names in use, one to write.
 */
export async function insertOnNewSheets(context: Context, layouts: SheetLayout[]): Promise<InsertResult> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const tables = context.workbook.tables;
  tables.load('items/name');
  const parts = loadParts(context);
  await context.sync();

  const sheetNames = new Set(sheets.items.map((s) => s.name));
  const tableNames = new Set(tables.items.map((t) => t.name));
  const result: InsertResult = { sheets: [], tables: [] };
  layouts.forEach((layout, i) => {
    const name = freeSheetName(layout.sheetName, sheetNames);
    sheetNames.add(name);
    const tableName = freeTableName(layout.tableName, tableNames);
    tableNames.add(tableName);
    const ws = sheets.add(name);
    queueLayout(ws, layout, tableName);
    if (parts)
      queueTableRecord(
        context,
        partsIn(parts, (ns) => ns === tableNamespace(tableName)),
        serializeTable(recordOf(layout, tableName, name)),
      );
    if (i === 0) ws.activate();
    result.sheets.push(name);
    result.tables.push(tableName);
  });
  await context.sync();
  return result;
}

/**
 * Insert at the selected cell, on the selection's sheet, when every cell the table would cover is free (no value,
 * no formula), no merged area and no table crosses it; otherwise nothing is written and NeedsConfirmation names
 * the cells, areas or tables (the pane then offers a new sheet). Two round trips.
 * `makeLayout` receives the origin (the selected cell) and returns the layout placed there.
 */
export async function insertAtSelection(
  context: Context,
  makeLayout: (origin: { row: number; col: number }) => SheetLayout,
): Promise<InsertResult> {
  const probe = makeLayout({ row: 1, col: 0 });
  const [rows, cols] = layoutSize(probe);
  const selected = context.workbook.getSelectedRange();
  selected.load(['rowIndex', 'columnIndex']);
  // ExcelApi 1.1: the block is the selection's first cell stretched to the table's size.
  const corner = selected.getCell(0, 0);
  const block = corner.getBoundingRect(corner.getOffsetRange(rows - 1, cols - 1));
  block.load(['values', 'formulas', 'address']);
  const merged = supports('ExcelApi 1.13') ? block.getMergedAreasOrNullObject() : null;
  merged?.load('address');
  // Without ExcelApi 1.9 the table check is left to Excel: the table is added first, so a refusal writes nothing.
  const crossing = supports('ExcelApi 1.9') ? block.getTables(false) : null;
  crossing?.load('items/name');
  const ws = selected.worksheet;
  ws.load('name');
  const tables = context.workbook.tables;
  tables.load('items/name');
  const parts = loadParts(context);
  await context.sync();

  const refusal = refusalFor({
    row: selected.rowIndex,
    col: selected.columnIndex,
    values: block.values,
    formulas: block.formulas,
    merged: merged && !merged.isNullObject ? merged.address.split(',').map((a) => a.trim().replace(/^.*!/, '')) : [],
    tables: crossing ? crossing.items.map((t) => t.name) : [],
  });
  if (refusal) throw refused(refusal, ws.name, block.address);

  const layout = makeLayout({ row: selected.rowIndex + 1, col: selected.columnIndex });
  const tableName = freeTableName(layout.tableName, new Set(tables.items.map((t) => t.name)));
  queueLayout(ws, layout, tableName);
  if (parts)
    queueTableRecord(
      context,
      partsIn(parts, (ns) => ns === tableNamespace(tableName)),
      serializeTable(recordOf(layout, tableName, ws.name)),
    );
  await context.sync();
  return { sheets: [ws.name], tables: [tableName] };
}

export type { RefreshOutcome, RefreshResult } from '../../core/sheet/refresh';

/**
 * Refresh every inserted PLAN_ table: figures rewritten in place, rows matched by indicator id, the actual values
 * and any column a person added left exactly as they are; cells a person edited are kept and listed unless
 * `options.overwriteEdits`. Three round trips for any number of tables.
 * `layoutFor` gives the fresh layout for a table (by its region and origin), or null to leave it alone.
 */
export async function refreshTables(context: Context, layoutFor: LayoutFor, options: RefreshOptions = {}): Promise<RefreshOutcome> {
  const tables = context.workbook.tables;
  tables.load('items/name');
  const parts = loadParts(context);
  await context.sync();

  const records = partsIn(parts, (ns) => ns.startsWith(TABLE_NS_PREFIX));
  const byName = new Map(tables.items.map((t) => [t.name, t]));
  const missing = [...new Set(records.map((p) => p.namespaceUri.slice(TABLE_NS_PREFIX.length)).filter((n) => !byName.has(n)))];

  const ours = tables.items.filter((t) => t.name.startsWith('PLAN_'));
  const loaded = ours.flatMap((t) => {
    const probe = layoutFor(t.name, { row: 1, col: 0 });
    if (!probe) return [];
    const header = t.getHeaderRowRange();
    header.load(['values', 'rowIndex', 'columnIndex']);
    const body = t.getDataBodyRange();
    body.load(['formulas', 'rowIndex', 'columnIndex', 'columnCount']);
    // Below ExcelApi 1.2 the cells under a table cannot be checked first, so new rows are not added (and said so).
    const below = supports('ExcelApi 1.2') ? t.getRange().getRowsBelow(Math.max(1, probe.rows.length)) : null;
    below?.load(['values', 'formulas', 'rowIndex', 'columnIndex']);
    const ws = t.getRange().worksheet;
    ws.load('name');
    const own = records.filter((p) => p.namespaceUri === tableNamespace(t.name));
    const xml = own.length ? own[0].getXml() : null;
    return [{ t, header, body, below, ws, own, xml }];
  });
  await context.sync();

  const results: RefreshResult[] = [];
  for (const { t, header, body, below, ws, own, xml } of loaded) {
    const origin = { row: header.rowIndex + 1 - HEADER_OFFSET, col: header.columnIndex };
    const record = xml ? parseTable(xml.value) : null;
    // The method the table was made by (its record's), so its status formulas are refreshed as they were written.
    const headerTexts = header.values[0].map(String);
    // The table's own language (its header's): refresh keeps what the table was made as.
    const layout = layoutFor(t.name, origin, record?.method, headerTexts);
    if (!layout) continue;
    const sheet = ws.name;
    const plan = planRefresh(layout, headerTexts, body.formulas, body.rowIndex + 1, record, options);
    for (const w of plan.writes) {
      const cell = ws.getRange(area(body.rowIndex + w.row, body.columnIndex + w.col, 1, 1));
      if (w.formula && w.value !== null) cell.formulas = [[w.value as string]];
      else {
        // A text in the text format, so Excel keeps it as written (a number keeps the cell's format).
        if (typeof w.value === 'string') cell.numberFormat = [[TEXT_FORMAT]];
        cell.values = [[hostValue(w.value)]];
      }
    }
    let blocked: Refusal | null = null;
    let rows = plan.record;
    if (plan.append.length) {
      const n = plan.append.length;
      blocked = below
        ? refusalFor({
            row: below.rowIndex,
            col: below.columnIndex,
            values: below.values.slice(0, n),
            formulas: below.formulas.slice(0, n),
          })
        : { kind: 'unsupported', need: 'ExcelApi 1.2' };
      if (blocked) {
        const skipped = new Set(rows.slice(rows.length - n).map((r) => r.id));
        rows = rows.filter((r) => !skipped.has(r.id));
      } else {
        // rows.add reads what it is given as typed: formulas the layout built as they are, texts behind hostValue.
        const added = plan.append.map((r, i) => r.map((c, j) => (plan.appendFormulas[i][j] && c !== null ? c : hostValue(c))));
        // Several rows in one call need ExcelApi 1.4; before it, Excel adds a single row per call.
        if (supports('ExcelApi 1.4')) t.rows.add(undefined, added);
        else for (const row of added) t.rows.add(undefined, [row]);
        // The new rows' texts again, in the text format, so that 2-5 or 004:228 are not read as a date or a time.
        plan.append.forEach((row, i) =>
          row.forEach((v, j) => {
            if (typeof v !== 'string' || plan.appendFormulas[i][j] || !below) return;
            const cell = ws.getRange(area(below.rowIndex + i, below.columnIndex + j, 1, 1));
            cell.numberFormat = [[TEXT_FORMAT]];
            cell.values = [[hostValue(v)]];
          }),
        );
      }
    }
    if (parts)
      queueTableRecord(
        context,
        own,
        serializeTable({
          table: t.name,
          sheet,
          columns: ownedColumns(layout),
          rows,
          dataVersion: layout.dataVersion,
          method: layout.method,
        }),
      );
    const editCells = plan.edits.map((e) => ({
      sheet,
      cell: a1(body.rowIndex + e.row, body.columnIndex + e.col),
      indicator: e.indicator,
      column: e.column,
    }));
    const edits = editCells.map((c) => `${sheet}!${c.cell}`);
    results.push({ table: t.name, sheet, plan, edits, editCells, blocked });
  }
  await context.sync();
  return { tables: results, missing };
}

/** The PLAN_ tables in the workbook with the data version each recorded (absent in older records). Two round trips. */
export async function readRecordedTables(context: Context): Promise<{ table: string; dataVersion?: string }[]> {
  const tables = context.workbook.tables;
  tables.load('items/name');
  const parts = loadParts(context);
  await context.sync();
  const records = partsIn(parts, (ns) => ns.startsWith(TABLE_NS_PREFIX));
  const ours = tables.items.filter((t) => t.name.startsWith('PLAN_'));
  const xmls = ours.map((t) => {
    const own = records.find((p) => p.namespaceUri === tableNamespace(t.name));
    return { table: t.name, xml: own ? own.getXml() : null };
  });
  await context.sync();
  return xmls.map(({ table, xml }) => {
    const version = xml ? parseTable(xml.value)?.dataVersion : undefined;
    return version ? { table, dataVersion: version } : { table };
  });
}

/**
 * Write a formula into the active cell if it is free (no value, no formula), or if the person agreed to replace
 * what it holds. Two round trips.
 */
export async function writeFormulaToActiveCell(context: Context, formula: string, replace = false): Promise<string> {
  const cell = supports('ExcelApi 1.7') ? context.workbook.getActiveCell() : context.workbook.getSelectedRange().getCell(0, 0);
  cell.load(['values', 'formulas', 'address', 'rowIndex', 'columnIndex']);
  cell.worksheet.load('name');
  await context.sync();
  const refusal = refusalFor({ row: cell.rowIndex, col: cell.columnIndex, values: cell.values, formulas: cell.formulas });
  if (!replace && refusal) throw refused(refusal, cell.worksheet.name, cell.address);
  cell.formulas = [[formula]];
  await context.sync();
  return cell.address;
}

// Kept in the workbook (custom XML parts): apart, so the modern pane reads them before its first render without this file.
export { loadImportedPlans, saveImportedPlan } from './importedParts';
