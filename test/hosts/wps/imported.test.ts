/**
 * "导入规划表" in WPS on the strict fake ET host: a 十五五 table typed into a sheet and selected is read through the
 * WPS pane's actions, parsed by the same parser as `plan --plan`, kept in the workbook (custom XML part), survives
 * saving and reopening, and the WPS PLAN functions answer from it. A table that does not read is refused whole,
 * naming the row and cell in Chinese and English, and nothing is stored.
 */
import { PlanError } from '../../../src/core/errors';
import {
  cellTexts,
  IMPORTED_NS,
  planWithImported,
  serializeImported,
  type ImportedPlanRecord,
} from '../../../src/core/exchange/importedPlans';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { setLanguage, usePlan } from '../../../src/functions/impl';
import { wpsActions } from '../../../src/hosts/wps/actions';
import { registerWpsFunctions, WorkbookPlans } from '../../../src/hosts/wps/functions';
import { EtError, FakeEt, notWellFormed } from '../../fakes/fakeEt';

setLanguage('zh-CN');
afterAll(() => usePlan(undefined));
const base = new Plan(dataset());

/** An invented 十五五 table of 南昌 (not a seed): baseline 2025, targets 2030, as a statistician types it. */
const TABLE: (string | number)[][] = [
  ['序号', '指标名称', '单位', '2025年(基期)', '2030年目标', '属性'],
  [1, '高新技术企业数', '家', 3200, '新增2800', '预期性'],
  [2, 'R&D经费投入强度（%）', '', 2.3, '3.0以上', '预期性'],
  [3, '技术合同成交额（亿元）', '', 420, '800左右', '预期性'],
  [4, '科技进步贡献率', '%', 66, '70-72', '约束性'],
];

function typeTable(et: FakeEt, rows: (string | number)[][], at = 1): string {
  const ws = et.sheet('Sheet1');
  rows.forEach((r, i) => r.forEach((v, j) => v !== '' && ws.type(`${String.fromCharCode(65 + j)}${at + i}`, v)));
  const address = `A${at}:${String.fromCharCode(64 + rows[0].length)}${at + rows.length - 1}`;
  et.select('Sheet1', address);
  return address;
}

/** What the pane does on 导入规划表 (src/panes/modern/App.tsx importTable): read the selection, keep the record. */
async function importSelected(et: FakeEt, region: string): Promise<ImportedPlanRecord> {
  const actions = wpsActions(base, 'zh', et);
  const sel = await actions.readSelection();
  const record = { region, source: `${sel.sheet}!${sel.address.replace(/^.*!/, '')}`, rows: cellTexts(sel.values) };
  await actions.saveImportedPlan!(record);
  return record;
}

/** The PLAN functions as the WPS add-in's main page registers them, following `app`'s workbook. */
function functionsOn(app: () => FakeEt | null): Record<string, (...a: unknown[]) => unknown> {
  const fns: Record<string, (...a: unknown[]) => unknown> = {};
  const plans = new WorkbookPlans(app);
  registerWpsFunctions({ AddCustomFunction: (ns, name, fn) => void (fns[`${ns}.${name}`] = fn) }, () => plans.sync());
  return fns;
}

const imported = (et: FakeEt) => et.wb.parts.filter((p) => p.NamespaceURI === IMPORTED_NS);

test('a selected table is kept in the workbook, comes back after reopening, and the PLAN functions answer from it', async () => {
  const et = new FakeEt();
  const address = typeTable(et, TABLE);
  const record = await importSelected(et, '南昌');
  expect(record.source).toBe(`Sheet1!${address}`);
  expect(record.rows[1]).toEqual(['1', '高新技术企业数', '家', '3200', '新增2800', '预期性']);
  await importSelected(et, '南昌'); // the same range again replaces, not stacks
  expect(imported(et).map((p) => p.XML)).toEqual([serializeImported(record)]);
  expect(et.calculations).toBe(2); // PLAN cells waiting for the plan are computed again

  // Saved, closed, opened again: a new adapter and new functions over what the file kept.
  const again = et.reopen();
  expect(await wpsActions(base, 'zh', again).loadImportedPlans!()).toEqual([record]);
  let active: FakeEt | null = again;
  const fn = functionsOn(() => active);
  expect(fn['PLAN.TARGET']('南昌', '高新技术企业', 2030)).toBe(6000);
  expect(fn['PLAN.BASELINE']('南昌', '高新技术企业')).toBe(3200);
  expect(fn['PLAN.TARGET']('南昌', '技术合同成交额', 2030)).toBe(800);
  expect(fn['PLAN.TARGET']('南昌', '科技进步贡献率', 2030)).toBe(
    planWithImported(base.dataset, [record]).target('南昌', '科技进步贡献率', 2030),
  );
  // Halfway along the linear path: 2028 is 3/5 of the way from 2025 to 2030.
  expect(fn['PLAN.TARGET']('南昌', '高新技术企业', 2028)).toBeCloseTo(3200 + (2800 * 3) / 5, 6);
  // The seed plans answer as before.
  expect(fn['PLAN.TARGET']('赣州', '高新技术企业', 2025)).toBe(2000);

  // Another workbook without the import: 南昌 is unknown there, in plain words (WPS logs the message).
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  active = new FakeEt();
  expect(() => fn['PLAN.TARGET']('南昌', '高新技术企业', 2030)).toThrow(/南昌/);
  expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^PLAN\.TARGET: .*南昌/));
  warn.mockRestore();
  active = again;
  expect(fn['PLAN.TARGET']('南昌', '高新技术企业', 2030)).toBe(6000);
});

test('a table that does not read is refused whole, naming row and cell in zh and en; nothing is stored', async () => {
  const et = new FakeEt();
  const bad = TABLE.map((r, i) => (i === 3 ? r.map((c, j) => (j === 4 ? '8.0.0左右' : c)) : r));
  typeTable(et, bad);
  const writes = et.wb.writes;
  const refusal = await importSelected(et, '南昌').then(
    () => null,
    (e: unknown) => e,
  );
  expect(refusal).toBeInstanceOf(PlanError);
  const e = refusal as PlanError;
  expect(e.text('zh')).toMatch(/Sheet1!A1:F5/);
  expect(e.text('zh')).toMatch(/E4/);
  expect(e.text('zh')).toMatch(/第\s*4\s*行/);
  expect(e.text('en')).toMatch(/E4/);
  expect(e.text('en')).toMatch(/row 4/i);
  expect(et.wb.parts).toEqual([]);
  expect(et.wb.writes).toBe(writes);
  expect(et.calculations).toBe(0);

  // Over a good import of the same range: refused, and the plan kept before stays.
  const good = new FakeEt();
  typeTable(good, TABLE);
  const kept = await importSelected(good, '南昌');
  typeTable(good, bad);
  await expect(importSelected(good, '南昌')).rejects.toThrow(PlanError);
  expect(imported(good).map((p) => p.XML)).toEqual([serializeImported(kept)]);
  expect(functionsOn(() => good)['PLAN.TARGET']('南昌', '高新技术企业', 2030)).toBe(6000);
});

test('a second table of the same region and period is refused before anything is stored', async () => {
  const et = new FakeEt();
  typeTable(et, TABLE);
  await importSelected(et, '南昌');
  typeTable(et, TABLE, 20);
  await expect(importSelected(et, '南昌')).rejects.toThrow(/同一时期/);
  expect(imported(et)).toHaveLength(1);
});

test('a WPS without custom XML parts says so and stores nothing; there is nothing to load', async () => {
  const et = new FakeEt();
  Object.defineProperty(et.wb, 'CustomXMLParts', { get: () => undefined });
  typeTable(et, TABLE);
  await expect(importSelected(et, '南昌')).rejects.toThrow(/无法在工作簿中保存规划表.*cannot keep a plan table/);
  await expect(wpsActions(base, 'zh', et).loadImportedPlans!()).resolves.toEqual([]);
  expect(functionsOn(() => et)['PLAN.TARGET']('赣州', '高新技术企业', 2025)).toBe(2000);
});

test('the fake refuses XML that is not well-formed, as ET does; the records written are well-formed', () => {
  const et = new FakeEt();
  for (const xml of ['<a>&</a>', '<a><b></a>', '<a>1 < 2</a>', '<a x="1" x="2"/>', '<a/><b/>', '<a>\u0001</a>', '<a>'])
    expect(() => et.wb.CustomXMLParts.Add(xml)).toThrow(EtError);
  expect(et.wb.parts).toEqual([]);
  const awkward = { region: '南<昌>&"', source: "Sheet'1!A1:B2", rows: [['a&b<c>', '\u0007x\n"y"']] };
  expect(notWellFormed(serializeImported(awkward))).toBeNull();
});
