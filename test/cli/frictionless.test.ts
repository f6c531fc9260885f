/**
 * Every package `plan publish` writes is read by a Frictionless implementation that is not ours: frictionless-js
 * (the `datapackage` npm package). It checks the descriptor against the Tabular Data Package profile and reads
 * every row of every resource through its Table Schema (types, required, enum). It does not check `hash`; our
 * reader does (test/cli/datapackage.test.ts).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { plan } from './shell';
import { ACTUAL_DETAILS } from '../../src/core/exchange/packageFormat';

interface FResource {
  name: string;
  valid: boolean;
  schema: { fieldNames: string[] };
  read: (o: { keyed: true }) => Promise<Record<string, unknown>[]>;
}
interface FPackage {
  valid: boolean;
  errors: Error[];
  resources: FResource[];
}
const { Package } = createRequire(__filename)('datapackage') as { Package: { load: (d: string) => Promise<FPackage> } };

const tmp = (): string => mkdtempSync(join(tmpdir(), 'frictionless-'));

async function publish(): Promise<string> {
  const actuals = join(tmp(), 'actuals.csv');
  writeFileSync(
    actuals,
    'region,indicator,year,value,source\n赣州,高企,2023,1712,"赣州市2023年统计公报, 表3"\n九江,研发投入强度,2022,1.9,https://example.gov.cn/tjgb p.2\n',
  );
  const dir = join(tmp(), 'pkg');
  const r = await plan(['publish', '--out', dir, '--actuals', actuals], { LANG: 'zh_CN.UTF-8', SOURCE_DATE_EPOCH: '1764115200' });
  expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
  return dir;
}

test('frictionless-js loads the published package as valid and reads every row of every resource', async () => {
  const dir = await publish();
  const pkg = await Package.load(join(dir, 'datapackage.json'));
  expect(pkg.errors.map(String)).toEqual([]);
  expect(pkg.valid).toBe(true);
  expect(pkg.resources.map((r) => r.name)).toEqual(['regions', 'entries', 'values', 'actuals']);
  const rows: Record<string, Record<string, unknown>[]> = {};
  for (const r of pkg.resources) {
    expect(r.valid).toBe(true);
    rows[r.name] = await r.read({ keyed: true });
    // Every record of the CSV but its header is one row read (records counted by csv-parse, not by our reader).
    const records = parse(readFileSync(join(dir, `${r.name}.csv`), 'utf8')) as string[][];
    expect(rows[r.name]).toHaveLength(records.length - 1);
    expect(r.schema.fieldNames).toEqual(records[0]);
  }
  expect(rows.regions.map((r) => r.region)).toEqual(['江西', '九江', '吉安', '上饶', '赣州']);
  expect(rows.values.find((r) => r.region === '赣州' && r.indicator === 'high_tech_enterprises' && r.field === 'target')).toMatchObject({
    raw: '2000',
    value: 2000,
    year: 2025,
    line: 234,
    seed: '004_2f23a6af36b04d93.txt',
  });
  // The details of a source (caliber, publisher … quote) are empty where an --actuals file does not give them.
  const none = Object.fromEntries(ACTUAL_DETAILS.map((d) => [d, null]));
  expect(rows.actuals).toEqual([
    { region: '赣州', indicator: 'high_tech_enterprises', year: 2023, value: 1712, source: '赣州市2023年统计公报, 表3', ...none },
    { region: '九江', indicator: 'rd_intensity', year: 2022, value: 1.9, source: 'https://example.gov.cn/tjgb p.2', ...none },
  ]);
  expect(rows.values.length).toBeGreaterThan(300);
  expect(rows.entries.length).toBeGreaterThan(200);
});

test('frictionless-js is a real check: it refuses a bad hash and a value its schema cannot read', async () => {
  const dir = await publish();
  const desc = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
  desc.resources[0].hash = 'sha256:not-hex';
  writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(desc));
  expect((await Package.load(join(dir, 'datapackage.json'))).valid).toBe(false);

  const dir2 = await publish();
  const file = join(dir2, 'values.csv');
  const before = readFileSync(file, 'utf8');
  const after = before.replace(',2000,2000,,004_2f23a6af36b04d93.txt,234,', ',2000,两千,,004_2f23a6af36b04d93.txt,234,');
  expect(after).not.toBe(before);
  writeFileSync(file, after);
  const pkg = await Package.load(join(dir2, 'datapackage.json'));
  const values = pkg.resources.find((r) => r.name === 'values')!;
  await expect(values.read({ keyed: true })).rejects.toThrow();
});
