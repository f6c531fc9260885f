/**
 * How an actual value stands against the plan in a year, by one of the methods in ./methods.ts (formulas,
 * thresholds and references are there):
 *
 *   linear (default, 序时进度)  ratio = d·(actual − B) / d·(expected − B), expected on the straight line B → T
 *   cagr                        the same level ratio, expected on the compound path B·(T/B)^((y − y₀)/(2025 − y₀))
 *   eurostat                    ratio = d·CAGR(actual, B, y − y₀) / |CAGR(T, B, 2025 − y₀)|; target reached → achieved
 *   trend                       no target: d·CAGR(actual, B, y − y₀) against +1 %, 0, −1 %
 *
 *   achieved          the actual already meets the 2025 target (for a growth rate: in 2025)
 *   on track          ratio ≥ 0.95  (ON_TRACK)
 *   slightly behind   0.6 ≤ ratio < 0.95  (SLIGHTLY_BEHIND)
 *   behind            0 ≤ ratio < 0.6
 *   moving away       ratio < 0: further from the target than the baseline was
 *
 * For a growth-rate indicator the ratio is actual rate / target rate under every method (the value already is a
 * growth rate). When the plan expects no change (target = baseline), holding the baseline is on track (linear,
 * cagr) or achieved (eurostat), and falling back is moving away.
 */
import { PlanError } from '../errors';
import { type Entry } from '../plan/model';
import { roundFigure } from '../plan/parse';
import { baselineOf, checkYear, judgedBaseline, expectedValue, holdsEveryYear, targetOf, targetYearOf, type Anchor } from './trajectory';
import {
  classify as classifyBy,
  eurostat,
  METHODS,
  rateTrend,
  STATUS_LABELS,
  trend,
  ZERO_REPLACEMENT,
  type MethodId,
  type StatusCode,
  type TrendCode,
} from './methods';

export { ON_TRACK, SLIGHTLY_BEHIND, STATUS_LABELS } from './methods';
export type { MethodId, StatusCode, TrendCode } from './methods';

/** The annual change still needed: a compound growth rate (0.12 = 12 %) for levels, points per year for shares and ranks. */
export interface Required {
  value: number;
  unit: 'rate' | 'points';
}

export interface Assessment {
  kind: 'progress';
  status: StatusCode;
  year: number;
  actual: number;
  /** Where the method expects the indicator in `year` (eurostat: the value the required growth rate gives, i.e. the compound path). */
  expected: number;
  baseline: number;
  baseYear: number;
  target: number;
  /** The method's ratio; null when the plan expects no change. */
  ratio: number | null;
  /** actual − expected, signed so that negative means behind, whatever the direction. */
  gap: number;
  method: MethodId;
  /** eurostat: observed and required compound annual growth rates (0.12 = 12 %). */
  observed?: number;
  required?: number;
  /** eurostat: inputs that were 0 and replaced by 0.001, as open-sdg does. */
  replaced?: ('baseline' | 'target')[];
}

/** A trend without a target: the direction-adjusted observed CAGR. Not progress towards a target. */
export interface TrendAssessment {
  kind: 'trend';
  status: TrendCode;
  year: number;
  actual: number;
  baseline: number;
  baseYear: number;
  /** d·CAGR observed (0.02 = 2 % a year in the desired direction). */
  rate: number;
  method: 'trend';
  replaced: 'baseline'[];
}

function sign(entry: Entry): 1 | -1 {
  return entry.indicator.direction === 'down' ? -1 : 1;
}

export function checkActual(actual: number): number {
  if (typeof actual !== 'number' || !Number.isFinite(actual)) {
    throw new PlanError('BAD_NUMBER', '实际值必须是数字', 'The actual value must be a number');
  }
  return actual;
}

function classify(ratio: number): StatusCode {
  return classifyBy('linear', ratio) as StatusCode;
}

/** Assess an actual value of `year` (after the baseline year, up to 2025) against the target, by a progress method. */
export function assess(entry: Entry, year: number, actual: number, method: MethodId = 'linear'): Assessment {
  checkActual(actual);
  if (method === 'trend') {
    throw new PlanError(
      'BAD_ARGUMENT',
      '“趋势”方法不对照目标，没有应达值和差距；请用 PLAN.STATUS 或 PLAN.PROGRESS 查看趋势',
      'The trend method does not compare with a target, so there is no expected value or gap; use PLAN.STATUS or PLAN.PROGRESS for the trend',
    );
  }
  const base = judgedBaseline(entry);
  checkYear(year, entry, base.year + 1);
  const target = targetOf(entry).value;
  const s = sign(entry);

  if (method === 'eurostat' && !holdsEveryYear(entry)) return assessEurostat(entry, base, target, year, actual);

  const path = method === 'cagr' ? 'cagr' : 'linear';
  const expected = expectedValue(entry, year, path);
  const gap = roundFigure(s * (actual - expected));
  const result = { kind: 'progress' as const, year, actual, expected, baseline: base.value, baseYear: base.year, target, gap, method };

  if (holdsEveryYear(entry)) {
    const ratio = target === 0 ? null : (s * actual) / (s * target);
    const meets = s * (actual - target) >= 0;
    let status: StatusCode;
    if (meets) status = year === targetYearOf(entry) ? 'achieved' : 'on_track';
    else status = ratio === null ? 'moving_away' : classify(ratio);
    return { ...result, status, ratio };
  }

  if (s * (actual - target) >= 0 && s * (target - base.value) > 0)
    return { ...result, status: 'achieved', ratio: progressRatio(s, actual, base.value, expected) };
  const ratio = progressRatio(s, actual, base.value, expected);
  if (ratio === null) return { ...result, status: s * (actual - base.value) >= 0 ? 'on_track' : 'moving_away', ratio };
  return { ...result, status: classify(ratio), ratio };
}

function assessEurostat(entry: Entry, base: Anchor, target: number, year: number, actual: number): Assessment {
  const s = sign(entry);
  const r = eurostat({ baseline: base.value, baseYear: base.year, year, actual, direction: s, target, targetYear: targetYearOf(entry) });
  // The value the required growth rate gives in `year`: the compound path from the (replaced) baseline.
  const b = r.replaced.includes('baseline') ? ZERO_REPLACEMENT : base.value;
  const t = r.replaced.includes('target') ? ZERO_REPLACEMENT : target;
  const expected = roundFigure(b * Math.pow(t / b, (year - base.year) / (targetYearOf(entry) - base.year)));
  return {
    kind: 'progress',
    status: r.status,
    year,
    actual,
    expected,
    baseline: base.value,
    baseYear: base.year,
    target,
    ratio: r.ratio,
    gap: roundFigure(s * (actual - expected)),
    method: 'eurostat',
    observed: r.observed,
    required: r.required,
    replaced: r.replaced,
  };
}

function progressRatio(s: number, actual: number, baseline: number, expected: number): number | null {
  const expectedProgress = s * (expected - baseline);
  if (expectedProgress <= 0) return null;
  return roundFigure((s * (actual - baseline)) / expectedProgress);
}

/** The trend of an actual value since the baseline, whatever the target (open-sdg methodology 1, Eurostat's thresholds). */
export function assessTrend(entry: Entry, year: number, actual: number): TrendAssessment {
  checkActual(actual);
  const base = judgedBaseline(entry);
  checkYear(year, entry, base.year + 1);
  const s = sign(entry);
  const r = holdsEveryYear(entry) ? rateTrend(actual, s) : trend({ baseline: base.value, baseYear: base.year, year, actual, direction: s });
  return {
    kind: 'trend',
    status: r.status,
    year,
    actual,
    baseline: base.value,
    baseYear: base.year,
    rate: r.rate,
    method: 'trend',
    replaced: r.replaced,
  };
}

function hasNumericTarget(entry: Entry): boolean {
  try {
    targetOf(entry);
    return true;
  } catch (e) {
    if (e instanceof PlanError && (e.code === 'QUALITATIVE' || e.code === 'NO_TARGET')) return false;
    throw e;
  }
}

/**
 * The status of an actual value by any method. `trend` always gives a trend; `eurostat` gives a trend for an
 * indicator without a numeric target, as open-sdg's progress measure does; linear and cagr need a numeric target.
 */
export function judge(entry: Entry, year: number, actual: number, method: MethodId = 'linear'): Assessment | TrendAssessment {
  if (method === 'trend' || (method === 'eurostat' && !hasNumericTarget(entry))) return assessTrend(entry, year, actual);
  try {
    return assess(entry, year, actual, method);
  } catch (e) {
    if (e instanceof PlanError && (e.code === 'QUALITATIVE' || e.code === 'NO_TARGET')) {
      throw new PlanError(
        e.code,
        `${e.message}；可用 trend 或 eurostat 方法查看变化趋势`,
        `${e.messageEn}; the trend or eurostat method gives the trend instead`,
      );
    }
    throw e;
  }
}

/** The label of a status, in Chinese or English. */
export function statusLabel(a: { status: StatusCode | TrendCode }, lang: 'zh' | 'en'): string {
  return STATUS_LABELS[a.status][lang];
}

/**
 * Progress as a number. Without a year: the share of the way from the baseline to the target that `actual` has come
 * (1 = target reached), in levels (linear) or on the compound path (cagr: ln(actual/B) / ln(T/B)). With a year: the
 * number the method's status is judged on (the ratio, or for a trend the observed rate). eurostat and trend need a year.
 */
export function progress(entry: Entry, actual: number, method: MethodId = 'linear', year?: number): number {
  checkActual(actual);
  if (year !== undefined) {
    const j = judge(entry, year, actual, method);
    if (j.kind === 'trend') return j.rate;
    if (j.ratio === null) {
      throw new PlanError(
        'BAD_ARGUMENT',
        '规划要求保持基期水平（目标等于基期），没有进度比率；请看 PLAN.STATUS',
        'The plan expects no change (target = baseline), so there is no progress ratio; see PLAN.STATUS',
      );
    }
    return j.ratio;
  }
  if (method === 'eurostat' || method === 'trend') {
    throw new PlanError(
      'BAD_ARGUMENT',
      `${METHODS[method].zh}比较的是年均增长率，需要给出实际值所属年份`,
      `The ${METHODS[method].en} compares annual growth rates: give the year of the actual value`,
    );
  }
  const target = targetOf(entry).value;
  if (holdsEveryYear(entry)) {
    if (target === 0) return actual >= 0 ? 1 : 0;
    return roundFigure(actual / target);
  }
  const base = baselineOf(entry).value;
  if (target === base) return sign(entry) * (actual - target) >= 0 ? 1 : 0;
  if (method === 'cagr') {
    if (base <= 0 || target <= 0 || actual <= 0) {
      throw new PlanError(
        'BAD_ARGUMENT',
        `复合增长路径需要正的基期值、目标值和实际值（此处为${base}、${target}、${actual}）；请改用线性`,
        `The compound path needs a positive baseline, target and actual (here ${base}, ${target}, ${actual}); use linear`,
      );
    }
    return roundFigure(Math.log(actual / base) / Math.log(target / base));
  }
  return roundFigure((actual - base) / (target - base));
}

/** What each remaining year must now bring to reach the target from `actual` in `year`. */
export function required(entry: Entry, year: number, actual: number): Required {
  checkActual(actual);
  const base = judgedBaseline(entry);
  checkYear(year, entry, base.year);
  const target = targetOf(entry).value;
  if (holdsEveryYear(entry)) return { value: target, unit: 'points' };
  const ty = targetYearOf(entry);
  const left = ty - year;
  if (left === 0) {
    throw new PlanError(
      'BAD_YEAR',
      `${ty}年是目标年，已无剩余年份；请用 PLAN.GAP 查看差距`,
      `${ty} is the target year: no years are left; use PLAN.GAP for the gap`,
    );
  }
  if (entry.indicator.kind === 'level' && actual > 0 && target > 0) {
    return { value: roundFigure(Math.pow(target / actual, 1 / left) - 1), unit: 'rate' };
  }
  return { value: roundFigure((target - actual) / left), unit: 'points' };
}
