/** The pane's data: a package beside the page when it is there and sound, else the compiled-in dataset. */
import { createHash } from 'node:crypto';
import { buildPackage } from '../../../src/core/exchange/datapackage';
import { DATA_VERSION, dataset } from '../../../src/data/index';
import { describeDataSource, loadDataSource, webDigest, type Fetch } from '../../../src/panes/shared/dataSource';

const sha = (t: string): string => createHash('sha256').update(t, 'utf8').digest('hex');
const PUBLISHED = new Date('2025-11-26T00:00:00Z');
const pkg = (): Record<string, string> => buildPackage(dataset(), [], DATA_VERSION, PUBLISHED, sha, (t) => Buffer.byteLength(t, 'utf8'));

/** A server holding `files` under data/; everything else is 404. Records what was asked. */
function stub(files: Record<string, string>): { fetch: Fetch; asked: string[] } {
  const asked: string[] = [];
  const fetch: Fetch = (url) => {
    asked.push(url);
    const name = url.startsWith('data/') ? url.slice(5) : '';
    const text = files[name];
    return Promise.resolve(text === undefined ? new Response('not found', { status: 404 }) : new Response(text, { status: 200 }));
  };
  return { fetch, asked };
}

test('web digest is sha256', async () => {
  expect(await webDigest('赣州 2000')).toBe(sha('赣州 2000'));
});

test('no package (404): the compiled-in data, nothing refused', async () => {
  const s = stub({});
  const src = await loadDataSource(s.fetch);
  expect(s.asked).toEqual(['data/datapackage.json']);
  expect(src.kind).toBe('compiled');
  expect(src.version).toBe(DATA_VERSION);
  expect(src.refused).toBeUndefined();
  expect(describeDataSource(src, 'zh')).toContain('内置');
  expect(describeDataSource(src, 'en')).toContain('compiled-in');
});

test('network failure or timeout: the compiled-in data', async () => {
  expect((await loadDataSource(() => Promise.reject(new TypeError('Failed to fetch')))).kind).toBe('compiled');
  const hang: Fetch = (_url, init) => new Promise((_res, rej) => init?.signal?.addEventListener('abort', () => rej(new Error('aborted'))));
  const src = await loadDataSource(hang, { timeoutMs: 20 });
  expect(src.kind).toBe('compiled');
  expect(src.refused).toBeUndefined();
});

test('the pane waits 4 s for a server, then uses the compiled-in data', async () => {
  jest.useFakeTimers();
  try {
    let aborted = false;
    const hang: Fetch = (_url, init) =>
      new Promise((_res, rej) =>
        init?.signal?.addEventListener('abort', () => {
          aborted = true;
          rej(new Error('aborted'));
        }),
      );
    const loading = loadDataSource(hang);
    await jest.advanceTimersByTimeAsync(3_999);
    expect(aborted).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(aborted).toBe(true);
    expect((await loading).kind).toBe('compiled');
  } finally {
    jest.useRealTimers();
  }
});

test('a good package: published, with its version and date, and its figures', async () => {
  const files = pkg();
  const src = await loadDataSource(stub(files).fetch);
  expect(src.refused).toBeUndefined();
  expect(src.kind).toBe('published');
  expect(src.version).toBe(`${DATA_VERSION}+20251126T000000Z`);
  expect(src.created).toBe('2025-11-26T00:00:00Z');
  expect(src.plan.target('赣州', '高新技术企业', 2025)).toBe(2000);
  expect(describeDataSource(src, 'zh')).toBe(`使用数据：${DATA_VERSION}+20251126T000000Z · 2025-11-26 · 已发布`);
  expect(describeDataSource(src, 'en')).toContain('published');
});

test('a corrupted file (checksum not updated): refused whole, compiled-in in use, the file named', async () => {
  const files = pkg();
  const row = files['values.csv'].split('\n').find((l) => l.startsWith('赣州,high_tech_enterprises,value,target'));
  expect(row).toBeDefined();
  files['values.csv'] = files['values.csv'].replace(row as string, (row as string).replace(/,2000,2000,/, ',2100,2100,'));
  const src = await loadDataSource(stub(files).fetch);
  expect(src.kind).toBe('compiled');
  expect(src.plan.target('赣州', '高新技术企业', 2025)).toBe(2000);
  expect(src.refused?.[0]).toMatch(/^values\.csv，字段 hash：校验和不符/);
  expect(src.refused?.[1]).toMatch(/^values\.csv, field hash: checksum mismatch/);
  expect(describeDataSource(src, 'zh')).toContain('values.csv');
});

test('a resource missing from the server or a descriptor that is not JSON: refused, naming the file', async () => {
  const files = pkg();
  delete files['actuals.csv'];
  expect((await loadDataSource(stub(files).fetch)).refused?.[1]).toBe('actuals.csv: file not found');
  expect((await loadDataSource(stub({ 'datapackage.json': '{oops' }).fetch)).refused?.[1]).toMatch(/^datapackage\.json: not valid JSON/);
});
