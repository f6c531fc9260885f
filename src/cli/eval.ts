/** `plan eval`: formulas, or a small CSV sheet whose cells reference each other, evaluated by HyperFormula. */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DetailedCellError, type CellValue } from 'hyperformula';
import { colLetter } from '../core/layout';
import { createEngine } from '../hyperformula/engine';

export interface Evaluated {
  /** Each formula's result: one value, or rows when it spills. */
  results: CellValue[][][];
  /** "A1: #N/A 未知地区…" for every error, in reading order. */
  errors: string[];
}

/** How a cell shows on the terminal: numbers as JavaScript prints them, errors as their Excel code. */
export function show(v: CellValue): string {
  if (v instanceof DetailedCellError) return v.value;
  if (v === null || v === undefined) return '';
  return String(v);
}

function collectErrors(rows: CellValue[][], label: (r: number, c: number) => string): string[] {
  const out: string[] = [];
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v instanceof DetailedCellError) out.push(`${label(r, c)}: ${v.value} ${v.message}`);
    }),
  );
  return out;
}

/** Each formula on a sheet of its own, so that one formula's spill cannot collide with the next. */
export function evalFormulas(formulas: string[]): Evaluated {
  const sheets: Record<string, string[][]> = {};
  formulas.forEach((f, i) => (sheets[`F${i + 1}`] = [[f.trim().startsWith('=') ? f.trim() : `=${f.trim()}`]]));
  const hf = createEngine(sheets);
  const results: CellValue[][][] = [];
  const errors: string[] = [];
  formulas.forEach((f, i) => {
    const id = hf.getSheetId(`F${i + 1}`) as number;
    const rows = hf.getSheetValues(id);
    results.push(rows);
    errors.push(...collectErrors(rows, () => f.trim()));
  });
  hf.destroy();
  return { results, errors };
}

/** A CSV sheet: cells hold values or formulas ("=B2*2", "=PLAN.TARGET(A2,B2)"); returns the computed sheet. */
export function evalCsv(csv: string): { rows: CellValue[][]; errors: string[]; csv: string } {
  const cells: string[][] = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false });
  const hf = createEngine({ Sheet1: cells });
  const rows = hf.getSheetValues(0);
  hf.destroy();
  const errors = collectErrors(rows, (r, c) => `${colLetter(c)}${r + 1}`);
  return { rows, errors, csv: stringify(rows.map((r) => r.map(show))) };
}
