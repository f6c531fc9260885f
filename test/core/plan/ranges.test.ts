/**
 * Ranges keep both ends: "新增 2-5" on a baseline of 34 is 36–39, answered as such by the CLI and PLAN.INFO(…,"range"),
 * shown in the pane's table, and written to the sheet's target cell as its low end (what the flags judge by) with a
 * number format that shows the high end beside it.
 */
import { Plan } from '../../../src/core/plan/plan';
import { figureText, parseValue, rangeOf } from '../../../src/core/plan/parse';
import { targetText } from '../../../src/core/plan/rows';
import { cellFormat, colIndex, regionLayout } from '../../../src/core/sheet/layout';
import { dataset } from '../../../src/data/index';
import { plan as cli } from '../../cli/shell';

const plan = new Plan(dataset());

test('赣州 国家级科技创新基地: 新增 2-5 on 34 is 36–39 in the CLI, PLAN.INFO and the pane', async () => {
  expect(await cli(['target', '赣州', '国家级科技创新基地'])).toMatchObject({ code: 0, out: '36–39' });
  expect(plan.info('赣州', '国家级科技创新基地', 'range')).toBe('36–39');
  expect(plan.info('赣州', '国家级科技创新基地', '范围')).toBe('36–39');
  // PLAN.TARGET stays a number for formulas: the low end, which is the commitment.
  expect(plan.target('赣州', '国家级科技创新基地')).toBe(36);
  expect(targetText(plan.entry('赣州', '国家级科技创新基地'))).toBe('新增 2-5（36–39）');
});

test('a single figure keeps its number', async () => {
  expect(await cli(['target', '赣州', '高新技术企业'])).toMatchObject({ code: 0, out: '2000' });
  expect(plan.info('赣州', '高新技术企业', 'range')).toBe('2000');
});

test('parsing: a range is bound "range", never "exact"', () => {
  expect(parseValue('3-4家', null)).toMatchObject({ value: 3, low: 3, high: 4, bound: 'range' });
  expect(parseValue('新增 2-5', 34)).toMatchObject({ value: 36, low: 36, high: 39, bound: 'range' });
  expect(parseValue('5-10项以上', null).bound).toBe('at_least');
  expect(parseValue('2000', null).bound).toBe('exact');
});

describe('every range target of every plan', () => {
  const ranged = dataset().regions.flatMap((r) => r.entries.filter((e) => e.target && rangeOf(e.target)).map((e) => [r.name, e] as const));
  test('there are some (赣州, 上饶, 吉安, 江西 state ranges)', () => {
    expect(new Set(ranged.map(([r]) => r)).size).toBeGreaterThanOrEqual(3);
  });
  test.each(ranged.map(([r, e]) => [r, e.name, e] as const))('%s %s: low end is the value, both ends everywhere', (r, _name, e) => {
    const [low, high] = rangeOf(e.target) as [number, number];
    expect(e.target?.value).toBe(low);
    expect(plan.info(r, e.indicator.id, 'range')).toBe(`${low}–${high}`);
    expect(figureText(e.target as NonNullable<typeof e.target>)).toBe(`${low}–${high}`);
    const region = plan.region(r);
    const layout = regionLayout(region, 'plain', 'zh', plan.dataset.version);
    const row = layout.rows.find((x) => x.id === e.indicator.id);
    expect(row).toBeDefined();
    const col = colIndex('target', layout.columns);
    expect(row!.cells[col]).toBe(low);
    expect(cellFormat(layout, row!, col)).toMatch(new RegExp(`"–${high}"$`));
  });
});
