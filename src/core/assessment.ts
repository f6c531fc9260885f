/**
 * Where each indicator stands, for the overview and the final assessment (终期评估) in the plan's target year (2025
 * for the seed plans). Pure, and written twice
 * on purpose: once as TypeScript (what the pane shows and the tests trust) and once as ordinary spreadsheet
 * formulas (what a region sheet computes in Excel, WPS and LibreOffice as a clerk types actual values). A test
 * recalculates the formulas in LibreOffice and compares them with the functions here.
 *
 * Row status (the latest year with an actual value): the statuses of `src/core/status.ts` (achieved, on track,
 * slightly behind, behind, moving away — same formula, same thresholds), plus what a plan's text leaves open:
 *
 *   qualitative   the target has no number (“全省中上游”), no target is stated, or it is an increment on a
 *                 baseline the plan does not give
 *   no_data       no actual value entered yet
 *   no_path       the plan states no baseline, so there is no path to judge the pace by; an actual that meets
 *                 the target is still achieved
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
import { PlanError } from './errors';
import { baseYearOf, periodOf, type Entry, type Period } from './model';
import { roundFigure } from './parse';
import { assess, ON_TRACK, SLIGHTLY_BEHIND, STATUS_LABELS, type StatusCode } from './status';
import { baselineOf, isRate } from './trajectory';
import type { Lang } from './plan';

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
  try {
    return baselineOf(e).value;
  } catch {
    return null;
  }
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

/** The status of one indicator at its latest actual value. */
export function rowStatus(e: Entry, actuals: Actuals): RowStatus {
  const target = numericTarget(e);
  if (target === null) return 'qualitative';
  const latest = latestActual(actuals, periodOf(e));
  if (!latest) return 'no_data';
  const { year, actual } = latest;
  const s = sign(e);
  const meets = s * (actual - target) >= 0;
  if (isRate(e)) {
    // A growth rate's path needs no baseline: the target rate is expected every year (as in status.ts).
    if (meets) return year === periodOf(e).target ? 'achieved' : 'on_track';
    return target === 0 ? 'moving_away' : classify(actual / target);
  }
  if (baselineValue(e) === null) return meets ? 'achieved' : 'no_path';
  return assess(e, year, actual).status;
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
 * cells, with the same branches as `rowStatus` (chosen for the row's kind when the layout is made).
 */
export function statusFormula(e: Entry, r: RowRefs): string {
  const C = (st: RowStatus): number => ROW_STATUSES.indexOf(st) + 1;
  const { direction: D, target: T, base: B, lastYear: Y, lastActual: A, lastExpected: E } = r;
  const meets = `${D}*(${A}-${T})>=0`;
  let code: string;
  if (numericTarget(e) === null) code = String(C('qualitative'));
  else {
    let judged: string;
    if (isRate(e)) {
      judged = `IF(${meets},IF(${Y}=${r.targetYear},${C('achieved')},${C('on_track')}),IF(${T}=0,${C('moving_away')},${classifyFormula(`${A}/${T}`)}))`;
    } else if (baselineValue(e) === null) {
      judged = `IF(${meets},${C('achieved')},${C('no_path')})`;
    } else {
      judged =
        `IF(AND(${meets},${D}*(${T}-${B})>0),${C('achieved')},` +
        `IF(${D}*(${E}-${B})<=0,IF(${D}*(${A}-${B})>=0,${C('on_track')},${C('moving_away')}),` +
        `${classifyFormula(`${D}*(${A}-${B})/(${D}*(${E}-${B}))`)}))`;
    }
    code = `IF(ISNUMBER(${A}),${judged},${C('no_data')})`;
  }
  return `=${labelled(code, r.statusHeader, ROW_STATUS_LABELS, ROW_STATUSES)}`;
}

/** Share of the way from baseline to target at the latest actual (status.ts `progress`); blank without a path. */
export function progressFormula(e: Entry, r: RowRefs): string | null {
  const target = numericTarget(e);
  if (target === null) return null;
  const { direction: D, target: T, base: B, lastActual: A } = r;
  if (isRate(e)) return `=IF(ISNUMBER(${A}),IF(${T}=0,IF(${A}>=0,1,0),${A}/${T}),"")`;
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
