/* global Excel */
/** Writing text to Excel so that it stays text (Excel reads a string written to `values` as if typed). */
import { textFormats } from '../../core/sheet/cells';

/** Queue values with the text format set first on every text cell (the other cells get General). */
export function queueValues(range: Excel.Range, values: (string | number | boolean)[][]): void {
  range.numberFormat = textFormats(values);
  range.values = values;
}

/** Queue formulas (and texts among them) with `formats`, the text format on every text cell, set first. */
export function queueFormulas(range: Excel.Range, contents: (string | number)[][], formats: (row: number, col: number) => string): void {
  range.numberFormat = textFormats(contents, formats);
  range.formulas = contents;
}
