/**
 * The pane's overview and progress reads, on the fake Excel host (HyperFormula computes the formulas): the
 * 总览 sheet counts the region tables wherever they stand, live, as a person types actual values.
 */
import { FakeExcelNamespace, FakeHost } from '../../fakes/fakeExcel';
import { dataset } from '../../../src/data/index';
import { Plan } from '../../../src/core/plan/plan';
import { colIndex, colLetter, regionLayout } from '../../../src/core/sheet/layout';
import { ROW_STATUSES } from '../../../src/core/progress/assessment';
import { overviewCounts } from '../../../src/core/sheet/overview';
import { insertOnNewSheets } from '../../../src/hosts/excel/excel';
import { officeActions } from '../../../src/hosts/excel/actions';
import { setLanguage } from '../../../src/functions/impl';

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelNamespace;
setLanguage('zh-CN');

const plan = new Plan(dataset());
const rowOf = (region: string, id: string) => 6 + plan.region(region).entries.findIndex((e) => e.indicator.id === id);

test('insert overview: one row per region table, live counts equal to the core’s as actuals are typed', async () => {
  const host = new FakeHost();
  await insertOnNewSheets(host.context() as never, [
    regionLayout(plan.region('赣州'), 'plain', 'zh', plan.dataset.version),
    regionLayout(plan.region('九江'), 'linked', 'en', plan.dataset.version),
  ]);
  const actions = officeActions(plan, 'zh', host.run as never);
  host.syncs = 0;
  const sheet = await actions.insertOverview!();
  expect(sheet).toBe('总览');
  expect(host.syncs).toBe(3);
  const ws = host.sheet('总览');
  const counts = (r: number) => Array.from({ length: 1 + ROW_STATUSES.length }, (_x, j) => ws.value(r, 1 + j));
  expect(ws.value(4, 0)).toBe('赣州');
  expect(ws.value(5, 0)).toBe('九江');
  expect(counts(4)).toEqual([
    plan.region('赣州').entries.length,
    ...ROW_STATUSES.map((s) => overviewCounts(plan.region('赣州')).byStatus[s]),
  ]);

  // A clerk types actuals: 赣州 high-tech enterprises 2025 = 2100 (met), 九江 (an English table) one behind.
  host.type('赣州指标', `${colLetter(colIndex('actual2025'))}${rowOf('赣州', 'high_tech_enterprises')}`, 2100);
  const jj = plan.region('九江').entries.find((e) => e.values[2020]?.value && e.target?.value && e.indicator.kind === 'level')!;
  host.type('Jiujiang indicators', `${colLetter(colIndex('actual2023'))}${rowOf('九江', jj.indicator.id)}`, jj.values[2020]!.value!);
  const gz = overviewCounts(plan.region('赣州'), { high_tech_enterprises: { 2025: 2100 } });
  const jjc = overviewCounts(plan.region('九江'), { [jj.indicator.id]: { 2023: jj.values[2020]!.value! } });
  expect(counts(4)).toEqual([plan.region('赣州').entries.length, ...ROW_STATUSES.map((s) => gz.byStatus[s])]);
  expect(counts(5)).toEqual([jjc.indicators, ...ROW_STATUSES.map((s) => jjc.byStatus[s])]);
  expect(gz.byStatus.achieved).toBe(1);
  expect(jjc.byStatus.behind).toBe(1);
  // 2025: one reported, one met, share 100 %.
  const c = 2 + ROW_STATUSES.length;
  expect([ws.value(4, c), ws.value(4, c + 1), ws.value(4, c + 2), ws.value(4, c + 3)]).toEqual([1, 1, 0, 1]);
  // The progress view reads the same actuals back.
  expect((await actions.readActuals!('赣州')).high_tech_enterprises).toEqual({ 2025: 2100 });
});

test('no region table yet: a clear error in both languages, no sheet added', async () => {
  const host = new FakeHost();
  const actions = officeActions(plan, 'zh', host.run as never);
  await expect(actions.insertOverview!()).rejects.toThrow(/请先插入地区表.*insert a region first/);
  expect(() => host.sheet('总览')).toThrow();
});

test('a region inserted twice (insert, then insert all before the pane skipped it) counts once in 总览', async () => {
  const host = new FakeHost();
  const actions = officeActions(plan, 'zh', host.run as never);
  await actions.insertNew(['赣州'], 'plain');
  await actions.insertNew(['赣州', '九江'], 'plain');
  expect(host.sheets.map((s) => s.name)).toEqual(['Sheet1', '赣州指标', '赣州指标 (2)', '九江指标']);
  await actions.insertOverview!();
  const ws = host.sheet('总览');
  expect([ws.value(4, 0), ws.value(5, 0), ws.value(6, 0)]).toEqual(['赣州', '九江', '合计']);
  // The total is the two plans' indicators, not 赣州's twice.
  expect(ws.value(6, 1)).toBe(plan.region('赣州').entries.length + plan.region('九江').entries.length);
});

test('recordedTables names each table’s plan by its reference, which insert all uses to skip plans already in', async () => {
  const host = new FakeHost();
  const actions = officeActions(plan, 'zh', host.run as never);
  await actions.insertNew(['赣州'], 'plain');
  expect((await actions.recordedTables!()).map((r) => r.ref)).toEqual([plan.refOf(plan.region('赣州'))]);
});
