/**
 * Staged targets ("到2022年…600人左右") carry their own year: PLAN.TARGET answers them, and the path runs through
 * them piecewise; an entry whose last stated target is a staged one has a path that ends there.
 */
import { exportDataset } from '../../../src/core/exchange/export';
import { hasMilestones, milestoneAt, pathEndYear } from '../../../src/core/progress/milestones';
import type { Entry } from '../../../src/core/plan/model';
import { Plan } from '../../../src/core/plan/plan';
import { expectedValue, trajectory } from '../../../src/core/progress/trajectory';
import { TARGET } from '../../../src/functions/impl';
import { dataset } from '../../../src/data/index';
import type { AuthoredEntry, AuthoredValue } from '../../../src/data/types';
import { madeDataset, planError } from '../../fixture';

const cell = (raw: string, line = 1): AuthoredValue => ({ raw, line, kind: 'prose', quote: raw });

function staged(base: string | null, stages: [number, string][], target: string | null): Entry {
  const e: AuthoredEntry = { indicator: 'high_tech_enterprises', name: '测试', unit: '家', values: {} };
  if (base !== null) e.values['2020'] = cell(base);
  if (target !== null) e.target = cell(target);
  e.milestones = stages.map(([year, raw]) => ({ year, ...cell(raw) }));
  return madeDataset([e]).regions[0].entries[0];
}

test('a milestone is parsed like any value and kept in year order', () => {
  const e = staged(
    '100',
    [
      [2023, '新增 200'],
      [2022, '300左右'],
    ],
    '600',
  );
  expect(e.milestones?.map((m) => [m.year, m.value, m.qualifiers])).toEqual([
    [2022, 300, ['左右']],
    [2023, 300, ['新增']],
  ]);
  expect(milestoneAt(e, 2022)?.raw).toBe('300左右');
  expect(milestoneAt(e, 2024)).toBeUndefined();
  expect(hasMilestones(e)).toBe(true);
});

test('the linear path runs baseline → milestone → 2025 target, piece by piece', () => {
  const e = staged('100', [[2022, '300']], '600');
  expect(trajectory(e)).toEqual([
    [2020, 100],
    [2021, 200],
    [2022, 300],
    [2023, 400],
    [2024, 500],
    [2025, 600],
  ]);
  // Without the milestone the same line would be straight: 2022 at 300 only by coincidence of the numbers chosen.
  const bent = staged('100', [[2022, '500']], '600');
  expect(trajectory(bent).map(([, v]) => v)).toEqual([100, 300, 500, 533.333333333, 566.666666667, 600]);
});

test('the compound path also passes through the milestone', () => {
  const e = staged('100', [[2022, '400']], '3200');
  expect(expectedValue(e, 2021, 'cagr')).toBeCloseTo(200, 6);
  expect(expectedValue(e, 2022, 'cagr')).toBe(400);
  expect(expectedValue(e, 2024, 'cagr')).toBeCloseTo(1600, 6);
});

test('an entry whose only target is a milestone has a path that ends in that year', () => {
  const e = staged('100', [[2022, '300']], null);
  expect(pathEndYear(e)).toBe(2022);
  expect(trajectory(e)).toEqual([
    [2020, 100],
    [2021, 200],
    [2022, 300],
  ]);
  const err = planError(() => expectedValue(e, 2023));
  expect(err.code).toBe('NO_TARGET');
  expect(err.message).toContain('2022年的阶段目标');
  expect(err.messageEn).toContain('2023 has no path value');
});

test('milestones after 2025 do not bend the 2021–2025 path', () => {
  const e = staged('100', [[2028, '2000']], '600');
  expect(pathEndYear(e)).toBe(2025);
  expect(trajectory(e).map(([, v]) => v)).toEqual([100, 200, 300, 400, 500, 600]);
});

describe('赣州 中国科学院赣江创新研究院 人员规模 (seed 004, lines 266 and 272)', () => {
  const plan = new Plan(dataset());
  const e = plan.entry('赣州', '赣江创新研究院人员规模');

  test('PLAN.TARGET answers each stage with its own year', () => {
    expect(plan.target('赣州', '赣江创新研究院人员规模', 2022)).toBe(600);
    expect(plan.target('赣州', '赣江创新研究院人员规模', 2025)).toBe(1000);
    expect(plan.target('赣州', '赣江创新研究院人员规模', 2028)).toBe(1000);
    expect(e.milestones?.map((m) => [m.year, m.raw, m.source.line])).toEqual([
      [2022, '达到600人左右', 272],
      [2028, '达到1000人左右', 272],
    ]);
  });

  test('the PLAN.TARGET custom function answers the same, and a year with no stage still gets a clear error', () => {
    expect(TARGET('赣州', '赣江创新研究院人员规模', 2022)).toBe(600);
    expect(TARGET('赣州', '赣江创新研究院人员规模')).toBe(1000);
    expect(planError(() => TARGET('赣州', '赣江创新研究院人员规模', 2027)).code).toBe('BAD_YEAR');
  });

  test('with no baseline there is no path, and it says so', () => {
    expect(planError(() => plan.target('赣州', '赣江创新研究院人员规模', 2023)).code).toBe('NO_BASELINE');
  });

  test('the JSON export carries the staged targets', () => {
    const out = exportDataset(dataset()) as {
      entries: { region: string; indicator: string; milestones: { year: number; value: number }[] }[];
    };
    const x = out.entries.find((y) => y.region === '赣州' && y.indicator === 'gjiri_staff')!;
    expect(x.milestones.map((m) => [m.year, m.value])).toEqual([
      [2022, 600],
      [2028, 1000],
    ]);
  });
});
