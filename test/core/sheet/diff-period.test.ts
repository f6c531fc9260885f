/** What changed between two datasets, for plans of another period: the plan's own baseline years, and a region with plans of two periods kept apart. */
import { diffDatasets } from '../../../src/core/sheet/diff';
import { importPlanTable } from '../../../src/core/exchange/import';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { nanchangRows } from '../../fixtures/nanchang';

const base = dataset();
const rows = nanchangRows();
const read = (r: string[][], region = '南昌') => importPlanTable(r, { file: 'nc.csv', region, catalogue: base.catalogue });
const edit = (row: number, col: number, text: string): string[][] =>
  rows.map((r, i) => (i === row ? r.map((c, j) => (j === col ? text : c)) : r));

test('a changed 2024 baseline of a 2024→2030 plan is listed under its own year', () => {
  const before = Plan.withImported(base, [read(rows)]).dataset;
  const after = Plan.withImported(base, [read(edit(4, 3, '2600'))]).dataset; // 高新技术企业数 2024: 2500 → 2600
  const changes = diffDatasets(before, after);
  expect(changes.map((c) => [c.region, c.indicator, c.field, c.old, c.new])).toEqual([
    ['南昌', 'high_tech_enterprises', '2024', '2500', '2600'],
    // 新增3000 on the baseline: the target's number moves with it, its text does not.
    ['南昌', 'high_tech_enterprises', 'target', '新增3000', '新增3000'],
  ]);
});

test('a region with a 十四五 plan and an imported 十五五 plan: the two are compared each with its own', () => {
  // As a published package holds them: both 赣州 plans in one dataset.
  const both = (r: string[][]) => {
    const plan = Plan.withImported(base, [read(r, '赣州')]);
    return { ...plan.dataset, regions: plan.allRegions() };
  };
  const before = both(rows);
  const after = both(edit(5, 5, '700左右')); // 技术合同成交额 2030 target
  const changes = diffDatasets(before, after);
  expect(changes.map((c) => [c.region, c.indicator, c.field, c.old, c.new])).toEqual([
    ['赣州', 'tech_contract_value', 'target', '600左右', '700左右'],
  ]);
});
