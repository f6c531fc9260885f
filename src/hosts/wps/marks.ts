/**
 * Marks in WPS: the selection read for "check my template", cells coloured by their status, and every mark taken
 * back, as the Excel adapter does (src/hosts/excel/marks.ts), through ET's synchronous API.
 */
import { a1, MarksRefused } from '../../core/sheet/cells';
import { MARKS_NS, parseMarks, serializeMarks, type Fill, type Mark } from '../../core/sheet/ledger';
import { changedCells, isNoFill, markKey, outsideBlock, planClear, planMarking, type MarkCell, type Restore } from '../../core/sheet/marks';
import { bgr, grid, rgbHex, xlPatternNone, type EtApplication, type EtRange, type EtWorksheet } from './et';
import { block, partsIn, selectedRange, sheetId, sheets, writeRecord } from './adapter';

export interface ReadSelection {
  sheet: string;
  values: unknown[][];
  address: string;
  rowIndex: number;
  columnIndex: number;
}

/** Values of a block as the pane compares them: an empty cell is "". */
const shown = (r: EtRange): unknown[][] => grid(r.Value2).map((row) => row.map((v) => (v === undefined || v === null ? '' : v)));

/** The values of the selected range, its sheet and where it starts (0-based), for "check my template". */
export function readSelection(app: EtApplication): ReadSelection {
  const r = selectedRange(app);
  const sheet = r.Worksheet.Name;
  return { sheet, values: shown(r), address: `${sheet}!${r.Address(false, false)}`, rowIndex: r.Row - 1, columnIndex: r.Column - 1 };
}

function fillOf(r: EtRange): Fill {
  const i = r.Interior;
  return i.Pattern === xlPatternNone ? { color: '#FFFFFF', pattern: 'None' } : { color: rgbHex(i.Color), pattern: 'Solid' };
}

function restore(ws: EtWorksheet, r: Restore): void {
  const interior = ws.Range(r.cell).Interior;
  if (isNoFill(r.fill)) interior.Pattern = xlPatternNone;
  else interior.Color = bgr(r.fill.color);
}

function loadMarks(app: EtApplication): { marks: Mark[]; byId: Map<string, EtWorksheet> } {
  if (!app.ActiveWorkbook.CustomXMLParts) {
    throw new Error(
      '此版本的 WPS 无法在工作簿中保存标色记录，为免无法撤销，未标色 / this WPS cannot keep the record needed to undo marks; nothing was coloured',
    );
  }
  const part = partsIn(app.ActiveWorkbook, (ns) => ns === MARKS_NS)[0];
  const byId = new Map(sheets(app).map((ws) => [sheetId(ws), ws]));
  return { marks: (part && parseMarks(part.XML)) || [], byId };
}

/** Current fill of each mark's cell, by sheetId!cell (absent when its sheet is gone). */
function currentFills(byId: Map<string, EtWorksheet>, marks: { sheetId: string; cell: string }[]): Map<string, Fill> {
  const out = new Map<string, Fill>();
  for (const m of marks) {
    const ws = byId.get(m.sheetId);
    if (ws) out.set(markKey(m.sheetId, m.cell), fillOf(ws.Range(m.cell)));
  }
  return out;
}

export interface MarkResult {
  marked: number;
  restored: number;
  left: string[];
}

/**
 * Colour flagged cells of a person's template (fill only; values never touched). Nothing is painted unless the
 * block that was read, on that sheet, still holds exactly what was read. The fill each cell had is saved in the
 * workbook first; a new marking replaces the previous one (src/core/sheet/marks.ts).
 */
export function markCells(app: EtApplication, read: ReadSelection, cells: MarkCell[]): MarkResult {
  const { marks, byId } = loadMarks(app);
  const target = sheets(app).find((ws) => ws.Name === read.sheet);
  if (!target) throw new MarksRefused({ kind: 'gone', sheet: read.sheet }, read.sheet);
  const rows = read.values.length;
  const cols = read.values[0]?.length ?? 0;
  const outside = outsideBlock(cells, { row: read.rowIndex, col: read.columnIndex, rows, cols });
  if (outside.length) throw new MarksRefused({ kind: 'changed', cells: outside }, read.sheet);
  const now = shown(block(target, read.rowIndex, read.columnIndex, Math.max(rows, 1), Math.max(cols, 1)));
  const changed = changedCells(read.values, now, read.rowIndex, read.columnIndex);
  if (changed.length) throw new MarksRefused({ kind: 'changed', cells: changed }, read.sheet);

  const id = sheetId(target);
  const wanted = cells.map((c) => ({ cell: a1(c.row, c.col), color: c.fill }));
  const current = currentFills(byId, [...wanted.map((w) => ({ sheetId: id, cell: w.cell })), ...marks]);
  const plan = planMarking(
    marks,
    id,
    target.Name,
    wanted.map((w) => ({ ...w, current: current.get(markKey(id, w.cell)) ?? { color: '#FFFFFF', pattern: 'None' } })),
    current,
  );
  for (const r of plan.restore) restore(byId.get(r.sheetId)!, r);
  for (const p of plan.paint) target.Range(p.cell).Interior.Color = bgr(p.color);
  writeRecord(app.ActiveWorkbook, MARKS_NS, plan.marks.length ? serializeMarks(plan.marks) : null);
  return { marked: plan.paint.length, restored: plan.restore.length, left: plan.left.map((m) => `${m.sheet}!${m.cell}`) };
}

/** Take every mark back: each cell still showing the add-in's colour gets its earlier fill again. */
export function clearMarks(app: EtApplication): { restored: number; left: string[] } {
  const { marks, byId } = loadMarks(app);
  const plan = planClear(marks, currentFills(byId, marks));
  for (const r of plan.restore) restore(byId.get(r.sheetId)!, r);
  writeRecord(app.ActiveWorkbook, MARKS_NS, null);
  return { restored: plan.restore.length, left: plan.left.map((m) => `${m.sheet}!${m.cell}`) };
}
