/** `plan eval`: formulas, or a small CSV sheet whose cells reference each other, evaluated by HyperFormula. */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DetailedCellError, type CellValue } from 'hyperformula';
import { colLetter } from '../core/sheet/layout';
import type { Lang } from '../core/plan/plan';
import { getLanguage } from '../functions/impl';
import { createEngine } from '../hyperformula/engine';
import { explainError, parses } from '../hyperformula/messages';
import { readFormula } from '../hyperformula/quotes';
import { csvQuote } from '../core/exchange/formulaText';
import { CsvFormatError } from './spec';
import { PlanError } from '../core/errors';

export { CsvFormatError } from './spec';

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
  texts.forEach((f) => checkFormula(f));
  const sheets: Record<string, string[][]> = {};
  texts.forEach((f, i) => (sheets[`F${i + 1}`] = [[f]]));
  return bounded(() => evaluateSheets(sheets, texts, formulas, lang));
}

function evaluateSheets(sheets: Record<string, string[][]>, texts: string[], formulas: string[], lang: Lang): Evaluated {
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

/** Excel's own limits: a formula of at most 8,192 characters, 64 levels of nesting; a cell of at most 32,767 characters. */
export const EVAL_LIMITS = { formulaLength: 8192, nesting: 64, cellLength: 32767 };

/** Refuses a formula over Excel's length or nesting limit before the engine sees it. */
function checkFormula(f: string, where = ''): void {
  const at = where ? `${where}: ` : '';
  if (f.length > EVAL_LIMITS.formulaLength)
    throw new PlanError(
      'BAD_ARGUMENT',
      `${at}公式过长（${f.length} 个字符，Excel 最多 ${EVAL_LIMITS.formulaLength}）`,
      `${at}the formula is too long (${f.length} characters; Excel allows ${EVAL_LIMITS.formulaLength})`,
    );
  let depth = 0;
  let deepest = 0;
  let quoted = false;
  for (const ch of f) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') deepest = Math.max(deepest, ++depth);
    else if (!quoted && ch === ')') depth--;
  }
  if (deepest > EVAL_LIMITS.nesting)
    throw new PlanError(
      'BAD_ARGUMENT',
      `${at}公式嵌套过深（${deepest} 层括号，Excel 最多 ${EVAL_LIMITS.nesting} 层）`,
      `${at}the formula nests too deep (${deepest} levels of parentheses; Excel allows ${EVAL_LIMITS.nesting})`,
    );
}

/**
 * Runs the engine, turning what it cannot do (a stack too deep for a very long sum, a string too long for memory)
 * into a refusal in both languages, and refusing a text result longer than a cell holds.
 */
function bounded<T extends { errors: string[] }>(run: () => T & { results?: CellValue[][][]; rows?: CellValue[][] }): T {
  let out: T & { results?: CellValue[][][]; rows?: CellValue[][] };
  try {
    out = run();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new PlanError(
      'BAD_ARGUMENT',
      '公式过于复杂或结果过大，计算引擎无法完成（请拆成几个单元格）',
      'the formula is too complex or its result too large for the engine (split it over several cells)',
    );
  }
  const cells = out.results ? out.results.flat(2) : (out.rows ?? []).flat();
  const long = cells.find((v) => typeof v === 'string' && v.length > EVAL_LIMITS.cellLength) as string | undefined;
  if (long !== undefined)
    throw new PlanError(
      'BAD_ARGUMENT',
      `结果过长（${long.length} 个字符，一个单元格最多 ${EVAL_LIMITS.cellLength}）`,
      `the result is too long (${long.length} characters; a cell holds at most ${EVAL_LIMITS.cellLength})`,
    );
  return out;
}

/** CSV text for one cell: in double quotes, its own quotes doubled. */
function csvCell(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A formula with commas, written in a CSV file without double quotes around the cell, arrives cut at its commas
 * ("=PLAN.TARGET(A1" and "高企)"). When the cell's text and what follows it on its line make a formula that parses,
 * say so and show the cell as CSV wants it.
 */
function splitByComma(cell: string, rawLine: string, lang: Lang): string | undefined {
  if (!/^\s*[=＝]/.test(cell) || parses(readFormula(cell).formula)) return undefined;
  const start = rawLine.indexOf(cell);
  if (start < 0) return undefined;
  const rest = rawLine.slice(start).replace(/\r?\n$/, '');
  const ends = [...rest.matchAll(/,/g)].map((m) => m.index as number).concat(rest.length);
  for (const end of ends) {
    const formula = rest.slice(0, end);
    if (formula.length > cell.length && parses(readFormula(formula).formula)) {
      return lang === 'zh'
        ? `这个公式含逗号，在 CSV 中整个单元格要用双引号括起来（公式中的双引号写两遍）：${csvCell(formula)}`
        : `This formula has commas, so in CSV the whole cell needs double quotes (and its own quotes doubled): ${csvCell(formula)}`;
    }
  }
  return undefined;
}

function readCsv(csv: string): { record: string[]; raw: string }[] {
  try {
    return parse(csv.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      raw: true,
    }) as unknown as {
      record: string[];
      raw: string;
    }[];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    const where: [string, string] = line ? [`（第${line}行）`, ` at line ${line}`] : ['', ''];
    throw new CsvFormatError(
      `CSV 格式有误${where[0]}：${(e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED' ? '双引号没有闭合' : '引号或分隔符不对'}。含逗号或引号的单元格要整个用双引号括起来，其中的双引号写两遍。`,
      `The CSV cannot be read${where[1]}: ${(e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED' ? 'a double quote is not closed' : 'a quote or separator is out of place'}. A cell with commas or quotes goes in double quotes, its own quotes doubled.`,
    );
  }
}

/** A CSV sheet: cells hold values or formulas ("=B2*2", "=PLAN.TARGET(A2,B2)"); returns the computed sheet. */
export function evalCsv(csv: string, lang: Lang = getLanguage()): { rows: CellValue[][]; errors: string[]; notes: string[]; csv: string } {
  const records = readCsv(csv);
  const cells = records.map((r) => r.record);
  const label = (r: number, c: number): string => `${colLetter(c)}${r + 1}`;
  cells.forEach((row, r) => row.forEach((cell, c) => /^\s*[=＝]/.test(cell) && checkFormula(cell, label(r, c))));
  const { rows } = bounded(() => {
    const hf = createEngine({ Sheet1: cells });
    const computed = hf.getSheetValues(0);
    hf.destroy();
    return { rows: computed, errors: [] as string[] };
  });
  const notes: string[] = [];
  cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (/^\s*[=＝]/.test(cell) && readFormula(cell).changed) notes.push(quotesNote(label(r, c), lang));
    }),
  );
  const errors = collect(rows, label, (r, c) => cells[r]?.[c] ?? '', lang);
  cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const hint = rows[r]?.[c] instanceof DetailedCellError ? splitByComma(cell, records[r].raw, lang) : undefined;
      if (hint) {
        const at = errors.findIndex((e) => e.startsWith(`${label(r, c)}: `));
        if (at >= 0) errors[at] = `${label(r, c)}: ${show(rows[r][c])} ${hint}`;
      }
    }),
  );
  // A computed text that a spreadsheet would run (the text "=1+1" of a cell written '=1+1) keeps its apostrophe.
  return { rows, errors, notes, csv: stringify(rows.map((r) => r.map((v) => (typeof v === 'string' ? csvQuote(show(v)) : show(v))))) };
}
