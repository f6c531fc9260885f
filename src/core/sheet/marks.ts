/**
 * "Colour the flagged cells" and "clear the marks", decided here once for every host: which cells to paint, which
 * earlier marks to take back, and which fill each cell gets back. Hosts load the facts (what the cells hold now,
 * their fills, the marks record) and carry out the plan.
 *
 * Rules:
 * - cells are painted only when the block that was read still holds exactly what was read;
 * - the fill a cell had before the add-in first painted it is kept (marking twice does not stack: a cell that
 *   still shows our colour keeps its first "before");
 * - a new marking replaces the previous one: earlier marks not in the new set are taken back;
 * - a mark is taken back only while the cell still shows the colour the add-in painted; a cell a person has
 *   re-coloured since is left as it is and reported.
 */
import { a1 } from './cells';
import type { Fill, Mark } from './ledger';

/** One cell to paint: 0-based sheet row and column, fill as RRGGBB or #RRGGBB. */
export interface MarkCell {
  row: number;
  col: number;
  fill: string;
}

export const hexColor = (c: string): string => (c.startsWith('#') ? c : `#${c}`).toUpperCase();
export const sameColor = (a: string | null | undefined, b: string | null | undefined): boolean => !!a && !!b && hexColor(a) === hexColor(b);

/** A cell with no fill: Excel reports colour #FFFFFF and pattern None. */
export function isNoFill(f: Fill): boolean {
  return f.pattern === 'None' || (f.pattern === undefined && sameColor(f.color, '#FFFFFF'));
}

const blank = (v: unknown): boolean => v === '' || v === null || v === undefined;

/** Cells (A1) whose value differs between what was read and what the block holds now; the block starts at (row0, col0). */
export function changedCells(read: unknown[][], now: unknown[][], row0: number, col0: number): string[] {
  const out: string[] = [];
  const rows = Math.max(read.length, now.length);
  for (let i = 0; i < rows; i++) {
    const cols = Math.max(read[i]?.length ?? 0, now[i]?.length ?? 0);
    for (let j = 0; j < cols; j++) {
      const a = read[i]?.[j];
      const b = now[i]?.[j];
      if (!(blank(a) && blank(b)) && a !== b) out.push(a1(row0 + i, col0 + j));
    }
  }
  return out;
}

/** Cells to paint that lie outside the block that was read (the pane computed them wrong; nothing is painted). */
export function outsideBlock(cells: MarkCell[], block: { row: number; col: number; rows: number; cols: number }): string[] {
  return cells
    .filter((c) => c.row < block.row || c.row >= block.row + block.rows || c.col < block.col || c.col >= block.col + block.cols)
    .map((c) => a1(c.row, c.col));
}

const key = (sheetId: string, cell: string): string => `${sheetId}!${cell}`;

export interface Restore {
  sheetId: string;
  sheet: string;
  cell: string;
  fill: Fill;
}

export interface MarkingPlan {
  paint: { cell: string; color: string }[];
  /** Earlier marks to take back (their cells still show our colour). */
  restore: Restore[];
  /** Earlier marks a person re-coloured since, or whose sheet is gone: left alone, forgotten. */
  left: Mark[];
  /** The marks record after this marking. */
  marks: Mark[];
}

/**
 * `cells`: the new cells with their current fill. `current`: the current fill of every earlier mark's cell, by
 * `sheetId!cell` (missing = its sheet is gone).
 */
export function planMarking(
  existing: Mark[],
  sheetId: string,
  sheet: string,
  cells: { cell: string; color: string; current: Fill }[],
  current: Map<string, Fill>,
): MarkingPlan {
  const old = new Map(existing.map((m) => [key(m.sheetId, m.cell), m]));
  const marks: Mark[] = [];
  const paint: MarkingPlan['paint'] = [];
  const seen = new Set<string>();
  for (const c of cells) {
    const k = key(sheetId, c.cell);
    if (seen.has(k)) continue;
    seen.add(k);
    const prior = old.get(k);
    const before = prior && sameColor(c.current.color, prior.painted) ? prior.before : c.current;
    marks.push({ sheetId, sheet, cell: c.cell, painted: hexColor(c.color), before });
    paint.push({ cell: c.cell, color: hexColor(c.color) });
  }
  const { restore, left } = planClear(
    existing.filter((m) => !seen.has(key(m.sheetId, m.cell))),
    current,
  );
  return { paint, restore, left, marks };
}

/** Taking every mark back: restore those still showing our colour, leave the rest. */
export function planClear(existing: Mark[], current: Map<string, Fill>): { restore: Restore[]; left: Mark[] } {
  const restore: Restore[] = [];
  const left: Mark[] = [];
  for (const m of existing) {
    const now = current.get(key(m.sheetId, m.cell));
    if (now && sameColor(now.color, m.painted)) restore.push({ sheetId: m.sheetId, sheet: m.sheet, cell: m.cell, fill: m.before });
    else left.push(m);
  }
  return { restore, left };
}

export { key as markKey };
