import { assess, progress, required, ON_TRACK, SLIGHTLY_BEHIND } from '../../../src/core/progress/status';
import { PlanError } from '../../../src/core/errors';
import { makeEntry } from '../../fixture';

// 710 → 1200 over 2020–2025: 2023 expects 1004, i.e. 294 of progress.
const e = makeEntry('high_tech_enterprises', '510', '710', '1200');
const at = (ratio: number): number => 710 + 294 * ratio;

describe('status thresholds of the linear ratio (序时进度; bands 0.95 and 0.6 as in Eurostat)', () => {
  test('the named thresholds', () => {
    expect(ON_TRACK).toBe(0.95);
    expect(SLIGHTLY_BEHIND).toBe(0.6);
  });
  test.each([
    [1.1, 'on_track'],
    [0.95, 'on_track'],
    [0.94, 'slightly_behind'],
    [0.6, 'slightly_behind'],
    [0.59, 'behind'],
    [0, 'behind'],
    [-0.01, 'moving_away'],
  ])('ratio %p → %s', (ratio, status) => {
    const a = assess(e, 2023, at(ratio));
    expect(a.status).toBe(status);
    expect(a.ratio).toBeCloseTo(ratio, 9);
  });
  test('meeting the 2025 target early is achieved', () => {
    expect(assess(e, 2022, 1200).status).toBe('achieved');
    expect(assess(e, 2025, 1250).status).toBe('achieved');
  });
  test('gap is actual − expected, negative when behind', () => {
    const a = assess(e, 2023, 950);
    expect(a.expected).toBe(1004);
    expect(a.gap).toBe(-54);
  });
  test('year must be after the baseline year', () => {
    expect(() => assess(e, 2020, 800)).toThrow(PlanError);
    expect(() => assess(e, 2026, 800)).toThrow(PlanError);
  });
  test('a non-finite actual is refused', () => {
    expect(() => assess(e, 2023, NaN)).toThrow(/数字/);
  });
});

describe('direction-aware', () => {
  const rank = makeEntry('innovation_rank', '9', '9', '4'); // 2022 expects 7
  test('a rank that rises (gets worse) is moving away', () => {
    expect(assess(rank, 2022, 10).status).toBe('moving_away');
    expect(assess(rank, 2022, 10).gap).toBe(-3);
  });
  test('a rank that falls as planned is on track', () => {
    expect(assess(rank, 2022, 7).status).toBe('on_track');
    expect(assess(rank, 2022, 8).status).toBe('behind');
    expect(assess(rank, 2022, 4).status).toBe('achieved');
  });
});

describe('growth-rate indicators', () => {
  const g = makeEntry('rd_growth', '42.1', '24.2', '17');
  test('the actual rate is compared with the target rate', () => {
    expect(assess(g, 2022, 18).status).toBe('on_track');
    expect(assess(g, 2022, 13).status).toBe('slightly_behind');
    expect(assess(g, 2022, 5).status).toBe('behind');
    expect(assess(g, 2022, -2).status).toBe('moving_away');
    expect(assess(g, 2025, 17).status).toBe('achieved');
  });
});

describe('no change expected', () => {
  const flat = makeEntry('high_tech_enterprises', null, '100', '100');
  test('holding the baseline is on track, falling back is moving away', () => {
    expect(assess(flat, 2023, 100).status).toBe('on_track');
    expect(assess(flat, 2023, 99).status).toBe('moving_away');
  });
});

describe('progress and required', () => {
  test('progress is the share of the way', () => {
    expect(progress(e, 955)).toBe(0.5);
    expect(progress(e, 710)).toBe(0);
    expect(progress(makeEntry('rd_growth', null, '24.2', '17'), 8.5)).toBe(0.5);
  });
  test('levels need a compound growth rate', () => {
    const r = required(e, 2023, 1000);
    expect(r.unit).toBe('rate');
    expect(r.value).toBeCloseTo(Math.sqrt(1.2) - 1, 9);
  });
  test('shares need points per year', () => {
    const s = makeEntry('rd_intensity', '1.26', '1.51', '2.5');
    const r = required(s, 2023, 1.9);
    expect(r).toEqual({ value: 0.3, unit: 'points' });
  });
  test('2025 has no years left', () => {
    expect(() => required(e, 2025, 1000)).toThrow(/2025/);
  });
});

describe('the method is part of the answer', () => {
  test('linear is the default, and every assessment says which method made it', () => {
    expect(assess(e, 2023, 950).method).toBe('linear');
    expect(assess(e, 2023, 950, 'cagr').method).toBe('cagr');
    expect(assess(e, 2023, 950, 'eurostat').method).toBe('eurostat');
  });
  test('cagr and eurostat share the compound path as their expected value; linear does not', () => {
    // 710·(1200/710)^(3/5) = 710·1.370105 = 972.77
    expect(assess(e, 2023, 950, 'cagr').expected).toBeCloseTo(972.77, 2);
    expect(assess(e, 2023, 950, 'eurostat').expected).toBeCloseTo(972.77, 2);
    expect(assess(e, 2023, 950).expected).toBe(1004);
  });
});
