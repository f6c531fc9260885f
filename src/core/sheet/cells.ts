/**
 * Whether the add-in may write to a person's cells: judged here once, from facts each host adapter loads
 * (Excel, WPS, the legacy pane), so every host refuses the same things for the same reasons.
 *
 * A cell is free only when it holds no value and no formula. A formula that shows nothing (`=IF(1>2,1,"")`)
 * is a person's work. Merged areas and tables (ours or anyone's) crossing the block refuse the write too.
 */
import { hostText } from '../exchange/formulaText';
import type { CellContent } from './columns';
import { cellNames } from './cellName';

/** What an adapter knows about one block of cells it would write. Arrays are row-major, 0-based. */
export interface BlockFacts {
  /** The block's top-left cell, 0-based sheet row and column. */
  row: number;
  col: number;
  /** Displayed values (`Range.values` / `Value2`), one row per array. */
  values: unknown[][];
  /** Formulas (`Range.formulas` / `Formula`); a constant cell's formula is its value. May be omitted only where the host gives none. */
  formulas?: unknown[][];
  /** Merged areas that overlap the block, as A1 addresses (empty when none). */
  merged?: string[];
  /** Tables that overlap the block, by name (empty when none). */
  tables?: string[];
}

export type Refusal =
  | { kind: 'occupied'; cells: string[] }
  | { kind: 'merged'; areas: string[] }
  | { kind: 'table'; tables: string[] }
  /** Cells that no longer hold what was read (marks are painted only on the cells that were checked). */
  | { kind: 'changed'; cells: string[] }
  /** The sheet that was read is gone (deleted or renamed). */
  | { kind: 'gone'; sheet: string }
  /** The host lacks the API needed to check the cells first (a requirement set, e.g. ExcelApi 1.2); nothing was written. */
  | { kind: 'unsupported'; need: string };

/** True when a cell holds nothing: no value and no formula. */
export function isFreeCell(value: unknown, formula?: unknown): boolean {
  const blank = (v: unknown) => v === '' || v === null || v === undefined;
  return blank(value) && blank(formula);
}

/** A1 address of a 0-based row and column (`A1`, `AA10`). */
export function a1(row: number, col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row + 1}`;
}

/**
 * Excel's text number format. Excel reads a string written to a cell as if typed (1-2 and 3/4 become dates, 004:228
 * a time, (100) -100, 004 the number 4); in a cell with this format the string stays as written.
 */
export const TEXT_FORMAT = '@';

/** A1 address of a block, 0-based row and column: what ExcelApi 1.1's getRange takes (getRangeByIndexes is 1.7). */
export function area(row: number, col: number, rows: number, cols: number): string {
  const first = a1(row, col);
  return rows === 1 && cols === 1 ? first : `${first}:${a1(row + rows - 1, col + cols - 1)}`;
}

/**
 * Why the block may not be written, or null when every cell is free and nothing crosses it.
 * `limit` caps how many occupied cells are named (the message names them; a person fixes a few at a time).
 */
export function refusalFor(block: BlockFacts, limit = 20): Refusal | null {
  if (block.merged && block.merged.length) return { kind: 'merged', areas: block.merged.slice() };
  if (block.tables && block.tables.length) return { kind: 'table', tables: block.tables.slice() };
  const cells: string[] = [];
  block.values.forEach((row, i) =>
    row.forEach((v, j) => {
      const f = block.formulas ? block.formulas[i]?.[j] : undefined;
      if (!isFreeCell(v, f) && cells.length < limit) cells.push(a1(block.row + i, block.col + j));
    }),
  );
  return cells.length ? { kind: 'occupied', cells } : null;
}

/** The refusal in plain words, naming the cells, areas or tables, in the user's language. */
export function describeRefusal(r: Refusal, sheet: string, lang: 'zh' | 'en'): string {
  // Cells a write or a mark was refused on are a person's own (outside an inserted table): named by address.
  const named = (cells: string[]): string =>
    cellNames(
      cells.map((cell) => ({ sheet, cell })),
      lang,
    );
  if (r.kind === 'occupied') {
    const list = named(r.cells);
    return lang === 'zh'
      ? `以下单元格已有内容（值或公式），未写入任何单元格：${list}`
      : `These cells already hold a value or formula; nothing was written: ${list}`;
  }
  if (r.kind === 'merged') {
    const list = r.areas.join(lang === 'zh' ? '、' : ', ');
    return lang === 'zh'
      ? `目标区域与合并单元格 ${list} 重叠，未写入任何单元格`
      : `The block overlaps merged cells ${list}; nothing was written`;
  }
  if (r.kind === 'changed') {
    const list = named(r.cells);
    return lang === 'zh'
      ? `以下单元格在读取之后已被修改，未标色；请重新读取所选区域：${list}`
      : `These cells changed since they were read; nothing was coloured. Read the selection again: ${list}`;
  }
  if (r.kind === 'unsupported') {
    return lang === 'zh'
      ? `此版本 Excel 不支持 ${r.need}，无法先确认单元格为空，因此未写入`
      : `This Excel lacks ${r.need}, so the cells could not be checked first; nothing was written`;
  }
  if (r.kind === 'gone') {
    return lang === 'zh'
      ? `工作表“${r.sheet}”已不存在（可能已删除或改名），未标色；请重新读取所选区域`
      : `The sheet "${r.sheet}" no longer exists (deleted or renamed); nothing was coloured. Read the selection again`;
  }
  const list = r.tables.join(lang === 'zh' ? '、' : ', ');
  return lang === 'zh'
    ? `目标区域与已有表格 ${list} 重叠，未写入任何单元格`
    : `The block overlaps the existing table ${list}; nothing was written`;
}

/**
 * Why Excel would refuse a worksheet name, or null when it is a valid one: blank, longer than 31 characters,
 * holding one of : \\ / ? * [ ], starting or ending with an apostrophe, or the reserved name "History".
 */
export function sheetNameProblem(name: string): string | null {
  if (!name.trim()) return 'blank';
  if (name.length > 31) return 'longer than 31 characters';
  if (/[:\\/?*[\]]/.test(name)) return 'contains one of : \\ / ? * [ ]';
  if (name.startsWith("'") || name.endsWith("'")) return 'starts or ends with an apostrophe';
  if (name.toLowerCase() === 'history') return 'reserved name History';
  return null;
}

/** A valid worksheet name made from `wanted` (forbidden characters dropped, cut to 31), not taken (case-insensitive): "name (2)"… */
export function freeSheetName(wanted: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  let base =
    wanted
      .replace(/[:\\/?*[\]]/g, '')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  if (base.toLowerCase() === 'history') base = `${base}_`;
  base = base.slice(0, 31);
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** A refusal in both languages, as the adapters' errors carry it. */
export function refusalText(refusal: Refusal, sheet: string): string {
  return `${describeRefusal(refusal, sheet, 'zh')} / ${describeRefusal(refusal, sheet, 'en')}`;
}

/** Marks refused (the cells changed since they were read, or their sheet is gone). Nothing was painted. */
export class MarksRefused extends Error {
  constructor(
    readonly refusal: Refusal,
    readonly sheet: string,
  ) {
    super(refusalText(refusal, sheet));
    this.name = 'MarksRefused';
  }
}

/** A table name not yet taken (case-insensitive, as Excel and WPS compare them): "PLAN_P_Ganzhou_2" when the name is. */
export function freeTableName(wanted: string, taken: Set<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) if (!lower.has(`${wanted}_${i}`.toLowerCase())) return `${wanted}_${i}`;
}

/**
 * A cell's content as a host's value setter (Office.js `values`, ET `Value2`) must receive it to store it as it is: empty
 * as "", a number as itself, a text as text (behind an apostrophe where the host would parse it as a formula, see
 * core/exchange/formulaText.ts). Never for a formula the layout built: those go through the host's formula setter.
 */
export function hostValue(c: CellContent): string | number {
  return c === null ? '' : typeof c === 'string' ? hostText(c) : c;
}

/**
 * A block of layout cells split for the host: `values` holds every text and number (null where a formula goes, which
 * Office.js reads as "leave the cell"), `formulas` the formulas the layout built (null elsewhere); `any` says whether
 * the block has a formula at all.
 */
export function splitFormulas(
  cells: CellContent[][],
  formulas: boolean[][],
): { values: (string | number | null)[][]; formulas: (string | null)[][]; any: boolean } {
  const only = cells.map((r, i) => r.map((c, j) => (formulas[i][j] && typeof c === 'string' ? c : null)));
  return {
    values: cells.map((r, i) => r.map((c, j) => (only[i][j] === null ? hostValue(c) : null))),
    formulas: only,
    any: only.some((r) => r.some((c) => c !== null)),
  };
}
