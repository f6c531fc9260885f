/**
 * The legacy pane's data: packages made by `plan publish`, served by a real HTTP server on 127.0.0.1, read through
 * the legacy pane's XMLHttpRequest seam (here an XMLHttpRequest made of Node's http client) and its pure-JS sha256;
 * bad packages refused whole with the file, line and field named; then the legacy refresh steps on the fake Excel
 * host: what changed is listed before anything is written, refresh applies it, typed cells stay as they were.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { colIndex } from '../../../src/core/sheet/layout';
import { DATA_VERSION } from '../../../src/data/index';
import { setLanguage } from '../../../src/functions/impl';
import { applyRefresh, beforeRefresh } from '../../../src/panes/legacy/refresh';
import { legacyDigest, loadLegacySource, startLegacySource, type XhrLike } from '../../../src/panes/legacy/source';
import { describeDataSource, type DataSource, type Store } from '../../../src/panes/shared/dataSource';
import { officeActions } from '../../../src/hosts/excel/actions';
import { FakeExcelNamespace } from '../../fakes/fakeExcel';
import { editCsv, editTarget, ganzhouInserted, memoryStore, publish, serveFiles, sha, targetRow, type Served } from '../../packages';

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelNamespace;
setLanguage('zh-CN');

/** XMLHttpRequest as the legacy pane uses it (open, timeout, overrideMimeType, onreadystatechange, ontimeout, send). */
class NodeXhr implements XhrLike {
  static made: NodeXhr[] = [];
  timeout = 0;
  readyState = 0;
  status = 0;
  responseText = '';
  onreadystatechange: ((ev: never) => unknown) | null = null;
  ontimeout: ((ev: never) => unknown) | null = null;
  url = '';
  mime = '';
  constructor() {
    NodeXhr.made.push(this);
  }
  open(method: string, url: string, async: boolean): void {
    if (method !== 'GET' || !async) throw new Error('the pane reads asynchronously with GET');
    this.url = url;
    this.readyState = 1;
  }
  overrideMimeType(mime: string): void {
    this.mime = mime;
  }
  private done(status: number, text: string): void {
    if (this.readyState === 4) return;
    this.status = status;
    this.responseText = text;
    this.readyState = 4;
    this.onreadystatechange?.(undefined as never);
  }
  send(): void {
    const req = get(this.url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => this.done(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', () => this.done(0, ''));
    if (this.timeout) {
      req.setTimeout(this.timeout, () => {
        req.destroy();
        // As a browser does: readyState 4 with status 0, then the timeout event.
        this.done(0, '');
        this.ontimeout?.(undefined as never);
      });
    }
  }
}

const root = mkdtempSync(join(tmpdir(), 'legacy-served-'));
let served: Served;
let origin = '';
const lines: Record<string, number> = {};

/** A package in `dir` whose 赣州 高新技术企业 target row has `text` in column `col` (checksum updated); its line. */
async function publishWithTarget(dir: string, col: number, text: string): Promise<number> {
  await publish(join(root, dir, 'data'), '1764201600');
  return editCsv(
    join(root, dir, 'data'),
    'values.csv',
    (rows) => {
      const i = targetRow(rows, '赣州', 'high_tech_enterprises');
      rows[i][col] = text;
      return i;
    },
    true,
  );
}

beforeAll(async () => {
  const actualsFile = join(root, 'actuals.csv');
  writeFileSync(
    actualsFile,
    'region,indicator,year,value,source\n赣州,high_tech_enterprises,2023,1650,赣州市2023年国民经济和社会发展统计公报\n',
  );
  await publish(join(root, 'v1', 'data'), '1764115200'); // 2025-11-26
  await publish(join(root, 'v2', 'data'), '1764201600', ['--actuals', actualsFile]); // 2025-11-27, a corrected target
  editTarget(join(root, 'v2', 'data'), 2100, true);
  await publish(join(root, 'checksum', 'data'), '1764201600');
  editTarget(join(root, 'checksum', 'data'), 2100, false);
  await publish(join(root, 'json', 'data'), '1764201600');
  writeFileSync(join(root, 'json', 'data', 'datapackage.json'), '{"name": "jiangxi-plan-indicators", "resources": [');
  lines.indicator = await publishWithTarget('indicator', 1, 'flying_cars');
  lines.number = await publishWithTarget('number', 6, '两千一');
  served = await serveFiles(root, {
    // CSV without a charset, as many static servers send it: the pane reads UTF-8 regardless.
    contentType: (path) => (path.endsWith('.json') ? 'application/json' : 'text/csv'),
    answer: (path, res) => {
      if (path.startsWith('/slow/')) return true; // never answers
      if (path !== '/broken/data/datapackage.json') return false;
      res.writeHead(500).end('server error');
      return true;
    },
  });
  origin = served.origin;
});

afterAll(() => served.close());

// A loopback server answers at once, but a loaded machine may not run this test for seconds: the tests give the
// loads a patient limit, and the pane's own 4 s default is checked once, on a package that is not there.
const PATIENT = 120_000;
/** What reading the v1 package asks for, in order: its descriptor, then each resource. */
const V1_READ = ['datapackage.json', 'regions.csv', 'entries.csv', 'values.csv', 'actuals.csv'].map((f) => `/v1/data/${f}`);
const load = (site: string, store?: Store, timeoutMs = PATIENT): Promise<DataSource> =>
  loadLegacySource(() => new NodeXhr(), {
    base: `${origin}/${site}/data/`,
    ...(store ? { store } : {}),
    timeoutMs,
  });

test('the pure-JS sha256 the legacy pane bundles is the sha256 of the UTF-8 bytes', async () => {
  for (const text of ['', 'abc', '赣州,高新技术企业,2000\n', '𠀋 ＡＢＣ，“引号”'.repeat(100)])
    expect(await legacyDigest(text)).toBe(sha(text));
});

test('a package on the server: read through XMLHttpRequest, shown as published with its version and date', async () => {
  NodeXhr.made = [];
  const v1 = await load('v1');
  expect([v1.kind, v1.version, v1.created, v1.refused]).toEqual([
    'published',
    `${DATA_VERSION}+20251126T000000Z`,
    '2025-11-26T00:00:00Z',
    undefined,
  ]);
  expect(NodeXhr.made.map((x) => x.url.replace(origin, ''))).toEqual(V1_READ);
  expect(NodeXhr.made.every((x) => x.timeout === PATIENT && /utf-8/.test(x.mime))).toBe(true);
  expect(describeDataSource(v1, 'zh')).toBe(`使用数据：${v1.version} · 2025-11-26 · 已发布`);
  expect(describeDataSource(v1, 'en')).toBe(`Data in use: ${v1.version} · 2025-11-26 · published`);
  const v2 = await load('v2');
  expect(v2.plan.target('赣州', '高新技术企业', 2025)).toBe(2100);
  expect(v2.actuals).toEqual([expect.objectContaining({ region: '赣州', indicator: 'high_tech_enterprises', year: 2023, value: 1650 })]);
});

test('the package is asked for at start, beside the dataset, and read once the dataset is in: one request each, the same answer', async () => {
  NodeXhr.made = [];
  const finish = startLegacySource(() => new NodeXhr(), { base: `${origin}/v1/data/`, timeoutMs: PATIENT });
  // Asked for before the pane has the dataset (start-up calls `finish` only then).
  expect(NodeXhr.made.map((x) => x.url.replace(origin, ''))).toEqual(['/v1/data/datapackage.json']);
  const early = await finish();
  expect(NodeXhr.made.map((x) => x.url.replace(origin, ''))).toEqual(V1_READ);
  const later = await load('v1');
  expect([early.kind, early.version, early.created]).toEqual([later.kind, later.version, later.created]);
  expect(early.plan.target('赣州', '高新技术企业', 2025)).toBe(later.plan.target('赣州', '高新技术企业', 2025));
  // No package: the early 404 means the compiled-in data, with no second request.
  NodeXhr.made = [];
  const none = await startLegacySource(() => new NodeXhr(), { base: `${origin}/nowhere/data/`, timeoutMs: PATIENT })();
  expect(NodeXhr.made.length).toBe(1);
  expect([none.kind, none.refused]).toEqual(['compiled', undefined]);
});

test('no package (404), no answer in time, a server error: the compiled-in data, quietly', async () => {
  NodeXhr.made = [];
  const none = await loadLegacySource(() => new NodeXhr(), { base: `${origin}/nowhere/data/` });
  expect(NodeXhr.made.map((x) => x.timeout)).toEqual([4000]);
  expect([none.kind, none.version, none.refused]).toEqual(['compiled', DATA_VERSION, undefined]);
  expect(describeDataSource(none, 'zh')).toBe(`使用数据：${DATA_VERSION} · 内置`);
  // The slow server never answers: only the pane's own time limit (300 ms here) can end this load.
  const slow = await load('slow', undefined, 300);
  expect([slow.kind, slow.refused]).toEqual(['compiled', undefined]);
  expect(served.asked).toContain('/slow/data/datapackage.json');
  const broken = await load('broken');
  expect([broken.kind, broken.refused]).toEqual(['compiled', undefined]);
});

test.each([
  ['checksum', () => /^values\.csv，字段 hash：校验和不符/, () => /^values\.csv, field hash: checksum mismatch/],
  ['json', () => /^datapackage\.json：不是有效的 JSON/, () => /^datapackage\.json: not valid JSON/],
  ['indicator', () => new RegExp(`^values\\.csv，第${lines.indicator}行，字段 indicator：.*flying_cars`), () => /field indicator/],
  ['number', () => new RegExp(`^values\\.csv，第${lines.number}行，字段 value：.*两千一`), () => /field value/],
])(
  'a bad package (%s) is refused whole, naming file, line and field; the compiled-in data stays in use',
  async (site, zh, en) => {
    const s = await load(site);
    expect(s.kind).toBe('compiled');
    expect(s.version).toBe(DATA_VERSION);
    expect(s.plan.target('赣州', '高新技术企业', 2025)).toBe(2000);
    expect(s.refused?.[0]).toMatch(zh());
    expect(s.refused?.[1]).toMatch(en());
    expect(describeDataSource(s, 'zh')).toContain(`· 内置（发布的数据包未采用：${s.refused?.[0]}）`);
  },
  30000,
);

test('a workbook made with v1, refreshed in the legacy pane with v2: changes listed first, then applied; typed cells kept', async () => {
  const store = memoryStore();
  const v1 = await load('v1', store);
  const { host, ws, row } = await ganzhouInserted(v1.plan);
  expect(ws.value(row, colIndex('target'))).toBe(2000);
  ws.setContent(row, colIndex('actual2022'), '待核'); // typed by a person
  const typed = [...host.snapshot()].filter(([, c]) => c.row === row && c.col === colIndex('actual2022'));
  expect(typed).toHaveLength(1);

  const v2 = await load('v2', store);
  // Read and accepted (a refused package falls back to the compiled-in data, whose change list from v1 is empty).
  expect([v2.kind, v2.version, v2.refused]).toEqual(['published', `${DATA_VERSION}+20251127T000000Z`, undefined]);
  const actions = officeActions(v2.plan, 'zh', host.run as never);
  const before = await beforeRefresh(actions, v2, 'zh');
  expect(before?.kind).toBe('ask');
  if (before?.kind !== 'ask') throw new Error('expected a list of changes');
  expect(before.text).toContain(`表格所用数据版本为 ${v1.version}，现在使用 ${v2.version}`);
  expect(before.items).toEqual([expect.stringMatching(/^赣州 高新技术企业.* 目标：2000 → 2100（.+\.txt:\d+）$/)]);
  // Nothing is written before the person confirms.
  expect(ws.value(row, colIndex('target'))).toBe(2000);
  expect(ws.value(row, colIndex('actual2023'))).toBe('');

  const r = await applyRefresh(actions, v2, 'zh', false);
  expect(r.edits).toEqual([]);
  expect(r.notice.kind).toBe('success');
  expect(r.notice.text).toMatch(/已刷新 1 张表.*已填入 1 个官方实际值/);
  expect(ws.value(row, colIndex('target'))).toBe(2100);
  // The official actual went into the free cell; the typed one is as it was.
  expect(ws.value(row, colIndex('actual2023'))).toBe(1650);
  const after = host.snapshot();
  for (const [k, c] of typed) expect(after.get(k)).toEqual(c);
  // The table now records v2: nothing more to list.
  expect(await beforeRefresh(actions, v2, 'zh')).toBeNull();

  // The pane opened again with v1 served (older than the workbook's data): refused, naming both, nothing written.
  const back = await load('v1', store);
  const older = await beforeRefresh(officeActions(back.plan, 'zh', host.run as never), back, 'zh');
  expect(older?.kind).toBe('refused');
  expect(older && 'text' in older ? older.text : '').toContain(v1.version);
  expect(older && 'text' in older ? older.text : '').toContain(v2.version);
  expect(ws.value(row, colIndex('target'))).toBe(2100);
});
