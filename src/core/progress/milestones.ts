/**
 * Staged targets: values a plan commits to for a year of their own ("到2022年…600人左右"), beside or instead of the
 * 2025 target. The linear (or compound) path then runs piecewise: baseline → each milestone → 2025 target; an entry
 * whose last stated target is a milestone has a path that ends in that milestone's year.
 */
import { PlanError } from '../errors';
import { periodOf, type Entry, type Milestone } from '../plan/model';
import { roundFigure } from '../plan/parse';

/** The staged target the plan states for `year`, if any. */
export function milestoneAt(entry: Entry, year: number): Milestone | undefined {
  return entry.milestones?.find((m) => m.year === year);
}

/** Staged targets that carry a number, in year order. */
export function numericMilestones(entry: Entry): Milestone[] {
  return (entry.milestones ?? []).filter((m) => m.value !== null);
}

/** True when the path has a staged point to pass through (or end at). */
export function hasMilestones(entry: Entry): boolean {
  return numericMilestones(entry).length > 0;
}

/** The last year the path reaches: 2025 when the plan states a numeric 2025 target, else the last milestone's year. */
export function pathEndYear(entry: Entry): number {
  const ty = periodOf(entry).target;
  if (entry.target && entry.target.value !== null) return ty;
  const ms = numericMilestones(entry);
  return ms.length ? ms[ms.length - 1].year : ty;
}

/**
 * The expected value in `year` on the piecewise path through the baseline, the staged targets and the 2025 target.
 * `base` is the path's start (year and number). Years after the last stated point have no expected value.
 */
export function piecewiseExpected(entry: Entry, base: { year: number; value: number }, year: number, method: 'linear' | 'cagr'): number {
  const ty = periodOf(entry).target;
  const points: { year: number; value: number }[] = [base];
  for (const m of numericMilestones(entry)) if (m.year > base.year && m.year < ty) points.push({ year: m.year, value: m.value! });
  if (entry.target && entry.target.value !== null) points.push({ year: ty, value: entry.target.value });
  const last = points[points.length - 1];
  if (year > last.year) {
    throw new PlanError(
      'NO_TARGET',
      `${entry.region}的规划给出“${entry.name}”${last.year}年的阶段目标，未给出此后的目标；${year}年没有路径值`,
      `The plan of ${entry.regionEn} states a staged target for ${last.year} for "${entry.indicator.en}" and nothing later; ${year} has no path value`,
    );
  }
  let i = 1;
  while (points[i].year < year) i++;
  const from = points[i - 1];
  const to = points[i];
  const share = (year - from.year) / (to.year - from.year);
  if (method === 'cagr') {
    if (from.value <= 0 || to.value <= 0) {
      throw new PlanError(
        'BAD_ARGUMENT',
        `复合增长路径需要正的数值（此处为${from.value}和${to.value}）；请改用线性路径`,
        `A compound-growth path needs positive values (here ${from.value} and ${to.value}); use the linear path`,
      );
    }
    return roundFigure(from.value * Math.pow(to.value / from.value, share));
  }
  return roundFigure(from.value + (to.value - from.value) * share);
}
