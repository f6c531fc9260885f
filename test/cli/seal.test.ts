/**
 * `plan seal DIR` (issue 33): a manager edits a published package by hand, the reader refuses it (stale hash), seal
 * makes it whole again (hashes, bytes, version, the edited figure's quote and the conflict note beside it), and every
 * door answers the new figure; an unedited package is left as it is.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPackageDir } from '../../src/cli/datapackage';
import { figureInQuote, parseCsv, toCsv } from '../../src/core/exchange/datapackage';
import { changesSince, describeChange } from '../../src/core/sheet/diff';
import { loadDataSource, type Fetch } from '../../src/panes/shared/dataSource';
import { plan as planIn, type Ran } from './shell';
import { ganzhouHighTechRow } from '../packages';
import { NANCHANG_CSV } from '../fixtures/nanchang';

const PUBLISHED = '1764115200'; // 2025-11-26T00:00:00Z
const SEALED = '1796256000'; // 2026-12-03T00:00:00Z
const zh = { LANG: 'zh_CN.UTF-8', SOURCE_DATE_EPOCH: SEALED };
const plan = (...args: string[]): Promise<Ran> => planIn(args, zh);
const planEn = (...args: string[]): Promise<Ran> => planIn(args, { ...zh, LANG: 'en_US.UTF-8' });
const tmp = (): string => mkdtempSync(join(tmpdir(), 'plan-seal-'));
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const NOTE = '据赣州市科技局2026年调整文件（示例，非官方数字）';

/** One package from `plan publish`, copied for each test so that none sees another's edits. */
const original = join(tmp(), 'pkg');
beforeAll(async () => {
  const r = await planIn(['publish', '--out', original], { LANG: 'zh_CN.UTF-8', SOURCE_DATE_EPOCH: PUBLISHED });
  expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
});
function fresh(): string {
  const dir = join(tmp(), 'pkg');
  cpSync(original, dir, { recursive: true });
  return dir;
}

/** Every file of a folder, by name, as bytes. */
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));

/** The cells of one row of values.csv. */
function row(dir: string, region: string, indicator: string, role: string, field: string): string[] {
  const r = parseCsv(readFileSync(join(dir, 'values.csv'), 'utf8'), 'values.csv').find(
    ({ cells }) => cells[0] === region && cells[1] === indicator && cells[2] === role && cells[3] === field,
  );
  expect(r).toBeDefined();
  return r!.cells;
}

/** A manager's edit of one row of values.csv, cell by cell (5 raw, 6 value), with no checksum touched. */
function editRow(dir: string, region: string, indicator: string, field: string, cells: Record<number, string>): void {
  const rows = parseCsv(readFileSync(join(dir, 'values.csv'), 'utf8'), 'values.csv').map((r) => r.cells);
  const i = rows.findIndex((r) => r[0] === region && r[1] === indicator && r[2] === 'value' && r[3] === field);
  expect(i).toBeGreaterThan(0);
  for (const [k, v] of Object.entries(cells)) rows[i][Number(k)] = v;
  writeFileSync(join(dir, 'values.csv'), toCsv(rows));
}
const QUOTE = 12;
const NOTE_COL = 13;

const descriptor = (dir: string): { version: string; resources: { path: string; hash: string; bytes: number }[]; changes?: unknown[] } =>
  JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));

/** No stack trace, no "Error:" line: a refusal in words. */
const inWords = (r: Ran): void => {
  expect(r.err).not.toMatch(/\n\s+at |Error:|\.ts:\d+/);
  expect(r.out).toBe('');
};

test('edit 2000 → 12000: refused until sealed, then every door answers 12000 and the quote says who changed it and why', async () => {
  const dir = fresh();
  editRow(dir, '赣州', 'high_tech_enterprises', 'target', { 5: '12000', 6: '12000' });
  const stale = await plan('target', '赣州', '高新技术企业', '--data', dir);
  expect(stale.code).toBe(1);
  expect(stale.err).toMatch(/^values\.csv，字段 hash：校验和不符.*plan seal/);

  // Without a note the figure cannot be sealed, and nothing is written.
  const before = snapshot(dir);
  const noNote = await plan('seal', dir);
  expect(noNote.code).toBe(1);
  expect(noNote.err).toMatch(/1 项数值已改动（赣州 high_tech_enterprises target \(values\.csv:\d+\)）：请用 --note/);
  inWords(noNote);
  expect(snapshot(dir)).toEqual(before);

  const sealed = await plan('seal', dir, '--note', NOTE, '--editor', '李四');
  expect(sealed).toMatchObject({ code: 0, err: '' });
  expect(sealed.out).toMatch(/^已封存：版本 1\.2\.0\+20251126T000000Z → 1\.2\.1\+20261203T000000Z\n/);
  expect(sealed.out).toContain('经编辑：赣州 high_tech_enterprises target：“2000” → “12000”');

  // The reader accepts it, and each resource's hash and bytes are those of the file as it lies on disk.
  const loaded = loadPackageDir(dir);
  expect(loaded.version).toBe('1.2.1+20261203T000000Z');
  const desc = descriptor(dir);
  for (const r of desc.resources) {
    expect(r.hash).toBe(`sha256:${sha(readFileSync(join(dir, r.path)))}`);
    expect(r.bytes).toBe(statSync(join(dir, r.path)).size);
  }
  expect(desc.changes).toEqual([
    expect.objectContaining({
      version: '1.2.1+20261203T000000Z',
      from: '1.2.0+20251126T000000Z',
      editor: '李四',
      note: NOTE,
      files: ['values.csv'],
      figures: [
        expect.objectContaining({ region: '赣州', indicator: 'high_tech_enterprises', field: 'target', before: '2000', raw: '12000' }),
      ],
    }),
  ]);

  // The quote no longer claims 2000: the new figure first, marked as edited with note, editor and date; the seed's words after.
  const target = row(dir, '赣州', 'high_tech_enterprises', 'value', 'target');
  expect(target[QUOTE]).toBe(`12000（经编辑：${NOTE}；编辑：李四；2026-12-03。原文：2000）`);
  // The conflict note beside it said 数值一致 (prose 2000, table 2000): it no longer does.
  const conflict = row(dir, '赣州', 'high_tech_enterprises', 'conflict', 'target');
  expect(conflict[NOTE_COL]).not.toContain('数值一致');
  expect(conflict[NOTE_COL]).toMatch(/^经编辑（2026-12-03）：该项现为“12000”，与此处“力争…达 2000 家以上”数值不同。编辑前的注：正文为/);
  // The 2020 conflict (1107 against 1000) is not about the edited figure, and keeps its note.
  expect(row(dir, '赣州', 'high_tech_enterprises', 'conflict', '2020')[NOTE_COL]).toBe(
    row(original, '赣州', 'high_tech_enterprises', 'conflict', '2020')[NOTE_COL],
  );

  expect(await plan('target', '赣州', '高新技术企业', '--data', dir)).toMatchObject({ code: 0, out: '12000' });
  expect((await plan('status', '赣州', '高新技术企业', '2023', '1500', '--data', dir)).out).toMatch(/目标12000/);
  expect((await plan('info', '赣州', '高新技术企业', 'source', '--data', dir)).out).toContain(`12000（经编辑：${NOTE}`);

  const file = join(tmp(), 'out.xlsx');
  expect((await plan('workbook', '--region', '赣州', '-o', file, '--data', dir)).code).toBe(0);
  const written = await ganzhouHighTechRow(file);
  expect(written).toEqual(expect.arrayContaining([12000]));
  expect(written).not.toContain(2000);

  // Sealed once, sealing again changes nothing; publishing over the sealed edits is refused.
  const after = snapshot(dir);
  expect(await plan('seal', dir)).toMatchObject({
    code: 0,
    out: expect.stringMatching(/^数据包未改动，无需封存（版本 1\.2\.1\+20261203T000000Z）/),
  });
  expect(snapshot(dir)).toEqual(after);
  const over = await planEn('publish', '--out', dir);
  expect(over.code).toBe(1);
  expect(over.err).toContain('its edits were sealed with plan seal');
  expect(snapshot(dir)).toEqual(after);
});

test('the add-in reads the sealed package and its refresh lists 2000 → 12000 before writing', async () => {
  const dir = fresh();
  editRow(dir, '赣州', 'high_tech_enterprises', 'target', { 5: '12000', 6: '12000' });
  expect((await plan('seal', dir, '--note', NOTE)).code).toBe(0);
  /** The pane's fetch, serving a folder as the web server serves data/ beside the page. */
  const served =
    (folder: string): Fetch =>
    (url) => {
      const f = join(folder, url.replace(/^data\//, ''));
      return Promise.resolve(existsSync(f) ? new Response(readFileSync(f)) : new Response('not found', { status: 404 }));
    };
  const before = await loadDataSource(served(original));
  const after = await loadDataSource(served(dir));
  expect(after).toMatchObject({ kind: 'published', version: '1.2.1+20261203T000000Z' });
  expect(after.refused).toBeUndefined();
  const preview = changesSince([{ region: '赣州', dataVersion: before.version }], after.dataset, [before.dataset, after.dataset]);
  expect(preview!.changes[0].list.map((c) => describeChange(c, 'zh'))).toEqual([
    expect.stringMatching(/^赣州 高新技术企业数量 目标：2000 → 12000（004_.*:234）$/),
  ]);
});

test('an unedited package: seal says so and writes nothing', async () => {
  const dir = fresh();
  const before = snapshot(dir);
  expect(await plan('seal', dir)).toEqual({
    code: 0,
    out: '数据包未改动，无需封存（版本 1.2.0+20251126T000000Z）；没有写入任何文件',
    err: '',
  });
  expect((await planEn('seal', dir)).out).toBe(
    'the package is unchanged; nothing to seal (version 1.2.0+20251126T000000Z), nothing written',
  );
  expect(snapshot(dir)).toEqual(before);
});

test('an edit back to the old figure is found too, and the note and the seed words do not nest', async () => {
  const dir = fresh();
  editRow(dir, '赣州', 'high_tech_enterprises', 'target', { 5: '12000', 6: '12000' });
  expect((await plan('seal', dir, '--note', NOTE)).code).toBe(0);
  editRow(dir, '赣州', 'high_tech_enterprises', 'target', { 5: '2000', 6: '2000' });
  const r = await plan('seal', dir, '--note', '复核后恢复原值', '--editor', '王五');
  expect(r).toMatchObject({ code: 0, err: '' });
  expect(r.out).toMatch(/1\.2\.1\+20261203T000000Z → 1\.2\.2\+20261203T000000Z/);
  expect(r.out).toContain('“12000” → “2000”');
  expect(row(dir, '赣州', 'high_tech_enterprises', 'value', 'target')[QUOTE]).toBe(
    '2000（经编辑：复核后恢复原值；编辑：王五；2026-12-03。原文：2000）',
  );
  const note = row(dir, '赣州', 'high_tech_enterprises', 'conflict', 'target')[NOTE_COL];
  expect(note).toMatch(/^经编辑（2026-12-03）：该项现为“2000”，与此处“力争…达 2000 家以上”数值一致。编辑前的注：正文为/);
  expect(note.match(/经编辑/g)).toHaveLength(1);
  expect(descriptor(dir).changes).toHaveLength(2);
  expect(await plan('target', '赣州', '高新技术企业', '--data', dir)).toMatchObject({ code: 0, out: '2000' });
});

test('checksums updated by hand do not hide an edit: the stale quote shows it', async () => {
  const dir = fresh();
  editRow(dir, '赣州', 'high_tech_enterprises', 'target', { 5: '12000', 6: '12000' });
  const desc = descriptor(dir);
  const values = readFileSync(join(dir, 'values.csv'));
  Object.assign(
    desc.resources.find((r) => r.path === 'values.csv')!,
    { hash: `sha256:${sha(values)}`, bytes: values.length },
  );
  writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(desc, null, 2));
  expect((await plan('target', '赣州', '高新技术企业', '--data', dir)).out).toBe('12000'); // read, but its quote says 2000
  const r = await plan('seal', dir, '--note', NOTE);
  expect(r.code).toBe(0);
  expect(row(dir, '赣州', 'high_tech_enterprises', 'value', 'target')[QUOTE]).toMatch(/^12000（经编辑：/);
});

test('a file saved with a byte-order mark is written back as plain UTF-8, so sha256sum of the file is its hash', async () => {
  const dir = fresh();
  editRow(dir, '赣州', 'high_tech_enterprises', 'target', { 5: '12000', 6: '12000' });
  writeFileSync(join(dir, 'values.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(join(dir, 'values.csv'))]));
  const r = await planEn('seal', dir, '--note', NOTE);
  expect(r.out).toContain('rewritten as UTF-8 without a BOM (it was GBK, or had one): values.csv');
  const bytes = readFileSync(join(dir, 'values.csv'));
  expect(bytes[0]).not.toBe(0xef);
  expect(descriptor(dir).resources.find((x) => x.path === 'values.csv')!.hash).toBe(`sha256:${sha(bytes)}`);
});

test('a plan imported from a table: its quote is its raw again, and the edit is in the log', async () => {
  const dir = join(tmp(), 'pkg');
  const published = await planIn(['publish', '--out', dir, '--plan', NANCHANG_CSV], {
    LANG: 'zh_CN.UTF-8',
    SOURCE_DATE_EPOCH: PUBLISHED,
  });
  expect(published.code).toBe(0);
  editRow(dir, '南昌', 'high_tech_enterprises', 'target', { 5: '新增3500', 6: '6000' });
  const r = await plan('seal', dir, '--note', NOTE);
  expect(r).toMatchObject({ code: 0, err: '' });
  expect(r.out).toContain('南昌 high_tech_enterprises target：“新增3000” → “新增3500”');
  expect(row(dir, '南昌', 'high_tech_enterprises', 'value', 'target')[QUOTE]).toBe('新增3500');
  expect(descriptor(dir).changes).toEqual([
    expect.objectContaining({ figures: [expect.objectContaining({ region: '南昌', before: '新增3000', raw: '新增3500', value: '6000' })] }),
  ]);
  expect(await plan('eval', '--data', dir, '=PLAN.TARGET("南昌","高新技术企业",2030)')).toMatchObject({ code: 0, out: '6000' });
});

test.each<[string, (dir: string) => string, RegExp, RegExp]>([
  ['a folder that does not exist', (dir) => join(dir, 'nowhere'), /nowhere：找不到这个目录/, /nowhere: no such folder/],
  [
    'a folder that is not a package',
    () => tmp(),
    /不是数据包：没有 datapackage\.json/,
    /not a data package: there is no datapackage\.json/,
  ],
  [
    'a CSV that cannot be read',
    (dir) => {
      writeFileSync(
        join(dir, 'entries.csv'),
        readFileSync(join(dir, 'entries.csv'), 'utf8').replace('高新技术企业数量', '"高新技术企业数量'),
      );
      return dir;
    },
    /^entries\.csv，第\d+行：引号没有闭合/,
    /^entries\.csv, line \d+: a quote is not closed/,
  ],
  [
    'a value changed without its raw text',
    (dir) => {
      editRow(dir, '赣州', 'high_tech_enterprises', 'target', { 6: '12000' });
      return dir;
    },
    /^values\.csv，第\d+行，字段 value：12000 与原文“2000”读出的 2000 不符/,
    /^values\.csv, line \d+, field value: 12000 does not match 2000/,
  ],
  [
    'a file saved as UTF-16',
    (dir) => {
      writeFileSync(
        join(dir, 'actuals.csv'),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(join(dir, 'actuals.csv'), 'utf8'), 'utf16le')]),
      );
      return dir;
    },
    /^actuals\.csv：文件是 UTF-16 编码/,
    /^actuals\.csv: the file is UTF-16/,
  ],
])('refuses %s in words, in both languages, writing nothing', async (_what, make, zhErr, enErr) => {
  const dir = make(fresh());
  const before = existsSync(dir) ? snapshot(dir) : {};
  for (const [run, err] of [
    [plan, zhErr],
    [planEn, enErr],
  ] as const) {
    const r = await run('seal', dir, '--note', NOTE);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(err);
    inWords(r);
  }
  expect(existsSync(dir) ? snapshot(dir) : {}).toEqual(before);
});

test('a figure is in its quote only as a whole number: 200 is not in 2000, nor 5 in 1.5', () => {
  expect(figureInQuote('2000', '2000')).toBe(true);
  expect(figureInQuote('200', '2000')).toBe(false);
  expect(figureInQuote('5', '1.5')).toBe(false);
  expect(figureInQuote('1', '1.5')).toBe(false);
  expect(figureInQuote('2000', '由 2015 年 90 家增至 2020 年 2000 家')).toBe(true);
  expect(figureInQuote('力争…达 2000 家以上', '力争高新技术企业数达 2000 家以上')).toBe(true);
  expect(figureInQuote('力争…达 200 家以上', '力争高新技术企业数达 2000 家以上')).toBe(false);
  expect(figureInQuote('40%', '突破 40%')).toBe(true);
});
