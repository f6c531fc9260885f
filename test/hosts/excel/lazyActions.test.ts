/**
 * The modern pane's actions with the Excel adapter as a chunk (src/hosts/excel/lazyActions.ts): the same actions as
 * actions.ts, each carried out once the adapter is in; the imported plans kept in the workbook read without it.
 */
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { setLanguage } from '../../../src/functions/impl';
import { officeActions as eager } from '../../../src/hosts/excel/actions';
import { officeActions as lazy } from '../../../src/hosts/excel/lazyActions';
import { configureHost } from '../../../src/hosts/excel/requirements';
import { Occupied } from '../../../src/panes/shared/actions';
import { FakeExcelNamespace, FakeHost } from '../../fakes/fakeExcel';

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelNamespace;
const plan = new Plan(dataset());

beforeAll(() => {
  configureHost(() => true);
  setLanguage('zh-CN');
});

test('every action of actions.ts, with the same results in the same workbook, refusals included', async () => {
  const a = new FakeHost();
  const b = new FakeHost();
  const now = eager(plan, 'zh', a.run);
  const later = lazy(plan, 'zh', b.run);
  expect(Object.keys(later).sort()).toEqual(Object.keys(now).sort());
  const ref = plan.refOf(plan.regions()[0]);
  expect(await later.insertNew([ref], 'plain')).toBe(await now.insertNew([ref], 'plain'));
  expect(await later.recordedTables!()).toEqual(await now.recordedTables!());
  // A refusal crosses the chunk as the pane's own class: the pane tells Occupied apart to ask first.
  for (const h of [a, b]) h.select(h.sheets[h.sheets.length - 1].name, 'A1');
  await expect(now.insertHere(ref, 'plain')).rejects.toBeInstanceOf(Occupied);
  await expect(later.insertHere(ref, 'plain')).rejects.toBeInstanceOf(Occupied);
  expect(await later.loadImportedPlans!()).toEqual(await now.loadImportedPlans!());
});
