/** Row status and the 2025 final assessment: direction-aware, for lower bounds, ranges, increments, ranks, rates. */
import { SEED_PERIOD } from '../../../src/core/plan/model';
import { finalAssessment, latestActual, rowStatus } from '../../../src/core/progress/assessment';
import { assess } from '../../../src/core/progress/status';
import { makeEntry, planError } from '../../fixture';

describe('2025 final assessment', () => {
  test('“以上”: reaching the number is met; share = actual ÷ target', () => {
    const e = makeEntry('high_tech_enterprises', null, '1000', '2000家以上');
    expect(finalAssessment(e, 2000)).toMatchObject({ met: true, reached: 1 });
    expect(finalAssessment(e, 1999)).toMatchObject({ met: false, reached: 0.9995 });
  });
  test('a range is met from its low end', () => {
    const e = makeEntry('rd_intensity', null, '1.5', '2.5-2.8');
    expect(finalAssessment(e, 2.5).met).toBe(true);
    expect(finalAssessment(e, 2.4).met).toBe(false);
    expect(finalAssessment(e, 2.4).reached).toBeCloseTo(0.96, 9);
  });
  test('an increment is met at baseline + increment; share = the increment achieved', () => {
    const e = makeEntry('high_tech_enterprises', null, '100', '新增50');
    expect(finalAssessment(e, 150)).toMatchObject({ met: true, reached: 1, target: 150 });
    expect(finalAssessment(e, 125)).toMatchObject({ met: false, reached: 0.5 });
  });
  test('ranks: lower is better; share = target ÷ actual', () => {
    const e = makeEntry('innovation_rank', null, '16', '10');
    expect(finalAssessment(e, 10).met).toBe(true);
    expect(finalAssessment(e, 8).met).toBe(true);
    expect(finalAssessment(e, 12)).toMatchObject({ met: false });
    expect(finalAssessment(e, 12).reached).toBeCloseTo(10 / 12, 9);
  });
  test('a growth rate: actual rate ÷ target rate', () => {
    const e = makeEntry('rd_growth', null, '10', '12');
    expect(finalAssessment(e, 9)).toMatchObject({ met: false, reached: 0.75 });
  });
  test('a qualitative target has no number to meet: a specific error', () => {
    const e = makeEntry('innovation_rank', null, '16', '全省中上游');
    const err = planError(() => finalAssessment(e, 5));
    expect(err.code).toBe('QUALITATIVE');
    expect(err.messageEn).toMatch(/no numeric 2025 target/);
    expect(planError(() => finalAssessment(makeEntry('high_tech_enterprises', null, '1', '2'), NaN)).code).toBe('BAD_NUMBER');
  });
});

describe('row status at the latest actual', () => {
  const e = makeEntry('high_tech_enterprises', '510', '710', '1200');
  test('the latest year counts, and matches status.ts where there is a path', () => {
    expect(latestActual({ 2021: 800, 2023: 900 }, SEED_PERIOD)).toEqual({ year: 2023, actual: 900 });
    expect(rowStatus(e, { 2021: 2000, 2023: 900 })).toBe(assess(e, 2023, 900).status);
    for (const v of [600, 800, 950, 1004, 1300]) expect(rowStatus(e, { 2023: v })).toBe(assess(e, 2023, v).status);
  });
  test('no actual, no numeric target, no baseline', () => {
    expect(rowStatus(e, {})).toBe('no_data');
    expect(rowStatus(makeEntry('innovation_rank', null, '16', '全省中上游'), { 2023: 3 })).toBe('qualitative');
    const nob = makeEntry('high_tech_enterprises', null, null, '2000');
    expect(rowStatus(nob, { 2023: 2100 })).toBe('achieved');
    expect(rowStatus(nob, { 2023: 1500 })).toBe('no_path');
  });
  test('a growth rate without a baseline is still judged by its target rate', () => {
    const r = makeEntry('rd_growth', null, null, '12');
    expect(rowStatus(r, { 2023: 12 })).toBe('on_track');
    expect(rowStatus(r, { 2025: 12 })).toBe('achieved');
    expect(rowStatus(r, { 2024: 9 })).toBe('slightly_behind');
    expect(rowStatus(r, { 2024: -1 })).toBe('moving_away');
  });
});
