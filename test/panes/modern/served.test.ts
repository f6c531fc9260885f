/**
 * Two versions of a package made by `plan publish`, served by a real HTTP server on 127.0.0.1 and loaded through
 * the pane's dataSource with Node's own fetch; then a workbook made with the first version is refreshed with the
 * second: the changed figure is listed first, refresh rewrites it, and what a person typed stays as it was.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changesSince, diffDatasets } from '../../../src/core/sheet/diff';
import { colIndex } from '../../../src/core/sheet/layout';
import { DATA_VERSION } from '../../../src/data/index';
import { setLanguage } from '../../../src/functions/impl';
import { loadDataSource, previewText, STORE_KEY, type DataSource, type Store } from '../../../src/panes/shared/dataSource';
import { officeActions } from '../../../src/hosts/excel/actions';
import { FakeExcelNamespace, FakeHost } from '../../fakes/fakeExcel';
import { editTarget, ganzhouInserted, memoryStore, publish, serveFiles, type Served } from '../../packages';
import { NANCHANG_CSV } from '../../fixtures/nanchang';

// Each test loads packages over a real HTTP server and runs the fake host: slow on a loaded machine, not a speed test.

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelNamespace;
setLanguage('zh-CN');

const root = mkdtempSync(join(tmpdir(), 'served-'));
let served: Served;
let origin = '';

beforeAll(async () => {
  await publish(join(root, 'v1', 'data'), '1764115200'); // 2025-11-26
  await publish(join(root, 'v2', 'data'), '1764201600'); // 2025-11-27, then a corrected target
  editTarget(join(root, 'v2', 'data'), 2100, true);
  await publish(join(root, 'bad', 'data'), '1764201600');
  editTarget(join(root, 'bad', 'data'), 2100, false);
  // A bureau's package with a 十五五 table of 赣州 beside the seed 赣州 (the test table, its figures invented).
  await publish(join(root, 'two', 'data'), '1764201600', ['--plan', NANCHANG_CSV, '--region', '赣州']);
  served = await serveFiles(root, {
    contentType: (path) => (path.endsWith('.json') ? 'application/json' : 'text/csv; charset=utf-8'),
  });
  origin = served.origin;
});

afterAll(() => served.close());

// The pane gives up on a server after 4 s; a loopback server answers at once, but a loaded machine may not run this
// test for seconds, so the tests wait patiently (the 4 s default is tested in test/panes/shared/dataSource.test.ts).
const load = (site: string, store?: Store): Promise<DataSource> =>
  loadDataSource((url, init) => fetch(url, init), { base: `${origin}/${site}/data/`, store, timeoutMs: 120_000 });

test('each version loads from the server; the difference between them is the edited target', async () => {
  const v1 = await load('v1');
  const v2 = await load('v2');
  expect(served.asked).toContain('/v1/data/datapackage.json');
  expect(served.asked).toContain('/v2/data/values.csv');
  expect([v1.kind, v1.version, v1.created, v1.refused]).toEqual([
    'published',
    `${DATA_VERSION}+20251126T000000Z`,
    '2025-11-26T00:00:00Z',
    undefined,
  ]);
  expect([v2.kind, v2.version, v2.refused]).toEqual(['published', `${DATA_VERSION}+20251127T000000Z`, undefined]);
  expect(v1.plan.target('赣州', '高新技术企业', 2025)).toBe(2000);
  expect(v2.plan.target('赣州', '高新技术企业', 2025)).toBe(2100);
  const d = diffDatasets(v1.dataset, v2.dataset);
  expect(d.map((c) => [c.region, c.indicator, c.field, c.old, c.new])).toEqual([
    ['赣州', 'high_tech_enterprises', 'target', '2000', '2100'],
  ]);
  expect(d[0].source).toMatch(/^[\w.]+\.txt:\d+$/);
});

test('no package on the server: compiled-in; a package whose checksum was not updated: refused, file named', async () => {
  const none = await load('nowhere');
  expect([none.kind, none.version, none.refused]).toEqual(['compiled', DATA_VERSION, undefined]);
  const bad = await load('bad');
  expect(bad.kind).toBe('compiled');
  expect(bad.plan.target('赣州', '高新技术企业', 2025)).toBe(2000);
  expect(bad.refused?.[0]).toMatch(/^values\.csv，字段 hash：校验和不符/);
});

test('a workbook made with v1, refreshed with v2: the change listed first, then applied; typed cells kept', async () => {
  const store = memoryStore();
  const v1 = await load('v1', store);
  const { host, ws, row } = await ganzhouInserted(v1.plan);
  expect(ws.value(row, colIndex('target'))).toBe(2000);
  // A person types an actual value and a note beside the table.
  ws.setContent(row, colIndex('actual2023'), 1712);
  ws.setContent(row, colIndex('actual2022'), '待核');
  const typed = [...host.snapshot()].filter(
    ([, c]) => c.row === row && (c.col === colIndex('actual2023') || c.col === colIndex('actual2022')),
  );
  expect(typed).toHaveLength(2);

  // The pane opens later with v2 served; it kept v1 from last time.
  expect(JSON.parse(store.map.get(STORE_KEY) ?? '[]')).toHaveLength(1);
  const v2 = await load('v2', store);
  // Read and accepted (a refused package falls back to the compiled-in data, whose change list from v1 is empty).
  expect([v2.kind, v2.version, v2.refused]).toEqual(['published', `${DATA_VERSION}+20251127T000000Z`, undefined]);
  const actions = officeActions(v2.plan, 'zh', host.run as never);
  const recorded = await actions.recordedTables!();
  expect(recorded).toEqual([{ region: '赣州', ref: '赣州', dataVersion: v1.version }]);
  const preview = changesSince(recorded, v2.dataset, await v2.known());
  expect(preview?.unknown).toEqual([]);
  expect(preview?.changes.map((c) => [c.from, c.list.map((x) => [x.indicator, x.field, x.old, x.new])])).toEqual([
    [v1.version, [['high_tech_enterprises', 'target', '2000', '2100']]],
  ]);
  const shown = previewText(preview!, v2.version, 'zh');
  expect(shown.text).toContain(`表格所用数据版本为 ${v1.version}，现在使用 ${v2.version}`);
  expect(shown.items).toEqual([expect.stringMatching(/^赣州 高新技术企业.* 目标：2000 → 2100（.+\.txt:\d+）$/)]);
  // Nothing is written before the person confirms.
  expect(ws.value(row, colIndex('target'))).toBe(2000);

  const r = await actions.refresh();
  expect(r.edits).toEqual([]);
  expect(ws.value(row, colIndex('target'))).toBe(2100);
  const after = host.snapshot();
  for (const [k, c] of typed) expect(after.get(k)).toEqual(c);
  // The table now records v2: a second refresh has nothing to list.
  expect(changesSince(await actions.recordedTables!(), v2.dataset, await v2.known())).toBeNull();
});

test('a package with a second-period plan of a region: the pane lists both, and inserts the 2030 one in its own years', async () => {
  const two = await load('two');
  expect([two.kind, two.refused]).toEqual(['published', undefined]);
  const refs = two.plan.allRegions().map((r) => two.plan.refOf(r));
  expect(refs).toEqual(expect.arrayContaining(['赣州@2025', '赣州@2030', '九江']));
  expect(two.plan.target('赣州', '高新技术企业', 2030)).toBe(5500);
  expect(two.plan.target('赣州', '高新技术企业', 2025)).toBe(2000);
  const host = new FakeHost();
  const sheets = await officeActions(two.plan, 'zh', host.run as never).insertNew(['赣州@2030'], 'plain');
  expect(sheets).toBe('赣州指标(2025-2030)');
  expect(host.tables.map((t) => t.name)).toEqual(['PLAN_P_Ganzhou_T2030']);
  // The tables record the package's version, not a derived one.
  const recorded = await officeActions(two.plan, 'zh', host.run as never).recordedTables!();
  // `ref` tells the 2030 plan from the seed one, so insert all knows which is in the workbook.
  expect(recorded).toEqual([{ region: '赣州', ref: '赣州@2030', dataVersion: two.version }]);
});
