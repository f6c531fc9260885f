/* global Excel */
/**
 * The only place that speaks Excel's API: it writes what core's layout says, in as few round trips as the
 * API allows — everything is queued first and sent with one `context.sync()` (insertion: 2 in all, refresh: 3).
 * Nothing here overwrites a cell that holds something unless the caller says the person agreed.
 */
import { colLetter, COLUMNS, FILL, FONT, HEADER_OFFSET, isNumericColumn, type SheetLayout } from '../core/layout';
import { planRefresh, type RefreshPlan } from '../core/refresh';
import { ALL_FEATURES, type HostFeatures } from './requirements';

/** What the host can do, set once by the entry file from Office's requirement check (tests: everything). */
let features: HostFeatures = ALL_FEATURES;
export function configureHost(f: HostFeatures): void {
  features = f;
}

/** The part of Excel.RequestContext we use; the real one and the test fakes both satisfy it. */
export type Context = Excel.RequestContext;

export class NeedsConfirmation extends Error {
  constructor(
    message: string,
    readonly address: string,
  ) {
    super(message);
    this.name = 'NeedsConfirmation';
  }
}

const hex = (c: string): string => `#${c}`;

function isEmpty(values: unknown[][]): boolean {
  return values.every((row) => row.every((v) => v === '' || v === null || v === undefined));
}

function freeName(wanted: string, taken: Set<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

function bodyContents(layout: SheetLayout): (string | number)[][] {
  return layout.rows.map((r) => r.cells.map((c) => (c === null ? '' : c)));
}

/** Queue the writes of one layout onto `ws` (nothing is sent). */
function queueLayout(ws: Excel.Worksheet, layout: SheetLayout, tableName: string): void {
  const { row: r0, col: c0 } = layout.origin;
  const width = COLUMNS.length;
  const at = (row: number, col: number, rows = 1, cols = 1): Excel.Range => ws.getRangeByIndexes(row - 1, c0 + col, rows, cols);

  const title = at(r0, 0);
  title.values = [[layout.title]];
  title.format.font.bold = true;
  title.format.font.size = 14;
  const sub = at(r0 + 1, 0);
  sub.values = [[layout.subtitle]];
  sub.format.font.size = 9;
  sub.format.font.color = '#595959';
  layout.legend.forEach((l, i) => {
    const c = at(r0 + 2, i * 2);
    c.values = [[l.text]];
    if (l.fill !== 'FFFFFF') c.format.fill.color = hex(l.fill);
  });

  const headerRow = layout.headerRow;
  const n = layout.rows.length;
  at(headerRow, 0, 1, width).values = [layout.header];
  const body = at(headerRow + 1, 0, n, width);
  body.formulas = bodyContents(layout);
  body.numberFormat = layout.rows.map((r) => COLUMNS.map((c) => (isNumericColumn(c.key) ? r.numberFormat : 'General')));
  for (const i of layout.inputColumns) at(headerRow + 1, i, n, 1).format.fill.color = hex(FILL.input);
  for (const i of layout.helperColumns) at(headerRow + 1, i, n, 1).format.font.color = hex(FONT.helper);

  const table = ws.tables.add(`${colLetter(c0)}${headerRow}:${colLetter(c0 + width - 1)}${headerRow + n}`, true);
  table.name = tableName;
  table.style = 'TableStyleLight9';

  const flagged = ws.getRange(layout.flagRange);
  for (const rule of features.conditionalFormats ? layout.rules : []) {
    const cf = flagged.conditionalFormats.add(Excel.ConditionalFormatType.custom);
    cf.custom.rule.formula = `=${rule.formula}`;
    cf.custom.format.fill.color = hex(rule.fill);
    cf.custom.format.font.color = hex(rule.font);
  }

  if (features.columnWidth) layout.widths.forEach((w, i) => (at(headerRow, i).format.columnWidth = w * 7));
  at(headerRow, 0, 1, width).format.wrapText = true;
  if (features.freezePanes && r0 === 1 && c0 === 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, layout.freeze.rows, layout.freeze.columns));
}

export interface InsertResult {
  sheets: string[];
  tables: string[];
}

/**
 * Insert each layout on a new worksheet of its own (named after the region; "(2)" when the name is taken).
 * Two round trips for any number of regions: one to learn the names in use, one to write.
 */
export async function insertOnNewSheets(context: Context, layouts: SheetLayout[]): Promise<InsertResult> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const tables = context.workbook.tables;
  tables.load('items/name');
  await context.sync();

  const sheetNames = new Set(sheets.items.map((s) => s.name));
  const tableNames = new Set(tables.items.map((t) => t.name));
  const result: InsertResult = { sheets: [], tables: [] };
  layouts.forEach((layout, i) => {
    const name = freeName(layout.sheetName, sheetNames);
    sheetNames.add(name);
    const tableName = freeName(layout.tableName, tableNames).replace(/[ ()]/g, '_');
    tableNames.add(tableName);
    const ws = sheets.add(name);
    queueLayout(ws, layout, tableName);
    if (i === 0) ws.activate();
    result.sheets.push(name);
    result.tables.push(tableName);
  });
  await context.sync();
  return result;
}

/** Rows and columns a layout covers, from its title to its last row. */
export function layoutSize(layout: SheetLayout): [number, number] {
  return [HEADER_OFFSET + 1 + layout.rows.length, COLUMNS.length];
}

/**
 * Insert at the selected cell, on the active sheet, when every cell the table would cover is empty; otherwise
 * nothing is written and NeedsConfirmation says where (the pane then offers a new sheet). Two round trips.
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
  const block = selected.getAbsoluteResizedRange(rows, cols);
  block.load(['values', 'address']);
  const ws = context.workbook.worksheets.getActiveWorksheet();
  ws.load('name');
  const tables = context.workbook.tables;
  tables.load('items/name');
  await context.sync();

  if (!isEmpty(block.values)) {
    throw new NeedsConfirmation(`所选位置 ${block.address} 已有内容，未写入任何单元格`, block.address);
  }
  const layout = makeLayout({ row: selected.rowIndex + 1, col: selected.columnIndex });
  const tableName = freeName(layout.tableName, new Set(tables.items.map((t) => t.name))).replace(/[ ()]/g, '_');
  queueLayout(ws, layout, tableName);
  await context.sync();
  return { sheets: [ws.name], tables: [tableName] };
}

export interface RefreshResult {
  table: string;
  plan: RefreshPlan;
}

/**
 * Refresh every inserted PLAN_ table: figures rewritten in place, rows matched by indicator id, the actual values
 * and any column a person added left exactly as they are. Three round trips for any number of tables.
 * `layoutFor` gives the fresh layout for a table (by its region and origin), or null to leave it alone.
 */
export async function refreshTables(
  context: Context,
  layoutFor: (tableName: string, origin: { row: number; col: number }) => SheetLayout | null,
): Promise<RefreshResult[]> {
  const tables = context.workbook.tables;
  tables.load('items/name');
  await context.sync();

  const ours = tables.items.filter((t) => t.name.startsWith('PLAN_'));
  const loaded = ours.map((t) => {
    const header = t.getHeaderRowRange();
    header.load(['values', 'rowIndex', 'columnIndex']);
    const body = t.getDataBodyRange();
    body.load(['formulas', 'rowIndex', 'columnIndex', 'columnCount']);
    return { t, header, body };
  });
  await context.sync();

  const results: RefreshResult[] = [];
  for (const { t, header, body } of loaded) {
    const origin = { row: header.rowIndex + 1 - HEADER_OFFSET, col: header.columnIndex };
    const layout = layoutFor(t.name, origin);
    if (!layout) continue;
    const headerTexts = header.values[0].map(String);
    const plan = planRefresh(layout, headerTexts, body.formulas, body.rowIndex + 1);
    const ws = t.worksheet;
    for (const w of plan.writes) {
      ws.getRangeByIndexes(body.rowIndex + w.row, body.columnIndex + w.col, 1, 1).formulas = [[w.value === null ? '' : w.value]];
    }
    if (plan.append.length)
      t.rows.add(
        undefined,
        plan.append.map((r) => r.map((c) => (c === null ? '' : c))),
      );
    results.push({ table: t.name, plan });
  }
  await context.sync();
  return results;
}

/** Write a formula into the active cell, if it is empty or the person agreed to replace it. Two round trips. */
export async function writeFormulaToActiveCell(context: Context, formula: string, replace = false): Promise<string> {
  const cell = context.workbook.getActiveCell();
  cell.load(['formulas', 'address']);
  await context.sync();
  const current = cell.formulas[0][0];
  if (!replace && current !== '' && current !== null) {
    throw new NeedsConfirmation(`单元格 ${cell.address} 已有内容“${String(current).slice(0, 40)}”`, cell.address);
  }
  cell.formulas = [[formula]];
  await context.sync();
  return cell.address;
}

/** The values of the selected range and where it starts, for "check my template". One round trip. */
export async function readSelection(
  context: Context,
): Promise<{ values: unknown[][]; address: string; rowIndex: number; columnIndex: number }> {
  const r = context.workbook.getSelectedRange();
  r.load(['values', 'address', 'rowIndex', 'columnIndex']);
  await context.sync();
  return { values: r.values, address: r.address, rowIndex: r.rowIndex, columnIndex: r.columnIndex };
}

/** Colour flagged cells of a person's template (format only; values are never touched). One round trip. */
export async function markCells(context: Context, cells: { row: number; col: number; fill: string }[]): Promise<void> {
  const ws = context.workbook.worksheets.getActiveWorksheet();
  for (const c of cells) ws.getRangeByIndexes(c.row, c.col, 1, 1).format.fill.color = hex(c.fill);
  await context.sync();
}
