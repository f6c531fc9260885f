/** A package whose resource holds two rows for one key is refused naming both lines; a second statement may repeat. */
import { createHash } from 'node:crypto';
import { buildPackage, packageDataset, readPackage, type Actual } from '../../src/core/exchange/datapackage';
import { CATALOGUE } from '../../src/data/catalogue';
import { DATA_VERSION, dataset } from '../../src/data/index';

const sha256 = (t: string): string => createHash('sha256').update(t, 'utf8').digest('hex');
const d = packageDataset(CATALOGUE, dataset().regions, DATA_VERSION);
const actual: Actual = { region: '赣州', indicator: 'high_tech_enterprises', year: 2023, value: 1650, source: '赣州市统计局' };
const files = buildPackage(d, [actual], DATA_VERSION, new Date('2026-12-01T00:00:00Z'), sha256, (t) => Buffer.byteLength(t));

/** The package with one resource's text changed, its hash and size updated (an editor who did everything right but this). */
function edited(file: string, change: (text: string) => string): Record<string, string> {
  const out = { ...files, [file]: change(files[file]) };
  const desc = JSON.parse(files['datapackage.json']);
  for (const r of desc.resources)
    if (r.path === file) Object.assign(r, { hash: `sha256:${sha256(out[file])}`, bytes: Buffer.byteLength(out[file]) });
  out['datapackage.json'] = JSON.stringify(desc);
  return out;
}
const read = (f: Record<string, string>) => () => readPackage((n) => f[n], CATALOGUE, sha256);

test('two actual values for one cell are refused, naming both lines', () => {
  const f = edited('actuals.csv', (t) => t + t.split('\n')[1].replace('1650', '1700') + '\n');
  expect(read(f)).toThrow(/actuals\.csv，第3行.*与第2行重复/);
});

test('a staged target or a baseline stated twice is refused, naming both lines', () => {
  const f = edited('values.csv', (t) => {
    const lines = t.split('\n');
    const row = lines.find((l) => l.startsWith('赣州,high_tech_enterprises,value,2020,'))!;
    return t + row + '\n';
  });
  expect(read(f)).toThrow(/values\.csv，第\d+行.*与第\d+行重复.*赣州/);
});

test('an entry or a plan twice is refused', () => {
  const e = edited('entries.csv', (t) => t + t.split('\n')[1] + '\n');
  expect(read(e)).toThrow(/entries\.csv.*重复/);
  const r = edited('regions.csv', (t) => t + t.split('\n')[1] + '\n');
  expect(read(r)).toThrow(/regions\.csv.*重复/);
});

test('the package as published reads', () => {
  expect(read(files)()).toMatchObject({ actuals: [expect.objectContaining({ value: 1650 })] });
});
