/**
 * Refreshing an inserted table after the data changed: which cells to rewrite, matched by indicator id (so rows
 * a person sorted or filtered still get their own figures), leaving every column a person fills in untouched.
 */
import { COLUMNS, type CellContent, type SheetLayout } from './layout';

export interface CellWrite {
  /** Zero-based row within the table body as it stands in the sheet now. */
  row: number;
  col: number;
  value: CellContent;
}

export interface RefreshPlan {
  writes: CellWrite[];
  /** Layout rows with no row in the sheet yet (an indicator added to the data): appended at the end. */
  append: CellContent[][];
  /** Ids in the sheet that the data no longer has: left as they are, reported. */
  orphaned: string[];
  /** Rows whose figures changed. */
  changed: string[];
}

function same(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined || a === '') && (b === null || b === undefined || b === '')) return true;
  if (typeof a === 'number' && typeof b === 'string' && b.trim() !== '') return a === Number(b);
  if (typeof b === 'number' && typeof a === 'string' && a.trim() !== '') return b === Number(a);
  return a === b;
}

/**
 * `header` is the table's header row as it stands, `body` its formulas (or values) row by row, starting at
 * sheet row `firstBodyRow` (1-based).
 * Columns are found by their header text, so a table whose columns a person moved still refreshes right;
 * columns the layout does not know (a person's own) are never touched.
 */
export function planRefresh(layout: SheetLayout, header: string[], body: unknown[][], firstBodyRow: number): RefreshPlan {
  // A table inserted in either language refreshes in either language.
  const position = COLUMNS.map((c) => header.findIndex((h) => h === c.header.zh || h === c.header.en));
  const known = position.filter((p) => p >= 0);
  if (known.some((p, i) => i > 0 && p < known[i - 1])) {
    // Plain formulas name their columns by letter; rewriting them after a person moved columns would point them wrong.
    throw new Error(
      '表格的列顺序已被调整，为免写错公式，未刷新；请恢复列顺序或重新插入 / the columns were reordered; nothing was refreshed',
    );
  }
  const idCol = position[COLUMNS.findIndex((c) => c.key === 'id')];
  if (idCol < 0) throw new Error('表中找不到“指标代码”列，无法按指标匹配刷新 / the table has no indicator-id column to match rows by');
  const byId = new Map(layout.rows.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const writes: CellWrite[] = [];
  const orphaned: string[] = [];
  const changed: string[] = [];
  body.forEach((current, row) => {
    const id = String(current[idCol] ?? '');
    const fresh = byId.get(id);
    if (!fresh) {
      if (id) orphaned.push(id);
      return;
    }
    seen.add(id);
    let differs = false;
    const cells = fresh.cellsAt(firstBodyRow + row);
    COLUMNS.forEach((c, i) => {
      const col = position[i];
      if (c.input || col < 0) return;
      const value = cells[i];
      if (!same(current[col], value)) {
        writes.push({ row, col, value });
        differs = true;
      }
    });
    if (differs) changed.push(id);
  });
  const append = layout.rows
    .filter((r) => !seen.has(r.id))
    .map((r, k) => {
      const cells = r.cellsAt(firstBodyRow + body.length + k);
      const out: CellContent[] = new Array(header.length).fill(null);
      COLUMNS.forEach((_c, i) => {
        if (position[i] >= 0) out[position[i]] = cells[i];
      });
      return out;
    });
  return { writes, append, orphaned, changed };
}
