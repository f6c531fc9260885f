/**
 * How the pane's dialogs and notices name a cell. A statistician reads "赣州指标 · 高新技术企业 · 2023年目标值（G6）"
 * and knows which figure is meant; "赣州指标!G6" makes them go and look. A cell of an inserted table is named by its
 * sheet, its row's indicator and its column's header (both as the table shows them, in the table's language), with
 * the address after; any other cell (a person's own, outside a table) by its address alone. Pure: every host and
 * every pane (modern, legacy, WPS) names cells through here.
 */
import type { Lang } from '../plan/plan';

export interface CellRef {
  sheet: string;
  /** A1 address of the cell. */
  cell: string;
  /** The indicator of the row, as the table shows it; absent outside an inserted table. */
  indicator?: string;
  /** The column's header, as the table shows it ("2023年实际", "2030 target value"); absent outside a table. */
  column?: string;
}

/** The cell in plain words: "Sheet · indicator · column (A1)" inside an inserted table, "Sheet!A1" elsewhere. */
export function cellName(ref: CellRef, lang: Lang): string {
  const indicator = (ref.indicator ?? '').trim();
  const column = (ref.column ?? '').trim();
  if (!indicator && !column) return ref.sheet ? `${ref.sheet}!${ref.cell}` : ref.cell;
  const parts = [ref.sheet, indicator, column].filter(Boolean).join(' · ');
  return lang === 'zh' ? `${parts}（${ref.cell}）` : `${parts} (${ref.cell})`;
}

/** Several cells, joined as the language lists them. */
export function cellNames(refs: CellRef[], lang: Lang): string {
  return refs.map((r) => cellName(r, lang)).join(lang === 'zh' ? '、' : ', ');
}
