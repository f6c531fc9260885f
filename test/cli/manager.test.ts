/**
 * A manager's package (issue 33): a stale `bytes` is refused as a stale hash is; every question takes `--data`; a
 * region typed one character off suggests the nearest name first.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { utf8Length } from '../../src/core/exchange/packageFormat';
import { plan } from './shell';

const dir = mkdtempSync(join(tmpdir(), 'plan-manager-'));
beforeAll(async () => {
  expect(await plan(['publish', '--out', dir])).toMatchObject({ code: 0 });
});

test('utf8Length counts UTF-8 bytes as Node does, for any text', () => {
  fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => utf8Length(s) === Buffer.byteLength(s, 'utf8')));
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => utf8Length(s) === Buffer.byteLength(s, 'utf8')));
});

test('an edit with its hash updated but its bytes stale is refused, naming the file and the field', async () => {
  const edited = mkdtempSync(join(tmpdir(), 'plan-edited-'));
  for (const f of ['datapackage.json', 'regions.csv', 'entries.csv', 'values.csv', 'actuals.csv'])
    writeFileSync(join(edited, f), readFileSync(join(dir, f)));
  const values = readFileSync(join(edited, 'values.csv'), 'utf8').replace(',2000,2000,', ',12000,12000,');
  expect(values).not.toBe(readFileSync(join(dir, 'values.csv'), 'utf8'));
  writeFileSync(join(edited, 'values.csv'), values);
  const desc = JSON.parse(readFileSync(join(edited, 'datapackage.json'), 'utf8'));
  for (const r of desc.resources) if (r.name === 'values') r.hash = `sha256:${createHash('sha256').update(values).digest('hex')}`;
  writeFileSync(join(edited, 'datapackage.json'), JSON.stringify(desc));
  const r = await plan(['target', '赣州', '高新技术企业', '--data', edited]);
  expect(r.code).not.toBe(0);
  expect(r.err).toMatch(/values\.csv.*bytes.*大小不符/);
  expect(r.out).toBe('');
});

test.each([
  [['info', '赣州', '高新技术企业', 'unit'], '家'],
  [['compare', '高新技术企业'], '赣州'],
  [['gap', '赣州', '高新技术企业', '2023', '1500'], '-100'],
  [['indicators', '赣州'], '高新技术企业'],
])('plan %j --data answers from the package', async (args, expected) => {
  const r = await plan([...(args as string[]), '--data', dir]);
  expect(r).toMatchObject({ code: 0 });
  expect(r.out).toContain(expected);
});

test('赣洲 (one character off) suggests 赣州 first', async () => {
  const r = await plan(['target', '赣洲', '高新技术企业']);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/是否指：赣州、/);
});
