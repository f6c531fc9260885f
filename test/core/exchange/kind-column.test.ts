/**
 * The package says which measures are flows (added over the plan period) in entries.csv's `kind` column, and a
 * package published before that column existed still reads.
 */
import { createHash } from 'node:crypto';
import { buildPackage, packageDataset, readPackage } from '../../../src/core/exchange/datapackage';
import { measureKind } from '../../../src/core/plan/compare';
import { CATALOGUE } from '../../../src/data/catalogue';
import { DATA_VERSION, dataset } from '../../../src/data/index';
import { parse } from 'csv-parse/sync';

const sha256 = (t: string): string => createHash('sha256').update(t, 'utf8').digest('hex');
const d = packageDataset(CATALOGUE, dataset().regions, DATA_VERSION);
const files = buildPackage(d, [], DATA_VERSION, new Date('2026-12-01T00:00:00Z'), sha256, (t) => Buffer.byteLength(t, 'utf8'));

test('entries.csv names each measure’s kind, flow for what is added over the period', () => {
  const rows = parse(files['entries.csv'], { columns: true }) as Record<string, string>[];
  const byId = new Map(CATALOGUE.map((c) => [c.id, c]));
  for (const r of rows) expect({ id: r.indicator, kind: r.kind }).toEqual({ id: r.indicator, kind: measureKind(byId.get(r.indicator)!) });
  expect(rows.filter((r) => r.kind === 'flow').length).toBeGreaterThanOrEqual(38);
  expect(rows.find((r) => r.region === '赣州' && r.name === '新增注册企业')?.kind).toBe('flow');
});

test('a package read back is the same dataset; one without the kind column (published earlier) reads too', () => {
  expect(readPackage((n) => files[n], CATALOGUE, sha256).dataset.checksum).toBe(d.checksum);
  const older = { ...files };
  older['entries.csv'] = files['entries.csv']
    .split('\n')
    .map((line) => line.replace(/,(flow|level|share|growth|rank|qualitative|kind)$/, ''))
    .join('\n');
  const desc = JSON.parse(files['datapackage.json']);
  for (const r of desc.resources)
    if (r.name === 'entries')
      Object.assign(r, { hash: `sha256:${sha256(older['entries.csv'])}`, bytes: Buffer.byteLength(older['entries.csv']) });
  older['datapackage.json'] = JSON.stringify(desc);
  expect(readPackage((n) => older[n], CATALOGUE, sha256).dataset.checksum).toBe(d.checksum);
});

test('a wrong kind is refused naming file, line and field', () => {
  const bad = { ...files };
  bad['entries.csv'] = files['entries.csv'].replace(/,flow\n/, ',stock\n');
  const desc = JSON.parse(files['datapackage.json']);
  for (const r of desc.resources)
    if (r.name === 'entries')
      Object.assign(r, { hash: `sha256:${sha256(bad['entries.csv'])}`, bytes: Buffer.byteLength(bad['entries.csv']) });
  bad['datapackage.json'] = JSON.stringify(desc);
  expect(() => readPackage((n) => bad[n], CATALOGUE, sha256)).toThrow(/entries\.csv.*kind/);
});
