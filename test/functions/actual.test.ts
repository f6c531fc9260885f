/** PLAN.ACTUAL: an official public actual (data/actuals/), or a field of its source; #N/A codes when there is none. */
import * as f from '../../src/functions/impl';
import { NOT_FOUND_CODES } from '../../src/core/errors';
import { actualConflicts, officialActuals } from '../../src/data/actuals';
import { planError } from '../fixture';

beforeEach(() => {
  f.setLanguage('zh-CN');
  f.useActuals(undefined);
});

const row = (region: string, indicator: string, year: number) =>
  officialActuals().find((a) => a.region === region && a.indicator === indicator && a.year === year)!;

test('the issue example: 江西 R&D intensity in 2023 is 1.88, by any of its names', () => {
  expect(f.ACTUAL('江西', '研发经费投入强度', 2023)).toBe(1.88);
  expect(f.ACTUAL('江西', 'rd_intensity', '2023年')).toBe(row('江西', 'rd_intensity', 2023).value);
  expect(f.ACTUAL([['江西省']], [['R&D经费投入强度']], [[2023]])).toBe(1.88);
});

test('without a year, the latest year with a public figure', () => {
  const years = officialActuals()
    .filter((a) => a.region === '江西' && a.indicator === 'rd_intensity')
    .map((a) => a.year);
  const latest = Math.max(...years);
  expect(f.ACTUAL('江西', '研发经费投入强度', null, 'year')).toBe(latest);
  expect(f.ACTUAL('江西', '研发经费投入强度')).toBe(row('江西', 'rd_intensity', latest).value);
});

test('the source fields, in English or Chinese names; the quote holds the value as written', () => {
  const a = row('江西', 'rd_intensity', 2023);
  expect(f.ACTUAL('江西', '研发经费投入强度', 2023, 'quote')).toBe(a.quote);
  expect(String(f.ACTUAL('江西', '研发经费投入强度', 2023, '原文'))).toContain('1.88%');
  expect(f.ACTUAL('江西', '研发经费投入强度', 2023, 'url')).toBe(a.url);
  expect(f.ACTUAL('江西', '研发经费投入强度', 2023, '网址')).toMatch(/^https?:\/\//);
  expect(f.ACTUAL('江西', '研发经费投入强度', 2023, 'source')).toBe(a.source);
  expect(f.ACTUAL('江西', '研发经费投入强度', 2023, 'caliber')).toBe(a.caliber);
  expect(f.ACTUAL('江西', '研发经费投入强度', 2023, 'publisher')).toBe(a.publisher);
  expect(f.ACTUAL('江西', '研发经费投入强度', 2023, 'unit')).toBe('%');
  expect(f.ACTUAL('江西', '研发经费投入强度', 2023, 'derived')).toBe('');
});

test('no figure: #N/A (NO_ACTUAL) saying which years have one; unknown names and fields as elsewhere', () => {
  const e = planError(() => f.ACTUAL('江西', '研发经费投入强度', 2021));
  expect(e.code).toBe('NO_ACTUAL');
  expect(NOT_FOUND_CODES.has(e.code)).toBe(true);
  expect(e.message).toMatch(/2021年没有公开实际值；有公开实际值的年份：2022、2023/);
  expect(e.messageEn).toMatch(/no public actual value for 2021; years with one: 2022, 2023/);
  const none = planError(() => f.ACTUAL('赣州', '专利授权量'));
  expect(none.code).toBe('NO_ACTUAL');
  expect(none.message).toMatch(/没有公开实际值/);
  expect(planError(() => f.ACTUAL('火星', '研发经费投入强度')).code).toBe('UNKNOWN_REGION');
  expect(planError(() => f.ACTUAL('江西', '火箭发射次数')).code).toBe('UNKNOWN_INDICATOR');
  const field = planError(() => f.ACTUAL('江西', '研发经费投入强度', 2023, 'colour'));
  expect(field.code).toBe('BAD_ARGUMENT');
  expect(field.message).toMatch(/quote/);
  expect(planError(() => f.ACTUAL('江西', '研发经费投入强度', 2023.5)).code).toBe('BAD_YEAR');
});

test('useActuals replaces the compiled-in actuals (a published package, an --actuals file), and undefined brings them back', () => {
  f.useActuals([{ region: '江西', indicator: 'rd_intensity', year: 2024, value: 1.99, source: '本局核定' }]);
  expect(f.ACTUAL('江西', '研发经费投入强度')).toBe(1.99);
  expect(f.ACTUAL('江西', '研发经费投入强度', 2024, 'quote')).toBe('');
  expect(planError(() => f.ACTUAL('江西', '研发经费投入强度', 2023)).code).toBe('NO_ACTUAL');
  f.useActuals(undefined);
  expect(f.ACTUAL('江西', '研发经费投入强度', 2023)).toBe(1.88);
});

test('PLAN.INFO(…, "conflicts") lists the public sources of actuals that disagree, as `plan info` does', () => {
  const c = actualConflicts()[0];
  const used = row(c.region, c.indicator, c.year);
  const zh = String(f.INFO(c.region, c.indicator, 'conflicts'));
  expect(zh).toContain(`实际值来源分歧（${c.year}年）：采用 ${used.value}`);
  expect(zh).toContain(`另一来源 ${c.value}`);
  expect(zh).toContain(c.url!);
  expect(zh).not.toMatch(/^无/);
  f.setLanguage('en-US');
  expect(String(f.INFO(c.region, c.indicator, 'conflicts'))).toContain(`actual sources disagree (${c.year}): in use ${used.value}`);
  // The plan's own conflicts stay; an indicator with neither still answers none.
  expect(f.INFO('赣州', '高新技术企业', 'conflicts')).toContain('1107');
  expect(f.INFO('赣州', '高新技术企业', 'unit')).not.toContain('actual sources');
});
