/** `plan … --method`: the example through the command line, the HyperFormula engine and the workbook. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';

async function plan(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out: out.trim(), err: err.trim() };
}

test('plan status 赣州 高新技术企业 2024 1720 --method eurostat: on track, ratio 0.98', async () => {
  const r = await plan('status', '赣州', '高新技术企业', '2024', '1720', '--method', 'eurostat');
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^符合进度（方法：Eurostat 增长率比；/);
  expect(r.out).toContain('进度比0.98');
  expect(r.out).toContain('实际年均增长14.52%');
  expect(r.out).toContain('所需年均增长14.87%');
  const en = await plan('status', '赣州', '高新技术企业', '2024', '1720', '--method', 'eurostat', '--lang', 'en');
  expect(en.out).toMatch(/^on track \(method: Eurostat growth-rate ratio;.*progress ratio 0\.98/);
});

test('the default is 序时进度: slightly behind, ratio 0.90', async () => {
  const r = await plan('status', '赣州', '高新技术企业', '2024', '1720');
  expect(r.out).toMatch(/^略滞后（方法：序时进度（线性）；.*进度比0\.90/);
});

test('trend, progress with a year, gap, and bad methods', async () => {
  expect((await plan('status', '江西', '专利授权总量', '2023', '9', '--method', 'trend')).out).toMatch(/^趋势：明显向好.*年均变化4\.00%/);
  expect((await plan('progress', '赣州', '高新技术企业', '1720', '2024', '--method', 'eurostat')).out).toMatch(/^0\.9764/);
  expect((await plan('gap', '赣州', '高新技术企业', '2024', '1720', '--method', 'eurostat')).out).toMatch(/^-21\.1011/);
  const bad = await plan('status', '赣州', '高新技术企业', '2024', '1720', '--method', 'eurostats');
  expect(bad.code).toBe(1);
  expect(bad.err).toContain('linear（序时进度，默认）');
  expect((await plan('status', '江西', '专利授权总量', '2023', '9')).err).toContain('trend');
});

test('eval: PLAN.STATUS and PLAN.PROGRESS take the method', async () => {
  const r = await plan(
    'eval',
    '=PLAN.STATUS("赣州","高新技术企业",2024,1720,"eurostat")',
    '=PLAN.PROGRESS("赣州","高新技术企业",1720,"eurostat",2024)',
  );
  expect(r.code).toBe(0);
  const [status, ratio] = r.out.split('\n');
  expect(status).toBe('符合进度');
  expect(Number(ratio)).toBeCloseTo(0.976487, 6);
});

test('workbook --method eurostat writes the eurostat rules and names the method', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'plan-m-')), 'm.xlsx');
  expect((await plan('workbook', '-o', file, '--region', '赣州', '--method', 'eurostat')).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets.find((w) => w.name.startsWith('赣州'))!;
  const cf = (ws as unknown as { conditionalFormattings: { rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
  const formulae = cf.flatMap((c) => c.rules.flatMap((r) => r.formulae ?? []));
  expect(formulae.some((f) => f.includes('ABS('))).toBe(true);
  expect(String(ws.getCell('A3').value)).toContain('Eurostat');
});
