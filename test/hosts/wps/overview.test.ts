/**
 * The WPS pane's progress tab: reading a region's actual values back from its inserted table and inserting the 总览
 * overview, on the strict fake ET host, through the same core as Excel's (src/core/sheet/overview.ts).
 */
import { colIndex, colLetter } from '../../../src/core/sheet/layout';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { setLanguage } from '../../../src/functions/impl';
import { ROW_STATUSES } from '../../../src/core/progress/assessment';
import { wpsActions } from '../../../src/hosts/wps/actions';
import { FakeEt } from '../../fakes/fakeEt';

setLanguage('zh-CN');
const plan = new Plan(dataset());
const rowOf = (region: string, id: string) => 6 + plan.region(region).entries.findIndex((e) => e.indicator.id === id);

test('readActuals: the numbers typed in the actual columns, by indicator and year', async () => {
  const et = new FakeEt();
  const actions = wpsActions(plan, 'zh', et);
  await actions.insertNew(['赣州'], 'plain');
  et.sheet('赣州指标').type(`${colLetter(colIndex('actual2023'))}${rowOf('赣州', 'high_tech_enterprises')}`, 1200);
  const got = await actions.readActuals!('赣州');
  expect(got.high_tech_enterprises).toEqual({ 2023: 1200 });
  expect(Object.keys(got)).toHaveLength(plan.region('赣州').entries.length);
  // A region with no table: nothing to read.
  expect(await actions.readActuals!('九江')).toEqual({});
});

test('insertOverview: a 总览 sheet after the last, one row per plan (a plan inserted twice counts once), counting over the tables', async () => {
  const et = new FakeEt();
  const actions = wpsActions(plan, 'zh', et);
  await expect(actions.insertOverview!()).rejects.toThrow(/请先插入地区表/);
  expect(et.wb.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  await actions.insertNew(['赣州'], 'plain');
  await actions.insertNew(['赣州', '九江'], 'plain');
  await expect(actions.insertOverview!()).resolves.toBe('总览');
  expect(et.wb.sheets.map((s) => s.name)).toEqual(['Sheet1', '赣州指标', '赣州指标 (2)', '九江指标', '总览']);
  const ws = et.sheet('总览');
  expect([ws.at('A5')?.value, ws.at('A6')?.value, ws.at('A7')?.value]).toEqual(['赣州', '九江', '合计']);
  // The counts are formulas over the first 赣州 table's status column, never over its copy.
  const status = colLetter(colIndex('status'));
  expect(ws.at('B5')?.formula).toBe(`=ROWS('赣州指标'!$${status}$6:$${status}$${5 + plan.region('赣州').entries.length})`);
  expect(String(ws.at('C5')?.formula)).toContain("'赣州指标'!");
  expect(JSON.stringify(Array.from({ length: 3 + ROW_STATUSES.length }, (_x, j) => ws.at(`${colLetter(j)}5`)))).not.toContain('(2)');
});
