import {
  expectedValue,
  trajectory,
  parseMethod,
  baselineOf,
  targetOf,
  holdsEveryYear,
  ownPath,
  pathRateNote,
} from '../../../src/core/progress/trajectory';
import { regionLayout } from '../../../src/core/sheet/layout';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { makeEntry, planError } from '../../fixture';

const err = planError;

describe('linear path (序时进度)', () => {
  const e = makeEntry('high_tech_enterprises', '510', '710', '1200');
  test('from the 2020 baseline to the target in equal steps', () => {
    expect(trajectory(e)).toEqual([
      [2020, 710],
      [2021, 808],
      [2022, 906],
      [2023, 1004],
      [2024, 1102],
      [2025, 1200],
    ]);
  });
  test('2019 and 2020 are the stated values', () => {
    expect(expectedValue(e, 2019)).toBe(510);
    expect(expectedValue(e, 2020)).toBe(710);
  });
  test('years outside 2019–2025 are refused', () => {
    expect(err(() => expectedValue(e, 2026)).code).toBe('BAD_YEAR');
    expect(err(() => expectedValue(e, 2018)).code).toBe('BAD_YEAR');
    expect(err(() => expectedValue(e, 2022.5)).code).toBe('BAD_YEAR');
  });
});

describe('compound growth (CAGR)', () => {
  const e = makeEntry('high_tech_enterprises', null, '1000', '2000');
  test('multiplies by the same factor each year', () => {
    const f = Math.pow(2, 1 / 5);
    expect(expectedValue(e, 2021, 'cagr')).toBeCloseTo(1000 * f, 6);
    expect(expectedValue(e, 2023, 'cagr')).toBeCloseTo(1000 * Math.pow(f, 3), 6);
    expect(expectedValue(e, 2025, 'cagr')).toBe(2000);
  });
  test('needs positive baseline and target', () => {
    const zero = makeEntry('high_tech_enterprises', null, '0', '10');
    expect(err(() => expectedValue(zero, 2022, 'cagr')).code).toBe('BAD_ARGUMENT');
    expect(expectedValue(zero, 2022, 'linear')).toBe(4);
  });
  test('method names in both languages', () => {
    expect(parseMethod(undefined)).toBe('linear');
    expect(parseMethod('CAGR')).toBe('cagr');
    expect(parseMethod('复合')).toBe('cagr');
    expect(err(() => parseMethod('log')).code).toBe('BAD_ARGUMENT');
  });
});

describe('kinds of target', () => {
  test('increment: "新增10" is baseline + 10', () => {
    const e = makeEntry('national_innovation_platforms', '18', '18', '新增10');
    expect(expectedValue(e, 2025)).toBe(28);
    expect(expectedValue(e, 2021)).toBe(20);
  });
  test('increment without a baseline: said clearly', () => {
    const x = err(() => targetOf(makeEntry('provincial_innovation_consortia', null, null, '新增 10 家')));
    expect(x.code).toBe('NO_BASELINE');
    expect(x.message).toContain('新增 10 家');
  });
  test('range: the low end is the commitment', () => {
    const e = makeEntry('national_innovation_bases', null, '34', '新增 2-5');
    expect(expectedValue(e, 2025)).toBe(36);
    expect(expectedValue(e, 2022)).toBeCloseTo(34.8, 9);
  });
  test('growth-rate target: the rate itself every year', () => {
    const e = makeEntry('rd_growth', '42.1', '24.2', '17');
    expect(expectedValue(e, 2020)).toBe(24.2);
    for (const y of [2021, 2022, 2023, 2024, 2025]) expect(expectedValue(e, y)).toBe(17);
  });
  test('rank: lower is better, the path goes down', () => {
    const e = makeEntry('innovation_rank', '9', '9', '4');
    expect(expectedValue(e, 2021)).toBe(8);
    expect(expectedValue(e, 2025)).toBe(4);
  });
  test('qualitative target: no numeric path, said clearly', () => {
    const e = makeEntry('innovation_rank', '7', '7', '全省中上游');
    const x = err(() => expectedValue(e, 2023));
    expect(x.code).toBe('QUALITATIVE');
    expect(x.message).toContain('全省中上游');
  });
  test('estimated baseline is used, and the 2019 baseline when 2020 is missing', () => {
    expect(expectedValue(makeEntry('enterprise_rd_revenue_ratio', '0.54', '[0.63]', '1.1'), 2020)).toBe(0.63);
    const only2019 = makeEntry('high_tech_enterprises', '100', null, '160');
    expect(baselineOf(only2019).year).toBe(2019);
    expect(expectedValue(only2019, 2021)).toBe(120); // 100 → 160 over six years: 10 a year
  });
  test('no baseline: said clearly', () => {
    expect(err(() => expectedValue(makeEntry('tech_brokers', null, null, '1500'), 2022)).code).toBe('NO_BASELINE');
    expect(err(() => expectedValue(makeEntry('innovation_rank', '-', '7', '5'), 2019)).code).toBe('NO_BASELINE');
  });
});

describe('a target set for every year holds in every year (每年, 年均)', () => {
  const plan = new Plan(dataset());
  test.each([
    ['吉安', '每年引进博士以上高层次人才', 50],
    ['九江', '重点优势领域每年培养基础产业技术人才', 20],
    ['赣州', '每年新组建市级创新平台', 30],
    ['赣州', '技术交易额年均增长', 20],
  ])('%s %s: %d in every year of the period, though no baseline is stated', (region, name, target) => {
    const e = plan.entry(region, name);
    expect(holdsEveryYear(e)).toBe(true);
    for (let y = 2021; y <= 2025; y++) expect(plan.target(region, name, y)).toBe(target);
    // Judged against the yearly target: a shortfall is behind, the target met is on track.
    expect(plan.assess(region, name, 2023, target).status).toBe('on_track');
    expect(plan.assess(region, name, 2023, target * 0.5).status).toBe('behind');
  });

  test('a level with a path is not a yearly target', () => {
    const e = plan.entry('赣州', '高新技术企业');
    expect(holdsEveryYear(e)).toBe(false);
    expect(plan.target('赣州', '高新技术企业', 2023)).not.toBe(plan.target('赣州', '高新技术企业', 2025));
  });

  test('property: for every entry that holds every year, every year after the baseline year answers its target', () => {
    for (const r of dataset().regions)
      for (const e of r.entries) {
        if (!holdsEveryYear(e) || !e.target || e.target.value === null) continue;
        for (let y = 2021; y <= 2025; y++) expect(expectedValue(e, y)).toBe(e.target.value);
      }
  });
});

describe("the plan's own path: a growth rate the plan states for the same measure", () => {
  const plan = new Plan(dataset());
  test('九江 R&D expenditure (49 → 110, "年均增速 17", line 105): 2023 expects about 79.6 on the compound path, not 85.6', () => {
    const e = plan.entry('九江', '全社会R&D经费支出');
    expect(e.pathRate?.target.source.line).toBe(105);
    expect(ownPath(e, 'linear')).toBe('cagr');
    expect(plan.target('九江', '全社会R&D经费支出', 2023)).toBeCloseTo(79.6, 1);
    expect(plan.target('九江', '全社会R&D经费支出', 2025)).toBe(110);
    expect(pathRateNote(e)?.zh).toMatch(/年均增速.*17.*:105/);
    const layout = regionLayout(plan.region('九江'), 'plain', 'zh', plan.dataset.version);
    expect(layout.legend.map((l) => l.text).join('\n')).toMatch(/全社会R&D经费支出：规划另定“全社会R&D经费支出年均增速”为“17”/);
  });

  test('property: every level with a stated rate expects the compound path, and one without stays linear', () => {
    for (const r of dataset().regions)
      for (const e of r.entries) {
        if (ownPath(e, 'linear') !== 'cagr') continue;
        const b = baselineOf(e);
        const t = targetOf(e);
        for (let y = b.year + 1; y < t.year; y++)
          expect(expectedValue(e, y)).toBeCloseTo(b.value * Math.pow(t.value / b.value, (y - b.year) / (t.year - b.year)), 6);
      }
    const plain = plan.entry('赣州', '高新技术企业');
    expect(plain.pathRate).toBeUndefined();
    expect(ownPath(plain, 'linear')).toBe('linear');
  });
});
