/** `plan eval`: formulas, or a small CSV sheet whose cells reference each other, evaluated by HyperFormula. */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DetailedCellError, type CellValue } from 'hyperformula';
import { colLetter } from '../core/layout';
import type { Lang } from '../core/plan';
import { getLanguage } from '../functions/impl';
import { createEngine } from '../hyperformula/engine';
import { explainError } from '../hyperformula/messages';
import { readFormula } from '../hyperformula/quotes';

export interface Evaluated {
  /** Each formula's result: one value, or rows when it spills. */
  results: CellValue[][][];
  /** "A1: #N/A 未知地区…" for every error, in reading order, in the user's language. */
  errors: string[];
  /** Things worth knowing that are not errors: quotes read as straight ones. */
  notes: string[];
}

/** How a cell shows on the terminal: numbers as JavaScript prints them, errors as their Excel code. */
export function show(v: CellValue): string {
  if (v instanceof DetailedCellError) return v.value;
  if (v === null || v === undefined) return '';
  return String(v);
}

function quotesNote(where: string, lang: Lang): string {
  return lang === 'zh'
    ? `注：${where} 中的中文引号或全角标点已按英文半角读取；在 Excel 中请输入英文直引号 "…"`
    : `Note: the curly quotes or full-width punctuation in ${where} were read as straight ones; Excel needs straight quotes "…"`;
}

function collect(
  rows: CellValue[][],
  label: (r: number, c: number) => string,
  formulaAt: (r: number, c: number) => string,
  lang: Lang,
): string[] {
  const out: string[] = [];
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v instanceof DetailedCellError) out.push(`${label(r, c)}: ${v.value} ${explainError(formulaAt(r, c), v, lang)}`);
    }),
  );
  return out;
}

/** Each formula on a sheet of its own, so that one formula's spill cannot collide with the next. */
export function evalFormulas(formulas: string[], lang: Lang = getLanguage()): Evaluated {
  const texts = formulas.map((f) => (/^[=＝]/.test(f.trim()) ? f.trim() : `=${f.trim()}`));
  const sheets: Record<string, string[][]> = {};
  texts.forEach((f, i) => (sheets[`F${i + 1}`] = [[f]]));
  const hf = createEngine(sheets);
  const results: CellValue[][][] = [];
  const errors: string[] = [];
  const notes: string[] = [];
  texts.forEach((f, i) => {
    const id = hf.getSheetId(`F${i + 1}`) as number;
    const rows = hf.getSheetValues(id);
    results.push(rows);
    if (readFormula(f).changed) notes.push(quotesNote(formulas[i].trim(), lang));
    errors.push(
      ...collect(
        rows,
        () => formulas[i].trim(),
        () => f,
        lang,
      ),
    );
  });
  hf.destroy();
  return { results, errors, notes };
}

/** A CSV sheet: cells hold values or formulas ("=B2*2", "=PLAN.TARGET(A2,B2)"); returns the computed sheet. */
export function evalCsv(csv: string, lang: Lang = getLanguage()): { rows: CellValue[][]; errors: string[]; notes: string[]; csv: string } {
  const cells: string[][] = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false });
  const hf = createEngine({ Sheet1: cells });
  const rows = hf.getSheetValues(0);
  hf.destroy();
  const label = (r: number, c: number): string => `${colLetter(c)}${r + 1}`;
  const notes: string[] = [];
  cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (/^\s*[=＝]/.test(cell) && readFormula(cell).changed) notes.push(quotesNote(label(r, c), lang));
    }),
  );
  const errors = collect(rows, label, (r, c) => cells[r]?.[c] ?? '', lang);
  return { rows, errors, notes, csv: stringify(rows.map((r) => r.map(show))) };
}
