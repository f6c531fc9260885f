/**
 * Where each indicator stands, for the overview and the final assessment (终期评估) in the plan's target year (2025
 * for the seed plans). Pure, and written twice
 * on purpose: once as TypeScript (what the pane shows and the tests trust) and once as ordinary spreadsheet
 * formulas (what a region sheet computes in Excel, WPS and LibreOffice as a clerk types actual values). A test
 * recalculates the formulas in LibreOffice and compares them with the functions here.
 *
 * Row status (the latest year with an actual value): the statuses of `src/core/progress/status.ts` (achieved, on track,
 * slightly behind, behind, moving away — same formulas, same thresholds) by the sheet's method, plus what a plan's
 * text leaves open:
 *
 *   qualitative   the target has no number (“全省中上游”), no target is stated, or it is an increment on a
 *                 baseline the plan does not give
 *   no_data       no actual value entered yet
 *   no_path       the plan states no baseline, so there is no path to judge the pace by; an actual that meets
 *                 the target is still achieved
 *
 * Methods (src/core/progress/methods.ts), as the sheet's flag rules apply them (src/core/sheet/layout.ts `flagRules`):
 *
 *   linear    序时进度 (default): progress made ÷ progress expected on the straight line through the plan's figures
 *   cagr      the same ratio with the expected value on the compound path B·(T/B)^(n/N) (through staged targets, as
 *             the core's path does); where that path does not exist (a baseline, staged or target value ≤ 0 on the
 *             segment of the latest year) the row is judged as linear
 *   eurostat  the observed ÷ required growth-rate ratio; achieved once the actual meets the target, whatever the
 *             year; a baseline or target of 0 counts as 0.001 (open-sdg); a negative baseline, target or actual has
 *             no growth rate, so that row is judged as linear
 *   trend     has no target to judge progress by, so the status (like the flag rules) is judged as linear
 *
 * Growth-rate rows (年均增速) are judged as actual rate ÷ target rate under every method, as in status.ts.
 *
 * Final assessment: met when the target year's actual reaches the number the target commits to, direction-aware —
 * reaching the number of a “以上” lower bound is met, a range is met from its low end, an increment (“新增10”)
 * when baseline + increment is reached, a rank when it is at or above (numerically at or below) the target.
 * Share of the target reached:
 *
 *   higher is better    actual ÷ target                       (a growth rate: actual rate ÷ target rate)
 *   increment           (actual − baseline) ÷ increment        (the increment is what the plan commits to)
 *   lower is better     target ÷ actual                       (rank 10 wanted, 12 reached: 83 %)
 */
import { PlanError } from '../errors';
import { ZERO_REPLACEMENT, type MethodId } from './methods';
import { numericMilestones } from './milestones';
import { baseYearOf, periodOf, type Entry, type Period } from '../plan/model';
import { roundFigure } from '../plan/parse';
import { assess, ON_TRACK, SLIGHTLY_BEHIND, STATUS_LABELS, type StatusCode } from './status';
import { baselineOf, holdsEveryYear, ownPath, statedBaseline } from './trajectory';
import type { Lang } from '../plan/plan';

export type RowStatus = StatusCode | 'no_path' | 'qualitative' | 'no_data';

/** In the order the overview counts them. */
export const ROW_STATUSES: RowStatus[] = [
  'achieved',
  'on_track',
  'slightly_behind',
  'behind',
  'moving_away',
  'no_path',
  'qualitative',
  'no_data',
];

export const ROW_STATUS_LABELS: Record<RowStatus, Record<Lang, string>> = {
  ...STATUS_LABELS,
  no_path: { zh: '未达标（无基期）', en: 'not met (no baseline)' },
  qualitative: { zh: '定性或无目标值', en: 'qualitative / no target value' },
  no_data: { zh: '未填实际值', en: 'no actual yet' },
};

export const MET_LABELS: Record<'met' | 'not_met', Record<Lang, string>> = {
  met: { zh: '达标', en: 'met' },
  not_met: { zh: '未达标', en: 'not met' },
};

/** The number the target commits to, or null when it has none (qualitative, no target, increment without baseline). */
export function numericTarget(e: Entry): number | null {
  return e.target && e.target.value !== null ? e.target.value : null;
}

function baselineValue(e: Entry): number | null {
  return statedBaseline(e)?.value ?? null;
}

const sign = (e: Entry): 1 | -1 => (e.indicator.direction === 'down' ? -1 : 1);

function classify(ratio: number): StatusCode {
  const r = roundFigure(ratio);
  if (r >= ON_TRACK) return 'on_track';
  if (r >= SLIGHTLY_BEHIND) return 'slightly_behind';
  if (r >= 0) return 'behind';
  return 'moving_away';
}

/** Actual values by year, as a person entered them (any year may be missing). */
export type Actuals = Partial<Record<number, number | null | undefined>>;

/** The latest year of the period (after its last baseline, up to its target year: 2021–2025 for the seeds) with a numeric actual, or null. */
export function latestActual(actuals: Actuals, period: Period): { year: number; actual: number } | null {
  for (let y = period.target; y > baseYearOf(period); y--) {
    const v = actuals[y];
    if (typeof v === 'number' && Number.isFinite(v)) return { year: y, actual: v };
  }
  return null;
}

/** The status of one indicator at its latest actual value, by a sheet's method (linear by default; see above). */
export function rowStatus(e: Entry, actuals: Actuals, method: MethodId = 'linear'): RowStatus {
  const target = numericTarget(e);
  if (target === null) return 'qualitative';
  const latest = latestActual(actuals, periodOf(e));
  if (!latest) return 'no_data';
  const { year, actual } = latest;
  const s = sign(e);
  const meets = s * (actual - target) >= 0;
  if (holdsEveryYear(e)) {
    // A growth rate's path needs no baseline: the target rate is expected every year (as in status.ts).
    if (meets) return year === periodOf(e).target ? 'achieved' : 'on_track';
    return target === 0 ? 'moving_away' : classify(actual / target);
  }
  if (baselineValue(e) === null) return meets ? 'achieved' : 'no_path';
  const own = ownPath(e, method);
  if (own === 'cagr' || own === 'eurostat') {
    try {
      return assess(e, year, actual, own).status;
    } catch (err) {
      // No compound path (a value ≤ 0) or no growth rate (a negative value): judged as linear, as the sheet does.
      if (!(err instanceof PlanError) || err.code !== 'BAD_ARGUMENT') throw err;
    }
  }
  return assess(e, year, actual).status;
}

/** The method a sheet's status column judges by: trend has no target, so it judges as linear (as its flag rules do). */
export function statusMethod(method: MethodId): Exclude<MethodId, 'trend'> {
  return method === 'trend' ? 'linear' : method;
}

export interface FinalAssessment {
  met: boolean;
  /** Share of the target reached (1 = reached), or null when it cannot be said (a zero target or actual to divide by). */
  reached: number | null;
  target: number;
  actual: number;
}

/** The final assessment of one indicator in its plan's target year. Throws QUALITATIVE / NO_TARGET when there is no number to meet. */
export function finalAssessment(e: Entry, actualFinal: number): FinalAssessment {
  const T = periodOf(e).target;
  if (typeof actualFinal !== 'number' || !Number.isFinite(actualFinal)) {
    throw new PlanError('BAD_NUMBER', `${T}年实际值必须是数字`, `The ${T} actual value must be a number`);
  }
  const target = numericTarget(e);
  if (target === null) {
    throw new PlanError(
      e.target ? 'QUALITATIVE' : 'NO_TARGET',
      `“${e.name}”的${T}年目标${e.target ? `“${e.target.raw}”` : ''}没有可比的数值，只能定性评估`,
      `"${e.indicator.en}" has no numeric ${T} target${e.target ? ` ("${e.target.raw}")` : ''}; assess it in words`,
    );
  }
  const met = sign(e) * (actualFinal - target) >= 0;
  const base = baselineValue(e);
  let reached: number | null;
  if (e.target?.increment && base !== null) reached = target === base ? null : (actualFinal - base) / (target - base);
  else if (sign(e) < 0) reached = actualFinal === 0 ? null : target / actualFinal;
  else reached = target === 0 ? null : actualFinal / target;
  return { met, reached: reached === null ? null : roundFigure(reached), target, actual: actualFinal };
}

/** Where a row's cells are, as A1 references on the same row (relative), for the formulas below. */
export interface RowRefs {
  /** The years of the actual and expected cells (2021…2025 for the seed plans), in order. */
  years: number[];
  /** The plan's target year (the last of `years`). */
  targetYear: number;
  /** Actual cells, one per year, in order. */
  actuals: string[];
  /** Expected cells, one per year, in order. */
  expected: string[];
  direction: string;
  base: string;
  target: string;
  lastYear: string;
  lastActual: string;
  lastExpected: string;
  /** The status and target-year-met columns' header cells (absolute row) and their English header text. */
  statusHeader: { ref: string; en: string };
  metHeader: { ref: string; en: string };
}

const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Nested IF that tries the target year first, then the year before…, giving `pick(cell, i)` for the first cell holding a number. */
function latestOf(cells: string[], pick: (cell: string, i: number) => string): string {
  let f = '""';
  for (let i = 0; i < cells.length; i++) f = `IF(ISNUMBER(${cells[i]}),${pick(cells[i], i)},${f})`;
  return f;
}

/** The latest year with an actual value, or "". */
export function lastYearFormula(r: RowRefs): string {
  return `=${latestOf(r.actuals, (_c, i) => String(r.years[i]))}`;
}

export function lastActualFormula(r: RowRefs): string {
  return `=${latestOf(r.actuals, (c) => c)}`;
}

/** The expected value of the latest year with an actual value (blank when the row has no path). */
export function lastExpectedFormula(r: RowRefs): string {
  return `=${latestOf(r.actuals, (_c, i) => `IF(ISNUMBER(${r.expected[i]}),${r.expected[i]},"")`)}`;
}

function classifyFormula(ratio: string): string {
  const x = `ROUND(${ratio},9)`;
  const C = (st: RowStatus): number => ROW_STATUSES.indexOf(st) + 1;
  return `IF(${x}>=${ON_TRACK},${C('on_track')},IF(${x}>=${SLIGHTLY_BEHIND},${C('slightly_behind')},IF(${x}>=0,${C('behind')},${C('moving_away')})))`;
}

/**
 * Labels in the language of the table, whichever pane inserted or refreshed it: the formula picks the English
 * labels when the column's header is the English one, so its text is the same in both languages.
 */
function labelled(
  code: string,
  header: { ref: string; en: string },
  labels: Record<string, Record<Lang, string>>,
  order: string[],
): string {
  const all = [...order.map((k) => q(labels[k].zh)), ...order.map((k) => q(labels[k].en))];
  return `CHOOSE(${code}+IF(${header.ref}=${q(header.en)},${order.length},0),${all.join(',')})`;
}

/**
 * The status cell of a row: an ordinary formula over the row's actual, expected, direction, base and target
 * cells, with the same branches and thresholds as `rowStatus` by `method` (chosen for the row's kind when the layout
 * is made). Linear (and trend, which judges as linear) gives the same text as before methods reached this column.
 *
 *   cagr      the linear branches with the expected value of the latest year on the compound path
 *             from·(to/from)^((Y − y₀)/(y₁ − y₀)) of its segment (baseline → staged targets → target), rounded as
 *             the core rounds it; the linear expected value where from or to is ≤ 0
 *   eurostat  R = D·((A/B′)^(1/(Y − y₀)) − 1) / |(T′/B′)^(1/(Ty − y₀)) − 1|, B′ and T′ with 0 replaced by 0.001;
 *             achieved once D·(A − T) ≥ 0; no required growth (T′ = B′) → moving away; a negative B, T or A → linear
 */
export function statusFormula(e: Entry, r: RowRefs, method: MethodId = 'linear'): string {
  const C = (st: RowStatus): number => ROW_STATUSES.indexOf(st) + 1;
  const { direction: D, target: T, base: B, lastYear: Y, lastActual: A, lastExpected: E } = r;
  const meets = `${D}*(${A}-${T})>=0`;
  const m = ownPath(e, statusMethod(method));
  /** The linear branches, with the latest year's expected value `Ex`. */
  const level = (Ex: string): string =>
    `IF(AND(${meets},${D}*(${T}-${B})>0),${C('achieved')},` +
    `IF(${D}*(${Ex}-${B})<=0,IF(${D}*(${A}-${B})>=0,${C('on_track')},${C('moving_away')}),` +
    `${classifyFormula(`${D}*(${A}-${B})/(${D}*(${Ex}-${B}))`)}))`;
  let code: string;
  if (numericTarget(e) === null) code = String(C('qualitative'));
  else {
    let judged: string;
    if (holdsEveryYear(e)) {
      judged = `IF(${meets},IF(${Y}=${r.targetYear},${C('achieved')},${C('on_track')}),IF(${T}=0,${C('moving_away')},${classifyFormula(`${A}/${T}`)}))`;
    } else if (baselineValue(e) === null) {
      judged = `IF(${meets},${C('achieved')},${C('no_path')})`;
    } else if (m === 'cagr') {
      judged = level(compoundExpected(e, r));
    } else if (m === 'eurostat') {
      const y0 = baselineOf(e).year;
      const Bz = `IF(${B}=0,${ZERO_REPLACEMENT},${B})`;
      const Tz = `IF(${T}=0,${ZERO_REPLACEMENT},${T})`;
      const required = `((${Tz}/${Bz})^(1/${r.targetYear - y0})-1)`;
      const observed = `((${A}/${Bz})^(1/(${Y}-${y0}))-1)`;
      judged =
        `IF(OR(${B}<0,${T}<0,${A}<0),${level(E)},IF(${meets},${C('achieved')},` +
        `IF(ROUND(${required},9)=0,${C('moving_away')},${classifyFormula(`${D}*${observed}/ABS(${required})`)})))`;
    } else {
      judged = level(E);
    }
    code = `IF(ISNUMBER(${A}),${judged},${C('no_data')})`;
  }
  return `=${labelled(code, r.statusHeader, ROW_STATUS_LABELS, ROW_STATUSES)}`;
}

/**
 * The expected value of the latest year with an actual on the compound path through the baseline, the staged
 * targets between it and the target year, and the target (trajectory.ts / milestones.ts with 'cagr'), segment by
 * segment; where a segment's ends are not both positive, the row's linear expected value (as `rowStatus` falls back).
 */
function compoundExpected(e: Entry, r: RowRefs): string {
  const base = baselineOf(e);
  const points = [
    { year: base.year, ref: r.base },
    ...numericMilestones(e)
      .filter((m) => m.year > base.year && m.year < r.targetYear)
      .map((m) => ({ year: m.year, ref: String(m.value) })),
    { year: r.targetYear, ref: r.target },
  ];
  const segment = (i: number): string => {
    const [from, to] = [points[i - 1], points[i]];
    return `IF(AND(${from.ref}>0,${to.ref}>0),ROUND(${from.ref}*(${to.ref}/${from.ref})^((${r.lastYear}-${from.year})/${to.year - from.year}),9),${r.lastExpected})`;
  };
  let f = segment(points.length - 1);
  for (let i = points.length - 2; i >= 1; i--) f = `IF(${r.lastYear}<=${points[i].year},${segment(i)},${f})`;
  return f;
}

/**
 * Share of the way from baseline to target at the latest actual (status.ts `progress`, linear); blank without a
 * path. It stays linear whatever the sheet's method: it says how far along the way the actual is, not how it is doing.
 */
export function progressFormula(e: Entry, r: RowRefs): string | null {
  const target = numericTarget(e);
  if (target === null) return null;
  const { direction: D, target: T, base: B, lastActual: A } = r;
  if (holdsEveryYear(e)) return `=IF(ISNUMBER(${A}),IF(${T}=0,IF(${A}>=0,1,0),${A}/${T}),"")`;
  if (baselineValue(e) === null) return null;
  return `=IF(ISNUMBER(${A}),IF(${T}=${B},IF(${D}*(${A}-${T})>=0,1,0),(${A}-${B})/(${T}-${B})),"")`;
}

/** 达标 / 未达标 for the target year's actual; blank until it is entered. */
export function metFormula(e: Entry, r: RowRefs): string | null {
  if (numericTarget(e) === null) return null;
  const X = r.actuals[r.actuals.length - 1];
  const code = `IF(${r.direction}*(${X}-${r.target})>=0,1,2)`;
  return `=IF(ISNUMBER(${X}),${labelled(code, r.metHeader, MET_LABELS, ['met', 'not_met'])},"")`;
}

/** Share of the target the target year's actual reached, as `finalAssessment` computes it; blank until entered. */
export function reachedFormula(e: Entry, r: RowRefs): string | null {
  if (numericTarget(e) === null) return null;
  const X = r.actuals[r.actuals.length - 1];
  const { target: T, base: B } = r;
  let share: string;
  if (e.target?.increment && baselineValue(e) !== null) share = `IF(${T}=${B},"",(${X}-${B})/(${T}-${B}))`;
  else if (sign(e) < 0) share = `IF(${X}=0,"",${T}/${X})`;
  else share = `IF(${T}=0,"",${X}/${T})`;
  return `=IF(ISNUMBER(${X}),${share},"")`;
}
