/**
 * Issue 14: a plan the add-in has never seen, loaded from its indicator table (`--plan FILE.csv`), with its own
 * period (2024→2030). The fixture test/fixtures/南昌十五五科技创新规划指标.csv is written for this test (figures
 * invented, not a seed).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { importPlanTable } from '../../src/core/exchange/import';
import { acrossRegions } from '../../src/core/plan/compare';
import { Plan } from '../../src/core/plan/plan';
import { PlanError } from '../../src/core/errors';
import { dataset } from '../../src/data/index';
import { readTable, regionFromFileName } from '../../src/cli/plans';
import { plan as planIn, type Ran } from './shell';
import { NANCHANG_CSV } from '../fixtures/nanchang';

const plan = (...args: string[]): Promise<Ran> => planIn(args);
const planEn = (...args: string[]): Promise<Ran> => planIn(args, { LANG: 'en_US.UTF-8' });
const dir = mkdtempSync(join(tmpdir(), 'plan-import-'));
const write = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const lines = (r: Ran): string[] => r.out.split('\n');

test('plan eval --plan answers targets, baselines, the 2027 path, increments, ranges, estimates and staged targets', async () => {
  const r = await plan(
    'eval',
    '--plan',
    NANCHANG_CSV,
    '=PLAN.TARGET("南昌","高新技术企业",2030)', // 新增3000 on the 2024 baseline 2500
    '=PLAN.TARGET("南昌","高新技术企业")', // the target year is the plan's own: 2030
    '=PLAN.BASELINE("南昌","高新技术企业")', // the baseline year is the plan's own: 2024
    '=PLAN.TARGET("南昌","高新技术企业",2027)', // 2500 + 3000·3/6
    '=PLAN.TARGET("南昌","R&D经费投入强度",2027)', // 2.1 + (2.8 − 2.1)·3/6
    '=PLAN.TARGET("南昌","R&D经费投入强度",2030)', // 2.8以上 → 2.8
    '=PLAN.TARGET("南昌","技术合同成交额",2027)', // [310] → 600左右
    '=PLAN.TARGET("南昌","科技进步贡献率")', // 70-72: the low end
    '=PLAN.TARGET("南昌","新型研发机构",2027)', // the 2027 column is a staged target
    '=PLAN.TARGET("南昌","新型研发机构",2028)', // 35 → 50 over 2027–2030
    '=PLAN.TARGET("南昌","创新型城市建设")', // qualitative: as written
    '=PLAN.INFO("南昌","技术合同成交额","estimate")',
    '=PLAN.INFO("南昌","技术合同成交额","raw")',
    '=PLAN.INFO("南昌","技术合同成交额","source")',
  );
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(lines(r)).toEqual([
    '5500',
    '5500',
    '2500',
    '4000',
    '2.45',
    '2.8',
    '455',
    '70',
    '35',
    '40',
    '进入全国创新型城市前列',
    '2024: [310]',
    '600左右',
    '南昌十五五科技创新规划指标.csv!F6 (table) “600左右”',
  ]);
});

test('the imported plan works on target, baseline, status and table, and its years are its own', async () => {
  expect(await plan('target', '--plan', NANCHANG_CSV, '南昌', '高企', '2029')).toMatchObject({ code: 0, out: '5000' });
  expect(await plan('baseline', '--plan', NANCHANG_CSV, '南昌', '科技进步贡献率')).toMatchObject({ code: 0, out: '65' });
  const s = await plan('status', '--plan', NANCHANG_CSV, '南昌', '高新技术企业', '2027', '3900');
  expect(s.code).toBe(0);
  expect(s.out).toMatch(/^略滞后.*应达4000.*基期2500，目标5500/);
  const t = await plan('table', '--plan', NANCHANG_CSV, '南昌');
  expect(t.code).toBe(0);
  expect(t.out).toContain('2024年');
  expect(t.out).toContain('2030年目标（原文）');
  expect(t.out).not.toContain('2025年目标');
  // 2019 is before this plan's period; 2031 after it.
  const early = await plan('target', '--plan', NANCHANG_CSV, '南昌', '高新技术企业', '2020');
  expect(early.code).toBe(1);
  expect(early.err).toContain('2024–2030');
  const late = await planEn('baseline', '--plan', NANCHANG_CSV, '南昌', '高新技术企业', '2020');
  expect(late.code).toBe(1);
  expect(late.err).toContain('A baseline year is 2024, not 2020');
});

test('the seed plans answer as before, with and without --plan', async () => {
  for (const extra of [[], ['--plan', NANCHANG_CSV]]) {
    expect(await plan('target', ...extra, '赣州', '高新技术企业')).toMatchObject({ code: 0, out: '2000' });
    expect(await plan('baseline', ...extra, '九江', '高企')).toMatchObject({ code: 0, out: '710' });
    expect((await plan('target', ...extra, '赣州', '高新技术企业', '2023', '--path', 'cagr')).out).toMatch(/^1515\.7/);
    expect((await plan('eval', ...extra, '=PLAN.TARGET("赣州","高新技术企业",2023)')).out).toBe('1600');
  }
  // The seed dataset is unchanged by loading a table: same checksum, and the seeds keep their 2019/2020→2025 period.
  const before = dataset().checksum;
  const p = Plan.withImported(dataset(), [
    importPlanTable(readTable(SAMPLE, '南昌.csv'), { file: '南昌.csv', region: '南昌', catalogue: dataset().catalogue }),
  ]);
  expect(dataset().checksum).toBe(before);
  expect(p.dataset.checksum).not.toBe(before);
  expect(p.region('赣州').period).toEqual({ baselines: [2019, 2020], target: 2025 });
});

const SAMPLE =
  '指标名称,2023年,2024年(基期),2030年目标,属性\n高新技术企业数（家）,2300,2500,新增3000,预期性\n自创指标（个）,1,2,8,约束性\n';

test('the table format: period from the headers, unit in parentheses, catalogue ids, imported ids, 属性 and cell provenance', () => {
  const r = importPlanTable(readTable(SAMPLE, '南昌.csv'), { file: '南昌.csv', region: '南昌', catalogue: dataset().catalogue });
  expect(r.period).toEqual({ baselines: [2023, 2024], target: 2030 });
  expect(r.imported).toBe(true);
  const [hte, own] = r.entries;
  expect(hte.indicator.id).toBe('high_tech_enterprises');
  expect(hte.unit).toBe('家');
  expect(hte.values[2023]?.value).toBe(2300);
  expect(hte.target).toMatchObject({ raw: '新增3000', value: 5500, year: 2030, increment: { low: 3000, high: 3000 } });
  expect(hte.target?.source).toMatchObject({ seed: '南昌.csv', cell: 'D2', line: 2, quote: '新增3000' });
  expect(hte.attribute).toBe('预期性');
  expect(own.indicator.id).toBe('imported:自创指标');
  expect(own.unit).toBe('个');
  expect(own.attribute).toBe('约束性');
  expect(regionFromFileName('/x/南昌市十五五科技创新规划指标.csv')).toBe('南昌');
  expect(regionFromFileName('萍乡.csv')).toBe('萍乡');
  expect(regionFromFileName('赣州中期评估.csv')).toBe('赣州');
  expect(regionFromFileName('瑞金市指标.csv')).toBe('瑞金');
  expect(regionFromFileName('plan.csv')).toBeUndefined();
});

test('a table it cannot read is refused whole, naming the row and the cell, in zh and en', async () => {
  const bad = write(
    '南昌坏表.csv',
    '指标名称,单位,2024年(基期),2030年目标\n高新技术企业数,家,2500,新增3000\n技术合同成交额,亿元,"1,200",600左右\n',
  );
  const zh = await plan('eval', '--plan', bad, '=PLAN.TARGET("南昌","高新技术企业")');
  expect(zh.code).toBe(1);
  expect(zh.out).toBe('');
  expect(zh.err).toContain('南昌坏表.csv!C3');
  expect(zh.err).toContain('第3行');
  expect(zh.err).toContain('1,200');
  const en = await planEn('target', '--plan', bad, '南昌', '高新技术企业');
  expect(en.code).toBe(1);
  expect(en.err).toContain('南昌坏表.csv!C3: row 3');
  expect(en.err).toContain('cannot be read');

  const attr = write('南昌属性.csv', '指标名称,2024年,2030年目标,属性\n高新技术企业数（家）,2500,5000,必须\n');
  const a = await plan('target', '--plan', attr, '南昌', '高新技术企业');
  expect(a.code).toBe(1);
  expect(a.err).toContain('南昌属性.csv!D2');
  expect(a.err).toContain('预期性');

  const noYears = write('南昌无年份.csv', '指标名称,基期,目标\n高新技术企业数（家）,2500,5000\n');
  const y = await planEn('target', '--plan', noYears, '南昌', '高新技术企业');
  expect(y.code).toBe(1);
  expect(y.err).toContain('no header row found');

  const noName = write('南昌无名.csv', '指标名称,2024年,2030年目标\n,2500,5000\n');
  const n = await plan('target', '--plan', noName, '南昌', '高新技术企业');
  expect(n.err).toContain('南昌无名.csv!A2');

  const anon = write('plan.csv', SAMPLE);
  const r = await plan('target', '--plan', anon, '南昌', '高新技术企业');
  expect(r.code).toBe(1);
  expect(r.err).toContain('--region');
  expect(await plan('target', '--plan', anon, '--region', '萍乡', '萍乡', '高新技术企业')).toMatchObject({ code: 0, out: '5500' });
  expect(() =>
    importPlanTable(
      [
        ['指标名称', '2024年', '2030年目标'],
        ['甲', '2.8.1', '3'],
      ],
      { file: 'x.csv', region: '甲', catalogue: [] },
    ),
  ).toThrow(PlanError);
});

test('a region with plans of two periods is resolved by the year asked, or refused as ambiguous', async () => {
  const gz = write('赣州十五五.csv', '指标名称,单位,2024年(基期),2030年目标\n高新技术企业数,家,2400,4000\n');
  const both = ['--plan', gz];
  expect(await plan('target', ...both, '赣州', '高新技术企业', '2030')).toMatchObject({ code: 0, out: '4000' });
  expect(await plan('target', ...both, '赣州', '高新技术企业', '2021')).toMatchObject({ code: 0, out: '1200' });
  expect(await plan('baseline', ...both, '赣州', '高新技术企业', '2024')).toMatchObject({ code: 0, out: '2400' });
  expect(await plan('baseline', ...both, '赣州', '高新技术企业', '2020')).toMatchObject({ code: 0, out: '1000' });
  // 2025 is the seed plan's target year, within the imported period too: the plan whose own year it is answers.
  expect(await plan('target', ...both, '赣州', '高新技术企业', '2025')).toMatchObject({ code: 0, out: '2000' });
  // 2023 lies inside both 2019/2020→2025 and 2022→2028 and is neither plan's baseline or target year: ambiguous.
  const gz22 = write('赣州中期.csv', '指标名称,单位,2022年(基期),2028年目标\n高新技术企业数,家,1300,3000\n');
  const amb = await plan('target', '--plan', gz22, '赣州', '高新技术企业', '2023');
  expect(amb.code).toBe(1);
  expect(amb.err).toContain('2019/2020→2025');
  expect(amb.err).toContain('2022→2028');
  const y2027 = await plan('target', '--plan', gz22, '赣州', '高新技术企业', '2027'); // only 2022→2028 holds 2027
  expect(y2027.code).toBe(0);
  expect(Number(y2027.out)).toBeCloseTo(1300 + ((3000 - 1300) * 5) / 6, 6);
  const none = await planEn('target', ...both, '赣州', '高新技术企业');
  expect(none.code).toBe(1);
  expect(none.err).toContain('give a year');
  // Two tables of one region and one period: refused.
  const twice = await plan('target', '--plan', gz, '--plan', gz, '赣州', '高新技术企业', '2030');
  expect(twice.code).toBe(1);
  expect(twice.err).toContain('同一时期');
  // Several --plan files: each named by its file.
  const two = await plan(
    'eval',
    '--plan',
    gz,
    '--plan',
    NANCHANG_CSV,
    '=PLAN.TARGET("赣州","高新技术企业",2030)',
    '=PLAN.TARGET("南昌","高新技术企业",2030)',
  );
  expect(lines(two)).toEqual(['4000', '5500']);
});

test('the workbook lays out a plan of another period in its own years (2024 baseline, 2025–2030 actuals, 2030 assessment)', async () => {
  const out = join(dir, 'x.xlsx');
  const r = await plan('workbook', '--plan', NANCHANG_CSV, '-o', out);
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet('南昌指标(2025-2030)')!;
  const header = (ws.getRow(5).values as unknown[]).slice(1);
  expect(header.slice(0, 7)).toEqual(['序号', '指标', '单位', '2024年（基期）', '2030年目标（原文）', '2030年目标值', '2025年实际']);
  expect(header).toContain('2030年是否达标');
  expect(header.some((h) => /2019|2021/.test(String(h)))).toBe(false);
  // 序号 as the table writes it; the 新增 target as a number; the seed sheets still 2019/2020→2025.
  const hte = ws.getRow(7);
  expect([hte.getCell(1).value, hte.getCell(2).value, hte.getCell(6).value]).toEqual([2, '高新技术企业数', 5500]);
  expect((wb.getWorksheet('赣州指标')!.getRow(5).values as unknown[]).slice(4, 6)).toEqual(['2019年', '2020年（基期）']);
});

test('plan compare sets an imported 2024→2030 plan beside the seeds, each figure under its own year', async () => {
  const d = dataset();
  const nc = importPlanTable(readTable(readFileSync(NANCHANG_CSV, 'utf8'), NANCHANG_CSV), {
    file: '南昌十五五科技创新规划指标.csv',
    region: '南昌',
    catalogue: d.catalogue,
  });
  const view = acrossRegions(d, 'high_tech_enterprises', [...d.regions, nc]);
  const row = (name: string) => view.rows.find((r) => r.region === name)!;
  expect([row('南昌').period, row('南昌').baselines, row('南昌').target]).toEqual([
    { baselines: [2024], target: 2030 },
    { 2024: 2500 },
    5500,
  ]);
  expect([row('赣州').baselines, row('赣州').target]).toEqual([{ 2019: null, 2020: 1000 }, 2000]);
  expect(row('南昌').source).toBe('南昌十五五科技创新规划指标.csv!D5,F5');
  // The command shows a column per year any plan states, and the imported row with its cells.
  const r = await plan('compare', '高新技术企业', '--plan', NANCHANG_CSV);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/地区\s+原文名称\s+原文单位\s+2019年\s+2020年\s+2024年\s+2025年目标\s+2030年目标\s+目标原文/);
  expect(r.out).toMatch(/南昌\s+高新技术企业数\s+家\s+2500\s+5500\s+新增3000\s+南昌十五五科技创新规划指标\.csv!D5,F5/);
});
