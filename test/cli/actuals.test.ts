/** `plan assess`, `plan actual` and the actual sources' conflicts in `plan info … conflicts`, run in-process. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCsv } from '../../src/core/exchange/datapackage';
import { dataset } from '../../src/data/index';
import { actualConflicts, officialActuals } from '../../src/data/actuals';
import { plan as planIn, type Ran } from './shell';

const plan = (...args: string[]): Promise<Ran> => planIn(args);
const planEn = (...args: string[]): Promise<Ran> => planIn(args, { LANG: 'en_US.UTF-8' });
const regionOf = (name: string) => dataset().regions.find((r) => r.name === name)!;

describe('plan actual', () => {
  test('the issue example, and the latest year when none is given (said on stderr)', async () => {
    expect(await plan('actual', '江西', '研发经费投入强度', '2023')).toMatchObject({ code: 0, out: '1.88' });
    const latest = await plan('actual', '江西省', 'R&D经费投入强度');
    const years = officialActuals()
      .filter((a) => a.region === '江西' && a.indicator === 'rd_intensity')
      .map((a) => a.year);
    expect(latest.code).toBe(0);
    expect(latest.err).toContain(`${Math.max(...years)}年`);
  });

  test('--source: publisher, title, date, URL and the exact quote', async () => {
    const a = officialActuals().find((x) => x.region === '江西' && x.indicator === 'rd_intensity' && x.year === 2023)!;
    const r = await plan('actual', '江西', '研发经费投入强度', '2023', '--source');
    expect(r.code).toBe(0);
    for (const part of [a.publisher!, a.title!, a.date!, a.url!, a.quote!, a.caliber!]) expect(r.out).toContain(part);
    expect(r.out).toMatch(/^数值：1\.88 %\n年份：2023\n/);
    expect((await planEn('actual', 'Jiangxi', 'rd_intensity', '2023', '--source')).out).toMatch(/^value: 1\.88 %\nyear: 2023\n/);
  });

  test('refusals: unknown region or indicator, a year with no figure (naming the years that have one), in both languages', async () => {
    const year = await plan('actual', '江西', '研发经费投入强度', '2021');
    expect(year.code).toBe(1);
    expect(year.err).toMatch(/2021年没有公开实际值；有公开实际值的年份：2022、2023/);
    expect((await planEn('actual', '江西', '研发经费投入强度', '2021')).err).toMatch(/years with one: 2022, 2023/);
    const none = await plan('actual', '赣州', '专利授权量');
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/没有公开实际值/);
    expect((await plan('actual', '火星', '研发经费投入强度')).code).toBe(1);
    expect((await plan('actual', '江西', '火箭发射次数')).err).toMatch(/火箭发射次数/);
    expect((await plan('actual', '江西')).code).toBe(2);
  });

  test('an --actuals file replaces the compiled-in figures', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'actual-')), 'mine.csv');
    writeFileSync(file, 'region,indicator,year,value,source\n赣州,高企,2024,1850,本局统计\n');
    expect((await plan('actual', '赣州', '高新技术企业', '--actuals', file)).out).toBe('1850');
    expect((await plan('actual', '江西', '研发经费投入强度', '2023', '--actuals', file)).code).toBe(1);
  });
});

describe('plan assess', () => {
  test('江西: every indicator of the plan, with its latest public actual or 无公开数据, and the notes', async () => {
    const r = await plan('assess', '江西');
    expect(r.code).toBe(0);
    const region = regionOf('江西');
    for (const e of region.entries) expect(r.out).toContain(e.name);
    const withFigure = new Set(
      officialActuals()
        .filter((a) => a.region === '江西')
        .map((a) => a.indicator),
    );
    const missing = region.entries.filter((e) => !withFigure.has(e.indicator.id)).length;
    expect(r.out.split('\n').filter((l) => /无公开数据/.test(l) && !l.startsWith('状态按')).length).toBe(missing);
    expect(r.out).toContain(`${withFigure.size}/${region.entries.length} 项有公开实际值`);
    expect(r.out).toMatch(/口径/);
    expect(r.out).toMatch(/公开实际值数据版本 \d+\.\d+\.\d+/);
  });

  test('--format csv: one row per indicator of every region; status by the core (技术合同成交额 1595 ≥ 300: 已完成)', async () => {
    const r = await plan('assess', '--format', 'csv');
    expect(r.code).toBe(0);
    const rows = parseCsv(r.out, 'assess.csv');
    expect(rows[0].cells.slice(0, 4)).toEqual(['地区', '指标', '单位', '最新实际值']);
    const total = dataset().regions.reduce((n, x) => n + x.entries.length, 0);
    expect(rows.length - 1).toBe(total);
    for (const name of ['江西', '九江', '吉安', '上饶', '赣州']) expect(rows.some((x) => x.cells[0] === name)).toBe(true);
    const tech = rows.find((x) => x.cells[0] === '江西' && x.cells[1] === '技术合同成交额')!.cells;
    expect(tech.slice(3, 7)).toEqual(['1595', '2023', '300', '已完成']);
    const hte = rows.find((x) => x.cells[0] === '江西' && x.cells[1] === '高新技术企业总数')!.cells;
    // judged on a lower bound of a stated caliber: marked, the caliber shown
    expect(hte[6]).toMatch(/\*$/);
    expect(hte[8]).toMatch(/有效期内/);
  });

  test('--format md, --method, English; a bad format is refused', async () => {
    const md = await planEn('assess', '赣州', '--format', 'md', '--method', 'cagr');
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/^### /);
    expect(md.out).toMatch(/\| Indicator \| Unit \| Latest actual \|/);
    expect(md.out).toMatch(/compound/i);
    expect(md.out).toContain('no public figure');
    const bad = await plan('assess', '--format', 'xlsx');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--format/);
  });
});

test('plan info … conflicts lists the public sources of actuals that disagree', async () => {
  const c = actualConflicts()[0];
  const r = await plan('info', c.region, c.indicator, 'conflicts');
  expect(r.code).toBe(0);
  expect(r.out).toContain(`实际值来源分歧（${c.year}年）`);
  expect(r.out).toContain(`另一来源 ${c.value}`);
  expect(r.out).toContain(c.url!);
  // the plan's own conflicts are still listed
  expect((await plan('info', '赣州', '高新技术企业', 'conflicts')).out).toContain('1107');
});
