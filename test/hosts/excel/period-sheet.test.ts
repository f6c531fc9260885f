/**
 * A plan of another period on the fake Excel host: an imported 十五五 table (2024 baseline, a 2027 staged target,
 * 2030 target; invented for the test) is inserted with columns for its own years, its PLAN formulas answer, its
 * status follows typed actuals, it refreshes, counts in the overview beside a seed region, and takes official
 * actuals for its own years only.
 */
import { rowStatus } from '../../../src/core/progress/assessment';
import { ROW_STATUS_LABELS } from '../../../src/core/progress/assessment';
import { colIndex, colLetter, columnsFor, isTableOf, parseTableName, regionLayout, tableNameFor } from '../../../src/core/sheet/layout';
import { periodOf, type Region } from '../../../src/core/plan/model';
import { planWithImported } from '../../../src/core/exchange/importedPlans';
import { Plan } from '../../../src/core/plan/plan';
import { expectedValue } from '../../../src/core/progress/trajectory';
import { dataset } from '../../../src/data/index';
import { setLanguage, usePlan } from '../../../src/functions/impl';
import { configureHost } from '../../../src/hosts/excel/requirements';
import { officeActions } from '../../../src/hosts/excel/actions';
import { FakeExcelNamespace, FakeHost } from '../../fakes/fakeExcel';
import { nanchangRows } from '../../fixtures/nanchang';

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelNamespace;
const base = new Plan(dataset());
const rows = nanchangRows();
const plan = planWithImported(base.dataset, [{ region: '南昌', source: 'Sheet1!A1:G9', rows }]);
const nc: Region = plan.region('南昌');
const columns = columnsFor(periodOf(nc));
const SHEET = '南昌指标(2025-2030)';

beforeAll(() => {
  configureHost(() => true);
  setLanguage('zh-CN');
  usePlan(plan);
});
afterAll(() => usePlan(undefined));

const col = (key: Parameters<typeof colIndex>[0]): number => colIndex(key, columns);
const rowOf = (id: string): number => 5 + nc.entries.findIndex((e) => e.indicator.id === id); // 0-based sheet row

test('the columns are the plan’s years: one baseline, actuals and expected values 2025–2030, the 2030 assessment', () => {
  expect(periodOf(nc)).toEqual({ baselines: [2024], target: 2030 });
  // The table's own title row (above the header), as written, without its "表1" number.
  expect([nc.planTitle, nc.table]).toEqual(['南昌市“十五五”科技创新规划主要指标（测试用，数据为虚构）', { title: rows[0][0], line: 1 }]);
  const layout = regionLayout(nc, 'plain', 'zh', plan.dataset.version);
  expect(layout.header.slice(0, 12)).toEqual([
    '序号',
    '指标',
    '单位',
    '2024年（基期）',
    '2030年目标（原文）',
    '2030年目标值',
    '2025年实际',
    '2026年实际',
    '2027年实际',
    '2028年实际',
    '2029年实际',
    '2030年实际',
  ]);
  expect(layout.header).toContain('2030年是否达标');
  expect(layout.header.some((h) => h.includes('2021') || h.includes('2019'))).toBe(false);
  expect(layout.flagRange).toBe(`G6:L${5 + nc.entries.length}`);
  // Ours, and told apart from a seed plan's table and from the same region's plan of another period.
  expect(layout.tableName).toBe('PLAN_P_U5357660C_T2030');
  expect(parseTableName('PLAN_L_U5357660C_T2030_2')).toEqual({ key: 'U5357660C', mode: 'linked', target: 2030 });
  expect(isTableOf(nc, 'PLAN_L_U5357660C_T2030_2')).toBe(true);
  expect(isTableOf(nc, 'PLAN_L_U5357660C')).toBe(false);
  expect(isTableOf(base.region('赣州'), 'PLAN_L_Ganzhou_2')).toBe(true);
  expect(tableNameFor(base.region('赣州'), 'linked')).toBe('PLAN_L_Ganzhou');
  // The source column names the cells of the imported table.
  const hte = layout.rows.find((r) => r.id === 'high_tech_enterprises')!;
  expect(hte.cells[col('source')]).toBe('D5,F5');
  // The staged target has no column: the marks say it (the path runs through it).
  const rd = layout.rows.find((r) => r.id === 'provincial_new_rd_institutions')!;
  expect(rd.cells[col('marks')]).toBe('2027年阶段目标35');
});

test('linked: PLAN formulas give the baseline, the 新增 target and the path through the 2027 staged target', async () => {
  const host = new FakeHost();
  const actions = officeActions(plan, 'zh', host.run);
  expect(await actions.insertNew(['南昌'], 'linked')).toBe(SHEET);
  expect(host.tables.map((t) => t.name)).toEqual(['PLAN_L_U5357660C_T2030']);
  const ws = host.sheet(SHEET);
  const r = rowOf('high_tech_enterprises');
  expect(ws.formula(r, col('target'))).toBe('=PLAN.TARGET("南昌","high_tech_enterprises",2030)');
  expect(ws.value(r, col('v2024'))).toBe(2500);
  expect(ws.value(r, col('target'))).toBe(5500);
  expect(ws.value(r, col('expected2027'))).toBe(4000);
  const rd = rowOf('provincial_new_rd_institutions');
  // 20 (2024) → 35 (2027, staged) → 50 (2030)
  expect([2025, 2026, 2027, 2028].map((y) => ws.value(rd, col(`expected${y}`)))).toEqual([25, 30, 35, 40]);
});

test('plain: the sheet’s own formulas agree with the core; status follows a typed actual; refresh keeps it', async () => {
  const host = new FakeHost();
  const actions = officeActions(plan, 'zh', host.run);
  await actions.insertNew(['南昌'], 'plain');
  const ws = host.sheet(SHEET);
  for (const e of nc.entries) {
    const r = rowOf(e.indicator.id);
    for (const y of [2025, 2027, 2029, 2030]) {
      let want: number | null;
      try {
        want = expectedValue(e, y);
      } catch {
        want = null;
      }
      const got = ws.value(r, col(`expected${y}`));
      if (want === null) expect(got ?? '').toBe('');
      else expect(got).toBeCloseTo(want, 6); // the core rounds its figures to 9 significant digits
    }
  }
  const r = rowOf('high_tech_enterprises');
  const a = `${colLetter(col('actual2027'))}${r + 1}`;
  host.type(SHEET, a, 3400); // due 4000 from 2500: (3400−2500)/(4000−2500) = 60 % → slightly behind
  const e = nc.entries.find((x) => x.indicator.id === 'high_tech_enterprises')!;
  const status = rowStatus(e, { 2027: 3400 });
  expect(status).toBe('slightly_behind');
  expect(ws.value(r, col('status'))).toBe(ROW_STATUS_LABELS[status].zh);
  expect(ws.value(r, col('lastYear'))).toBe(2027);

  const out = await actions.refresh();
  expect(out).toMatchObject({ tables: 1, changed: 0, edits: [], missing: [] });
  expect(ws.value(r, col('actual2027'))).toBe(3400);
});

test('the overview counts a 十五五 table beside a 十四五 one; official actuals go to the plan whose years hold them', async () => {
  const host = new FakeHost();
  const actions = officeActions(plan, 'zh', host.run);
  await actions.insertNew(['赣州', '南昌'], 'plain');
  const r = rowOf('high_tech_enterprises');
  host.type(SHEET, `${colLetter(col('actual2030'))}${r + 1}`, 5600);
  const sheet = await actions.insertOverview!();
  const ov = host.sheet(sheet);
  const header = Array.from({ length: 14 }, (_x, i) => ov.value(3, i));
  expect(header).toContain('目标年已填实际值');
  const names = [4, 5].map((i) => ov.value(i, 0));
  expect(names).toEqual(['赣州', '南昌']);
  const reported = header.indexOf('目标年已填实际值');
  expect([ov.value(4, reported), ov.value(5, reported), ov.value(5, reported + 1)]).toEqual([0, 1, 1]);

  const filled = await actions.fillOfficialActuals!([
    { region: '南昌', indicator: 'high_tech_enterprises', year: 2026, value: 3100, source: '南昌统计公报' },
    { region: '南昌', indicator: 'high_tech_enterprises', year: 2030, value: 5000, source: '南昌统计公报' },
    { region: '南昌', indicator: 'high_tech_enterprises', year: 2022, value: 1, source: 'not in this plan’s years' },
  ]);
  expect(filled).toEqual({
    filled: [`${SHEET}!${colLetter(col('actual2026'))}${r + 1}`],
    kept: [`${SHEET}!${colLetter(col('actual2030'))}${r + 1}`],
  });
  expect(await actions.readActuals!('南昌')).toMatchObject({ high_tech_enterprises: { 2026: 3100, 2030: 5600 } });
});

test('a region with plans of two periods: each is named apart, inserted in its own years, and both refresh', async () => {
  const two = planWithImported(base.dataset, [{ region: '赣州', source: 'Sheet1!A1:G9', rows }]);
  const seed = two.region('赣州', 2023);
  const next = two.region('赣州', 2028);
  expect([two.refOf(seed), two.refOf(next), two.refOf(two.region('九江'))]).toEqual(['赣州@2025', '赣州@2030', '九江']);
  expect(two.regionByRef('赣州@2030')).toBe(next);
  expect(() => two.regionByRef('赣州')).toThrow(/多个时期的规划/);
  const host = new FakeHost();
  const actions = officeActions(two, 'zh', host.run);
  expect(await actions.insertNew(['赣州@2025', '赣州@2030'], 'plain')).toBe('赣州指标、赣州指标(2025-2030)');
  expect(host.tables.map((t) => t.name)).toEqual(['PLAN_P_Ganzhou', 'PLAN_P_Ganzhou_T2030']);
  const r = rowOf('high_tech_enterprises');
  expect(host.sheet('赣州指标(2025-2030)').value(r, col('target'))).toBe(5500);
  const out = await actions.refresh();
  expect(out).toMatchObject({ tables: 2, changed: 0, edits: [], missing: [] });
  host.type('赣州指标(2025-2030)', `${colLetter(col('actual2026'))}${r + 1}`, 3000);
  expect(await actions.readActuals!('赣州@2030')).toMatchObject({ high_tech_enterprises: { 2026: 3000 } });
  expect(await actions.readActuals!('赣州@2025')).toMatchObject({ high_tech_enterprises: {} });
});

test('a cagr sheet: the expected columns hold the compound path through the staged target, in both modes', async () => {
  const e = nc.entries.find((x) => x.indicator.id === 'provincial_new_rd_institutions')!;
  const want = [2025, 2026, 2027, 2028].map((y) => expectedValue(e, y, 'cagr'));
  expect(want[2]).toBe(35); // the staged target itself
  expect(want[0]).toBeCloseTo(20 * Math.pow(35 / 20, 1 / 3), 6);
  const cagrColumns = columnsFor(periodOf(nc), 'cagr');
  const c = (y: number) => colIndex(`expected${y}`, cagrColumns);
  for (const mode of ['plain', 'linked'] as const) {
    const host = new FakeHost();
    await officeActions(plan, 'zh', host.run).insertNew(['南昌'], mode, 'cagr');
    const ws = host.sheet(SHEET);
    expect(ws.value(4, c(2025))).toBe('2025年应达值（复合路径）');
    const got = [2025, 2026, 2027, 2028].map((y) => ws.value(rowOf('provincial_new_rd_institutions'), c(y)) as number);
    got.forEach((g, i) => expect(g).toBeCloseTo(want[i], 6));
    // Refresh made by the same method: nothing to change.
    expect(await officeActions(plan, 'zh', host.run).refresh()).toMatchObject({ tables: 1, changed: 0, edits: [] });
  }
});
