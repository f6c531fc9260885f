/**
 * How an actual value stands against the plan in a year, after Eurostat's SDG progress assessment:
 *
 *   ratio = progress made / progress expected = s·(actual − B) / s·(expected − B),   s = +1 (higher is better) or −1
 *
 *   achieved          the actual already meets the 2025 target (for a growth rate: in 2025)
 *   on track          ratio ≥ 0.95  (ON_TRACK)
 *   slightly behind   0.6 ≤ ratio < 0.95  (SLIGHTLY_BEHIND)
 *   behind            0 ≤ ratio < 0.6
 *   moving away       ratio < 0: further from the target than the baseline was
 *
 * For a growth-rate indicator the ratio is actual rate / target rate. When the plan expects no change
 * (target = baseline), holding the baseline is on track and falling back is moving away.
 */
import { PlanError } from './errors';
import { TARGET_YEAR, type Entry } from './model';
import { roundFigure } from './parse';
import { baselineOf, checkYear, expectedValue, isRate, targetOf, type PathMethod } from './trajectory';

export const ON_TRACK = 0.95;
export const SLIGHTLY_BEHIND = 0.6;

export type StatusCode = 'achieved' | 'on_track' | 'slightly_behind' | 'behind' | 'moving_away';

export const STATUS_LABELS: Record<StatusCode, { zh: string; en: string }> = {
  achieved: { zh: '已完成', en: 'achieved' },
  on_track: { zh: '符合进度', en: 'on track' },
  slightly_behind: { zh: '略滞后', en: 'slightly behind' },
  behind: { zh: '滞后', en: 'behind' },
  moving_away: { zh: '逆向', en: 'moving away' },
};

/** The annual change still needed: a compound growth rate (0.12 = 12 %) for levels, points per year for shares and ranks. */
export interface Required {
  value: number;
  unit: 'rate' | 'points';
}

export interface Assessment {
  status: StatusCode;
  year: number;
  actual: number;
  expected: number;
  baseline: number;
  target: number;
  /** Progress made / progress expected; null when the plan expects no change. */
  ratio: number | null;
  /** actual − expected, signed so that negative means behind, whatever the direction. */
  gap: number;
  method: PathMethod;
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
  if (ratio >= ON_TRACK) return 'on_track';
  if (ratio >= SLIGHTLY_BEHIND) return 'slightly_behind';
  if (ratio >= 0) return 'behind';
  return 'moving_away';
}

/** Assess an actual value of `year` (after the baseline year, up to 2025). */
export function assess(entry: Entry, year: number, actual: number, method: PathMethod = 'linear'): Assessment {
  checkActual(actual);
  const base = baselineOf(entry);
  checkYear(year, base.year + 1);
  const target = targetOf(entry).value;
  const expected = expectedValue(entry, year, method);
  const s = sign(entry);
  const gap = roundFigure(s * (actual - expected));
  const result = { year, actual, expected, baseline: base.value, target, gap, method };

  if (isRate(entry)) {
    const ratio = target === 0 ? null : (s * actual) / (s * target);
    const meets = s * (actual - target) >= 0;
    let status: StatusCode;
    if (meets) status = year === TARGET_YEAR ? 'achieved' : 'on_track';
    else status = ratio === null ? 'moving_away' : classify(ratio);
    return { ...result, status, ratio };
  }

  if (s * (actual - target) >= 0 && s * (target - base.value) > 0)
    return { ...result, status: 'achieved', ratio: progressRatio(s, actual, base.value, expected) };
  const ratio = progressRatio(s, actual, base.value, expected);
  if (ratio === null) return { ...result, status: s * (actual - base.value) >= 0 ? 'on_track' : 'moving_away', ratio };
  return { ...result, status: classify(ratio), ratio };
}

function progressRatio(s: number, actual: number, baseline: number, expected: number): number | null {
  const expectedProgress = s * (expected - baseline);
  if (expectedProgress <= 0) return null;
  return roundFigure((s * (actual - baseline)) / expectedProgress);
}

/** Share of the way from the baseline to the target that `actual` has come (1 = target reached). */
export function progress(entry: Entry, actual: number): number {
  checkActual(actual);
  const target = targetOf(entry).value;
  if (isRate(entry)) {
    if (target === 0) return actual >= 0 ? 1 : 0;
    return roundFigure(actual / target);
  }
  const base = baselineOf(entry).value;
  if (target === base) return sign(entry) * (actual - target) >= 0 ? 1 : 0;
  return roundFigure((actual - base) / (target - base));
}

/** What each remaining year must now bring to reach the target from `actual` in `year`. */
export function required(entry: Entry, year: number, actual: number): Required {
  checkActual(actual);
  const base = baselineOf(entry);
  checkYear(year, base.year);
  const target = targetOf(entry).value;
  if (isRate(entry)) return { value: target, unit: 'points' };
  const left = TARGET_YEAR - year;
  if (left === 0) {
    throw new PlanError(
      'BAD_YEAR',
      '2025年是目标年，已无剩余年份；请用 PLAN.GAP 查看差距',
      '2025 is the target year: no years are left; use PLAN.GAP for the gap',
    );
  }
  if (entry.indicator.kind === 'level' && actual > 0 && target > 0) {
    return { value: roundFigure(Math.pow(target / actual, 1 / left) - 1), unit: 'rate' };
  }
  return { value: roundFigure((target - actual) / left), unit: 'points' };
}
