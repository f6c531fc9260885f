/** Test helper: a package as `plan publish` writes it, with Ganzhou's 高新技术企业 target corrected to 2100. */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, toCsv } from '../../src/core/datapackage';
import { plan as planIn } from '../cli/shell';

export const sha = (t: string): string => createHash('sha256').update(t, 'utf8').digest('hex');

/** Ganzhou's 高新技术企业 target set to 2100 in values.csv (raw and value); the checksum updated when `rehash`. */
export function editTarget(dir: string, rehash: boolean): void {
  const file = join(dir, 'values.csv');
  const rows = parseCsv(readFileSync(file, 'utf8'), 'values.csv').map((r) => r.cells);
  const i = rows.findIndex((r) => r[0] === '赣州' && r[1] === 'high_tech_enterprises' && r[2] === 'value' && r[3] === 'target');
  if (rows[i]?.[5] !== '2000' || rows[i]?.[6] !== '2000') throw new Error(`values.csv: the 2000 target is not where expected: ${rows[i]}`);
  rows[i][5] = '2100';
  rows[i][6] = '2100';
  const text = toCsv(rows);
  writeFileSync(file, text);
  if (!rehash) return;
  const desc = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
  const res = desc.resources.find((r: { path: string }) => r.path === 'values.csv');
  res.hash = `sha256:${sha(text)}`;
  res.bytes = Buffer.byteLength(text);
  writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(desc, null, 2));
}

/** `plan publish --out dir`, stamped 2025-11-27; then the corrected target, its checksum updated unless `bad`. */
export async function publishCorrected(dir: string, bad = false): Promise<void> {
  const r = await planIn(['publish', '--out', dir], { LANG: 'zh_CN.UTF-8', SOURCE_DATE_EPOCH: '1764201600' });
  if (r.code !== 0 || r.err) throw new Error(`plan publish failed: ${r.err}`);
  editTarget(dir, !bad);
}
