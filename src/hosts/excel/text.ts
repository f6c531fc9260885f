/* global Excel */
/**
 * Writing cells to Excel so that text stays text and only the formulas the layout built are formulas. Excel reads a
 * string written to `values` as if typed (1-2 a date, 004:228 a time, =… a formula), so every text cell gets the text
 * format first, and a text Excel would still take for a formula goes in behind its quote prefix (hostValue). Built
 * formulas go through `formulas`; nothing else does.
 */
import { splitFormulas, TEXT_FORMAT } from '../../core/sheet/cells';
import type { CellContent } from '../../core/sheet/layout';

const none = (): string => 'General';

/** Queue a block of texts and numbers (no formulas): text cells in the text format, set first. */
export function queueValues(range: Excel.Range, values: CellContent[][], formats: (row: number, col: number) => string = none): void {
  queueCells(
    range,
    values,
    values.map((r) => r.map(() => false)),
    formats,
  );
}

/**
 * Queue a block of layout cells: `formulas` marks the cells that hold a formula the layout built. Number formats
 * first (the text format on text cells, `formats` elsewhere), then texts and numbers through `values`, then the
 * built formulas through `formulas` (null in either leaves the cell to the other).
 */
export function queueCells(
  range: Excel.Range,
  cells: CellContent[][],
  formulas: boolean[][],
  formats: (row: number, col: number) => string = none,
): void {
  range.numberFormat = cells.map((r, i) => r.map((c, j) => (typeof c === 'string' && !formulas[i][j] ? TEXT_FORMAT : formats(i, j))));
  const split = splitFormulas(cells, formulas);
  range.values = split.values as (string | number)[][];
  if (split.any) range.formulas = split.formulas as string[][];
}
