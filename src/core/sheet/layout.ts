/**
 * The layout of a region's indicator sheet: what goes in which cell, with which format, which rule flags
 * an actual value behind its trajectory. Pure data; the Office adapter and the .xlsx writer both follow it.
 *
 *   row 1  title: plan name and issuing number            (rows count from the layout's origin)
 *   row 2  data version, source file, how to read the sheet
 *   row 3  legend of the flags
 *   row 5  header; rows 6… one per indicator
 *
 * Columns, by the plan's period (2019/2020→2025 for the seed plans, 2025→2030 for a 十五五 table…): the plan's
 * figures (each baseline year, target as written and as a number), an actual value for each year after the last
 * baseline up to the target year for a person to fill in, the expected values on the linear path for the same
 * years, the report columns, and the helper columns the flag rules read (direction, progress base), then marks,
 * source and the indicator id that refresh matches rows by. Column keys carry their year (`v2020`, `actual2027`,
 * `met2030`), so a table's record (src/core/sheet/ledger.ts) names the same columns whatever the period.
 */
import type { Entry, Period, Region } from '../plan/model';
import { baseYearOf, describePeriod, isSeedPeriod, periodOf, periodText, SEED_PERIOD } from '../plan/model';
import { numericMilestones } from '../progress/milestones';
import { marksOf, sourceLines } from '../plan/rows';
import { baselineOf, isRate } from '../progress/trajectory';
import type { Lang } from '../plan/plan';
import { METHODS, ON_TRACK, SLIGHTLY_BEHIND, type MethodId } from '../progress/methods';
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
}

const Y = (y: number): Record<Lang, string> => ({ zh: `${y}年实际`, en: `${y} actual` });
const E = (y: number): Record<Lang, string> => ({ zh: `${y}年序时进度`, en: `${y} expected` });
// A sheet made by the compound-growth method: its expected columns hold the compound path, and say so.
const EC = (y: number): Record<Lang, string> => ({ zh: `${y}年复合路径值`, en: `${y} expected (compound)` });

// The report columns (issue 12): where each row stands at its latest actual, and the final assessment in the
// plan's target year. Ordinary formulas over the row's own cells (src/core/progress/assessment.ts), so the 总览 sheet can
// count them live. The status column judges by the sheet's method (as its flag rules do); the progress column stays
// linear whatever the method: it is the share of the way from baseline to target, not a judgement.
export type ReportColumnKey = 'lastYear' | 'status' | 'progress' | `met${number}` | `reached${number}` | 'lastActual' | 'lastExpected';

function reportColumns(target: number): Column[] {
  return [
    { key: 'lastYear', header: { zh: '最新实际年份', en: 'Latest actual year' }, width: 7 },
    { key: 'status', header: { zh: '进展状态', en: 'Status' }, width: 11 },
    { key: 'progress', header: { zh: '进度（基期→目标）', en: 'Progress (baseline → target)' }, width: 10, numberFormat: '0%' },
    { key: `met${target}`, header: { zh: `${target}年是否达标`, en: `${target} met?` }, width: 8 },
    { key: `reached${target}`, header: { zh: `${target}年目标完成率`, en: `${target} share of target` }, width: 9, numberFormat: '0.0%' },
    { key: 'lastActual', header: { zh: '最新实际值', en: 'Latest actual' }, width: 9, helper: true },
    { key: 'lastExpected', header: { zh: '最新序时值', en: 'Latest expected' }, width: 9, helper: true },
  ];
}

/** Fill a row's report cells (status, progress, final assessment and their helpers) with their formulas. */
function setReportCells(
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
function decimalsWritten(e: Entry, max: number): number {
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
      ...years.map((y): Column => ({ key: `expected${y}`, header: compound ? EC(y) : E(y), width: 12 })),
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
const columnCache = new Map<string, Column[]>();

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
function periodTag(region: Region): { sheet: string; table: string } {
  const p = periodOf(region);
  return isSeedPeriod(p) ? { sheet: '', table: '' } : { sheet: `(${periodText(p)})`, table: `_T${p.target}` };
}

/** Sheet names: at most 31 characters, none of []:*?/\ — Excel's rule. A plan of another period says its years. */
export function sheetNameFor(region: Region): string {
  return `${region.name}指标${periodTag(region).sheet}`.replace(/[[\]:*?/\\]/g, '').slice(0, 31);
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

function q(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function rowCells(region: Region, e: Entry, r: number, mode: Mode, origin: Origin, columns: Column[], method: MethodId): CellContent[] {
  const L = (key: ColumnKey): string => colLetter(colIndex(key, columns) + origin.col);
  const cells: CellContent[] = new Array(columns.length).fill(null);
  const set = (key: ColumnKey, v: CellContent): void => {
    cells[colIndex(key, columns)] = v;
  };
  const call = (fn: string, ...args: (string | number)[]): string =>
    `=PLAN.${fn}(${[q(region.name), q(e.indicator.id), ...args.map((a) => (typeof a === 'number' ? String(a) : q(a)))].join(',')})`;
  const p = periodOf(region);
  const stated = (year: number): CellContent => {
    const v = e.values[year];
    if (!v) return null;
    if (v.value === null) return v.raw;
    return mode === 'linked' ? call('BASELINE', year) : v.value;
  };

  set('row', e.row ?? null);
  set('name', e.name);
  set('unit', e.unit);
  for (const y of p.baselines) set(`v${y}`, stated(y));
  set('targetRaw', e.target?.raw ?? null);
  const t = e.target;
  const numericTarget = t !== undefined && t.value !== null;
  set('target', numericTarget ? (mode === 'linked' ? call('TARGET', p.target) : (t.value as number)) : null);
  set('direction', e.indicator.direction === 'down' ? -1 : 1);

  let base: { year: number; letter: string } | null;
  try {
    const b = baselineOf(e);
    base = { year: b.year, letter: L(`v${b.year}`) };
  } catch {
    base = null; // no stated baseline: no path, so no expected values and no flags for this row
  }
  const rate = isRate(e);
  set('base', base ? (rate ? 0 : `=${base.letter}${r}`) : null);

  // Staged targets between the baseline and the target year (a 2027年 column of a 十五五 table): the path runs
  // through them, segment by segment, as the core's does; their numbers stand in the formula, as the plan states them.
  const staged = base ? numericMilestones(e).filter((m) => m.year > base.year && m.year < p.target) : [];
  // A cagr sheet's path is compound where every point of it is positive (as the core's must be), else linear.
  const compound =
    method === 'cagr' &&
    numericTarget &&
    !!base &&
    [baselineOf(e).value, ...staged.map((m) => m.value as number), t.value as number].every((v) => v > 0);
  for (const y of actualYears(p)) {
    let expected: CellContent = null;
    if (numericTarget && base) {
      if (mode === 'linked') expected = compound ? call('TARGET', y, 'cagr') : call('TARGET', y);
      else if (rate) expected = `=${L('target')}${r}`;
      else {
        const points = [
          { year: base.year, ref: `${base.letter}${r}` },
          ...staged.map((m) => ({ year: m.year, ref: String(m.value) })),
          { year: p.target, ref: `${L('target')}${r}` },
        ];
        let i = 1;
        while (points[i].year < y) i++;
        const [from, to] = [points[i - 1], points[i]];
        const k = `${y - from.year}/${to.year - from.year}`;
        expected = compound ? `=${from.ref}*(${to.ref}/${from.ref})^(${k})` : `=${from.ref}+(${to.ref}-${from.ref})*${k}`;
      }
    }
    set(`expected${y}`, expected);
  }
  setReportCells(e, r, origin.row + HEADER_OFFSET, columns, L, set, method);
  set('marks', marksOf(e, 'zh'));
  // Seed plans: the seed file's number and the lines (004:12,13); an imported table: the cells its figures came from.
  const cellsOf = [...p.baselines.map((y) => e.values[y]), ...(e.milestones ?? []), e.target].flatMap((v) =>
    v?.source.cell ? [v.source.cell] : [],
  );
  set('source', region.imported ? cellsOf.join(',') || null : sourceLines(e).replace(`${e.region}:`, `${region.seed.slice(0, 3)}:`));
  set('id', e.indicator.id);
  return cells;
}

/** The layout of one region's sheet, with its title at `origin` (A1 by default), in the columns of the plan's period. */
export function regionLayout(
  region: Region,
  mode: Mode,
  lang: Lang,
  dataVersion: string,
  origin: Origin = { row: 1, col: 0 },
  method: MethodId = 'linear',
): SheetLayout {
  const period = periodOf(region);
  const columns = columnsFor(period, method);
  const years = actualYears(period);
  const L = (key: ColumnKey): string => colLetter(colIndex(key, columns) + origin.col);
  const headerRow = origin.row + HEADER_OFFSET;
  const firstRow = headerRow + 1;
  const rows: SheetRow[] = region.entries.map((e, i) => ({
    id: e.indicator.id,
    cells: rowCells(region, e, firstRow + i, mode, origin, columns, method),
    cellsAt: (sheetRow: number) => rowCells(region, e, sheetRow, mode, origin, columns, method),
    numberFormat: numberFormatOf(e),
  }));
  const firstYear = years[0];
  const first = `${L(`actual${firstYear}`)}${firstRow}`;
  const last = `${L(`actual${period.target}`)}${firstRow + Math.max(rows.length, 1) - 1}`;
  // For the top-left actual cell: A = actual, E = expected (same row, one column per year right), D = direction, B = base.
  const A = first;
  const Ex = `${L(`expected${firstYear}`)}${firstRow}`;
  const D = `$${L('direction')}${firstRow}`;
  const B = `$${L('base')}${firstRow}`;
  const baselines = period.baselines.map((year) => ({ year, ref: `$${L(`v${year}`)}${firstRow}` }));
  const rules = flagRules(
    method,
    A,
    Ex,
    D,
    B,
    `$${L('target')}${firstRow}`,
    baselines,
    { ref: `$${first}`, year: firstYear },
    period.target,
  );
  const zh = lang === 'zh';
  const described = isSeedPeriod(period) ? '' : zh ? `规划时期 ${describePeriod(period)}；` : `plan period ${describePeriod(period)}; `;
  // The status column judges by the sheet's method, as the flags do (a trend has no target: both judge as linear).
  const judged =
    method === 'trend'
      ? zh
        ? '趋势不对照目标，标色与“进展状态”列按序时进度判断。'
        : ' A trend has no target: the flags and the Status column judge as linear.'
      : zh
        ? `标色与“进展状态”列按${METHODS[method].zh}判断。`
        : ` The flags and the Status column judge by the ${METHODS[method].en}.`;
  return {
    region: region.name,
    mode,
    origin,
    headerRow,
    sheetName: sheetNameFor(region),
    tableName: tableNameFor(region, mode),
    dataVersion,
    period,
    columns,
    title: `${region.planTitle}${region.issuingNumber ? `（${region.issuingNumber}）` : ''}${zh ? ' 主要指标' : ' — indicators'}`,
    subtitle: zh
      ? `${described}数据版本 ${dataVersion}；来源：${region.seed}（“来源”列为${region.imported ? '单元格' : '行号'}）。请在“实际”列填写各年实际值；${method === 'cagr' ? '目标与复合路径值列' : '目标与序时进度列'}${mode === 'linked' ? '为 PLAN 函数，随数据更新' : '为普通公式，无需加载项'}。${judged}`
      : `${described}Data version ${dataVersion}; source: ${region.seed} (${region.imported ? 'cells' : 'line numbers'} in "Source"). Fill the actual columns; ${mode === 'linked' ? 'target and expected columns are PLAN formulas that follow the data' : 'target and expected columns are ordinary formulas, no add-in needed'}.${judged}`,
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
    header: columns.map((c) => c.header[lang]),
    rows,
    widths: columns.map((c) => c.width),
    freeze: { rows: headerRow, columns: origin.col + colIndex('name', columns) + 1 },
    flagRange: `${first}:${last}`,
    rules,
    method,
    inputColumns: columns.flatMap((c, i) => (c.input ? [i] : [])),
    helperColumns: columns.flatMap((c, i) => (c.helper ? [i] : [])),
  };
}

/**
 * The flag rules for a method, written for the top-left actual cell A (relative), with the row's expected value on
 * the linear path Ex, direction D, progress base B, target T of year `target`, the baseline cells with their years,
 * and the first actual cell of the row with its year (absolute columns). Years since the baseline: the column's
 * year − the latest baseline year whose cell is a number (2020, else 2019, for the seed plans), as baselineOf decides.
 *
 *   linear    made = D·(A − B), due = D·(Ex − B): behind when made < 0.6·due, slightly behind when 0.6·due ≤ made < 0.95·due
 *   cagr      the same, the sheet's expected columns holding the compound path B·(T/B)^(n/N) (segment by segment through
 *             staged targets; linear where a point of the path is not positive, as the core falls back)
 *   eurostat  R = D·((A/B)^(1/n) − 1) / |(T/B)^(1/N) − 1|, no flag once D·(A − T) ≥ 0 (achieved)
 *
 * Rows whose progress base is 0 (growth-rate rows, where the ratio is actual rate ÷ target rate under every method)
 * are judged as in linear. trend needs no target, so a sheet made "by trend" flags as linear does.
 */
export function flagRules(
  method: MethodId,
  A: string,
  Ex: string,
  D: string,
  B: string,
  T: string,
  baselines: { year: number; ref: string }[],
  firstActual: { ref: string; year: number },
  target: number,
): FlagRule[] {
  const known = `ISNUMBER(${A}),ISNUMBER(${Ex}),ISNUMBER(${B})${method === 'linear' || method === 'trend' ? '' : `,ISNUMBER(${T})`}`;
  let y0 = String(baselines[0].year);
  for (const b of baselines.slice(1)) y0 = `IF(ISNUMBER(${b.ref}),${b.year},${y0})`;
  const n = `(COLUMN(${A})-COLUMN(${firstActual.ref})+${firstActual.year}-${y0})`;
  const N = `(${target}-${y0})`;
  const made = `${D}*(${A}-${B})`;
  const levelDue = (E: string): string => `${D}*(${E}-${B})`;
  const behindBy = (due: string): string => `${made}<IF(${due}>0,${SLIGHTLY_BEHIND}*${due},0)`;
  const slightlyBy = (due: string): string => `AND(${due}>0,${made}>=${SLIGHTLY_BEHIND}*${due},${made}<${ON_TRACK}*${due})`;
  let behind: string;
  let slightly: string;
  if (method === 'cagr') {
    // The expected columns of a cagr sheet hold the compound path (through staged targets; linear where a point is not positive).
    const due = levelDue(Ex);
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

/** Where a column stands in a table's header row as it is now (a table inserted in either language), or -1. */
export function positionIn(header: unknown[], c: Column): number {
  return header.findIndex((h) => h === c.header.zh || h === c.header.en);
}

/** Where a column of a plan's sheet stands in a table's header row as it is now, or -1. */
export function headerIndex(region: Region, header: unknown[], key: ColumnKey): number {
  const c = columnsFor(periodOf(region)).find((x) => x.key === key);
  return c ? positionIn(header, c) : -1;
}

/** An inserted table as it stands: its plan (null for a table the data does not know), header row and body values. */
export interface TableContents {
  region: Region | null;
  header: unknown[];
  values: unknown[][];
}

/** An official actual value (from a published package's actuals.csv). */
export interface OfficialActual {
  region: string;
  indicator: string;
  year: number;
  value: number;
}

/**
 * Where each official actual goes: the table of its region's plan whose years include it, the row of its indicator,
 * the actual column of its year (table index, zero-based body row and column). Actuals with no such cell are left out.
 */
export function placeOfficialActuals(
  tables: TableContents[],
  actuals: OfficialActual[],
): { table: number; row: number; col: number; actual: OfficialActual }[] {
  const out: { table: number; row: number; col: number; actual: OfficialActual }[] = [];
  for (const a of actuals) {
    const table = tables.findIndex((x) => x.region?.name === a.region && actualYears(periodOf(x.region)).includes(a.year));
    if (table < 0) continue;
    const t = tables[table];
    const idCol = headerIndex(t.region!, t.header, 'id');
    const col = headerIndex(t.region!, t.header, `actual${a.year}`);
    const row = idCol < 0 || col < 0 ? -1 : t.values.findIndex((r) => r[idCol] === a.indicator);
    if (row >= 0) out.push({ table, row, col, actual: a });
  }
  return out;
}
