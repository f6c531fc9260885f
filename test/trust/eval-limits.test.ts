/**
 * `plan eval` with formulas an attacker would write: 200 nested parentheses, a sum of thousands of terms, a string of a
 * billion characters. Each ends in a refusal in Chinese and English that names the limit, never an engine stack trace.
 */
import { plan } from '../cli/shell';

const nested = `=${'('.repeat(200)}1${')'.repeat(200)}`;
const longSum = `=${Array.from({ length: 2000 }, (_, i) => i + 1).join('+')}`;
const deepSum = `=${Array.from({ length: 1500 }, (_, i) => i + 1).join('+')}`;

test.each([
  [nested, /嵌套过深（200 层括号，Excel 最多 64 层）/, /nests too deep \(200 levels/],
  [longSum, /公式过长（\d+ 个字符，Excel 最多 8192）/, /too long \(\d+ characters; Excel allows 8192\)/],
  ['=REPT("x",1e9)', /公式过于复杂或结果过大/, /too complex or its result too large/],
  ['=REPT("x",40000)', /结果过长（40000 个字符，一个单元格最多 32767）/, /result is too long \(40000 characters/],
])('%#: refused with a message in both languages, no stack trace', async (formula, zh, en) => {
  const r = await plan(['eval', formula]);
  expect({ code: r.code, out: r.out }).toEqual({ code: 1, out: '' });
  expect(r.err).toMatch(zh);
  expect(r.err).not.toMatch(/RangeError|\n\s+at /);
  const e = await plan(['eval', formula, '--lang', 'en']);
  expect(e.err).toMatch(en);
});

test('a sum long enough to exhaust the engine but under the length limit answers or is refused in words', async () => {
  const r = await plan(['eval', deepSum]);
  expect(r.err).not.toMatch(/RangeError|\n\s+at /);
  if (r.code === 0) expect(r.out).toBe(String((1500 * 1501) / 2));
  else expect(r.err).toMatch(/公式过于复杂/);
});

test('the same limits hold for a CSV sheet, naming the cell', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const file = join(mkdtempSync(join(tmpdir(), 'plan-eval-')), 'sheet.csv');
  writeFileSync(file, `a,b\n1,"${nested}"\n`);
  const r = await plan(['eval', '--csv', file]);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/B2: 公式嵌套过深/);
});
