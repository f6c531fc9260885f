/**
 * Encodings as bureaus save them: a plan table in GBK (Excel's "CSV" on a Chinese Windows) is read as the UTF-8 one;
 * UTF-16, semicolons and bytes that are neither are refused by name, naming line and byte; a package is UTF-8 only.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plan } from '../cli/shell';
import { NANCHANG_CSV } from '../fixtures/nanchang';

const dir = mkdtempSync(join(tmpdir(), 'plan-enc-'));

/** GBK bytes of a text, from the platform's own GB18030 decoder run backwards over every two-byte code. */
function gbk(text: string): Buffer {
  const map = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && !map.has(ch)) map.set(ch, [a, b]);
    }
  const out: number[] = [];
  for (const ch of text.replace(/^\uFEFF/, '')) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else if (map.has(ch)) out.push(...map.get(ch)!);
    else throw new Error(`no GBK code for ${ch}`);
  }
  return Buffer.from(out);
}

const table = async (name: string, bytes: Buffer) => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return plan(['table', '南昌', '--plan', file, '--region', '南昌']);
};

test('a GBK table reads as the UTF-8 one', async () => {
  const utf8 = await table('南昌-utf8.csv', readFileSync(NANCHANG_CSV));
  const gb = await table('南昌-gbk.csv', gbk(readFileSync(NANCHANG_CSV, 'utf8')));
  expect(utf8.code).toBe(0);
  expect(gb).toMatchObject({ code: 0, out: utf8.out.replace(/南昌-utf8\.csv/g, '南昌-gbk.csv') });
});

test('UTF-16, semicolons and invalid bytes are refused by name', async () => {
  const text = readFileSync(NANCHANG_CSV, 'utf8').replace(/^\uFEFF/, '');
  const utf16 = await table('u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  expect(utf16).toMatchObject({ code: 1 });
  expect(utf16.err).toMatch(/UTF-16/);
  const semi = await table('semi.csv', Buffer.from(text.replace(/,/g, ';')));
  expect(semi.err).toMatch(/分号/);
  const lines = text.split('\n');
  lines[2] = lines[2].replace(/\d+/, (n) => `\xff${n}`);
  const bad = Buffer.concat([Buffer.from(lines.slice(0, 2).join('\n') + '\n'), Buffer.from([0xff]), Buffer.from(lines[2].slice(1) + '\n')]);
  const r = await table('bad.csv', bad);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/第3行第\d+个字节（0xff）不是有效的 UTF-8/);
});

test('an actuals file in GBK is read; a package file in GBK is refused by name', async () => {
  const file = join(dir, 'actuals.csv');
  writeFileSync(file, gbk('region,indicator,year,value,source\n赣州,高新技术企业,2023,1650,赣州市统计局公报\n'));
  const out = join(dir, 'pkg');
  expect(await plan(['publish', '--out', out, '--actuals', file])).toMatchObject({ code: 0 });
  writeFileSync(join(out, 'regions.csv'), gbk(readFileSync(join(out, 'regions.csv'), 'utf8')));
  const r = await plan(['target', '赣州', '高新技术企业', '--data', out]);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/regions\.csv.*GBK/);
});

test('a package file saved with semicolons is refused by name', async () => {
  const out = join(dir, 'pkg-semi');
  expect(await plan(['publish', '--out', out])).toMatchObject({ code: 0 });
  const regions = readFileSync(join(out, 'regions.csv'), 'utf8');
  // A European Excel's "CSV": every comma outside quotes becomes a semicolon.
  writeFileSync(join(out, 'regions.csv'), regions.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, ';'));
  const r = await plan(['target', '赣州', '高新技术企业', '--data', out]);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/regions\.csv.*分号/);
});
