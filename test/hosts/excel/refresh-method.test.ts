/**
 * Refresh keeps the method a table was made by: its record says it, so the status column's formulas (which judge by
 * the method) are not rewritten to linear; a table whose record predates the method is refreshed as linear, as it was.
 */
import { colIndex } from '../../../src/core/sheet/layout';
import { parseTable, serializeTable, TABLE_NS_PREFIX } from '../../../src/core/sheet/ledger';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { configureHost } from '../../../src/hosts/excel/requirements';
import { officeActions } from '../../../src/hosts/excel/actions';
import { wpsActions } from '../../../src/hosts/wps/actions';
import { FakeExcelNamespace, FakeHost } from '../../fakes/fakeExcel';
import { FakeEt } from '../../fakes/fakeEt';

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelNamespace;
const plan = new Plan(dataset());
beforeAll(() => configureHost(() => true));
const row = 5 + plan.region('赣州').entries.findIndex((e) => e.indicator.id === 'high_tech_enterprises'); // 0-based

test.each(['cagr', 'eurostat'] as const)('Excel: a %s table refreshes with nothing changed; its status formulas stay', async (method) => {
  const host = new FakeHost();
  const actions = officeActions(plan, 'zh', host.run);
  await actions.insertNew(['赣州'], 'plain', method);
  const ws = host.sheet('赣州指标');
  const before = ws.formula(row, colIndex('status'));
  const parts = host.xmlParts.filter((p) => !p.deleted && p.namespaceUri.startsWith(TABLE_NS_PREFIX));
  expect(parts.map((p) => parseTable(p.xml)?.method)).toEqual([method]);
  expect(await actions.refresh()).toMatchObject({ tables: 1, changed: 0, edits: [] });
  expect(ws.formula(row, colIndex('status'))).toBe(before);
  // The new record keeps it too.
  const after = host.xmlParts.filter((p) => !p.deleted && p.namespaceUri.startsWith(TABLE_NS_PREFIX));
  expect(after.map((p) => parseTable(p.xml)?.method)).toEqual([method]);
});

test('Excel: a record without a method (written before it was kept) refreshes as linear, as it was made', async () => {
  const host = new FakeHost();
  const actions = officeActions(plan, 'zh', host.run);
  await actions.insertNew(['赣州'], 'plain');
  const part = host.xmlParts.find((p) => !p.deleted && p.namespaceUri.startsWith(TABLE_NS_PREFIX))!;
  const record = parseTable(part.xml)!;
  expect(record.method).toBe('linear');
  part.xml = serializeTable({ ...record, method: undefined });
  expect(parseTable(part.xml)!.method).toBeUndefined();
  expect(await actions.refresh()).toMatchObject({ tables: 1, changed: 0, edits: [] });
});

test('WPS: a cagr table refreshes with nothing changed', async () => {
  const et = new FakeEt();
  const actions = wpsActions(plan, 'zh', et);
  await actions.insertNew(['赣州'], 'plain', 'cagr');
  const cell = `${String.fromCharCode(65 + colIndex('status'))}${row + 1}`;
  const before = et.sheet('赣州指标').at(cell)?.formula;
  expect(before).toContain('^');
  expect(await actions.refresh()).toMatchObject({ tables: 1, changed: 0, edits: [] });
  expect(et.sheet('赣州指标').at(cell)?.formula).toBe(before);
});
