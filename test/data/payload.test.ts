/**
 * The dataset the browser panes read as JSON (data.<hash>.json, written by scripts/data-json.js from
 * src/data/payload.ts) builds the same dataset as the compiled-in modules, and index.browser.ts reads it, or says
 * which file it could not read.
 */
import { buildDataset } from '../../src/core/plan/dataset';
import { ACTUALS_CSV, CONFLICTS_CSV } from '../../src/data/actuals.generated';
import { dataset } from '../../src/data/index';
import { dataPayload, type DataPayload } from '../../src/data/payload';

const text = JSON.stringify(dataPayload());

test('the JSON round trip builds the same dataset, checksum included', () => {
  const p = JSON.parse(text) as DataPayload;
  const d = buildDataset(p.regions, p.catalogue, p.version);
  expect(d.checksum).toBe(dataset().checksum);
  expect(d).toEqual(dataset());
  expect([p.actualsCsv, p.conflictsCsv]).toEqual([ACTUALS_CSV, CONFLICTS_CSV]);
});

test('scripts/data-json.js writes that JSON under a name that changes with it', () => {
  const { dataJson } = require('../../scripts/data-json') as { dataJson(): { file: string; text: string } };
  const made = dataJson();
  expect(made.text).toBe(text);
  expect(made.file).toMatch(/^data\.[0-9a-f]{12}\.json$/);
});

/** A stand-in for the browser's XMLHttpRequest answering one status and text. */
function fakeXhr(status: number, body: string, urls: string[]): void {
  (globalThis as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = class {
    status = 0;
    responseText = '';
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    open(_m: string, url: string): void {
      urls.push(url);
    }
    send(): void {
      setTimeout(() => {
        this.status = status;
        this.responseText = body;
        this.onload?.();
      }, 0);
    }
  };
}

afterEach(() => {
  delete (globalThis as unknown as { XMLHttpRequest?: unknown }).XMLHttpRequest;
  jest.resetModules();
});

test('index.browser.ts reads the file once and then answers the same dataset as index.ts', async () => {
  const urls: string[] = [];
  fakeXhr(200, text, urls);
  const b = (await import('../../src/data/index.browser')) as typeof import('../../src/data/index.browser');
  const a = (await import('../../src/data/actuals.generated.browser')) as typeof import('../../src/data/actuals.generated.browser');
  expect(() => b.dataset()).toThrow(/not loaded/);
  const ready = b.dataReady();
  expect(ready).toBeInstanceOf(Promise);
  await Promise.all([ready, b.loadData()]);
  expect(urls).toEqual([b.DATA_FILE]);
  expect(b.dataReady()).toBeUndefined();
  expect(b.dataset().checksum).toBe(dataset().checksum);
  expect(a.ACTUALS_CSV).toBe(ACTUALS_CSV);
});

test('a file that cannot be read is refused with its name, in Chinese and English', async () => {
  fakeXhr(404, '', []);
  const b = (await import('../../src/data/index.browser')) as typeof import('../../src/data/index.browser');
  const { loadErrorText } = (await import('../../src/panes/shared/loadError')) as typeof import('../../src/panes/shared/loadError');
  const e = await b.loadData().then(
    () => null,
    (x: unknown) => x,
  );
  expect(loadErrorText(e, 'zh')).toBe(`无法读取规划数据 ${b.DATA_FILE}（HTTP 404）。请检查加载项的部署是否完整，然后重新打开任务窗格。`);
  expect(loadErrorText(e, 'en')).toMatch(new RegExp(`^The plan data ${b.DATA_FILE.replace('.', '\\.')} could not be read \\(HTTP 404\\)`));
});
