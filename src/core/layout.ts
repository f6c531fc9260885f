/**
 * The layout of a region's indicator sheet: what goes in which cell, with which format, which rule flags
 * an actual value behind its trajectory. Pure data; the Office adapter and the .xlsx writer both follow it.
 *
 *   row 1  title: plan name and issuing number            (rows count from the layout's origin)
 *   row 2  data version, source file, how to read the sheet
 *   row 3  legend of the flags
 *   row 5  header; rows 6… one per indicator
 *
 * Columns: the plan's figures (baselines, target as written and as a number), 2021–2025 actual values for a
 * person to fill in, 2021–2025 expected values on the linear path, and the helper columns the flag rules
 * read (direction, progress base), then marks, source and the indicator id that refresh matches rows by.
 */
import { PlanError } from './errors';
import type { Entry, Region } from './model';
import { BASELINE_YEAR, TARGET_YEAR, describePeriod, isSeedPeriod, periodOf } from './model';
import { marksOf, sourceLines } from './rows';
import { baselineOf, isRate } from './trajectory';
import type { Lang } from './plan';
import { METHODS, ON_TRACK, SLIGHTLY_BEHIND, type MethodId } from './methods';
import {
  lastActualFormula,
  lastExpectedFormula,
  lastYearFormula,
  metFormula,
  progressFormula,
  reachedFormula,
  statusFormula,
  type RowRefs,
} from './assessment';
import { roundFigure } from './parse';

export const YEARS = [2021, 2022, 2023, 2024, 2025] as const;

/** Linked: cells hold PLAN formulas (need the add-in). Plain: values and ordinary formulas (work anywhere). */
export type Mode = 'linked' | 'plain';

export type ColumnKey =
  | 'row'
  | 'name'
  | 'unit'
  | 'v2019'
  | 'v2020'
  | 'targetRaw'
  | 'target'
  | `actual${(typeof YEARS)[number]}`
  | `expected${(typeof YEARS)[number]}`
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
}

const Y = (y: number): Record<Lang, string> => ({ zh: `${y}年实际`, en: `${y} actual` });
const E = (y: number): Record<Lang, string> => ({ zh: `${y}年序时进度`, en: `${y} expected` });

// The report columns (issue 12): where each row stands at its latest actual, and the 2025 final assessment.
// Ordinary formulas over the row's own cells (src/core/assessment.ts), so the 总览 sheet can count them live.
export type ReportColumnKey = 'lastYear' | 'status' | 'progress' | 'met2025' | 'reached2025' | 'lastActual' | 'lastExpected';

const REPORT_COLUMNS: Column[] = [
  { key: 'lastYear', header: { zh: '最新实际年份', en: 'Latest actual year' }, width: 7 },
  { key: 'status', header: { zh: '进展状态', en: 'Status' }, width: 11 },
  { key: 'progress', header: { zh: '进度（基期→目标）', en: 'Progress (baseline → target)' }, width: 10, numberFormat: '0%' },
  { key: 'met2025', header: { zh: '2025年是否达标', en: '2025 met?' }, width: 8 },
  { key: 'reached2025', header: { zh: '2025年目标完成率', en: '2025 share of target' }, width: 9, numberFormat: '0.0%' },
  { key: 'lastActual', header: { zh: '最新实际值', en: 'Latest actual' }, width: 9, helper: true },
  { key: 'lastExpected', header: { zh: '最新序时值', en: 'Latest expected' }, width: 9, helper: true },
];

/** Fill a row's report cells (status, progress, 2025 assessment and their helpers) with their formulas. */
function setReportCells(
  e: Entry,
  r: number,
  headerRow: number,
  L: (key: ColumnKey) => string,
  set: (key: ColumnKey, v: CellContent) => void,
): void {
  const header = (key: ColumnKey): { ref: string; en: string } => ({
    ref: `${L(key)}$${headerRow}`,
    en: REPORT_COLUMNS.find((c) => c.key === key)!.header.en,
  });
  const refs: RowRefs = {
    actuals: YEARS.map((y) => `${L(`actual${y}`)}${r}`),
    expected: YEARS.map((y) => `${L(`expected${y}`)}${r}`),
    direction: `${L('direction')}${r}`,
    base: `${L('base')}${r}`,
    target: `${L('target')}${r}`,
    lastYear: `${L('lastYear')}${r}`,
    lastActual: `${L('lastActual')}${r}`,
    lastExpected: `${L('lastExpected')}${r}`,
    statusHeader: header('status'),
    metHeader: header('met2025'),
  };
  set('lastYear', lastYearFormula(refs));
  set('lastActual', lastActualFormula(refs));
  set('lastExpected', lastExpectedFormula(refs));
  set('status', statusFormula(e, refs));
  set('progress', progressFormula(e, refs));
  set('met2025', metFormula(e, refs));
  set('reached2025', reachedFormula(e, refs));
}

/** Decimals as the plan writes its figures for an indicator (baselines and target), at most `max`. */
function decimalsWritten(e: Entry, max: number): number {
  const figures = [e.values[2019], e.values[2020], e.target].flatMap((v) => (v && v.value !== null ? [v.value] : []));
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

export const COLUMNS: Column[] = [
  { key: 'row', header: { zh: '序号', en: 'No.' }, width: 6 },
  { key: 'name', header: { zh: '指标', en: 'Indicator' }, width: 36 },
  { key: 'unit', header: { zh: '单位', en: 'Unit' }, width: 8 },
  { key: 'v2019', header: { zh: '2019年', en: '2019' }, width: 10 },
  { key: 'v2020', header: { zh: '2020年（基期）', en: '2020 (baseline)' }, width: 12 },
  { key: 'targetRaw', header: { zh: '2025年目标（原文）', en: '2025 target (as written)' }, width: 22 },
  { key: 'target', header: { zh: '2025年目标值', en: '2025 target value' }, width: 12 },
  ...YEARS.map((y): Column => ({ key: `actual${y}`, header: Y(y), width: 11, input: true })),
  ...YEARS.map((y): Column => ({ key: `expected${y}`, header: E(y), width: 12 })),
  ...REPORT_COLUMNS,
  { key: 'direction', header: { zh: '方向', en: 'Direction' }, width: 6, helper: true },
  { key: 'base', header: { zh: '进度基准', en: 'Progress base' }, width: 9, helper: true },
  { key: 'marks', header: { zh: '标记', en: 'Marks' }, width: 18 },
  { key: 'source', header: { zh: '来源（文件:行）', en: 'Source (file:line)' }, width: 16 },
  { key: 'id', header: { zh: '指标代码', en: 'Indicator id' }, width: 14, helper: true },
];

/** Rows from the title to the header: with the title in A1, the header is in row 5. */
export const HEADER_OFFSET = 4;

/** Top-left cell of the layout: 1-based row of the title, 0-based column. */
export interface Origin {
  row: number;
  col: number;
}

export function colIndex(key: ColumnKey): number {
  const i = COLUMNS.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return i;
}

export function colLetter(index: number): string {
  let s = '';
  for (let c = index + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export type CellContent = string | number | null;

export interface SheetRow {
  id: string;
  /** Cell contents by column, formulas as "=…"; actual columns are null (a person fills them). */
  cells: CellContent[];
  /** The same row's contents when it stands at another sheet row (1-based), as after a person sorted the table. */
  cellsAt: (sheetRow: number) => CellContent[];
  numberFormat: string;
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
export const FONT = { slightlyBehind: '9C5700', behind: '9C0006', helper: '808080' };

/** Columns that hold figures in the indicator's unit, and so take its number format. */
export function isNumericColumn(key: ColumnKey): boolean {
  return /^(v20|target$|actual|expected|base$)/.test(key);
}

/** Number format for a unit: counts whole, money and shares with two decimals. */
export function numberFormatFor(unit: string, kind: Entry['indicator']['kind']): string {
  if (kind === 'rank') return '0';
  if (['家', '个', '项', '件', '人', '名', '人年'].includes(unit) && kind === 'level') return '#,##0';
  if (unit === '万元') return '#,##0';
  return '#,##0.00';
}

/** Sheet names: at most 31 characters, none of []:*?/\ — Excel's rule. */
export function sheetNameFor(region: Region): string {
  return `${region.name}指标`.replace(/[[\]:*?/\\]/g, '').slice(0, 31);
}

/** Excel table names: PLAN_L_Ganzhou (linked) or PLAN_P_Ganzhou (plain), so refresh knows region and mode. */
export function tableNameFor(region: Region, mode: Mode): string {
  return `PLAN_${mode === 'linked' ? 'L' : 'P'}_${region.en.replace(/[^A-Za-z]/g, '')}`;
}

/** The region (by English name) and mode a table name says, or null for a table that is not ours. */
export function parseTableName(name: string): { en: string; mode: Mode } | null {
  const m = name.match(/^PLAN_([LP])_([A-Za-z]+)/);
  return m ? { en: m[2], mode: m[1] === 'L' ? 'linked' : 'plain' } : null;
}

function q(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function rowCells(region: Region, e: Entry, r: number, mode: Mode, origin: Origin): CellContent[] {
  const L = (key: ColumnKey): string => colLetter(colIndex(key) + origin.col);
  const cells: CellContent[] = new Array(COLUMNS.length).fill(null);
  const set = (key: ColumnKey, v: CellContent): void => {
    cells[colIndex(key)] = v;
  };
  const call = (fn: string, ...args: (string | number)[]): string =>
    `=PLAN.${fn}(${[q(region.name), q(e.indicator.id), ...args.map((a) => (typeof a === 'number' ? String(a) : q(a)))].join(',')})`;
  const stated = (year: 2019 | 2020): CellContent => {
    const v = e.values[year];
    if (!v) return null;
    if (v.value === null) return v.raw;
    return mode === 'linked' ? call('BASELINE', year) : v.value;
  };

  set('row', e.row ?? null);
  set('name', e.name);
  set('unit', e.unit);
  set('v2019', stated(2019));
  set('v2020', stated(2020));
  set('targetRaw', e.target?.raw ?? null);
  const t = e.target;
  const numericTarget = t !== undefined && t.value !== null;
  set('target', numericTarget ? (mode === 'linked' ? call('TARGET', TARGET_YEAR) : (t.value as number)) : null);
  set('direction', e.indicator.direction === 'down' ? -1 : 1);

  let base: { year: number; letter: string } | null;
  try {
    const b = baselineOf(e);
    base = { year: b.year, letter: b.year === BASELINE_YEAR ? L('v2020') : L('v2019') };
  } catch {
    base = null; // no stated baseline: no path, so no expected values and no flags for this row
  }
  const rate = isRate(e);
  set('base', base ? (rate ? 0 : `=${base.letter}${r}`) : null);

  for (const y of YEARS) {
    let expected: CellContent = null;
    if (numericTarget && base) {
      if (mode === 'linked') expected = call('TARGET', y);
      else if (rate) expected = `=${L('target')}${r}`;
      else {
        const span = TARGET_YEAR - base.year;
        expected = `=${base.letter}${r}+(${L('target')}${r}-${base.letter}${r})*${y - base.year}/${span}`;
      }
    }
    set(`expected${y}`, expected);
  }
  setReportCells(e, r, origin.row + HEADER_OFFSET, L, set);
  set('marks', marksOf(e, 'zh'));
  set('source', sourceLines(e).replace(`${e.region}:`, `${region.seed.slice(0, 3)}:`));
  set('id', e.indicator.id);
  return cells;
}

/**
 * The sheet's columns are those of the seed plans' period (2019, 2020, actual and expected 2021–2025): a plan of
 * another period (an imported 十五五 table) is refused with a clear message rather than laid out in wrong columns.
 */
export function checkLayoutPeriod(region: Region): void {
  const p = periodOf(region);
  if (isSeedPeriod(p)) return;
  throw new PlanError(
    'BAD_ARGUMENT',
    `${region.name}的规划时期为${describePeriod(p)}；指标表（工作表）目前只支持2019/2020→2025时期的规划，请用 PLAN 函数或 plan eval 查询此规划`,
    `The plan of ${region.en} runs ${describePeriod(p)}; the indicator sheet supports only plans of 2019/2020→2025 for now: query this plan with the PLAN functions or plan eval`,
  );
}

/** The layout of one region's sheet, with its title at `origin` (A1 by default). */
export function regionLayout(
  region: Region,
  mode: Mode,
  lang: Lang,
  dataVersion: string,
  origin: Origin = { row: 1, col: 0 },
  method: MethodId = 'linear',
): SheetLayout {
  checkLayoutPeriod(region);
  const L = (key: ColumnKey): string => colLetter(colIndex(key) + origin.col);
  const headerRow = origin.row + HEADER_OFFSET;
  const firstRow = headerRow + 1;
  const rows: SheetRow[] = region.entries.map((e, i) => ({
    id: e.indicator.id,
    cells: rowCells(region, e, firstRow + i, mode, origin),
    cellsAt: (sheetRow: number) => rowCells(region, e, sheetRow, mode, origin),
    numberFormat: numberFormatOf(e),
  }));
  const first = `${L('actual2021')}${firstRow}`;
  const last = `${L('actual2025')}${firstRow + Math.max(rows.length, 1) - 1}`;
  // For the top-left actual cell: A = actual, E = expected (same row, five columns right), D = direction, B = base.
  const A = first;
  const Ex = `${L('expected2021')}${firstRow}`;
  const D = `$${L('direction')}${firstRow}`;
  const B = `$${L('base')}${firstRow}`;
  const rules = flagRules(method, A, Ex, D, B, `$${L('target')}${firstRow}`, `$${L('v2020')}${firstRow}`, `$${L('actual2021')}${firstRow}`);
  const zh = lang === 'zh';
  return {
    region: region.name,
    mode,
    origin,
    headerRow,
    sheetName: sheetNameFor(region),
    tableName: tableNameFor(region, mode),
    dataVersion,
    title: `${region.planTitle}${region.issuingNumber ? `（${region.issuingNumber}）` : ''}${zh ? ' 主要指标' : ' — indicators'}`,
    subtitle: zh
      ? `数据版本 ${dataVersion}；来源：${region.seed}（“来源”列为行号）。请在“实际”列填写各年实际值；${mode === 'linked' ? '目标与序时进度列为 PLAN 函数，随数据更新' : '目标与序时进度列为普通公式，无需加载项'}。`
      : `Data version ${dataVersion}; source: ${region.seed} (line numbers in "Source"). Fill the actual columns; ${mode === 'linked' ? 'target and expected columns are PLAN formulas that follow the data' : 'target and expected columns are ordinary formulas, no add-in needed'}.`,
    legend: [
      { text: zh ? `图例（方法：${METHODS[method].zh}）：` : `Legend (method: ${METHODS[method].en}):`, fill: 'FFFFFF' },
      {
        text: zh
          ? `略滞后（${method === 'eurostat' ? '实际年均增长率为所需的' : method === 'cagr' ? '完成复合增长路径应达进度的' : '完成序时进度的'}${SLIGHTLY_BEHIND * 100}%–${ON_TRACK * 100}%）`
          : `slightly behind (${SLIGHTLY_BEHIND * 100}–${ON_TRACK * 100}% of ${method === 'eurostat' ? 'the required growth rate' : method === 'cagr' ? 'the progress expected on the compound path' : 'expected progress'})`,
        fill: FILL.slightlyBehind,
      },
      {
        text: zh ? `滞后（不足${SLIGHTLY_BEHIND * 100}%或逆向）` : `behind (under ${SLIGHTLY_BEHIND * 100}%, or moving away)`,
        fill: FILL.behind,
      },
      { text: zh ? '排位类指标越小越好，已按方向判断' : 'ranks: lower is better, judged by direction', fill: 'FFFFFF' },
    ],
    header: COLUMNS.map((c) => c.header[lang]),
    rows,
    widths: COLUMNS.map((c) => c.width),
    freeze: { rows: headerRow, columns: origin.col + colIndex('name') + 1 },
    flagRange: `${first}:${last}`,
    rules,
    method,
    inputColumns: COLUMNS.flatMap((c, i) => (c.input ? [i] : [])),
    helperColumns: COLUMNS.flatMap((c, i) => (c.helper ? [i] : [])),
  };
}

/**
 * The flag rules for a method, written for the top-left actual cell A (relative), with the row's expected value on
 * the linear path Ex, direction D, progress base B, target T, 2020 baseline V20 and the first actual cell A1 of the
 * row (absolute columns). Years since the baseline: the column's year − (2020 if the 2020 baseline is a number,
 * else 2019), as baselineOf decides.
 *
 *   linear    made = D·(A − B), due = D·(Ex − B): behind when made < 0.6·due, slightly behind when 0.6·due ≤ made < 0.95·due
 *   cagr      the same with the expected value on the compound path B·(T/B)^(n/N)
 *   eurostat  R = D·((A/B)^(1/n) − 1) / |(T/B)^(1/N) − 1|, no flag once D·(A − T) ≥ 0 (achieved)
 *
 * Rows whose progress base is 0 (growth-rate rows, where the ratio is actual rate ÷ target rate under every method)
 * are judged as in linear. trend needs no target, so a sheet made "by trend" flags as linear does.
 */
export function flagRules(method: MethodId, A: string, Ex: string, D: string, B: string, T: string, V20: string, A1: string): FlagRule[] {
  const known = `ISNUMBER(${A}),ISNUMBER(${Ex}),ISNUMBER(${B})${method === 'linear' || method === 'trend' ? '' : `,ISNUMBER(${T})`}`;
  const y0 = `IF(ISNUMBER(${V20}),2020,2019)`;
  const n = `(COLUMN(${A})-COLUMN(${A1})+2021-${y0})`;
  const N = `(2025-${y0})`;
  const made = `${D}*(${A}-${B})`;
  const levelDue = (E: string): string => `${D}*(${E}-${B})`;
  const behindBy = (due: string): string => `${made}<IF(${due}>0,${SLIGHTLY_BEHIND}*${due},0)`;
  const slightlyBy = (due: string): string => `AND(${due}>0,${made}>=${SLIGHTLY_BEHIND}*${due},${made}<${ON_TRACK}*${due})`;
  let behind: string;
  let slightly: string;
  if (method === 'cagr') {
    const due = levelDue(`IF(${B}>0,${B}*(${T}/${B})^(${n}/${N}),${Ex})`);
    behind = `AND(${known},${behindBy(due)})`;
    slightly = `AND(${known},${slightlyBy(due)})`;
  } else if (method === 'eurostat') {
    const due = levelDue(Ex);
    const R = `${D}*((${A}/${B})^(1/${n})-1)/ABS((${T}/${B})^(1/${N})-1)`;
    const notMet = `${D}*(${A}-${T})<0`;
    const hold = `${T}=${B}`;
    behind = `AND(${known},IF(${B}>0,AND(${notMet},IF(${hold},TRUE,${R}<${SLIGHTLY_BEHIND})),${behindBy(due)}))`;
    slightly = `AND(${known},IF(${B}>0,AND(${notMet},IF(${hold},FALSE,AND(${R}>=${SLIGHTLY_BEHIND},${R}<${ON_TRACK}))),${slightlyBy(due)}))`;
  } else {
    const due = levelDue(Ex);
    behind = `AND(${known},${behindBy(due)})`;
    slightly = `AND(${known},${slightlyBy(due)})`;
  }
  return [
    { level: 'behind', formula: behind, fill: FILL.behind, font: FONT.behind },
    { level: 'slightly_behind', formula: slightly, fill: FILL.slightlyBehind, font: FONT.slightlyBehind },
  ];
}
