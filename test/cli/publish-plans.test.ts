/**
 * Issue 21 with issue 14: `plan publish --plan FILE` puts imported plans into the data package, each with its own
 * period (regions.csv: period, baseline_years, origin) and its cell provenance (values.csv: cell), and `--data DIR`
 * answers from them exactly as `--plan FILE` does. The tables are written here (figures invented, not seeds).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadPackageDir } from '../../src/cli/datapackage';
import { readTable } from '../../src/cli/plans';
import { parseCsv, toCsv } from '../../src/core/exchange/datapackage';
import { importPlanTable } from '../../src/core/exchange/import';
import { dataset } from '../../src/data/index';
import { plan as planIn, type Ran } from './shell';

const env = { LANG: 'zh_CN.UTF-8', SOURCE_DATE_EPOCH: '1764115200' };
const plan = (...args: string[]): Promise<Ran> => planIn(args, env);
const planEn = (...args: string[]): Promise<Ran> => planIn(args, { ...env, LANG: 'en_US.UTF-8' });
const tmp = (): string => mkdtempSync(join(tmpdir(), 'publish-plans-'));
const sha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const dir0 = tmp();

/** A 十五五 table: 2025 baseline → 2030 target, a 2027 staged target, and an indicator of its own. */
const NANCHANG = [
  '表1 南昌市“十五五”科技创新规划主要指标（测试用，数据为虚构）,,,,,',
  '序号,指标名称,2025年(基期),2027年,2030年目标,属性,备注',
  '1,R&D经费投入强度（%）,2.1,,2.8以上,预期性,',
  '2,高新技术企业数（家）,2500,,新增3000,预期性,',
  '3,技术合同成交额（亿元）,[310],,600左右,预期性,含技术开发合同',
  '4,科技进步贡献率（%）,65,,70-72,约束性,',
  '5,每万人口高价值发明专利拥有量（件）,1.8-2.0,,15左右,约束性,',
  '6,新型研发机构（家）,20,35,50,约束性,',
  '7,科创飞地（个）,2,,8,预期性,自创指标',
  '8,创新型城市建设,—,,进入全国创新型城市前列,预期性,',
].join('\n');
const nanchangCsv = join(dir0, '南昌十五五.csv');
writeFileSync(nanchangCsv, NANCHANG);

const FORMULAS = [
  '=PLAN.TARGET("南昌","高新技术企业",2030)',
  '=PLAN.TARGET("南昌","高新技术企业")',
  '=PLAN.BASELINE("南昌","高新技术企业")',
  '=PLAN.TARGET("南昌","高新技术企业",2027)',
  '=PLAN.TARGET("南昌","R&D经费投入强度",2028)',
  '=PLAN.TARGET("南昌","技术合同成交额",2029)',
  '=PLAN.INFO("南昌","技术合同成交额","estimate")',
  '=PLAN.TARGET("南昌","科技进步贡献率")',
  '=PLAN.BASELINE("南昌","每万人口高价值发明专利拥有量")',
  '=PLAN.TARGET("南昌","新型研发机构",2027)',
  '=PLAN.TARGET("南昌","新型研发机构",2029)',
  '=PLAN.TARGET("南昌","科创飞地",2028)',
  '=PLAN.TARGET("南昌","创新型城市建设")',
  '=PLAN.INFO("南昌","技术合同成交额","source")',
  '=PLAN.INFO("南昌","技术合同成交额","remark")',
  '=PLAN.TARGET("赣州","高新技术企业",2025)',
];

async function publish(...more: string[]): Promise<string> {
  const dir = join(tmp(), 'pkg');
  const r = await plan('publish', '--out', dir, ...more);
  expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
  return dir;
}

/** Change one resource as a publisher would: the text, then its checksum and size in datapackage.json. */
function edit(dir: string, file: string, change: (rows: string[][]) => void): void {
  const rows = parseCsv(readFileSync(join(dir, file), 'utf8'), file).map((r) => r.cells);
  change(rows);
  const text = toCsv(rows);
  writeFileSync(join(dir, file), text);
  const desc = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
  const res = desc.resources.find((r: { path: string }) => r.path === file);
  res.hash = `sha256:${sha(text)}`;
  res.bytes = Buffer.byteLength(text);
  writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(desc, null, 2));
}

test('publish --plan, then --data: every answer equals --plan, provenance included; the seed answers hold', async () => {
  const dir = await publish('--plan', nanchangCsv);
  const direct = await plan('eval', '--plan', nanchangCsv, ...FORMULAS);
  expect(direct).toMatchObject({ code: 0, err: '' });
  const fromPackage = await plan('eval', '--data', dir, ...FORMULAS);
  expect(fromPackage).toEqual(direct);
  const out = fromPackage.out.split('\n');
  expect(out.slice(0, 4)).toEqual(['5500', '5500', '2500', '3700']); // 新增3000 on 2500; 2027 on the 2025→2030 path
  expect(out[13]).toBe('南昌十五五.csv!E5 (table) “600左右”');
  expect(out[15]).toBe('2000');
  expect(await plan('target', '--data', dir, '赣州', '高新技术企业', '2025')).toMatchObject({ code: 0, out: '2000' });
  expect(await plan('baseline', '--data', dir, '南昌', '科创飞地')).toMatchObject({ code: 0, out: '2' });
  const early = await planEn('target', '--data', dir, '南昌', '高企', '2024');
  expect(early.code).toBe(1);
  expect(early.err).toContain('2025');

  // The package says the plan's own period and where each figure was read.
  const regions = parseCsv(readFileSync(join(dir, 'regions.csv'), 'utf8'), 'regions.csv').map((r) => r.cells);
  const head = regions[0];
  const nc = regions.find((r) => r[0] === '南昌')!;
  const gz = regions.find((r) => r[0] === '赣州')!;
  const at = (row: string[], f: string): string => row[head.indexOf(f)];
  expect([at(nc, 'period'), at(nc, 'baseline_years'), at(nc, 'origin'), at(nc, 'seed')]).toEqual([
    '2026-2030',
    '2025',
    'table',
    '南昌十五五.csv',
  ]);
  expect([at(gz, 'period'), at(gz, 'baseline_years'), at(gz, 'origin')]).toEqual(['2021-2025', '2019;2020', 'seed']);
  const values = parseCsv(readFileSync(join(dir, 'values.csv'), 'utf8'), 'values.csv').map((r) => r.cells);
  const vh = values[0];
  const hte = values.find((r) => r[0] === '南昌' && r[1] === 'high_tech_enterprises' && r[3] === 'target')!;
  expect(Object.fromEntries(vh.map((f, i) => [f, hte[i]]))).toMatchObject({
    role: 'value',
    year: '2030',
    raw: '新增3000',
    value: '5500',
    seed: '南昌十五五.csv',
    line: '4',
    quote: '新增3000',
    period: '2026-2030',
    cell: 'E4',
  });

  // Read back, the imported plan is the one --plan reads, figure for figure; the seed plans are the compiled-in ones.
  const loaded = loadPackageDir(dir);
  const direct2 = importPlanTable(readTable(NANCHANG, '南昌十五五.csv'), {
    file: '南昌十五五.csv',
    region: '南昌',
    catalogue: dataset().catalogue,
  });
  expect(loaded.imported).toEqual([direct2]);
  expect(loaded.base.regions).toEqual(dataset().regions);
  expect(loaded.base.checksum).toBe(dataset().checksum);
  const desc = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
  expect(loaded.dataset.checksum).toBe(desc.datasetChecksum);
  expect(desc.datasetChecksum).not.toBe(dataset().checksum);
  // So it may be published again over itself, and not once a figure was edited (with the checksums updated).
  expect((await plan('publish', '--out', dir, '--plan', nanchangCsv)).code).toBe(0);
  edit(dir, 'values.csv', (rows) => {
    const r = rows.find((x) => x[0] === '南昌' && x[1] === 'high_tech_enterprises' && x[3] === 'target')!;
    r[5] = r[12] = '新增3500';
    r[6] = '6000';
  });
  expect(await plan('eval', '--data', dir, FORMULAS[0])).toMatchObject({ code: 0, out: '6000' });
  expect((await planEn('publish', '--out', dir, '--plan', nanchangCsv)).err).toContain('do not match its datasetChecksum');
});

test('a plan of a seed region in another period sits beside the seed plan; an xlsx plan keeps its sheet cell', async () => {
  const gz = join(dir0, '赣州十五五.csv');
  writeFileSync(gz, '指标名称,单位,2025年(基期),2030年目标,属性\n高新技术企业数,家,2400,4000,预期性\n');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').getCell('A1').value = '见下一张表';
  const ws = wb.addWorksheet('指标');
  ws.addRows([
    ['指标名称', '2025年(基期)', '2030年目标'],
    ['高新技术企业数（家）', 800, '新增700'],
  ]);
  const px = join(dir0, '萍乡十五五.xlsx');
  await wb.xlsx.writeFile(px);
  const dir = await publish('--plan', gz, '--plan', px, '--sheet', '指标');
  const asks = [
    '=PLAN.TARGET("赣州","高新技术企业",2030)',
    '=PLAN.TARGET("赣州","高新技术企业",2023)', // only the seed plan's period holds 2023
    '=PLAN.BASELINE("赣州","高新技术企业",2020)',
    '=PLAN.TARGET("赣州","高新技术企业",2028)',
    '=PLAN.TARGET("萍乡","高新技术企业",2030)',
    '=PLAN.INFO("萍乡","高新技术企业","source")',
  ];
  const fromPackage = await plan('eval', '--data', dir, ...asks);
  expect(fromPackage.out.split('\n')).toEqual(['4000', '1600', '1000', '3360', '1500', '[萍乡十五五.xlsx]指标!C2 (table) “新增700”']);
  expect(fromPackage).toEqual(await plan('eval', '--plan', gz, '--plan', px, '--sheet', '指标', ...asks));
  const regions = parseCsv(readFileSync(join(dir, 'regions.csv'), 'utf8'), 'regions.csv').map((r) => r.cells.slice(0, 6));
  expect(regions.filter((r) => r[0] === '赣州').map((r) => [r[4], r[5]])).toEqual([
    ['2021-2025', '2019;2020'],
    ['2026-2030', '2025'],
  ]);
  // A table of 2020 → 2025 for 赣州 loads beside the seed plan (2019/2020 → 2025) but has its period, 2021-2025:
  // a package holds one plan per region and period, so it is refused, and nothing is written.
  const gz14 = join(dir0, '赣州十四五中期.csv');
  writeFileSync(gz14, '指标名称,单位,2020年(基期),2025年目标\n高新技术企业数,家,1000,2100\n');
  const out = join(tmp(), 'pkg');
  const twice = await planEn('publish', '--out', out, '--plan', gz14);
  expect(twice.code).toBe(1);
  expect(twice.err).toContain('赣州十四五中期.csv: Ganzhou already has a plan for 2021-2025');
  expect(existsSync(out)).toBe(false);
});

test('frictionless-js loads a package with imported plans as valid and reads every row', async () => {
  const dir = await publish('--plan', nanchangCsv);
  const { Package } = createRequire(__filename)('datapackage') as {
    Package: {
      load: (d: string) => Promise<{
        valid: boolean;
        errors: Error[];
        resources: { name: string; valid: boolean; read: (o: { keyed: true }) => Promise<Record<string, unknown>[]> }[];
      }>;
    };
  };
  const pkg = await Package.load(join(dir, 'datapackage.json'));
  expect(pkg.errors.map(String)).toEqual([]);
  expect(pkg.valid).toBe(true);
  const rows: Record<string, Record<string, unknown>[]> = {};
  for (const r of pkg.resources) {
    expect(r.valid).toBe(true);
    rows[r.name] = await r.read({ keyed: true });
  }
  expect(rows.regions.find((r) => r.region === '南昌')).toMatchObject({ period: '2026-2030', baseline_years: '2025', origin: 'table' });
  expect(rows.entries.find((r) => r.region === '南昌' && r.indicator === 'imported:科创飞地')).toMatchObject({
    attribute: '预期性',
    period: '2026-2030',
    remark: '自创指标',
  });
  expect(rows.values.find((r) => r.region === '南昌' && r.field === '2027')).toMatchObject({
    role: 'milestone',
    year: 2027,
    raw: '35',
    value: 35,
    cell: 'D8',
  });
});

describe('a package whose period or baseline years are malformed is refused whole, naming file, line and field', () => {
  const regionRow = (rows: string[][], region: string, origin: string): string[] =>
    rows.find((r) => r[0] === region && r[r.length - 1] === origin)!;
  const cases: [string, (rows: string[][]) => void, RegExp][] = [
    [
      'a period with a dash of another kind',
      (rows) => (regionRow(rows, '南昌', 'table')[4] = '2026–2030'),
      /field period: "2026–2030" should be/,
    ],
    ['a period that ends before it starts', (rows) => (regionRow(rows, '南昌', 'table')[4] = '2030-2026'), /field period: /],
    ['baseline years out of order', (rows) => (regionRow(rows, '南昌', 'table')[5] = '2025;2024'), /field baseline_years: "2025;2024"/],
    ['baseline years not a list of years', (rows) => (regionRow(rows, '南昌', 'table')[5] = '2025年'), /field baseline_years: /],
    [
      'baseline years that do not end the year before the period',
      (rows) => (regionRow(rows, '南昌', 'table')[5] = '2023'),
      /field baseline_years: the last baseline year 2023 should be the year before the period "2026-2030" starts/,
    ],
    [
      'a plan from the seeds given another period',
      (rows) => {
        const r = regionRow(rows, '赣州', 'seed');
        r[4] = '2026-2030';
        r[5] = '2025';
      },
      /field period: a plan from the seeds \(origin seed\) is read for 2021-2025/,
    ],
  ];
  test.each(cases)('%s', async (_what, change, message) => {
    const dir = await publish('--plan', nanchangCsv);
    const line = (region: string, origin: string): number =>
      parseCsv(readFileSync(join(dir, 'regions.csv'), 'utf8'), 'regions.csv').find(
        (r) => r.cells[0] === region && r.cells[r.cells.length - 1] === origin,
      )!.line;
    const expected = /赣州/.test(String(change)) ? line('赣州', 'seed') : line('南昌', 'table');
    edit(dir, 'regions.csv', change);
    for (const args of [
      ['eval', '--data', dir, '=PLAN.TARGET("赣州","高新技术企业",2025)'],
      ['target', '南昌', '高企', '2030', '--data', dir],
    ]) {
      const r = await planEn(...args);
      expect({ code: r.code, out: r.out }).toEqual({ code: 1, out: '' });
      expect(r.err).toMatch(new RegExp(`^regions\\.csv, line ${expected}, ${message.source}`));
    }
    expect((await plan('eval', '--data', dir, '=PLAN.TARGET("赣州","高新技术企业",2025)')).err).toMatch(
      /^regions\.csv，第\d+行，字段 \w+：/,
    );
  });

  test('a figure of an imported plan that does not match its cell, year or period is refused', async () => {
    const dir = await publish('--plan', nanchangCsv);
    edit(dir, 'values.csv', (rows) => {
      const r = rows.find((x) => x[0] === '南昌' && x[1] === 'high_tech_enterprises' && x[3] === 'target')!;
      r[4] = '2029';
    });
    const r = await planEn('target', '南昌', '高企', '--data', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^values\.csv, line \d+, field year: should be 2030/);
    const dir2 = await publish('--plan', nanchangCsv);
    edit(dir2, 'values.csv', (rows) => {
      const r2 = rows.find((x) => x[0] === '南昌' && x[1] === 'high_tech_enterprises' && x[3] === 'target')!;
      r2[14] = '2025-2030';
    });
    const r2 = await planEn('target', '南昌', '高企', '--data', dir2);
    expect(r2.err).toMatch(/^values\.csv, line \d+, field period: 南昌 has no plan for 2025-2030/);
  });
});
