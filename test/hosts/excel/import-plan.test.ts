/**
 * "导入规划表" on the fake Excel host: a plan table typed into a sheet is read from the selection by the same parser as
 * `plan --plan`, kept in the workbook (custom XML part), comes back for a new pane, and the PLAN functions answer
 * from it in the sheet.
 */
import { cellTexts, IMPORTED_NS, parseImported, planWithImported, serializeImported } from '../../../src/core/exchange/importedPlans';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { setLanguage, usePlan } from '../../../src/functions/impl';
import { configureHost } from '../../../src/hosts/excel/requirements';
import { officeActions } from '../../../src/hosts/excel/actions';
import { FakeExcelNamespace, FakeHost } from '../../fakes/fakeExcel';
import { nanchangRows } from '../../fixtures/nanchang';

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelNamespace;
const base = new Plan(dataset());
const rows = nanchangRows();

beforeAll(() => {
  configureHost(() => true);
  setLanguage('zh-CN');
});
afterAll(() => usePlan(undefined));

function typedTable(host: FakeHost): string {
  const letter = (i: number) => String.fromCharCode(65 + i);
  rows.forEach((r, i) =>
    r.forEach((v, j) => v !== '' && host.type('Sheet1', `${letter(j)}${i + 1}`, /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v)),
  );
  const width = Math.max(...rows.map((r) => r.length));
  const address = `A1:${letter(width - 1)}${rows.length}`;
  host.select('Sheet1', address);
  return address;
}

test('a selected plan table is read, kept in the workbook, read back by a new pane, and PLAN formulas answer from it', async () => {
  const host = new FakeHost();
  const address = typedTable(host);
  const actions = officeActions(base, 'zh', host.run);
  const sel = await actions.readSelection();
  const record = { region: '南昌', source: `${sel.sheet}!${address}`, rows: cellTexts(sel.values) };
  const plan = planWithImported(base.dataset, [record]);
  const nc = plan.region('南昌');
  expect(nc.imported).toBe(true);
  expect(nc.seed).toBe(`Sheet1!${address}`);
  await actions.saveImportedPlan!(record);
  await actions.saveImportedPlan!(record); // the same range again replaces, not stacks
  expect(host.xmlParts.filter((p) => !p.deleted && p.namespaceUri === IMPORTED_NS)).toHaveLength(1);

  // Anyone who opens the workbook with the add-in: a new pane reads it back.
  const again = await officeActions(base, 'zh', host.run).loadImportedPlans!();
  expect(again).toEqual([record]);
  usePlan(planWithImported(base.dataset, again));
  host.type('Sheet1', 'K1', '=PLAN.TARGET("南昌","高新技术企业",2030)');
  host.type('Sheet1', 'K2', '=PLAN.BASELINE("南昌","高新技术企业")');
  host.type('Sheet1', 'K3', '=PLAN.TARGET("南昌","新型研发机构",2027)');
  host.type('Sheet1', 'K4', '=PLAN.TARGET("赣州","高新技术企业",2025)');
  const v = (a: string) => host.sheet('Sheet1').value(Number(a.slice(1)) - 1, 10);
  expect([v('K1'), v('K2'), v('K3'), v('K4')]).toEqual([5500, 2500, 35, 2000]);
});

test('the record survives XML escaping, and a table that does not read is refused naming the cell', () => {
  const r = {
    region: '南<昌>&"',
    source: 'Sheet1!A1:B2',
    rows: [
      ['指标', '2030年目标'],
      ['a&b<c>', '1'],
    ],
  };
  expect(parseImported(serializeImported(r))).toEqual(r);
  const bad = rows.map((row, i) => (i === 4 ? row.map((c, j) => (j === 5 ? '2.8.1' : c)) : row));
  expect(() => planWithImported(base.dataset, [{ region: '南昌', source: 'Sheet1!A1:G10', rows: bad }])).toThrow(/Sheet1!A1:G10.*F5|F5/);
});
