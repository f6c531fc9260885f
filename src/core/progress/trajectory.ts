/**
 * The path from the baseline to the 2025 target: what each year should show if the plan is on schedule.
 *
 * - linear (default, the 序时进度 practice): expected(y) = B + (T − B) · (y − y₀) / (2025 − y₀)
 * - cagr (compound growth): expected(y) = B · (T / B)^((y − y₀) / (2025 − y₀)), for B > 0 and T > 0
 *
 * B is the latest baseline the plan states (2020, else 2019, at year y₀); T is the number the target commits to:
 * the low end of a range, baseline + increment for "新增…". A target set for every year (a growth rate "年均增速",
 * a yearly count "每年引进…50名") has no path between two levels: it is expected in every year of the period, with or
 * without a stated baseline. A qualitative target has no numeric path.
 */
import { PlanError, quoteInput } from '../errors';
import { hasMilestones, pathEndYear, piecewiseExpected } from './milestones';
import { baseYearOf, firstYearOf, periodOf, type Entry, type Value } from '../plan/model';
import { roundFigure } from '../plan/parse';

export type PathMethod = 'linear' | 'cagr';

export interface Anchor {
  year: number;
  value: number;
  /** The stated value the number came from (raw text, estimate flag, source). */
  stated: Value;
}

/** The latest baseline the plan states a number for, or undefined (baselineOf says why; this is for the rows that go on without one). */
export function statedBaseline(entry: Entry): Anchor | undefined {
  const years = periodOf(entry).baselines;
  for (let i = years.length - 1; i >= 0; i--) {
    const year = years[i];
    const v = entry.values[year];
    if (v && v.value !== null) return { year, value: v.value, stated: v };
  }
  return undefined;
}

/** The baseline a path starts from: the latest baseline year (2020 for the seeds) the plan states as a number, else an earlier one. */
export function baselineOf(entry: Entry): Anchor {
  const stated = statedBaseline(entry);
  if (stated) return stated;
  const years = periodOf(entry).baselines;
  throw new PlanError(
    'NO_BASELINE',
    `${entry.region}的规划未给出“${entry.name}”的基期数值（${years.join('/')}年）`,
    `The plan of ${entry.regionEn} states no baseline (${years.join('/')}) for "${entry.indicator.en}"`,
  );
}

/**
 * The baseline a judgement starts from: the stated one, or, for a target that holds in every year (see
 * holdsEveryYear) where the plan states none, zero in the last baseline year: a count of new items starts from zero.
 */
export function judgedBaseline(entry: Entry): Anchor {
  const stated = statedBaseline(entry);
  if (stated || !holdsEveryYear(entry) || !entry.target) return stated ?? baselineOf(entry);
  return { year: baseYearOf(periodOf(entry)), value: 0, stated: entry.target };
}

/**
 * The path a method means for this entry. Where the same plan states the annual growth rate of the measure
 * (`entry.pathRate`: 九江 "全社会R&D经费支出年均增速 17%"), the plan's own path is compound growth from the baseline to
 * the target, so the time-elapsed (linear) method follows it; where that path cannot be drawn (a value ≤ 0), linear.
 */
export function ownPath<M extends string>(entry: Entry, method: M): M | 'cagr' {
  if (method !== 'linear' || !entry.pathRate) return method;
  try {
    return baselineOf(entry).value > 0 && targetOf(entry).value > 0 ? 'cagr' : method;
  } catch {
    return method;
  }
}

/** Where the path follows a rate the plan states, what to tell a reader: the rate, its name and its line. */
export function pathRateNote(entry: Entry): { zh: string; en: string } | undefined {
  if (ownPath(entry, 'linear') !== 'cagr' || !entry.pathRate) return undefined;
  const { name, target } = entry.pathRate;
  return {
    zh: `注：规划另定“${name}”为“${target.raw}”（${target.source.seed}:${target.source.line}），应达值按规划自身的复合增长路径（基期→目标）计算`,
    en: `Note: the plan also sets "${entry.pathRate.name}" at "${target.raw}" (${target.source.seed}:${target.source.line}), so the expected values follow the plan's own compound path (baseline → target)`,
  };
}

/** The target year of the entry's plan (2025 for the seeds). */
export function targetYearOf(entry: Entry): number {
  return periodOf(entry).target;
}

/** The number the target (2025 for the seeds) commits to. */
export function targetOf(entry: Entry): Anchor {
  const t = entry.target;
  const ty = targetYearOf(entry);
  if (!t) {
    throw new PlanError(
      'NO_TARGET',
      `${entry.region}的规划未给出“${entry.name}”的${ty}年目标`,
      `The plan of ${entry.regionEn} states no ${ty} target for "${entry.indicator.en}"`,
    );
  }
  if (t.value === null && t.increment) {
    throw new PlanError(
      'NO_BASELINE',
      `“${entry.name}”的${ty}年目标是在基期上“${t.raw}”，但规划未给出基期数值，无法换算为目标值`,
      `The ${ty} target of "${entry.indicator.en}" is an increment ("${t.raw}") on a baseline the plan does not state`,
    );
  }
  if (t.value === null) {
    throw new PlanError(
      'QUALITATIVE',
      `“${entry.name}”的${ty}年目标是定性表述“${t.raw}”，没有数值路径`,
      `The ${ty} target of "${entry.indicator.en}" is qualitative ("${t.raw}"); it has no numeric path`,
    );
  }
  return { year: ty, value: t.value, stated: t };
}

/**
 * A target set for every year holds in every year: a growth rate ("年均增长 20%") and a yearly count ("每年引进博士
 * 50 名以上", "每年新组建…30 个以上"). Its path needs no baseline: a count of new items starts from zero each year.
 */
export function holdsEveryYear(entry: Entry): boolean {
  return entry.indicator.kind === 'growth' || /每年/.test(`${entry.name}${entry.target?.raw ?? ''}`);
}

export function parseMethod(input: string | undefined | null): PathMethod {
  const m = (input ?? '').trim().toLowerCase();
  if (m === '' || m === 'linear' || m === '线性' || m === '序时') return 'linear';
  if (m === 'cagr' || m === 'compound' || m === '复合' || m === '复合增长') return 'cagr';
  // Eurostat's required growth rate, compounded from the baseline, traces the compound path (see ./methods.ts).
  if (m === 'eurostat' || m === '欧盟统计局') return 'cagr';
  throw new PlanError(
    'BAD_ARGUMENT',
    `路径“${quoteInput(String(input))}”无效；可选：linear（线性，默认）或 cagr（复合增长）`,
    `Path "${quoteInput(String(input))}" is not valid; use "linear" (default) or "cagr"`,
  );
}

/** `year` when it is a whole year of the entry's plan period (from `from`, by default its first baseline year, to its target year). */
export function checkYear(year: number, entry?: Entry, from?: number): number {
  const p = periodOf(entry ?? {});
  const first = from ?? firstYearOf(p);
  const last = p.target;
  if (!Number.isInteger(year) || year < first || year > last) {
    throw new PlanError(
      'BAD_YEAR',
      `年份${Number.isFinite(year) ? year : '无效'}超出范围；请填写${first}–${last}年之间的整数年份`,
      `Year ${Number.isFinite(year) ? year : '(invalid)'} is out of range; give a whole year from ${first} to ${last}`,
    );
  }
  return year;
}

/**
 * The expected value in `year` (2019–2025). Years up to the baseline year return the stated baseline of that year;
 * later years are on the path.
 */
export function expectedValue(entry: Entry, year: number, method: PathMethod = 'linear'): number {
  checkYear(year, entry);
  const stated = entry.values[year];
  if (holdsEveryYear(entry) && year > baseYearOf(periodOf(entry))) return targetOf(entry).value;
  method = ownPath(entry, method);
  const base = baselineOf(entry);
  if (year <= base.year) {
    if (stated && stated.value !== null) return stated.value;
    throw new PlanError(
      'NO_BASELINE',
      `${entry.region}的规划未给出“${entry.name}”${year}年的数值`,
      `The plan of ${entry.regionEn} states no ${year} value for "${entry.indicator.en}"`,
    );
  }
  if (hasMilestones(entry)) return piecewiseExpected(entry, base, year, method);
  const target = targetOf(entry);
  const share = (year - base.year) / (target.year - base.year);
  if (method === 'cagr') {
    if (base.value <= 0 || target.value <= 0) {
      throw new PlanError(
        'BAD_ARGUMENT',
        `复合增长路径需要正的基期值和目标值（此处为${base.value}和${target.value}）；请改用线性路径`,
        `A compound-growth path needs a positive baseline and target (here ${base.value} and ${target.value}); use the linear path`,
      );
    }
    return roundFigure(base.value * Math.pow(target.value / base.value, share));
  }
  return roundFigure(base.value + (target.value - base.value) * share);
}

/** The whole path, from the baseline year to 2025 (or to its last staged target), as [year, expected] pairs. */
export function trajectory(entry: Entry, method: PathMethod = 'linear'): [number, number][] {
  const base = baselineOf(entry);
  const points: [number, number][] = [];
  for (let y = base.year; y <= pathEndYear(entry); y++) points.push([y, expectedValue(entry, y, method)]);
  return points;
}
