/**
 * The ways of judging an actual value, as named data: each method has an id, a Chinese and an English name, its
 * formula, its thresholds, where it comes from, how it treats growth rates and shares, and the function that
 * turns its number into a status. PLAN functions, the CLI, the pane and the workbook's flag rules read this list.
 *
 *   linear    序时进度 (default): ratio = d·(actual − B) / d·(expected − B), expected on the straight line B → T.
 *   cagr      the same level ratio, with `expected` on the compound-growth path B·(T/B)^((y − y₀)/(2025 − y₀)).
 *   eurostat  ratio = CAGR(actual, B, y − y₀) / CAGR(T, B, 2025 − y₀), CAGR(a, b, n) = (a/b)^(1/n) − 1;
 *             target already reached → achieved.  Eurostat, “Sustainable development in the European Union —
 *             Monitoring report on progress towards the SDGs in an EU context”, methodological annex
 *             (indicators with quantitative targets); implemented in open-sdg's sdg-build, sdg/ProgressMeasure.py,
 *             methodology_2 (commit 6d3d128, 2023-06-08), thresholds 0.95 / 0.6 / 0, target 0 → 0.001.
 *   trend     no numeric target: the observed CAGR itself, d·CAGR(actual, B, y − y₀), against +1 %, 0, −1 %
 *             (Eurostat's thresholds for indicators without a quantitative target; open-sdg's methodology_1
 *             applies the same form with default thresholds +1.5 %, +0.5 %, 0). A trend, not progress to a target.
 *
 * B is the plan's baseline (2020, else 2019, in year y₀), T the 2025 target, d = +1 (higher is better) or −1.
 */
import { PlanError, quoteInput } from '../errors';
import { roundFigure } from '../plan/parse';

export type MethodId = 'linear' | 'cagr' | 'eurostat' | 'trend';

/** Statuses of progress towards a target (linear, cagr, eurostat). */
export type StatusCode = 'achieved' | 'on_track' | 'slightly_behind' | 'behind' | 'moving_away';
/** Statuses of a trend without a target. */
export type TrendCode = 'trend_significant_progress' | 'trend_moderate_progress' | 'trend_moderate_away' | 'trend_significant_away';

/** Ratio thresholds shared by linear, cagr and eurostat (Eurostat: 95 % and 60 % of the required pace). */
export const ON_TRACK = 0.95;
export const SLIGHTLY_BEHIND = 0.6;
/** Trend thresholds on the direction-adjusted observed CAGR (Eurostat, indicators without a quantitative target). */
export const TREND_SIGNIFICANT = 0.01;
export const TREND_AWAY = -0.01;
/** open-sdg replaces a target (and a base) of 0 by this before taking growth rates. */
export const ZERO_REPLACEMENT = 0.001;

export const STATUS_LABELS: Record<StatusCode | TrendCode, { zh: string; en: string }> = {
  achieved: { zh: '已完成', en: 'achieved' },
  on_track: { zh: '符合进度', en: 'on track' },
  slightly_behind: { zh: '略滞后', en: 'slightly behind' },
  behind: { zh: '滞后', en: 'behind' },
  moving_away: { zh: '逆向', en: 'moving away' },
  trend_significant_progress: { zh: '趋势：明显向好', en: 'trend: significant progress' },
  trend_moderate_progress: { zh: '趋势：小幅向好', en: 'trend: moderate progress' },
  trend_moderate_away: { zh: '趋势：小幅偏离', en: 'trend: moderate movement away' },
  trend_significant_away: { zh: '趋势：明显偏离', en: 'trend: significant movement away' },
};

export interface Threshold<C extends string> {
  /** The status holds from this value up (inclusive) to the next threshold. */
  from: number;
  status: C;
}

export interface Method {
  id: MethodId;
  zh: string;
  en: string;
  /** What the number is: progress towards the target, or a trend without one. */
  measures: 'progress' | 'trend';
  formula: string;
  /** Highest first; below the last → the fallback status. */
  thresholds: Threshold<StatusCode | TrendCode>[];
  below: StatusCode | TrendCode;
  /** The "target already reached" rule, in words. */
  achieved: { zh: string; en: string };
  reference: string;
  /** How growth-rate indicators (年均增速) and shares (%) are treated. */
  rates: { zh: string; en: string };
  shares: { zh: string; en: string };
  /** Words accepted for the method in a cell or on the command line (besides the id). */
  aliases: string[];
}

const RATIO_THRESHOLDS: Threshold<StatusCode>[] = [
  { from: ON_TRACK, status: 'on_track' },
  { from: SLIGHTLY_BEHIND, status: 'slightly_behind' },
  { from: 0, status: 'behind' },
];

const RATE_RULE = {
  zh: '年均增速类指标：实际增速 ÷ 目标增速（两者本身就是年增长率），每年都应达到目标增速；2025年达到即“已完成”，之前达到为“符合进度”',
  en: 'growth-rate indicators: actual rate ÷ target rate (both already are annual growth rates), expected in every year; meeting it in 2025 is achieved, earlier on track',
};

export const METHODS: Record<MethodId, Method> = {
  linear: {
    id: 'linear',
    zh: '序时进度（线性）',
    en: 'time-proportional progress (linear)',
    measures: 'progress',
    formula: 'ratio = d·(actual − B) / d·(expected − B),  expected = B + (T − B)·(y − y₀)/(2025 − y₀)',
    thresholds: RATIO_THRESHOLDS,
    below: 'moving_away',
    achieved: {
      zh: '实际值已达到2025年目标（且目标高于基期）',
      en: 'the actual meets the 2025 target (and the target differs from the baseline)',
    },
    reference:
      '中国规划监测的序时进度（“时间过半、任务过半”）：完成的目标距离份额 ÷ 已过去的时间份额；阈值0.95/0.6沿用 Eurostat 的比率分档。Chinese plan monitoring practice (序时进度); thresholds borrowed from Eurostat’s ratio bands.',
    rates: RATE_RULE,
    shares: {
      zh: '比重类指标按百分点线性计算：1.5%→2.5%，2023年应达2.1%',
      en: 'shares move in percentage points on a straight line: 1.5% → 2.5% expects 2.1% in 2023',
    },
    aliases: ['序时进度', '序时', '线性', 'time'],
  },
  cagr: {
    id: 'cagr',
    zh: '复合增长路径',
    en: 'compound-growth path',
    measures: 'progress',
    formula: 'ratio = d·(actual − B) / d·(expected − B),  expected = B·(T/B)^((y − y₀)/(2025 − y₀))',
    thresholds: RATIO_THRESHOLDS,
    below: 'moving_away',
    achieved: { zh: '同序时进度', en: 'as for linear' },
    reference:
      '本项目的做法：与序时进度相同的水平比率，但应达值取复合增长路径（前慢后快）。不是 Eurostat 的方法。Our own: the linear level ratio against a compound path; not Eurostat’s method.',
    rates: RATE_RULE,
    shares: {
      zh: '比重按其数值的复合增长计算（1.5%→2.5%为年均增长10.8%），仍比较水平差',
      en: 'shares grow by compounding their value (1.5% → 2.5% is 10.8% a year); levels are still compared',
    },
    aliases: ['复合', '复合增长', '复合路径', 'compound'],
  },
  eurostat: {
    id: 'eurostat',
    zh: 'Eurostat 增长率比',
    en: 'Eurostat growth-rate ratio',
    measures: 'progress',
    formula: 'ratio = d·CAGR(actual, B, y − y₀) / |CAGR(T, B, 2025 − y₀)|,  CAGR(a, b, n) = (a/b)^(1/n) − 1',
    thresholds: RATIO_THRESHOLDS,
    below: 'moving_away',
    achieved: {
      zh: '实际值已达到目标（按指标方向）即“已完成”，不论年份；目标为0时以0.001代替，基期为0时同样以0.001代替（open-sdg 规则）',
      en: 'the actual meets the target (direction-aware) in any year; a target or base of 0 is replaced by 0.001 (open-sdg rule)',
    },
    reference:
      'Eurostat, Sustainable development in the European Union — Monitoring report on progress towards the SDGs in an EU context, methodological annex: ratio of observed to required growth rate, ≥95% / 60–95% / 0–60% / <0. open-sdg sdg-build, sdg/ProgressMeasure.py, methodology_2 (commit 6d3d128, GitHub open-sdg/sdg-build); docs: open-sdg/open-sdg docs/progress-methodology.md.',
    rates: {
      zh: '年均增速类指标：其数值本身就是观测增长率和所需增长率，比率 = 实际增速 ÷ 目标增速（与序时进度相同）',
      en: 'growth-rate indicators: the value itself is the observed and the required growth rate, so ratio = actual rate ÷ target rate (same as linear)',
    },
    shares: {
      zh: '比重按数值本身的增长率计算（Eurostat 对比重同样取复合增长率）：1.5%→2.5%所需年增长10.8%，不是每年0.2个百分点',
      en: 'shares are compounded on their own value, as Eurostat does: 1.5% → 2.5% requires 10.8% a year, not 0.2 points a year',
    },
    aliases: ['欧盟统计局', '增长率比', 'opensdg', 'open-sdg', 'sdg'],
  },
  trend: {
    id: 'trend',
    zh: '趋势（无目标）',
    en: 'trend (no target)',
    measures: 'trend',
    formula: 'rate = d·CAGR(actual, B, y − y₀),  CAGR(a, b, n) = (a/b)^(1/n) − 1',
    thresholds: [
      { from: TREND_SIGNIFICANT, status: 'trend_significant_progress' },
      { from: 0, status: 'trend_moderate_progress' },
      { from: TREND_AWAY, status: 'trend_moderate_away' },
    ],
    below: 'trend_significant_away',
    achieved: { zh: '无目标，故无“已完成”', en: 'no target, so never achieved' },
    reference:
      'Eurostat SDG monitoring report, methodological annex, indicators without quantitative targets: >1% significant progress, 0–1% moderate, −1–0% moderate movement away, <−1% significant movement away. Same form as open-sdg sdg-build methodology_1 (whose default thresholds are 1.5%, 0.5%, 0).',
    rates: {
      zh: '年均增速类指标：实际增速本身就是观测增长率，直接与±1%比较',
      en: 'growth-rate indicators: the actual rate is the observed growth, compared with ±1% directly',
    },
    shares: { zh: '比重按数值本身的复合增长率计算', en: 'shares are compounded on their own value' },
    aliases: ['趋势', '无目标'],
  },
};

export const METHOD_IDS = Object.keys(METHODS) as MethodId[];

/** The status a method gives its number (a ratio, or a trend rate). */
export function classify(method: MethodId, value: number): StatusCode | TrendCode {
  const m = METHODS[method];
  for (const t of m.thresholds) if (value >= t.from) return t.status;
  return m.below;
}

/** A method named in a cell or on the command line; blank = linear. */
export function parseMethodId(input: string | undefined | null): MethodId {
  const raw = (input ?? '').trim();
  const m = raw.toLowerCase();
  if (m === '') return 'linear';
  for (const id of METHOD_IDS) if (m === id || METHODS[id].aliases.includes(raw) || METHODS[id].aliases.includes(m)) return id;
  throw new PlanError(
    'BAD_ARGUMENT',
    `方法“${quoteInput(raw)}”无效；可选：linear（序时进度，默认）、cagr（复合增长路径）、eurostat（增长率比）、trend（无目标趋势）`,
    `Method "${quoteInput(raw)}" is not valid; use linear (default), cagr, eurostat or trend`,
    [...METHOD_IDS],
  );
}

/** Compound annual growth rate from b to a over n years: (a/b)^(1/n) − 1. */
export function cagr(a: number, b: number, years: number): number {
  return Math.pow(a / b, 1 / years) - 1;
}

export interface GrowthInput {
  baseline: number;
  baseYear: number;
  year: number;
  actual: number;
  /** +1 higher is better, −1 lower is better. */
  direction: 1 | -1;
}

export interface EurostatResult {
  status: StatusCode;
  /** d·CAGR observed / |CAGR required|; null when the plan requires no change (target = base). */
  ratio: number | null;
  observed: number;
  required: number;
  /** Which inputs were 0 and replaced by 0.001. */
  replaced: ('baseline' | 'target')[];
}

function unassessable(what: string, whatEn: string, v: number): PlanError {
  return new PlanError(
    'BAD_ARGUMENT',
    `增长率方法只适用于正数：${what}为${v}，无法计算复合增长率（open-sdg：“无法评估”）`,
    `Growth-rate methods need positive values: the ${whatEn} is ${v}, so no compound growth rate exists (open-sdg: "unable to assess")`,
  );
}

/** Eurostat's ratio of observed to required compound growth, with open-sdg's rules for 0 and for a reached target. */
export function eurostat(input: GrowthInput & { target: number; targetYear: number }): EurostatResult {
  const { baseYear, year, actual, direction: d, targetYear } = input;
  const replaced: EurostatResult['replaced'] = [];
  const base = input.baseline === 0 ? (replaced.push('baseline'), ZERO_REPLACEMENT) : input.baseline;
  const target = input.target === 0 ? (replaced.push('target'), ZERO_REPLACEMENT) : input.target;
  if (base < 0) throw unassessable('基期值', 'baseline', base);
  if (target < 0) throw unassessable('目标值', 'target', target);
  if (actual < 0) throw unassessable('实际值', 'actual value', actual);
  const observed = cagr(actual, base, year - baseYear);
  const required = cagr(target, base, targetYear - baseYear);
  const ratio = roundFigure(required) === 0 ? null : roundFigure((d * observed) / Math.abs(required));
  let status: StatusCode;
  if (d * (actual - input.target) >= 0) status = 'achieved';
  else if (ratio === null) status = 'moving_away';
  else status = classify('eurostat', ratio) as StatusCode;
  return { status, ratio, observed: roundFigure(observed), required: roundFigure(required), replaced };
}

export interface TrendResult {
  status: TrendCode;
  /** d·CAGR observed: positive = moving in the desired direction. */
  rate: number;
  replaced: 'baseline'[];
}

/** The trend of an indicator without a target: its direction-adjusted observed CAGR against ±1 %. */
export function trend(input: GrowthInput): TrendResult {
  const { baseYear, year, actual, direction: d } = input;
  const replaced: 'baseline'[] = [];
  const base = input.baseline === 0 ? (replaced.push('baseline'), ZERO_REPLACEMENT) : input.baseline;
  if (base < 0) throw unassessable('基期值', 'baseline', base);
  if (actual < 0) throw unassessable('实际值', 'actual value', actual);
  const rate = roundFigure(d * cagr(actual, base, year - baseYear));
  return { status: classify('trend', rate) as TrendCode, rate, replaced };
}

/** The trend of a growth-rate indicator: its actual rate (in %, as the plans write it) is the observed growth. */
export function rateTrend(actualPercent: number, direction: 1 | -1): TrendResult {
  const rate = roundFigure((direction * actualPercent) / 100);
  return { status: classify('trend', rate) as TrendCode, rate, replaced: [] };
}
