/**
 * The columns of a region's indicator sheet by the plan's period, their headings, formats and report formulas, and
 * the names of sheets and tables. The rows and rules that fill them are in ./layout.ts.
 */
import type { Entry, Period, Region } from '../plan/model';
import { baseYearOf, describePeriod, isSeedPeriod, periodOf, periodText, SEED_PERIOD } from '../plan/model';
import type { Lang } from '../plan/plan';
import { type MethodId } from '../progress/methods';
import {
  lastActualFormula,
  lastExpectedFormula,
  lastYearFormula,
  metFormula,
  progressFormula,
  reachedFormula,
  statusFormula,
  type RowRefs,
} from '../progress/assessment';
import { roundFigure } from '../plan/parse';

/** The years a person fills actual values for: each year after the period's last baseline, up to its target year. */
export function actualYears(p: Period): number[] {
  const years: number[] = [];
  for (let y = baseYearOf(p) + 1; y <= p.target; y++) years.push(y);
  return years;
}

/** Linked: cells hold PLAN formulas (need the add-in). Plain: values and ordinary formulas (work anywhere). */
export type Mode = 'linked' | 'plain';

export type ColumnKey =
  | 'row'
  | 'name'
  | 'unit'
  | `v${number}`
  | 'targetRaw'
  | 'target'
  | `actual${number}`
  | `expected${number}`
  | ReportColumnKey
  | 'direction'
  | 'base'
  | 'marks'
  | 'source'
  | 'id';

export interface Column {
  key: ColumnKey;
  header: Record<Lang, string>;
  width: number;
  /** Filled in by a person; never written by insert or refresh once the sheet exists. */
  input?: boolean;
  /** Helper columns the rules read; narrow and grey. */
  helper?: boolean;
  /** A number format of the column's own (shares of the way as per cent), instead of the indicator's. */
  numberFormat?: string;
  /** Headers the column had in earlier versions, by which tables inserted then are still found. */
  formerly?: string[];
}

export const Y = (y: number): Record<Lang, string> => ({ zh: `${y}年实际`, en: `${y} actual` });
// The expected columns hold values (what the row should have reached that year), so their headers say 应达值; the
// method (序时进度, the linear path) is named in the subtitle and legend. Tables inserted before were headed
// 序时进度 / 复合路径值: `formerly` keeps finding those.
export const E = (y: number): Record<Lang, string> => ({ zh: `${y}年应达值`, en: `${y} expected` });
// A sheet made by the compound-growth method: its expected columns hold the compound path, and say so.
export const EC = (y: number): Record<Lang, string> => ({ zh: `${y}年应达值（复合路径）`, en: `${y} expected (compound)` });

// The report columns (issue 12): where each row stands at its latest actual, and the final assessment in the
// plan's target year. Ordinary formulas over the row's own cells (src/core/progress/assessment.ts), so the 总览 sheet can
// count them live. The status column judges by the sheet's method (as its flag rules do); the progress column stays
// linear whatever the method: it is the share of the way from baseline to target, not a judgement.
export type ReportColumnKey = 'lastYear' | 'status' | 'progress' | `met${number}` | `reached${number}` | 'lastActual' | 'lastExpected';

export function reportColumns(target: number): Column[] {
  return [
    { key: 'lastYear', header: { zh: '最新实际年份', en: 'Latest actual year' }, width: 7 },
    { key: 'status', header: { zh: '进展状态', en: 'Status' }, width: 11 },
    { key: 'progress', header: { zh: '进度（基期→目标）', en: 'Progress (baseline → target)' }, width: 10, numberFormat: '0%' },
    { key: `met${target}`, header: { zh: `${target}年是否达标`, en: `${target} met?` }, width: 8 },
    { key: `reached${target}`, header: { zh: `${target}年目标完成率`, en: `${target} share of target` }, width: 9, numberFormat: '0.0%' },
    { key: 'lastActual', header: { zh: '最新实际值', en: 'Latest actual' }, width: 9, helper: true },
    { key: 'lastExpected', header: { zh: '最新应达值', en: 'Latest expected' }, width: 9, helper: true, formerly: ['最新序时值'] },
  ];
}

/** Fill a row's report cells (status, progress, final assessment and their helpers) with their formulas. */
export function setReportCells(
  e: Entry,
  r: number,
  headerRow: number,
  columns: Column[],
  L: (key: ColumnKey) => string,
  set: (key: ColumnKey, v: CellContent) => void,
  method: MethodId,
): void {
  const p = periodOf(e);
  const years = actualYears(p);
  const header = (key: ColumnKey): { ref: string; en: string } => ({
    ref: `${L(key)}$${headerRow}`,
    en: columns.find((c) => c.key === key)!.header.en,
  });
  const refs: RowRefs = {
    years,
    targetYear: p.target,
    actuals: years.map((y) => `${L(`actual${y}`)}${r}`),
    expected: years.map((y) => `${L(`expected${y}`)}${r}`),
    direction: `${L('direction')}${r}`,
    base: `${L('base')}${r}`,
    target: `${L('target')}${r}`,
    lastYear: `${L('lastYear')}${r}`,
    lastActual: `${L('lastActual')}${r}`,
    lastExpected: `${L('lastExpected')}${r}`,
    statusHeader: header('status'),
    metHeader: header(`met${p.target}`),
  };
  set('lastYear', lastYearFormula(refs));
  set('lastActual', lastActualFormula(refs));
  set('lastExpected', lastExpectedFormula(refs));
  set('status', statusFormula(e, refs, method));
  set('progress', progressFormula(e, refs));
  set(`met${p.target}`, metFormula(e, refs));
  set(`reached${p.target}`, reachedFormula(e, refs));
}

/** Decimals as the plan writes its figures for an indicator (baselines and target), at most `max`. */
export function decimalsWritten(e: Entry, max: number): number {
  const figures = [...periodOf(e).baselines.map((y) => e.values[y]), e.target].flatMap((v) => (v && v.value !== null ? [v.value] : []));
  return Math.min(max, Math.max(0, ...figures.map((x) => (String(roundFigure(x)).split('.')[1] ?? '').length)));
}

/**
 * Number format by the indicator's kind: counts and ranks whole; shares and growth rates with one or two decimals
 * as the plan writes them; amounts (亿元, 万人…) with the decimals the plan uses, at most two.
 */
export function numberFormatOf(e: Entry): string {
  const kind = e.indicator.kind;
  if (kind === 'rank') return '0';
  if (kind === 'share' || kind === 'growth') return decimalsWritten(e, 2) === 2 ? '0.00' : '0.0';
  const d = decimalsWritten(e, 2);
  return d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`;
}

/**
 * The columns of a sheet for a plan of period `p`, in order. The expected columns hold the path of the sheet's method:
 * the linear one (序时进度), or the compound one for `cagr`; the other methods judge against the linear path.
 */
export function columnsFor(p: Period, method: MethodId = 'linear'): Column[] {
  const compound = method === 'cagr';
  const key = `${describePeriod(p)}${compound ? ' cagr' : ''}`;
  let columns = columnCache.get(key);
  if (!columns) {
    const base = baseYearOf(p);
    const years = actualYears(p);
    const T = p.target;
    columns = [
      { key: 'row', header: { zh: '序号', en: 'No.' }, width: 6 },
      { key: 'name', header: { zh: '指标', en: 'Indicator' }, width: 36 },
      { key: 'unit', header: { zh: '单位', en: 'Unit' }, width: 8 },
      ...p.baselines.map((y): Column =>
        y === base
          ? { key: `v${y}`, header: { zh: `${y}年（基期）`, en: `${y} (baseline)` }, width: 12 }
          : { key: `v${y}`, header: { zh: `${y}年`, en: `${y}` }, width: 10 },
      ),
      { key: 'targetRaw', header: { zh: `${T}年目标（原文）`, en: `${T} target (as written)` }, width: 22 },
      { key: 'target', header: { zh: `${T}年目标值`, en: `${T} target value` }, width: 12 },
      ...years.map((y): Column => ({ key: `actual${y}`, header: Y(y), width: 11, input: true })),
      ...years.map((y): Column => ({
        key: `expected${y}`,
        header: compound ? EC(y) : E(y),
        width: 12,
        formerly: [compound ? `${y}年复合路径值` : `${y}年序时进度`],
      })),
      ...reportColumns(T),
      { key: 'direction', header: { zh: '方向', en: 'Direction' }, width: 6, helper: true },
      { key: 'base', header: { zh: '进度基准', en: 'Progress base' }, width: 9, helper: true },
      { key: 'marks', header: { zh: '标记', en: 'Marks' }, width: 18 },
      { key: 'source', header: { zh: '来源（文件:行）', en: 'Source (file:line)' }, width: 16 },
      { key: 'id', header: { zh: '指标代码', en: 'Indicator id' }, width: 14, helper: true },
    ];
    columnCache.set(key, columns);
  }
  return columns;
}
export const columnCache = new Map<string, Column[]>();

/** The columns of the seed plans' sheets (2019, 2020, 2021–2025). */
export const SEED_COLUMNS: Column[] = columnsFor(SEED_PERIOD);

/** Rows from the title to the header: with the title in A1, the header is in row 5. */
export const HEADER_OFFSET = 4;

/** Top-left cell of the layout: 1-based row of the title, 0-based column. */
export interface Origin {
  row: number;
  col: number;
}

/** Where a column stands among `columns` (a layout's; the seed plans' by default), zero-based. */
export function colIndex(key: ColumnKey, columns: Column[] = SEED_COLUMNS): number {
  const i = columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return i;
}

/** Letters already worked out, by index: every address written or compared names its column. */
const letters: string[] = [];

export function colLetter(index: number): string {
  let s = letters[index];
  if (s !== undefined) return s;
  s = '';
  for (let c = index + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  if (Number.isInteger(index) && index >= 0 && index < 16384) letters[index] = s; // XFD, the last column
  return s;
}

export type CellContent = string | number | null;

export interface SheetRow {
  id: string;
  /** Cell contents by column, formulas as "=…"; actual columns are null (a person fills them). */
  cells: CellContent[];
  /**
   * True for the cells that hold a formula the layout built; every other string is a text, even one beginning with "="
   * (a plan's name or figure as written): writers store those as text, never through a formula (issue 27).
   */
  formulas: boolean[];
  /** The same row's contents when it stands at another sheet row (1-based), as after a person sorted the table. */
  cellsAt: (sheetRow: number) => CellContent[];
  numberFormat: string;
  /** The target cell's format where the target is a range: its low end (the number, which the flags judge by) shown
   * with the high end beside it, "36–39". */
  targetFormat?: string;
}

export interface FlagRule {
  level: 'slightly_behind' | 'behind';
  /** A formula written for the first actual cell (top-left of the range); relative references move with it. */
  formula: string;
  fill: string;
  font: string;
}

export interface SheetLayout {
  region: string;
  mode: Mode;
  origin: Origin;
  /** 1-based sheet row of the header. */
  headerRow: number;
  sheetName: string;
  tableName: string;
  /** The plan's period, whose years the columns follow. */
  period: Period;
  /** The sheet's columns, in order (`columnsFor(period)`). */
  columns: Column[];
  /** The version of the data the figures come from (recorded with the table, so refresh can say what changed). */
  dataVersion: string;
  title: string;
  subtitle: string;
  legend: { text: string; fill: string }[];
  header: string[];
  rows: SheetRow[];
  widths: number[];
  /** Freeze the title, header and indicator name. */
  freeze: { rows: number; columns: number };
  /** Range of the actual cells that the rules flag, e.g. "H6:L21". */
  flagRange: string;
  rules: FlagRule[];
  /** The method the rules judge by (trend has no target, so its sheet flags as linear does). */
  method: MethodId;
  /** Zero-based indexes of the columns a person fills in. */
  inputColumns: number[];
  helperColumns: number[];
}

export const FILL = { slightlyBehind: 'FFEB9C', behind: 'FFC7CE', header: 'DDEBF7', input: 'FFFFF2' };
export const FONT = { slightlyBehind: '9C5700', behind: '9C0006', helper: '808080', official: '0070C0' };

/** Columns that hold figures in the indicator's unit, and so take its number format. */
export function isNumericColumn(key: ColumnKey): boolean {
  return /^(v\d|target$|actual|expected|base$)/.test(key);
}

/** Number format for a unit: counts whole, money and shares with two decimals. */
export function numberFormatFor(unit: string, kind: Entry['indicator']['kind']): string {
  if (kind === 'rank') return '0';
  if (['家', '个', '项', '件', '人', '名', '人年'].includes(unit) && kind === 'level') return '#,##0';
  if (unit === '万元') return '#,##0';
  return '#,##0.00';
}

/** The years a sheet name or table name mentions for a plan of another period than the seed plans' (none for those). */
export function periodTag(region: Region): { sheet: string; table: string } {
  const p = periodOf(region);
  return isSeedPeriod(p) ? { sheet: '', table: '' } : { sheet: `(${periodText(p)})`, table: `_T${p.target}` };
}

/** Sheet names: at most 31 characters, none of []:*?/\ — Excel's rule. A plan of another period says its years. */
export function sheetNameFor(region: Region, lang: Lang = 'zh'): string {
  const name = lang === 'zh' || !region.en ? `${region.name}指标` : `${region.en} indicators`;
  return `${name}${periodTag(region).sheet}`.replace(/[[\]:*?/\\]/g, '').slice(0, 31);
}

/**
 * The region's part of a table name: the Latin letters of its English name (Ganzhou), or for a region with none (an
 * imported plan named only in Chinese) its characters as hexadecimal code points (南昌 → U5357660C), so table names
 * stay within the letters, digits and underscores every host accepts.
 */
export function tableKeyOf(region: Region): string {
  const latin = region.en.replace(/[^A-Za-z]/g, '');
  if (latin) return latin;
  let hex = 'U';
  for (const ch of Array.from(region.name)) hex += ch.codePointAt(0)!.toString(16).toUpperCase();
  return hex;
}

/**
 * Excel table names: PLAN_L_Ganzhou (linked) or PLAN_P_Ganzhou (plain), so refresh knows region and mode; a plan of
 * another period than the seed plans' adds its target year (PLAN_L_Nanchang_T2030).
 */
export function tableNameFor(region: Region, mode: Mode): string {
  return `PLAN_${mode === 'linked' ? 'L' : 'P'}_${tableKeyOf(region)}${periodTag(region).table}`;
}

/**
 * The region key (see `tableKeyOf`), mode and target year (null: the seed plans' period) a table name says, or null
 * for a table that is not ours. A suffix the host added to keep names apart (PLAN_L_Ganzhou_2) is ignored.
 */
export function parseTableName(name: string): { key: string; mode: Mode; target: number | null } | null {
  const m = name.match(/^PLAN_([LP])_([A-Za-z0-9]+)(?:_T(\d{4}))?/);
  return m ? { key: m[2], mode: m[1] === 'L' ? 'linked' : 'plain', target: m[3] ? Number(m[3]) : null } : null;
}

/** True when the table name says this region's plan (its key and its period). */
export function isTableOf(region: Region, name: string): boolean {
  const parsed = parseTableName(name);
  if (!parsed || parsed.key !== tableKeyOf(region)) return false;
  const p = periodOf(region);
  return parsed.target === null ? isSeedPeriod(p) : !isSeedPeriod(p) && p.target === parsed.target;
}
