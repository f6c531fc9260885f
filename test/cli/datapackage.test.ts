/** `plan publish` writes a data package; `--data DIR` answers from one, and refuses a bad one whole. */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPackageDir } from '../../src/cli/datapackage';
import { parseCsv, toCsv } from '../../src/core/exchange/datapackage';
import { dataset } from '../../src/data/index';
import { ACTUALS_VERSION, officialActuals } from '../../src/data/actuals';
import { plan as planIn, type Ran } from './shell';
import { ganzhouHighTechRow } from '../packages';

const EPOCH = '1764115200'; // 2025-11-26T00:00:00Z
// Publishing, reading and writing workbooks on a shared, busy machine takes more than jest's default 5 s.
const env = { LANG: 'zh_CN.UTF-8', SOURCE_DATE_EPOCH: EPOCH };
const plan = (...args: string[]): Promise<Ran> => planIn(args, env);
const planEn = (...args: string[]): Promise<Ran> => planIn(args, { ...env, LANG: 'en_US.UTF-8' });
const tmp = (): string => mkdtempSync(join(tmpdir(), 'datapkg-'));
const sha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const TARGET = '=PLAN.TARGET("赣州","高新技术企业",2025)';

async function published(...more: string[]): Promise<string> {
  const dir = join(tmp(), 'pkg');
  const r = await plan('publish', '--out', dir, ...more);
  expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
  return dir;
}

/** Change one resource's text; with `rehash` its checksum in datapackage.json follows, as a publisher would. */
function edit(dir: string, file: string, change: (text: string) => string, rehash: boolean): void {
  const before = readFileSync(join(dir, file), 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(join(dir, file), after);
  if (!rehash) return;
  const desc = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
  const res = desc.resources.find((r: { path: string }) => r.path === file);
  res.hash = `sha256:${sha(after)}`;
  res.bytes = Buffer.byteLength(after);
  writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(desc, null, 2));
}

/** Ganzhou's 高新技术企业 target row in values.csv, changed cell by cell. */
const ganzhouTarget =
  (cells: Record<number, string>) =>
  (text: string): string => {
    const rows = parseCsv(text, 'values.csv').map((r) => r.cells);
    const i = rows.findIndex((r) => r[0] === '赣州' && r[1] === 'high_tech_enterprises' && r[2] === 'value' && r[3] === 'target');
    for (const [k, v] of Object.entries(cells)) rows[i][Number(k)] = v;
    return toCsv(rows);
  };
/** The line in values.csv of that row. */
function ganzhouTargetLine(dir: string): number {
  const recs = parseCsv(readFileSync(join(dir, 'values.csv'), 'utf8'), 'values.csv');
  return recs.find(
    (r) => r.cells[0] === '赣州' && r.cells[1] === 'high_tech_enterprises' && r.cells[3] === 'target' && r.cells[2] === 'value',
  )!.line;
}

describe('plan publish', () => {
  test('writes datapackage.json and four CSV resources, each with its sha256 and byte count', async () => {
    const dir = await published();
    expect(readdirSync(dir).sort()).toEqual(['actuals.csv', 'datapackage.json', 'entries.csv', 'regions.csv', 'values.csv']);
    const desc = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
    expect(desc).toMatchObject({
      profile: 'tabular-data-package',
      version: '1.2.0+20251126T000000Z',
      created: '2025-11-26T00:00:00Z',
      dataVersion: '1.2.0',
      // The seed plans' package seals the compiled-in dataset's checksum, as before packages carried periods.
      datasetChecksum: dataset().checksum,
    });
    expect(desc.resources.map((r: { name: string }) => r.name)).toEqual(['regions', 'entries', 'values', 'actuals']);
    for (const r of desc.resources) {
      const bytes = readFileSync(join(dir, r.path));
      expect(r.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
      expect(r.bytes).toBe(bytes.length);
      const header = readFileSync(join(dir, r.path), 'utf8').split('\n')[0];
      expect(header).toBe(r.schema.fields.map((f: { name: string }) => f.name).join(','));
    }
    // The same data published with the same stamp gives the same bytes.
    const again = await published();
    for (const f of readdirSync(dir)) expect(readFileSync(join(again, f), 'utf8')).toBe(readFileSync(join(dir, f), 'utf8'));
  });

  test('publishes again over its own package, never over one edited since publication', async () => {
    const dir = await published();
    expect((await plan('publish', '--out', dir)).code).toBe(0);
    edit(dir, 'values.csv', ganzhouTarget({ 5: '2100', 6: '2100' }), true);
    const edited = readFileSync(join(dir, 'values.csv'), 'utf8');
    const r = await planEn('publish', '--out', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('its figures do not match its datasetChecksum');
    edit(dir, 'values.csv', ganzhouTarget({ 5: '2200', 6: '2200' }), false);
    expect((await planEn('publish', '--out', dir)).err).toContain('checksum mismatch');
    expect(readFileSync(join(dir, 'values.csv'), 'utf8')).not.toBe(edited);
    expect(readFileSync(join(dir, 'values.csv'), 'utf8')).toContain(',2200,2200,');
  });

  test('every figure of the compiled-in dataset comes back from the package as it was: raw, number and source', async () => {
    const loaded = loadPackageDir(await published());
    const { version, ...back } = loaded.dataset;
    const { version: compiledVersion, ...compiled } = dataset();
    expect(back).toEqual(compiled);
    expect(version).toBe(`${compiledVersion}+20251126T000000Z`);
    const values = parseCsv(readFileSync(join(await published(), 'values.csv'), 'utf8'), 'values.csv');
    const row = values.find((r) => r.cells[0] === '赣州' && r.cells[1] === 'high_tech_enterprises' && r.cells[3] === '2020')!.cells;
    expect(row).toEqual([
      '赣州',
      'high_tech_enterprises',
      'value',
      '2020',
      '2020',
      '1000',
      '1000',
      '',
      '004_2f23a6af36b04d93.txt',
      '234',
      '',
      'table',
      '1000',
      '',
      '2021-2025',
      '',
    ]);
  });

  test('--actuals: region and indicator as people write them, stored by canonical name and id with their source', async () => {
    const file = join(tmp(), 'actuals.csv');
    writeFileSync(
      file,
      'region,indicator,year,value,source\n赣州,高企,2023,"1,712",赣州市2023年国民经济和社会发展统计公报，第七部分\nGanzhou,high-tech enterprises,2024年,1850,https://www.ganzhou.gov.cn/example p.3\n',
    );
    const dir = await published('--actuals', file);
    expect(readFileSync(join(dir, 'actuals.csv'), 'utf8')).toBe(
      'region,indicator,year,value,source,caliber,publisher,title,date,url,quote,reprint,derived,conflict\n赣州,high_tech_enterprises,2023,1712,赣州市2023年国民经济和社会发展统计公报，第七部分,,,,,,,,,\n赣州,high_tech_enterprises,2024,1850,https://www.ganzhou.gov.cn/example p.3,,,,,,,,,\n',
    );
    expect(loadPackageDir(dir).actuals).toEqual([
      {
        region: '赣州',
        indicator: 'high_tech_enterprises',
        year: 2023,
        value: 1712,
        source: '赣州市2023年国民经济和社会发展统计公报，第七部分',
      },
      { region: '赣州', indicator: 'high_tech_enterprises', year: 2024, value: 1850, source: 'https://www.ganzhou.gov.cn/example p.3' },
    ]);
  });

  test('without --actuals the compiled-in public actuals go into the package, with their source, quote and version', async () => {
    const dir = await published();
    const loaded = loadPackageDir(dir);
    expect(loaded.actuals).toEqual(officialActuals());
    const rd = loaded.actuals.find((a) => a.region === '江西' && a.indicator === 'rd_intensity' && a.year === 2023)!;
    expect(rd.value).toBe(1.88);
    expect(rd.quote).toContain('1.88%');
    expect(rd.url).toMatch(/^https?:\/\//);
    expect(JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')).actualsVersion).toBe(ACTUALS_VERSION);
    // and `plan actual --data` answers from the package, which an --actuals file replaces
    expect((await plan('actual', '江西', '研发经费投入强度', '2023', '--data', dir)).out).toBe('1.88');
    const file = join(tmp(), 'mine.csv');
    writeFileSync(file, 'region,indicator,year,value,source\n江西,研发经费投入强度,2023,1.9,本局核定\n');
    expect((await plan('actual', '江西', '研发经费投入强度', '2023', '--data', dir, '--actuals', file)).out).toBe('1.9');
  });

  test('a package written before the actuals carried their details (five columns) is still read', async () => {
    const dir = await published();
    edit(dir, 'actuals.csv', () => 'region,indicator,year,value,source\n赣州,high_tech_enterprises,2023,1712,公报\n', true);
    expect(loadPackageDir(dir).actuals).toEqual([
      { region: '赣州', indicator: 'high_tech_enterprises', year: 2023, value: 1712, source: '公报' },
    ]);
  });

  test.each([
    ['unknown region', '火星,高企,2023,1712,公报', 'region', /火星/],
    ['unknown indicator', '赣州,火箭发射次数,2023,1712,公报', 'indicator', /火箭发射次数/],
    ['unparseable value', '赣州,高企,2023,一千七,公报', 'value', /一千七/],
    ['bad year', '赣州,高企,23,1712,公报', 'year', /23/],
    ['year out of range', '赣州,高企,1890,1712,公报', 'year', /1890/],
    ['empty source', '赣州,高企,2023,1712,', 'source', /不能为空/],
  ])('--actuals with %s is refused naming file, line and field, and nothing is written', async (_what, bad, field, detail) => {
    const file = join(tmp(), 'actuals.csv');
    writeFileSync(file, `region,indicator,year,value,source\n赣州,高企,2022,1500,公报\n${bad}\n`);
    const out = join(tmp(), 'pkg');
    const zh = await plan('publish', '--out', out, '--actuals', file);
    expect(zh.code).not.toBe(0);
    expect(zh.err).toContain(`${file}，第3行，字段 ${field}：`);
    expect(zh.err).toMatch(detail);
    const en = await planEn('publish', '--out', out, '--actuals', file);
    expect(en.err).toContain(`${file}, line 3, field ${field}: `);
    expect(existsSync(out)).toBe(false);
  });

  test('--actuals without the columns it needs is refused', async () => {
    const file = join(tmp(), 'actuals.csv');
    writeFileSync(file, 'region,indicator,year,value\n赣州,高企,2022,1500\n');
    const r = await planEn('publish', '--out', join(tmp(), 'pkg'), '--actuals', file);
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(`${file}, line 1, field source: the header has no column source`);
  });
});

describe('--data DIR', () => {
  test('done when: 2000 from the package; 2100 once the CSV and its checksum say so; refused when the checksum was not updated', async () => {
    const dir = await published();
    expect(await plan('eval', '--data', dir, TARGET)).toMatchObject({ code: 0, out: '2000', err: '' });

    edit(dir, 'values.csv', ganzhouTarget({ 5: '2100', 6: '2100' }), true);
    expect(await plan('eval', '--data', dir, TARGET)).toMatchObject({ code: 0, out: '2100', err: '' });
    // The other commands read the same package; without --data the compiled-in figure answers.
    expect((await plan('target', '赣州', '高企', '--data', dir)).out).toBe('2100');
    expect((await plan('status', '赣州', '高企', '2025', '2100', '--data', dir)).out).toMatch(/目标2100/);
    expect((await plan('table', '赣州', '--data', dir)).out).toMatch(/高新技术企业数量.*2100/);
    expect((await plan('baseline', '赣州', '高企', '--data', dir)).out).toBe('1000');
    expect(await plan('eval', TARGET)).toMatchObject({ code: 0, out: '2000' });

    edit(dir, 'values.csv', ganzhouTarget({ 5: '2200', 6: '2200' }), false);
    const refused = await plan('eval', '--data', dir, TARGET);
    expect(refused.code).not.toBe(0);
    expect(refused.out).toBe('');
    expect(refused.err).toMatch(/^values\.csv，字段 hash：校验和不符/);
    expect((await planEn('eval', '--data', dir, TARGET)).err).toMatch(/^values\.csv, field hash: checksum mismatch/);
  });

  test('workbook --data writes the package figures', async () => {
    const dir = await published();
    edit(dir, 'values.csv', ganzhouTarget({ 5: '2100', 6: '2100' }), true);
    /** The values on the 赣州 sheet's 高新技术企业数量 row of a workbook written with these options. */
    const row = async (...more: string[]): Promise<unknown[]> => {
      const file = join(tmp(), 'out.xlsx');
      expect((await plan('workbook', '--region', '赣州', '-o', file, ...more)).code).toBe(0);
      return ganzhouHighTechRow(file);
    };
    expect(await row('--data', dir)).toEqual(expect.arrayContaining(['2100', 2100]));
    expect(await row('--data', dir)).not.toContain(2000);
    expect(await row()).toEqual(expect.arrayContaining(['2000', 2000]));
  });

  const corruptions: [string, (dir: string) => void, RegExp][] = [
    [
      'malformed JSON',
      (dir) => writeFileSync(join(dir, 'datapackage.json'), readFileSync(join(dir, 'datapackage.json'), 'utf8').slice(0, 200)),
      /^datapackage\.json: not valid JSON/,
    ],
    [
      'a checksum that does not match',
      (dir) => edit(dir, 'entries.csv', (t) => t.replace('高新技术企业数量', '高企数量'), false),
      /^entries\.csv, field hash: checksum mismatch/,
    ],
    [
      'an unknown indicator',
      (dir) => edit(dir, 'values.csv', ganzhouTarget({ 1: 'rocket_launches' }), true),
      /^values\.csv, line (\d+), field indicator: unknown indicator "rocket_launches"/,
    ],
    [
      'a value that does not parse',
      (dir) => edit(dir, 'values.csv', ganzhouTarget({ 6: '两千' }), true),
      /^values\.csv, line (\d+), field value: "两千" is not a number/,
    ],
    [
      'a number edited without its raw text',
      (dir) => edit(dir, 'values.csv', ganzhouTarget({ 6: '2100' }), true),
      /^values\.csv, line (\d+), field value: 2100 does not match 2000, which the raw text "2000" reads as/,
    ],
    ['an emptied resource file', (dir) => edit(dir, 'actuals.csv', () => '', false), /^actuals\.csv, field hash/],
    [
      'a row with a column too few',
      (dir) =>
        edit(
          dir,
          'values.csv',
          (t) =>
            t.replace(
              /\n赣州,high_tech_enterprises,value,target,2025,2000,2000,,/,
              '\n赣州,high_tech_enterprises,value,target,2025,2000,2000,',
            ),
          true,
        ),
      /^values\.csv, line (\d+): 16 columns expected, 15 found/,
    ],
  ];
  test.each(corruptions)('a package with %s is refused whole, naming file, line and field', async (_what, corrupt, message) => {
    const dir = await published();
    const line = ganzhouTargetLine(dir);
    corrupt(dir);
    for (const args of [
      ['eval', '--data', dir, TARGET],
      ['target', '赣州', '高企', '--data', dir],
      ['table', '赣州', '--data', dir],
    ]) {
      const r = await planEn(...args);
      expect({ args, code: r.code, out: r.out }).toEqual({ args, code: 1, out: '' });
      expect(r.err).toMatch(message);
      const m = message.exec(r.err);
      if (m?.[1]) expect(Number(m[1])).toBe(line);
    }
    expect((await plan('eval', '--data', dir, TARGET)).err).toMatch(
      /^(datapackage\.json|values\.csv|entries\.csv|actuals\.csv)(，第\d+行)?(，字段 [\w.]+)?：/,
    );
  });

  test('a directory with no package is refused', async () => {
    const r = await planEn('eval', '--data', tmp(), TARGET);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^datapackage\.json: file not found/);
  });
});
