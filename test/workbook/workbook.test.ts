/**
 * The portable workbook, read back with ExcelJS and recalculated by LibreOffice (soffice --headless): values,
 * formulas, formats and flag rules as written, and the trajectory formulas giving the core's numbers.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { dataset } from '../../src/data/index';
import { colIndex, colLetter, regionLayout, SEED_COLUMNS, sheetNameFor } from '../../src/core/sheet/layout';
import { expectedValue } from '../../src/core/progress/trajectory';
import { recalculatedSheets } from './libreoffice';
import { buildWorkbook, printWidths } from '../../src/workbook/writer';
import { shiftFormula } from '../fakes/fakeExcel';

const d = dataset();
const dir = mkdtempSync(join(tmpdir(), 'plan-wb-'));
const col = (k: Parameters<typeof colIndex>[0]) => colIndex(k) + 1;

async function written(regions = d.regions): Promise<ExcelJS.Workbook> {
  const file = join(dir, `wb-${regions.length}.xlsx`);
  await buildWorkbook(d, regions).xlsx.writeFile(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

test('sheets: cover, one per region with valid names, sources and conflicts', async () => {
  const wb = await written();
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    '说明',
    '总览',
    '江西指标',
    '九江指标',
    '吉安指标',
    '上饶指标',
    '赣州指标',
    '来源与冲突',
  ]);
  for (const w of wb.worksheets) expect(w.name).toMatch(/^[^[\]:*?/\\]{1,31}$/);
  expect(String(wb.getWorksheet('说明')!.getCell('A2').value)).toContain(d.version);
});

test('a region sheet: title, header, values, formulas, formats, widths, frozen panes, flag rules', async () => {
  const wb = await written([d.regions[4]]);
  const ws = wb.getWorksheet('赣州指标')!;
  expect(String(ws.getCell('A1').value)).toBe('赣州市“十四五”科技创新规划（赣市府发〔2022〕2号） 主要指标');
  expect(ws.getRow(5).getCell(col('name')).value).toBe('指标');
  const r = 6 + d.regions[4].entries.findIndex((e) => e.indicator.id === 'high_tech_enterprises');
  const row = ws.getRow(r);
  expect(row.getCell(col('name')).value).toBe('高新技术企业数量');
  expect(row.getCell(col('v2020')).value).toBe(1000);
  expect(row.getCell(col('target')).value).toBe(2000);
  expect(row.getCell(col('target')).numFmt).toBe('#,##0');
  const exp = row.getCell(col('expected2023')).value as { formula: string };
  expect(exp.formula).toBe(
    `${colLetter(colIndex('v2020'))}${r}+(${colLetter(colIndex('target'))}${r}-${colLetter(colIndex('v2020'))}${r})*3/5`,
  );
  expect(exp.formula).not.toContain('PLAN.');
  expect(row.getCell(col('actual2023')).value).toBeNull();
  // Printed one page wide: the name column is narrower than on screen (its print width, printWidths) and its cells wrap.
  expect(ws.getColumn(col('name')).width).toBe(printWidths(regionLayout(d.regions[4], 'plain', 'zh', d.version), 'zh')[colIndex('name')]);
  expect(ws.getColumn(col('name')).width).toBeLessThan(SEED_COLUMNS[colIndex('name')].width);
  expect(row.getCell(col('name')).alignment).toMatchObject({ wrapText: true });
  expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 5 });
  const table = ws.getTable('PLAN_P_Ganzhou') as unknown as { table: { tableRef: string; headerRow: boolean } };
  const lastCol = colLetter(colIndex('id'));
  expect(table.table).toMatchObject({ tableRef: `A5:${lastCol}${5 + d.regions[4].entries.length}`, headerRow: true });
  const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[] }[] }[] })
    .conditionalFormattings;
  expect(cf).toHaveLength(2);
  const flags = cf.find((x) => x.rules[0].type === 'expression')!;
  expect(flags.ref).toBe(regionLayout(d.regions[4], 'plain', 'zh', d.version).flagRange);
  expect(flags.rules.map((x) => x.type)).toEqual(['expression', 'expression']);
  // The data bar on the progress column, 0 to 100 %.
  const p = colLetter(colIndex('progress'));
  const bars = cf.find((x) => x.rules[0].type === 'dataBar')!;
  expect(bars.ref).toBe(`${p}6:${p}${5 + d.regions[4].entries.length}`);
  const rd = 6 + d.regions[4].entries.findIndex((e) => e.indicator.id === 'rd_intensity');
  // R&D intensity: a share, written with one decimal (1.5, 2.6) in 赣州's plan.
  expect(ws.getRow(rd).getCell(col('target')).numFmt).toBe('0.0');
});

test('the sources sheet holds every value, staged target, conflict and corroborating statement', async () => {
  const wb = await written();
  const ws = wb.getWorksheet('来源与冲突')!;
  const values = d.regions.flatMap((r) =>
    r.entries.flatMap((e) => [e.values[2019], e.values[2020], e.target, ...(e.milestones ?? [])].filter(Boolean)),
  );
  const conflicts = d.regions.flatMap((r) => r.entries.flatMap((e) => e.conflicts));
  const corroborations = d.regions.flatMap((r) => r.entries.flatMap((e) => e.corroborations ?? []));
  expect(corroborations.length).toBeGreaterThan(0);
  expect(ws.rowCount - 1).toBe(values.length + conflicts.length + corroborations.length);
  const fields: string[] = [];
  ws.eachRow((row, i) => i > 1 && fields.push(`${row.getCell(1).value} ${row.getCell(3).value} ${row.getCell(8).value}`));
  expect(fields).toContain('九江 另见 2025目标 60');
  expect(fields).toContain('赣州 2022阶段目标 272');
  const quotes = new Set<string>();
  ws.eachRow((row, i) => i > 1 && quotes.add(String(row.getCell(10).value)));
  for (const v of values) expect(quotes.has(v!.source.quote)).toBe(true);
});

test('LibreOffice recalculates the trajectory as the core does, and evaluates the flag rules', async () => {
  const region = d.regions[4];
  const layout = regionLayout(region, 'plain', 'zh', d.version);
  const wb = buildWorkbook(d, [region]);
  const ws = wb.getWorksheet(sheetNameFor(region))!;
  const r = 6 + region.entries.findIndex((e) => e.indicator.id === 'high_tech_enterprises');
  const rd = 6 + region.entries.findIndex((e) => e.indicator.id === 'rd_intensity');
  // A person's actuals: 2023 behind (1200 vs 1600), 2022 on track (1400), 2024 slightly behind (1650 vs 1800).
  ws.getRow(r).getCell(col('actual2023')).value = 1200;
  ws.getRow(r).getCell(col('actual2022')).value = 1400;
  ws.getRow(r).getCell(col('actual2024')).value = 1650;
  // Probe cells: each flag rule, moved from the top-left actual cell to the cell it judges, as the rule applies.
  const [top] = layout.flagRange.split(':');
  const topRow = Number(top.replace(/[A-Z]+/, ''));
  const topCol = colIndex('actual2021');
  const probes: [string, string][] = [];
  for (const k of ['actual2022', 'actual2023', 'actual2024', 'actual2025'] as const) {
    for (const rule of layout.rules) probes.push([`${k}:${rule.level}`, shiftFormula(rule.formula, r - topRow, colIndex(k) - topCol)]);
  }
  const probeRow = ws.getRow(200);
  probes.forEach(([, f], i) => (probeRow.getCell(1 + i).value = { formula: f }));
  const file = join(dir, 'lo.xlsx');
  await wb.xlsx.writeFile(file);
  const rows = recalculatedSheets(file, dir)(sheetNameFor(region));
  const cell = (row: number, key: Parameters<typeof colIndex>[0]) => rows[row - 1][colIndex(key)];
  const hte = region.entries.find((e) => e.indicator.id === 'high_tech_enterprises')!;
  const rdi = region.entries.find((e) => e.indicator.id === 'rd_intensity')!;
  for (const y of [2021, 2022, 2023, 2024, 2025] as const) {
    expect(Number(cell(r, `expected${y}`).replace(/,/g, ''))).toBeCloseTo(expectedValue(hte, y), 6);
    expect(Number(cell(rd, `expected${y}`))).toBeCloseTo(expectedValue(rdi, y), 2);
  }
  const verdict = Object.fromEntries(probes.map(([k], i) => [k, rows[199][i]]));
  expect(verdict).toEqual({
    'actual2022:behind': 'FALSE',
    'actual2022:slightly_behind': 'FALSE',
    'actual2023:behind': 'TRUE',
    'actual2023:slightly_behind': 'FALSE',
    'actual2024:behind': 'FALSE',
    'actual2024:slightly_behind': 'TRUE',
    'actual2025:behind': 'FALSE',
    'actual2025:slightly_behind': 'FALSE',
  });
});
