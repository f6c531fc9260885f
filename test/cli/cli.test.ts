import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';

async function plan(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out: out.trim(), err: err.trim() };
}

test('regions lists the five plans', async () => {
  const r = await plan('regions');
  expect(r.code).toBe(0);
  for (const name of ['江西', '九江', '吉安', '上饶', '赣州']) expect(r.out).toContain(name);
  expect(r.out).toContain('赣府发〔2021〕22号');
});

test('target, baseline, status, gap, progress, required, info', async () => {
  expect(await plan('target', '赣州', '高新技术企业', '2025')).toMatchObject({ code: 0, out: '2000' });
  expect((await plan('target', '赣州', '高新技术企业', '2023', '--path', 'cagr')).out).toMatch(/^1515\.7/);
  expect(await plan('baseline', '九江', '高企')).toMatchObject({ code: 0, out: '710' });
  const s = await plan('status', '吉安', '技术合同成交额', '2023', '19.5');
  expect(s.code).toBe(0);
  expect(s.out).toMatch(/^略滞后/);
  expect((await plan('status', '吉安', '技术合同成交额', '2023', '19.5', '--lang', 'en')).out).toMatch(/^slightly behind/);
  expect((await plan('gap', '赣州', '高新技术企业', '2023', '1500')).out).toBe('-100');
  expect((await plan('progress', '赣州', '高新技术企业', '1500')).out).toBe('0.5');
  expect((await plan('required', '赣州', '高新技术企业', '2024', '1600')).out).toMatch(/^0\.25 /);
  expect((await plan('info', '赣州', '高新技术企业', 'conflicts')).out).toContain('1107');
});

test('table prints the region table with its title and notes', async () => {
  const r = await plan('table', '贛州');
  expect(r.code).toBe(0);
  expect(r.out).toContain('赣州市“十四五”科技创新规划（赣市府发〔2022〕2号）');
  expect(r.out).toContain('新增 2-5');
  expect(r.out).toContain('国家级科技创新基地');
});

test('export --json has the documented shape', async () => {
  const r = await plan('export', '--json');
  const d = JSON.parse(r.out);
  expect(d.regions[4]).toMatchObject({ name: '赣州', level: 'city', seed: '004_2f23a6af36b04d93.txt' });
  const bases = d.entries.find(
    (e: { region: string; indicator: string }) => e.region === '赣州' && e.indicator === 'national_innovation_bases',
  );
  expect(bases).toMatchObject({
    name: '国家级科技创新基地',
    unit: '个',
    values: { '2020': { raw: '34', value: 34 } },
    target: { year: 2025, raw: '新增 2-5', value: 36, low: 36, high: 39, qualifier: '新增' },
    source: { seed: '004_2f23a6af36b04d93.txt', kind: 'table' },
  });
  expect(bases.source.line).toBeGreaterThan(200);
  expect(d.checksum).toMatch(/^[0-9a-f]{16}$/);
});

test('bad arguments: a clear message and a non-zero exit', async () => {
  expect(await plan()).toMatchObject({ code: 2 });
  expect((await plan('frobnicate')).code).toBe(2);
  expect((await plan('target', '赣州')).err).toContain('缺少参数');
  const r = await plan('target', '南昌', '高新技术企业');
  expect(r.code).toBe(1);
  expect(r.err).toContain('南昌');
  expect((await plan('target', '赣州', '高新技术企业', '2030')).err).toContain('2019–2025');
  expect((await plan('status', '赣州', '高新技术企业', '2023', 'lots')).err).toContain('实际值');
  expect((await plan('target', '赣州', '高新技术企业', '--path', 'log')).code).toBe(1);
  expect((await plan('export')).code).toBe(2);
  expect((await plan('eval', '--csv', '/nonexistent/file.csv')).code).toBe(2);
});

test('eval: several formulas, mixing PLAN with built-ins', async () => {
  const r = await plan(
    'eval',
    '=PLAN.TARGET("赣州","高新技术企业",2025)',
    '=PLAN.TARGET("九江","技术合同成交额")-PLAN.BASELINE("九江","技术合同成交额")',
    'ROUND(PLAN.TARGET("吉安","R&D投入占GDP",2023),3)',
  );
  expect(r.code).toBe(0);
  expect(r.out.split('\n')).toEqual(['2000', '61.6', '1.968']); // 1.47 + (2.3 − 1.47)·3/5;
});

test('eval: errors are reported with their message and a non-zero exit', async () => {
  const r = await plan('eval', '=PLAN.TARGET("南昌","高企")');
  expect(r.code).toBe(1);
  expect(r.out).toBe('#N/A');
  expect(r.err).toContain('南昌');
});

test('eval --csv: a sheet whose cells reference each other', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-'));
  const file = join(dir, 'sheet.csv');
  writeFileSync(
    file,
    '地区,指标,年份,实际,目标,状态\n赣州,高新技术企业,2023,1200,"=PLAN.TARGET(A2,B2,C2)","=PLAN.STATUS(A2,B2,C2,D2)"\n九江,高企,2024,1150,"=PLAN.TARGET(A3,B3,C3)","=PLAN.STATUS(A3,B3,C3,D3)"\n',
  );
  const r = await plan('eval', '--csv', file);
  expect(r.code).toBe(0);
  expect(r.out.split('\n')).toEqual([
    '地区,指标,年份,实际,目标,状态',
    '赣州,高新技术企业,2023,1200,1600,滞后',
    '九江,高企,2024,1150,1102,符合进度',
  ]);
});
