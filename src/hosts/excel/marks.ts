/* global Excel */
/**
 * Marks in Excel: the selection read for "check my template", cells coloured by their status, and every mark taken
 * back. What to paint and what to restore is decided by src/core/sheet/marks.ts; the record lives in the workbook.
 */
import { a1, MarksRefused } from '../../core/sheet/cells';
import { MARKS_NS, parseMarks, serializeMarks, type Fill, type Mark } from '../../core/sheet/ledger';
import { changedCells, isNoFill, markKey, outsideBlock, planClear, planMarking, type MarkCell, type Restore } from '../../core/sheet/marks';
import { supports } from './requirements';
import { area, loadParts, partsIn, type Context } from './excel';

export interface ReadSelection {
  sheet: string;
  values: unknown[][];
  address: string;
  rowIndex: number;
  columnIndex: number;
}

/** The values of the selected range, its sheet and where it starts, for "check my template". One round trip. */
export async function readSelection(context: Context): Promise<ReadSelection> {
  const r = context.workbook.getSelectedRange();
  r.load(['values', 'address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
  r.worksheet.load('name');
  await context.sync();
  return { sheet: r.worksheet.name, values: r.values, address: r.address, rowIndex: r.rowIndex, columnIndex: r.columnIndex };
}

const fillProps = (): string[] => (supports('ExcelApi 1.9') ? ['color', 'pattern'] : ['color']);
const fillOf = (f: Excel.RangeFill): Fill =>
  supports('ExcelApi 1.9') ? { color: f.color, pattern: f.pattern as string } : { color: f.color };

function queueRestore(ws: Excel.Worksheet, r: Restore): void {
  const fill = ws.getRange(r.cell).format.fill;
  if (isNoFill(r.fill)) fill.clear();
  else {
    fill.color = r.fill.color;
    if (r.fill.pattern && r.fill.pattern !== 'Solid' && supports('ExcelApi 1.9')) fill.pattern = r.fill.pattern as Excel.FillPattern;
  }
}

export interface MarkResult {
  marked: number;
  /** Earlier marks taken back because this marking replaced them. */
  restored: number;
  /** Earlier marks left alone: a person re-coloured the cell since, or its sheet is gone (Sheet!A1). */
  left: string[];
}

/** Load the marks record, every sheet's id and name (sync), then the current fill of the given cells (sync). */
async function loadMarks(
  context: Context,
): Promise<{ marks: Mark[]; part: Excel.CustomXmlPart | null; sheets: Excel.WorksheetCollection }> {
  if (!supports('ExcelApi 1.5')) {
    throw new Error(
      '此版本的 Excel 无法在工作簿中保存标色记录（需 ExcelApi 1.5），为免无法撤销，未标色 / this Excel cannot keep the record needed to undo marks (ExcelApi 1.5 needed); nothing was coloured',
    );
  }
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id');
  const parts = loadParts(context);
  await context.sync();
  const part = partsIn(parts, (ns) => ns === MARKS_NS)[0] ?? null;
  const xml = part ? part.getXml() : null;
  await context.sync();
  return { marks: (xml && parseMarks(xml.value)) || [], part, sheets };
}

function loadFills(sheets: Excel.WorksheetCollection, marks: { sheetId: string; cell: string }[]): Map<string, Excel.RangeFill> {
  const out = new Map<string, Excel.RangeFill>();
  const ids = new Set(sheets.items.map((s) => s.id));
  for (const m of marks) {
    if (!ids.has(m.sheetId)) continue;
    const fill = sheets.getItem(m.sheetId).getRange(m.cell).format.fill;
    fill.load(fillProps());
    out.set(markKey(m.sheetId, m.cell), fill);
  }
  return out;
}

function writeMarks(context: Context, part: Excel.CustomXmlPart | null, marks: Mark[]): void {
  if (part) part.delete();
  if (marks.length) context.workbook.customXmlParts.add(serializeMarks(marks));
}

/**
 * Colour flagged cells of a person's template (fill only; values are never touched). `read` is what
 * `readSelection` returned; nothing is painted unless that block, on that sheet, still holds exactly what was
 * read. The fill each cell had is saved in the workbook first; earlier marks are taken back (see core/marks.ts).
 * Four round trips.
 */
export async function markCells(context: Context, read: ReadSelection, cells: MarkCell[]): Promise<MarkResult> {
  const { marks, part, sheets } = await loadMarks(context);
  const target = sheets.items.find((s) => s.name === read.sheet);
  if (!target) throw new MarksRefused({ kind: 'gone', sheet: read.sheet }, read.sheet);
  const rows = read.values.length;
  const cols = read.values[0]?.length ?? 0;
  const outside = outsideBlock(cells, { row: read.rowIndex, col: read.columnIndex, rows, cols });
  if (outside.length) throw new MarksRefused({ kind: 'changed', cells: outside }, read.sheet);

  const block = target.getRange(area(read.rowIndex, read.columnIndex, Math.max(rows, 1), Math.max(cols, 1)));
  block.load('values');
  const wanted = cells.map((c) => ({ sheetId: target.id, cell: a1(c.row, c.col), color: c.fill }));
  const fills = loadFills(sheets, [...wanted, ...marks]);
  await context.sync();

  const changed = changedCells(read.values, block.values, read.rowIndex, read.columnIndex);
  if (changed.length) throw new MarksRefused({ kind: 'changed', cells: changed }, read.sheet);
  const current = new Map([...fills].map(([k, f]) => [k, fillOf(f)]));
  const plan = planMarking(
    marks,
    target.id,
    target.name,
    wanted.map((w) => ({
      cell: w.cell,
      color: w.color,
      current: current.get(markKey(w.sheetId, w.cell)) ?? { color: '#FFFFFF', pattern: 'None' },
    })),
    current,
  );
  for (const r of plan.restore) queueRestore(sheets.getItem(r.sheetId), r);
  for (const p of plan.paint) target.getRange(p.cell).format.fill.color = p.color;
  writeMarks(context, part, plan.marks);
  await context.sync();
  return { marked: plan.paint.length, restored: plan.restore.length, left: plan.left.map((m) => `${m.sheet}!${m.cell}`) };
}

export interface ClearResult {
  restored: number;
  /** Marks left alone: the cell was re-coloured by a person since, or its sheet is gone (Sheet!A1). */
  left: string[];
}

/** Take every mark back: each cell still showing the add-in's colour gets its earlier fill again. Four round trips at most. */
export async function clearMarks(context: Context): Promise<ClearResult> {
  const { marks, part, sheets } = await loadMarks(context);
  if (!marks.length && !part) return { restored: 0, left: [] };
  const fills = loadFills(sheets, marks);
  await context.sync();
  const current = new Map([...fills].map(([k, f]) => [k, fillOf(f)]));
  const plan = planClear(marks, current);
  for (const r of plan.restore) queueRestore(sheets.getItem(r.sheetId), r);
  writeMarks(context, part, []);
  await context.sync();
  return { restored: plan.restore.length, left: plan.left.map((m) => `${m.sheet}!${m.cell}`) };
}
