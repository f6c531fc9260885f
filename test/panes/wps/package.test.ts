/**
 * A data package published beside the WPS add-in (data/ next to dist/wps's pages): read by the same code as the
 * Excel pane's (src/panes/shared/dataSource.ts) with what WPS's webview offers (src/hosts/wps/net.ts), from a real HTTP server
 * on 127.0.0.1 and from a local folder (file:, read by XMLHttpRequest); the WPS PLAN functions then answer from it,
 * beside the plan tables imported in the workbook. A bad package is refused whole and the compiled-in data stays.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serializeImported } from '../../../src/core/exchange/importedPlans';
import { DATA_VERSION } from '../../../src/data/index';
import { setLanguage, usePlan } from '../../../src/functions/impl';
import { changesSince } from '../../../src/core/sheet/diff';
import { colIndex, colLetter } from '../../../src/core/sheet/layout';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { describeDataSource, loadDataSource, previewText, type Fetch } from '../../../src/panes/shared/dataSource';
import { wpsActions } from '../../../src/hosts/wps/actions';
import { registerWpsFunctions, WorkbookPlans } from '../../../src/hosts/wps/functions';
import { jsDigest, sha256Bytes, wpsDigest, wpsFetch, xhrFetch } from '../../../src/hosts/wps/net';
import { FakeEt } from '../../fakes/fakeEt';
import { publishCorrected, serveFiles, sha, type Served } from '../../packages';

setLanguage('zh-CN');
const compiled = new Plan(dataset());
afterAll(() => usePlan(undefined));

const root = mkdtempSync(join(tmpdir(), 'wps-package-'));
let served: Served;
let origin = '';

beforeAll(async () => {
  // Each site is laid out as dist/ is: the add-in's pages in wps/, the package in wps/data/.
  await publishCorrected(join(root, 'good', 'wps', 'data'));
  await publishCorrected(join(root, 'bad', 'wps', 'data'), true);
  served = await serveFiles(root);
  origin = served.origin;
});
afterAll(() => served.close());

/** The fetch of a page at `page`: relative URLs resolve against it, as in the webview. */
const pageFetch =
  (page: string): Fetch =>
  (url, init) =>
    fetch(new URL(url, page), init);

/** What the WPS pane and main page do: the package beside the page, through wpsFetch, hashed by wpsDigest; with a
 * patient time limit, since a loaded machine may not run this test for seconds (the 4 s default is tested apart). */
const loadAt = (site: string, g: { crypto?: { subtle?: unknown } } = {}) =>
  loadDataSource(wpsFetch({ fetch: pageFetch(`${origin}/${site}/wps/taskpane.html`), location: { protocol: 'http:' } }), {
    digest: wpsDigest(g),
    timeoutMs: 120_000,
  });

function functionsOn(plans: WorkbookPlans): Record<string, (...a: unknown[]) => unknown> {
  const fns: Record<string, (...a: unknown[]) => unknown> = {};
  registerWpsFunctions({ AddCustomFunction: (ns, name, fn) => void (fns[`${ns}.${name}`] = fn) }, () => plans.sync());
  return fns;
}

const NANCHANG = {
  region: '南昌',
  source: 'Sheet1!A1:E2',
  rows: [
    ['指标名称', '单位', '2025年(基期)', '2030年目标', '属性'],
    ['高新技术企业数', '家', '3200', '新增2800', '预期性'],
  ],
};

test('a package served beside the add-in is used: version, date, published; the functions answer from it', async () => {
  const source = await loadAt('good'); // plain http: no crypto.subtle, the JavaScript sha256 checks the files
  expect([source.kind, source.version, source.created, source.refused]).toEqual([
    'published',
    `${DATA_VERSION}+20251127T000000Z`,
    '2025-11-27T00:00:00Z',
    undefined,
  ]);
  expect(describeDataSource(source, 'zh')).toBe(`使用数据：${DATA_VERSION}+20251127T000000Z · 2025-11-27 · 已发布`);
  expect(describeDataSource(source, 'en')).toBe(`Data in use: ${DATA_VERSION}+20251127T000000Z · 2025-11-27 · published`);

  // The add-in's main page: compiled-in until the package is read, then the package, with the workbook's imports.
  const et = new FakeEt();
  et.wb.CustomXMLParts.Add(serializeImported(NANCHANG));
  const plans = new WorkbookPlans(() => et);
  const fn = functionsOn(plans);
  expect(fn['PLAN.TARGET']('赣州', '高新技术企业', 2025)).toBe(2000);
  expect(fn['PLAN.TARGET']('南昌', '高新技术企业', 2030)).toBe(6000);
  plans.setBase(source.plan);
  expect(fn['PLAN.TARGET']('赣州', '高新技术企业', 2025)).toBe(2100);
  expect(fn['PLAN.TARGET']('南昌', '高新技术企业', 2030)).toBe(6000);
});

test('a package whose checksum does not match is refused whole, named; the compiled-in data stays in use', async () => {
  const bad = await loadAt('bad');
  expect(bad.kind).toBe('compiled');
  expect(bad.version).toBe(DATA_VERSION);
  expect(bad.refused?.[0]).toMatch(/^values\.csv，字段 hash：校验和不符/);
  expect(bad.refused?.[1]).toMatch(/^values\.csv.*hash/);
  expect(describeDataSource(bad, 'zh')).toMatch(
    new RegExp(`^使用数据：${DATA_VERSION.replace(/[.+]/g, '\\$&')} · 内置（发布的数据包未采用：values\\.csv`),
  );
  const et = new FakeEt();
  const plans = new WorkbookPlans(() => et);
  plans.setBase(bad.plan);
  expect(functionsOn(plans)['PLAN.TARGET']('赣州', '高新技术企业', 2025)).toBe(2000);
  // No package at all: the compiled-in data, quietly.
  const none = await loadAt('nowhere');
  expect([none.kind, none.refused]).toEqual(['compiled', undefined]);
});

test('the same package with Web Crypto (https, localhost) gives the same result', async () => {
  const source = await loadAt('good', globalThis as never);
  expect(wpsDigest(globalThis as never)).not.toBe(jsDigest);
  expect([source.kind, source.plan.target('赣州', '高新技术企业', 2025)]).toEqual(['published', 2100]);
});

test('the add-in in a local folder (file:): the package is read with XMLHttpRequest', async () => {
  /** XMLHttpRequest as a webview has it for file: URLs: status 0 on success, an error for a missing file. */
  class FileXhr {
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    ontimeout: (() => void) | null = null;
    timeout = 0;
    status = 0;
    responseText = '';
    private url = '';
    open(_m: string, url: string): void {
      this.url = new URL(url, pathToFileURL(join(root, 'good', 'wps', 'taskpane.html'))).href;
    }
    send(): void {
      const file = fileURLToPath(this.url);
      setTimeout(() => {
        if (!existsSync(file)) return this.onerror?.();
        this.responseText = readFileSync(file, 'utf8');
        this.onload?.();
      }, 0);
    }
  }
  const failing: Fetch = () => Promise.reject(new TypeError('Fetch API cannot load file:'));
  const f = wpsFetch({ fetch: failing, XMLHttpRequest: FileXhr, location: { protocol: 'file:' } });
  const source = await loadDataSource(f, { digest: jsDigest });
  expect([source.kind, source.refused, source.plan.target('赣州', '高新技术企业', 2025)]).toEqual(['published', undefined, 2100]);
  // An http XMLHttpRequest that answers 404: not ok, so the compiled-in data.
  class NotFound extends FileXhr {
    send(): void {
      this.status = 404;
      setTimeout(() => this.onload?.(), 0);
    }
  }
  const r = await xhrFetch(NotFound)('data/datapackage.json');
  expect([r.ok, r.status]).toEqual([false, 404]);
  await expect(loadDataSource(xhrFetch(NotFound), { digest: jsDigest })).resolves.toMatchObject({ kind: 'compiled' });
});

test('a workbook made with the compiled-in data, refreshed in WPS with the package: the change listed first; typed cells kept', async () => {
  const et = new FakeEt();
  await wpsActions(compiled, 'zh', et).insertNew(['赣州'], 'plain');
  const ws = et.sheet('赣州指标');
  const row = 6 + compiled.region('赣州').entries.findIndex((e) => e.indicator.id === 'high_tech_enterprises');
  const at = (key: Parameters<typeof colIndex>[0]) => `${colLetter(colIndex(key))}${row}`;
  expect(ws.at(at('target'))?.value).toBe(2000);
  ws.type(at('actual2023'), 1712); // what a person typed
  const typed = ws.at(at('actual2023'));

  const source = await loadAt('good');
  const actions = wpsActions(source.plan, 'zh', et);
  const recorded = await actions.recordedTables!();
  expect(recorded).toEqual([{ region: '赣州', ref: '赣州', dataVersion: DATA_VERSION }]);
  const preview = changesSince(recorded, source.dataset, await source.known());
  expect(preview?.changes.map((c) => [c.from, c.list.map((x) => [x.indicator, x.field, x.old, x.new])])).toEqual([
    [DATA_VERSION, [['high_tech_enterprises', 'target', '2000', '2100']]],
  ]);
  expect(previewText(preview!, source.version, 'zh').text).toContain(`表格所用数据版本为 ${DATA_VERSION}，现在使用 ${source.version}`);
  expect(ws.at(at('target'))?.value).toBe(2000); // nothing written before the person confirms

  const r = await actions.refresh();
  expect([r.tables, r.edits]).toEqual([1, []]);
  expect(ws.at(at('target'))?.value).toBe(2100);
  expect(ws.at(at('actual2023'))).toEqual(typed);
  expect(changesSince(await actions.recordedTables!(), source.dataset, await source.known())).toBeNull();
});

test('the JavaScript sha256 agrees with node:crypto (block edges, CJK text, the empty text)', async () => {
  for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
    const t = '规划a'.repeat(n).slice(0, n);
    expect(await jsDigest(t)).toBe(sha(t));
  }
  expect(sha256Bytes(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  const csv = readFileSync(join(root, 'good', 'wps', 'data', 'values.csv'), 'utf8');
  expect(await jsDigest(csv)).toBe(sha(csv));
  expect(wpsDigest({})).toBe(jsDigest);
});
