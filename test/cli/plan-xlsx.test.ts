/**
 * `--plan FILE.xlsx`: a plan table read from a worksheet (ExcelJS), by the same import rules as CSV. The workbooks
 * are built here with ExcelJS: a 十五五-style table for 南昌 (2025 baseline → 2030 target, figures invented), with a
 * title merged across the table, a merged 属性 column, rich text, a formula, a float with binary noise and a
 * percentage-formatted cell.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { importPlanTable } from '../../src/core/exchange/import';
import { dataset } from '../../src/data/index';
import { readPlanFile, readTable, type PlanFile } from '../../src/cli/plans';
import { plan as planIn, type Ran } from './shell';

const plan = (...args: string[]): Promise<Ran> => planIn(args);
const planEn = (...args: string[]): Promise<Ran> => planIn(args, { LANG: 'en_US.UTF-8' });
const dir = mkdtempSync(join(tmpdir(), 'plan-xlsx-'));
// Each test reads and writes several workbooks on a shared, busy machine.

/** The table as a statistician would type it in CSV. */
const CSV = [
  '表1 南昌市“十五五”科技创新规划主要指标（测试用，数据为虚构）,,,,,',
  '序号,指标名称,2025年(基期),2027年,2030年目标,属性',
  '一、创新投入,,,,,',
  '1,R&D经费投入强度（%）,2.1,,2.8以上,预期性',
  '2,高新技术企业数（家）,2500,,新增3000,预期性',
  '3,技术合同成交额（亿元）,[310],,600左右,预期性',
  '4,科技进步贡献率（%）,65,,70-72,约束性',
  '5,每万人口高价值发明专利拥有量（件）,1.8-2.0,,15左右,约束性',
  '6,新型研发机构（家）,20,35,50,约束性',
  '7,规上工业企业研发活动覆盖率（%）,45%,,60,约束性',
].join('\n');

/** The same table in a worksheet, written as Excel keeps it. */
function fillSheet(ws: ExcelJS.Worksheet): void {
  ws.getCell('A1').value = '表1 南昌市“十五五”科技创新规划主要指标（测试用，数据为虚构）';
  ws.mergeCells('A1:F1');
  ws.getRow(2).values = ['序号', '指标名称', '2025年(基期)', '2027年', null, '属性'];
  ws.getCell('E2').value = { richText: [{ text: '2030年', font: { bold: true } }, { text: '目标' }] };
  ws.getCell('A3').value = '一、创新投入';
  ws.mergeCells('A3:F3');
  ws.getRow(4).values = [1, 'R&D经费投入强度（%）', 0.7 * 3, null, '2.8以上', '预期性']; // 0.7·3 is 2.0999999999999996
  ws.getRow(5).values = [2, { richText: [{ text: '高新技术企业数' }, { text: '（家）' }] }, 2500, null, '新增3000'];
  ws.getRow(6).values = [3, '技术合同成交额（亿元）', '[310]', null, '600左右'];
  ws.mergeCells('F4:F6'); // 预期性 for the three rows
  ws.getRow(7).values = [4, '科技进步贡献率（%）', { formula: '60+5', result: 65 }, null, '70-72', '约束性'];
  ws.getRow(8).values = [5, '每万人口高价值发明专利拥有量（件）', '1.8-2.0', null, '15左右', '约束性'];
  ws.getRow(9).values = [6, '新型研发机构（家）', 20, 35, 50, '约束性'];
  ws.getRow(10).values = [7, '规上工业企业研发活动覆盖率（%）', 0.45, null, 60, '约束性'];
  ws.getCell('C10').numFmt = '0%';
}

async function writeXlsx(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

const FORMULAS = [
  '=PLAN.TARGET("南昌","高新技术企业",2030)', // 新增3000 on the 2025 baseline 2500
  '=PLAN.TARGET("南昌","高新技术企业")', // the plan's own target year
  '=PLAN.BASELINE("南昌","高新技术企业")', // the plan's own baseline year: 2025
  '=PLAN.TARGET("南昌","高新技术企业",2027)', // 2500 + 3000·2/5
  '=PLAN.TARGET("南昌","R&D经费投入强度",2027)', // 2.1 + 0.7·2/5
  '=PLAN.TARGET("南昌","R&D经费投入强度",2030)', // 2.8以上
  '=PLAN.BASELINE("南昌","R&D经费投入强度")', // 2.1, not 2.0999999999999996
  '=PLAN.TARGET("南昌","技术合同成交额",2030)', // 600左右
  '=PLAN.INFO("南昌","技术合同成交额","estimate")', // [310]
  '=PLAN.BASELINE("南昌","科技进步贡献率")', // a formula's result
  '=PLAN.TARGET("南昌","科技进步贡献率")', // 70-72: the low end
  '=PLAN.INFO("南昌","新型研发机构","raw")',
  '=PLAN.TARGET("南昌","新型研发机构",2027)', // a staged target
  '=PLAN.BASELINE("南昌","规上工业企业研发活动覆盖率")', // 45% as Excel shows it
];

test('plan eval --plan x.xlsx answers targets, baselines, the 2027 path, 新增, ranges and estimates as the same table in CSV', async () => {
  const xlsx = await writeXlsx('南昌十五五.xlsx', (wb) => fillSheet(wb.addWorksheet('指标')));
  const csv = join(dir, '南昌十五五.csv');
  writeFileSync(csv, CSV);
  const fromXlsx = await plan('eval', '--plan', xlsx, ...FORMULAS);
  expect(fromXlsx.err).toBe('');
  expect(fromXlsx.code).toBe(0);
  const got = fromXlsx.out.split('\n');
  expect(got.slice(0, 8)).toEqual(['5500', '5500', '2500', '3700', '2.38', '2.8', '2.1', '600']);
  expect(got[8]).toBe('2025: [310]');
  expect(got.slice(9)).toEqual(['65', '70', '50', '35', '45']);
  const fromCsv = await plan('eval', '--plan', csv, ...FORMULAS);
  expect(fromCsv).toEqual(fromXlsx);

  // Cell for cell the same plan: the rows read from the sheet are imported exactly as the CSV's.
  const sheet = (await readPlanFile(xlsx)) as PlanFile;
  const opts = { file: '南昌十五五', region: '南昌', catalogue: dataset().catalogue };
  expect(importPlanTable(sheet.rows, opts)).toEqual(importPlanTable(readTable(CSV, 'x.csv'), opts));
  expect(sheet.rows[3].slice(0, 6)).toEqual(['1', 'R&D经费投入强度（%）', '2.1', '', '2.8以上', '预期性']);
  expect(sheet.rows[5][5]).toBe('预期性'); // F6, under the merged F4:F6
  expect(sheet.rows[0].slice(1)).toEqual(['', '', '', '', '']); // the title merged across A1:F1 stays one cell

  // Provenance names the sheet cell; the region comes from the file name; the attribute from the merged cells.
  const info = await plan(
    'eval',
    '--plan',
    xlsx,
    '=PLAN.INFO("南昌","技术合同成交额","source")',
    '=PLAN.INFO("南昌","科技进步贡献率","source")',
  );
  expect(info.out.split('\n')).toEqual(['南昌十五五.xlsx!E6 (table) “600左右”', '南昌十五五.xlsx!E7 (table) “70-72”']);
  expect(await plan('target', '--plan', xlsx, '--region', '萍乡', '萍乡', '高企', '2030')).toMatchObject({ code: 0, out: '5500' });
  const table = await plan('table', '--plan', xlsx, '南昌');
  expect(table.code).toBe(0);
  expect(table.out).toContain('2030年目标（原文）');
});

test('--sheet picks a worksheet; provenance then names the workbook and the sheet', async () => {
  const xlsx = await writeXlsx('南昌多表.xlsx', (wb) => {
    wb.addWorksheet('说明').getCell('A1').value = '本工作簿的第二张表是规划指标表';
    fillSheet(wb.addWorksheet('十五五指标'));
  });
  const r = await plan('eval', '--plan', xlsx, '--sheet', '十五五指标', '=PLAN.INFO("南昌","高新技术企业","source")');
  expect(r).toMatchObject({ code: 0, err: '' });
  expect(r.out).toBe('[南昌多表.xlsx]十五五指标!E5 (table) “新增3000”');
  // The first sheet by default: it has no plan table.
  const first = await planEn('target', '--plan', xlsx, '南昌', '高企');
  expect(first.code).toBe(1);
  expect(first.err).toContain('[南昌多表.xlsx]说明: no header row found');
  const missing = await plan('target', '--plan', xlsx, '--sheet', '指标', '南昌', '高企');
  expect(missing.code).toBe(1);
  expect(missing.err).toContain('南昌多表.xlsx：没有名为“指标”的工作表（有 “说明”、“十五五指标”）');
  const noPlan = await planEn('target', '--sheet', '指标', '赣州', '高企');
  expect(noPlan.code).toBe(2);
  expect(noPlan.err).toContain('--sheet goes with --plan FILE.xlsx');
});

test('a cell it cannot read is refused whole, naming the row and the sheet cell, in zh and en', async () => {
  const bad = await writeXlsx('南昌坏表.xlsx', (wb) => {
    const ws = wb.addWorksheet('Sheet1');
    fillSheet(ws);
    ws.getCell('C6').value = '1,200';
  });
  const zh = await plan('eval', '--plan', bad, '=PLAN.TARGET("南昌","高新技术企业")');
  expect(zh.code).toBe(1);
  expect(zh.out).toBe('');
  expect(zh.err).toContain('南昌坏表.xlsx!C6：第6行“技术合同成交额”2025年的数值“1,200”无法读取');
  const en = await planEn('target', '--plan', bad, '南昌', '高新技术企业');
  expect(en.err).toContain('南昌坏表.xlsx!C6: row 6');

  const errorCell = await writeXlsx('南昌错误值.xlsx', (wb) => {
    const ws = wb.addWorksheet('Sheet1');
    fillSheet(ws);
    ws.getCell('E9').value = { formula: 'VLOOKUP(1,Z1:Z2,2)', result: { error: '#N/A' } };
  });
  const e = await plan('target', '--plan', errorCell, '南昌', '新型研发机构');
  expect(e.code).toBe(1);
  expect(e.err).toContain('南昌错误值.xlsx!E9：单元格是错误值 #N/A');

  const noResult = await writeXlsx('南昌无结果.xlsx', (wb) => {
    const ws = wb.addWorksheet('Sheet1');
    fillSheet(ws);
    ws.getCell('C9').value = { formula: '10+10' } as ExcelJS.CellFormulaValue;
  });
  const n = await planEn('target', '--plan', noResult, '南昌', '新型研发机构');
  expect(n.code).toBe(1);
  expect(n.err).toContain('南昌无结果.xlsx!C9: the formula =10+10 has no saved result');
});

test('a file that is not a readable xlsx is refused naming the file', async () => {
  const notXlsx = join(dir, '南昌假表.xlsx');
  writeFileSync(notXlsx, CSV);
  const zh = await plan('target', '--plan', notXlsx, '南昌', '高企');
  expect(zh.code).toBe(1);
  expect(zh.err).toContain('南昌假表.xlsx：不是可读的 xlsx 文件');
  const en = await planEn('target', '--plan', notXlsx, '南昌', '高企');
  expect(en.err).toContain('南昌假表.xlsx: not a readable xlsx file');
  // A zip that is not a workbook.
  const zip = join(dir, '南昌压缩包.xlsx');
  writeFileSync(zip, Buffer.from('504b0506000000000000000000000000000000000000', 'hex'));
  expect((await plan('target', '--plan', zip, '南昌', '高企')).err).toContain('南昌压缩包.xlsx：不是可读的 xlsx 文件');
  // An xlsx named .csv is read as the workbook it is.
  const xlsx = await writeXlsx('南昌其实是表格.csv', (wb) => fillSheet(wb.addWorksheet('指标')));
  expect(await plan('target', '--plan', xlsx, '南昌', '高企', '2030')).toMatchObject({ code: 0, out: '5500' });
  const csvSheet = join(dir, '南昌文本.csv');
  writeFileSync(csvSheet, CSV);
  const s = await planEn('target', '--plan', csvSheet, '--sheet', 'x', '南昌', '高企');
  expect(s.err).toContain('--sheet is for xlsx files only');
});

test('a header of two rows with merged cells: the row that names the years is the header, the merged names hold for it', async () => {
  const xlsx = await writeXlsx('南昌两行表头.xlsx', (wb) => {
    const ws = wb.addWorksheet('Sheet1');
    ws.getRow(1).values = ['序号', '指标名称', '规划目标', null, null, '属性'];
    ws.getRow(2).values = [null, null, '2025年(基期)', '2027年', '2030年目标', null];
    for (const range of ['A1:A2', 'B1:B2', 'C1:E1', 'F1:F2']) ws.mergeCells(range);
    ws.getRow(3).values = [1, '高新技术企业数（家）', 2500, null, '新增3000', '预期性'];
  });
  const rows = ((await readPlanFile(xlsx)) as PlanFile).rows;
  expect(rows.slice(0, 2)).toEqual([
    ['序号', '指标名称', '规划目标', '', '', '属性'],
    ['序号', '指标名称', '2025年(基期)', '2027年', '2030年目标', '属性'],
  ]);
  const r = await plan('eval', '--plan', xlsx, '=PLAN.TARGET("南昌","高新技术企业",2030)', '=PLAN.INFO("南昌","高新技术企业","source")');
  expect(r).toMatchObject({ code: 0, err: '' });
  expect(r.out.split('\n')).toEqual(['5500', '南昌两行表头.xlsx!E3 (table) “新增3000”']);
});
