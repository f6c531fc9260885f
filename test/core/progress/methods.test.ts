/**
 * The progress methods against their published formulas, with cases worked by hand (the arithmetic is in the
 * comments; numbers to 4–6 places from a calculator), not against the code's own output.
 *
 *   eurostat: R = d·CAGR(actual, B, y − y₀) / |CAGR(T, B, 2025 − y₀)|, CAGR(a, b, n) = (a/b)^(1/n) − 1;
 *             target reached → achieved; ≥ 0.95 on track, 0.6–0.95 slightly behind, 0–0.6 behind, < 0 moving away;
 *             target 0 (and base 0) → 0.001 (open-sdg sdg-build ProgressMeasure.py).
 *   trend:    d·CAGR(actual, B, y − y₀) against +1 %, 0, −1 % (Eurostat, indicators without a quantitative target).
 */
import {
  cagr,
  classify,
  eurostat,
  METHOD_IDS,
  METHODS,
  parseMethodId,
  rateTrend,
  STATUS_LABELS,
  trend,
  type MethodId,
} from '../../../src/core/progress/methods';
import { assess, assessTrend, judge, progress } from '../../../src/core/progress/status';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { CATALOGUE } from '../../../src/data/catalogue';
import type { IndicatorDef } from '../../../src/data/types';
import { makeEntry, planError } from '../../fixture';

const plan = new Plan(dataset());
const hte = plan.entry('赣州', '高新技术企业'); // base 1000 (2020), target 2000

describe('methods are named data', () => {
  test('four methods, each with names, formula, thresholds, reference and its treatment of rates and shares', () => {
    expect(METHOD_IDS).toEqual(['linear', 'cagr', 'eurostat', 'trend']);
    for (const id of METHOD_IDS) {
      const m = METHODS[id];
      expect(m.id).toBe(id);
      expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(m.en).toMatch(/[a-z]/);
      expect(m.formula.length).toBeGreaterThan(10);
      expect(m.reference.length).toBeGreaterThan(20);
      expect(m.rates.zh && m.rates.en && m.shares.zh && m.shares.en).toBeTruthy();
      for (const t of m.thresholds) expect(STATUS_LABELS[t.status]).toBeDefined();
    }
    expect(METHODS.linear.zh).toContain('序时进度');
    expect(METHODS.eurostat.reference).toMatch(/Eurostat/);
    expect(METHODS.eurostat.reference).toMatch(/sdg-build/);
    expect(METHODS.trend.measures).toBe('trend');
    // The linear ratio is not called Eurostat's: its reference is the Chinese practice.
    expect(METHODS.linear.reference).toMatch(/序时进度/);
    expect(METHODS.cagr.reference).toMatch(/not Eurostat/);
  });

  test.each<[MethodId, number, string]>([
    ['eurostat', 0.95, 'on_track'],
    ['eurostat', 0.9499, 'slightly_behind'],
    ['eurostat', 0.6, 'slightly_behind'],
    ['eurostat', 0.5999, 'behind'],
    ['eurostat', 0, 'behind'],
    ['eurostat', -0.0001, 'moving_away'],
    ['linear', 0.95, 'on_track'],
    ['cagr', 0.59, 'behind'],
    ['trend', 0.01, 'trend_significant_progress'],
    ['trend', 0.0099, 'trend_moderate_progress'],
    ['trend', 0, 'trend_moderate_progress'],
    ['trend', -0.0001, 'trend_moderate_away'],
    ['trend', -0.01, 'trend_moderate_away'],
    ['trend', -0.0101, 'trend_significant_away'],
  ])('%s: %p → %s', (m, v, status) => {
    expect(classify(m, v)).toBe(status);
  });

  test('names in a cell or on the command line', () => {
    expect(parseMethodId(undefined)).toBe('linear');
    expect(parseMethodId('  ')).toBe('linear');
    expect(parseMethodId('序时进度')).toBe('linear');
    expect(parseMethodId('EUROSTAT')).toBe('eurostat');
    expect(parseMethodId('复合')).toBe('cagr');
    expect(parseMethodId('趋势')).toBe('trend');
    const e = planError(() => parseMethodId('eurostats'));
    expect(e.code).toBe('BAD_ARGUMENT');
    expect(e.message).toContain('eurostat');
    expect(e.messageEn).toContain('linear (default), cagr, eurostat or trend');
  });

  test('CAGR(a, b, years) = (a/b)^(1/years) − 1', () => {
    expect(cagr(2000, 1000, 5)).toBeCloseTo(0.148698, 6); // 2^(1/5) = 1.148698
    expect(cagr(1000, 1000, 3)).toBe(0);
    expect(cagr(0, 10, 2)).toBe(-1);
  });
});

describe('赣州 高新技术企业: base 1000 (2020), target 2000, actual 1720 in 2024', () => {
  test('eurostat: observed 14.52 % a year vs required 14.87 % → ratio 0.976, on track', () => {
    // observed = 1.72^(1/4) − 1 = 0.145202; required = 2^(1/5) − 1 = 0.148698; ratio = 0.976487
    const a = assess(hte, 2024, 1720, 'eurostat');
    expect(a.observed).toBeCloseTo(0.145202, 6);
    expect(a.required).toBeCloseTo(0.148698, 6);
    expect(a.ratio).toBeCloseTo(0.976487, 6);
    expect(a.ratio!.toFixed(2)).toBe('0.98');
    expect(a.status).toBe('on_track');
    // The value the required rate gives in 2024: 1000·2^(4/5) = 1741.10
    expect(a.expected).toBeCloseTo(1741.1011, 4);
  });
  test('linear (序时进度): expected 1800, ratio 720/800 = 0.90, slightly behind', () => {
    const a = assess(hte, 2024, 1720, 'linear');
    expect(a.expected).toBe(1800);
    expect(a.ratio).toBe(0.9);
    expect(a.status).toBe('slightly_behind');
  });
  test('cagr: expected 1741.10 on the compound path, level ratio 720/741.10 = 0.9715, on track', () => {
    const a = assess(hte, 2024, 1720, 'cagr');
    expect(a.ratio).toBeCloseTo(0.971527, 6);
    expect(a.status).toBe('on_track');
  });
  test('the reference implementation’s plain ratio CAGR_o / CAGR_r gives the same number when the target lies ahead', () => {
    const r = eurostat({ baseline: 1000, baseYear: 2020, year: 2024, actual: 1720, direction: 1, target: 2000, targetYear: 2025 });
    expect(r.ratio).toBeCloseTo(cagr(1720, 1000, 4) / cagr(2000, 1000, 5), 9);
  });
  test('actual below the base: 900 in 2023 is moving away under both', () => {
    // eurostat: 0.9^(1/3) − 1 = −0.034511 → R = −0.232085; linear: (900 − 1000)/(1600 − 1000) = −0.1667
    const e = assess(hte, 2023, 900, 'eurostat');
    expect(e.ratio).toBeCloseTo(-0.232085, 6);
    expect(e.status).toBe('moving_away');
    expect(assess(hte, 2023, 900, 'linear').status).toBe('moving_away');
  });
  test('target reached before 2025 is achieved', () => {
    expect(assess(hte, 2023, 2000, 'eurostat').status).toBe('achieved');
    expect(assess(hte, 2022, 2100, 'eurostat').status).toBe('achieved');
    expect(assess(hte, 2022, 2100, 'linear').status).toBe('achieved');
  });
});

// A decreasing indicator, and one with a target of 0, built by the real dataset builder.
const emissions: IndicatorDef = {
  id: 'test_emissions',
  zh: '测试排放',
  en: 'Test emissions',
  unit: '万吨',
  unitEn: '10k t',
  direction: 'down',
  kind: 'level',
  definition: { zh: '测试用排放量', en: 'emissions, for the test', period: 'annual', unit: '万吨' },
  aliases: [],
};
const catalogue = [...CATALOGUE, emissions];

describe('a decreasing indicator: rank 9 (2020) → 4', () => {
  const rank = makeEntry('innovation_rank', '9', '9', '4');
  test('8 in 2022: eurostat R = 0.382 (behind); linear 0.5 (behind)', () => {
    // observed = (8/9)^(1/2) − 1 = −0.057191; required = (4/9)^(1/5) − 1 = −0.149717; R = −1·−0.057191/0.149717
    const a = assess(rank, 2022, 8, 'eurostat');
    expect(a.ratio).toBeCloseTo(0.381994, 6);
    expect(a.status).toBe('behind');
    expect(assess(rank, 2022, 8, 'linear').ratio).toBe(0.5);
  });
  test('7 in 2022: on the linear path (on track), but eurostat R = 0.789 (slightly behind)', () => {
    expect(assess(rank, 2022, 7, 'linear').status).toBe('on_track');
    const a = assess(rank, 2022, 7, 'eurostat');
    expect(a.ratio).toBeCloseTo(0.788707, 6);
    expect(a.status).toBe('slightly_behind');
  });
  test('a rank that worsens is moving away; reaching 4 is achieved', () => {
    expect(assess(rank, 2022, 10, 'eurostat').ratio).toBeCloseTo(-0.361299, 6);
    expect(assess(rank, 2022, 10, 'eurostat').status).toBe('moving_away');
    expect(assess(rank, 2022, 4, 'eurostat').status).toBe('achieved');
    expect(assess(rank, 2022, 3, 'eurostat').status).toBe('achieved');
  });
});

describe('target 0 and base 0 (open-sdg: replaced by 0.001)', () => {
  test('decreasing to 0: 10 (2020) → 0; 5 in 2023 gives R = 0.245 (behind); linear 0.833 (slightly behind)', () => {
    const e = makeEntry('test_emissions', null, '10', '0', catalogue);
    // observed = 0.5^(1/3) − 1 = −0.206299; required = (0.001/10)^(1/5) − 1 = −0.841511
    const a = assess(e, 2023, 5, 'eurostat');
    expect(a.replaced).toEqual(['target']);
    expect(a.required).toBeCloseTo(-0.841511, 6);
    expect(a.ratio).toBeCloseTo(0.245154, 6);
    expect(a.status).toBe('behind');
    expect(assess(e, 2023, 5, 'linear').ratio).toBeCloseTo(0.833333, 6);
    expect(assess(e, 2023, 5, 'linear').status).toBe('slightly_behind');
    expect(assess(e, 2023, 0, 'eurostat').status).toBe('achieved');
  });
  test('rising from 0: 0 (2020) → 10; 2 in 2022 gives R = 8.23 (on track); linear 0.5 (behind)', () => {
    const e = makeEntry('high_tech_enterprises', null, '0', '10');
    // observed = (2/0.001)^(1/2) − 1 = 43.721360; required = (10/0.001)^(1/5) − 1 = 5.309573
    const a = assess(e, 2022, 2, 'eurostat');
    expect(a.replaced).toEqual(['baseline']);
    expect(a.ratio).toBeCloseTo(8.234439, 5);
    expect(a.status).toBe('on_track');
    expect(assess(e, 2022, 2, 'linear').status).toBe('behind');
    // Still at 0: observed = −1 → R = −1/5.309573 = −0.188339, moving away
    expect(assess(e, 2022, 0, 'eurostat').ratio).toBeCloseTo(-0.188339, 6);
    expect(assess(e, 2022, 0, 'eurostat').status).toBe('moving_away');
  });
  test('negative values cannot be compounded: a clear error, not a number', () => {
    const e = planError(() => assess(hte, 2023, -5, 'eurostat'));
    expect(e.code).toBe('BAD_ARGUMENT');
    expect(e.message).toContain('正数');
    expect(e.messageEn).toContain('positive');
  });
  test('a target equal to the base: holding it is achieved, falling back is moving away (no ratio)', () => {
    const e = makeEntry('high_tech_enterprises', null, '50', '50');
    expect(assess(e, 2023, 50, 'eurostat').status).toBe('achieved');
    const away = assess(e, 2023, 45, 'eurostat');
    expect(away.status).toBe('moving_away');
    expect(away.ratio).toBeNull();
  });
});

describe('rates and shares', () => {
  test('growth-rate indicators: the value is itself a growth rate, so every method compares actual ÷ target rate', () => {
    const g = makeEntry('rd_growth', '42.1', '24.2', '17');
    for (const m of ['linear', 'cagr', 'eurostat'] as const) {
      const a = assess(g, 2023, 12, m);
      expect(a.ratio).toBeCloseTo(12 / 17, 9); // 0.705882
      expect(a.status).toBe('slightly_behind');
      expect(assess(g, 2023, 17, m).status).toBe('on_track');
      expect(assess(g, 2025, 17, m).status).toBe('achieved');
    }
    // trend: the rate itself is the observed growth (12 % ≥ 1 %)
    expect(assessTrend(g, 2023, 12).status).toBe('trend_significant_progress');
    expect(assessTrend(g, 2023, 0.5).rate).toBeCloseTo(0.005, 9);
    expect(assessTrend(g, 2023, 0.5).status).toBe('trend_moderate_progress');
    expect(rateTrend(-2, 1).status).toBe('trend_significant_away');
  });
  test('shares: linear in points, eurostat and cagr on the growth of the share’s own value', () => {
    const s = makeEntry('rd_intensity', null, '1.5', '2.5');
    // 2.05 in 2023. linear: expected 1.5 + 1·3/5 = 2.1 → 0.55/0.6 = 0.9167, slightly behind.
    expect(assess(s, 2023, 2.05, 'linear').ratio).toBeCloseTo(0.916667, 6);
    expect(assess(s, 2023, 2.05, 'linear').status).toBe('slightly_behind');
    // eurostat: (2.05/1.5)^(1/3) − 1 = 0.109739 vs (2.5/1.5)^(1/5) − 1 = 0.107566 → 1.0202, on track.
    const e = assess(s, 2023, 2.05, 'eurostat');
    expect(e.observed).toBeCloseTo(0.109739, 6);
    expect(e.required).toBeCloseTo(0.107566, 6);
    expect(e.ratio).toBeCloseTo(1.020199, 6);
    expect(e.status).toBe('on_track');
    // cagr: expected 1.5·(5/3)^(3/5) = 2.037983 → 0.55/0.537983 = 1.0223, on track.
    expect(assess(s, 2023, 2.05, 'cagr').ratio).toBeCloseTo(1.022338, 6);
  });
});

describe('trend: indicators with no numeric target', () => {
  const patents = plan.entry('江西', '专利授权总量'); // 8 万件 in 2020, no numeric target
  test.each([
    [9, 0.040042, 'trend_significant_progress'], // (9/8)^(1/3) − 1
    [8.1, 0.004149, 'trend_moderate_progress'], // (8.1/8)^(1/3) − 1
    [7.9, -0.004184, 'trend_moderate_away'],
    [7, -0.043534, 'trend_significant_away'],
  ])('江西 专利授权总量 %p in 2023 → %p a year, %s', (actual, rate, status) => {
    const t = judge(patents, 2023, actual, 'eurostat');
    expect(t.kind).toBe('trend');
    if (t.kind !== 'trend') return;
    expect(t.rate).toBeCloseTo(rate, 6);
    expect(t.status).toBe(status);
    expect(STATUS_LABELS[t.status].zh).toMatch(/^趋势：/);
    expect(STATUS_LABELS[t.status].en).toMatch(/^trend: /);
  });
  test('direction-aware: a rank that falls is progress', () => {
    const rank = plan.entry('九江', '科技进步综合水平全省排位'); // 7 in 2020, qualitative target
    const t = judge(rank, 2022, 6, 'trend');
    // −((6/7)^(1/2) − 1) = 0.074180
    expect(t.kind === 'trend' && t.rate).toBeCloseTo(0.07418, 5);
    expect(t.status).toBe('trend_significant_progress');
    expect(judge(rank, 2022, 8, 'trend').status).toBe('trend_significant_away');
  });
  test('base 0 is replaced by 0.001 as for eurostat', () => {
    expect(trend({ baseline: 0, baseYear: 2020, year: 2022, actual: 0, direction: 1 }).replaced).toEqual(['baseline']);
  });
  test('linear and cagr need a numeric target, and say that trend can help', () => {
    const e = planError(() => judge(patents, 2023, 9, 'linear'));
    expect(e.code).toBe('NO_TARGET');
    expect(e.message).toContain('trend');
  });
  test('trend has no gap', () => {
    expect(planError(() => assess(hte, 2023, 1500, 'trend')).code).toBe('BAD_ARGUMENT');
  });
});

describe('progress as a number', () => {
  test('without a year: share of the way, in levels (linear) or on the compound path (cagr)', () => {
    expect(progress(hte, 1500)).toBe(0.5);
    // ln(1414.2136/1000)/ln 2 = 0.5: √2·1000 is halfway on the compound path
    expect(progress(hte, 1000 * Math.SQRT2, 'cagr')).toBeCloseTo(0.5, 9);
  });
  test('with a year: the ratio the status is judged on', () => {
    expect(progress(hte, 1720, 'eurostat', 2024)).toBeCloseTo(0.976487, 6);
    expect(progress(hte, 1720, 'linear', 2024)).toBe(0.9);
    expect(progress(plan.entry('江西', '专利授权总量'), 9, 'trend', 2023)).toBeCloseTo(0.040042, 6);
  });
  test('eurostat and trend compare growth rates, so they need the year', () => {
    expect(planError(() => progress(hte, 1720, 'eurostat')).messageEn).toContain('give the year');
  });
});
