/**
 * The workbook's flag rules for each method give the same verdict as the core, cell by cell: every indicator with a
 * numeric target and baseline, every year of its plan (2021–2025 for the seeds, 2025–2030 for an imported 十五五
 * table with a 2024 baseline), actual values from below the baseline to past the target.
 * Rules are evaluated by HyperFormula (as the fake Excel host does) and, for the example of the issue, by LibreOffice.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actualYears, colIndex, colLetter, regionLayout, type SheetLayout } from '../../src/core/sheet/layout';
import type { MethodId } from '../../src/core/progress/methods';
import { assess } from '../../src/core/progress/status';
import { baselineOf, targetOf } from '../../src/core/progress/trajectory';
import { dataset } from '../../src/data/index';
import { nanchangRegion } from '../fixtures/nanchang';
import { createEngine } from '../../src/hyperformula/engine';
import { recalculatedSheets } from './libreoffice';
import { buildWorkbook } from '../../src/workbook/writer';
import { shiftFormula } from '../fakes/fakeExcel';
import { baseYearOf, periodOf, type Region } from '../../src/core/plan/model';

const d = dataset();
const nanchang = nanchangRegion(d.catalogue);
const regions: Region[] = [...d.regions, nanchang];

/**
 * The sheet as a grid of contents (formulas as "=…"), rows from 1, without its report columns (status, progress, the
 * final assessment, the latest actual and expected): the rules read none of them — a rule that did would read a blank
 * and fail here — and each would be recalculated with every value tried.
 */
function grid(layout: SheetLayout): (string | number | null)[][] {
  const report = /^(lastYear|status|progress|met\d+|reached\d+|lastActual|lastExpected)$/;
  const rows: (string | number | null)[][] = Array.from({ length: layout.headerRow }, () => []);
  rows[layout.headerRow - 1] = layout.header;
  for (const r of layout.rows) rows.push(r.cells.map((c, i) => (report.test(layout.columns[i].key) ? null : c)));
  return rows;
}

function expectedFlag(status: string): string | null {
  if (status === 'behind' || status === 'moving_away') return 'behind';
  if (status === 'slightly_behind') return 'slightly_behind';
  return null;
}

describe.each<MethodId>(['linear', 'cagr', 'eurostat'])('%s: sheet rules agree with the core', (method) => {
  test('every region, indicator, year and a spread of actual values', () => {
    let checked = 0;
    const mismatches: unknown[] = [];
    const byRegion = new Map<string, number>();
    for (const region of regions) {
      const p = periodOf(region);
      const y0 = baseYearOf(p);
      const years = actualYears(p);
      const layout = regionLayout(region, 'plain', 'zh', d.version, undefined, method);
      const sheet = grid(layout);
      const [top] = layout.flagRange.split(':');
      const topRow = Number(top.replace(/[A-Z]+/, ''));
      // Each rule, as Excel applies it to the actual cell of each year of each row, is written once into a cell right
      // of the sheet: the engine recalculates it when the actual changes (parsing each of these formulas once, not
      // once per value tried).
      const ruleCol = (k: number, j: number): number => layout.columns.length + 2 + k * layout.rules.length + j;
      region.entries.forEach((_e, i) => {
        const row = layout.headerRow + 1 + i;
        const cells = sheet[row - 1];
        years.forEach((y, k) =>
          layout.rules.forEach((r, j) => {
            const shift = colIndex(`actual${y}`, layout.columns) - colIndex(`actual${y0 + 1}`, layout.columns);
            cells[ruleCol(k, j)] = `=${shiftFormula(r.formula, row - topRow, shift)}`;
          }),
        );
      });
      const hf = createEngine({ S: sheet });
      // The rows with a numeric path (the others have no flags, nothing to compare).
      const paths = region.entries.flatMap((e, i) => {
        try {
          return [{ e, row: layout.headerRow + 1 + i, base: baselineOf(e).value, target: targetOf(e).value }];
        } catch {
          return [];
        }
      });
      // Rows are independent: one value is tried in every row at once (one recalculation), then the next.
      years.forEach((y, k) => {
        const col = colIndex(`actual${y}`, layout.columns);
        for (const f of [-0.2, 0, 0.3, 0.59, 0.61, 0.8, 0.94, 0.96, 1, 1.3]) {
          const tried = paths.flatMap(({ e, row, base, target }) => {
            const actual =
              Math.max(0, base + (target - base) * f * ((y - y0) / (p.target - y0))) + (e.indicator.kind === 'growth' ? target * f : 0);
            try {
              return [{ e, row, actual, status: assess(e, y, actual, method).status }];
            } catch {
              return [];
            }
          });
          hf.batch(() => paths.forEach(({ row }) => hf.setCellContents({ sheet: 0, row: row - 1, col }, null)));
          hf.batch(() => tried.forEach(({ row, actual }) => hf.setCellContents({ sheet: 0, row: row - 1, col }, actual)));
          for (const { e, row, actual, status } of tried) {
            const flags = layout.rules
              .filter((_r, j) => hf.getCellValue({ sheet: 0, row: row - 1, col: ruleCol(k, j) }) === true)
              .map((r) => r.level);
            const want = expectedFlag(status) ? [expectedFlag(status)] : [];
            if (flags.join() !== want.join()) mismatches.push({ id: e.indicator.id, y, actual, flags, want });
            checked++;
            byRegion.set(region.name, (byRegion.get(region.name) ?? 0) + 1);
          }
        }
        hf.batch(() => paths.forEach(({ row }) => hf.setCellContents({ sheet: 0, row: row - 1, col }, null)));
      });
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
    // The 十五五 table's rows with a path (R&D intensity, 高新技术企业 新增, 技术合同, 贡献率 range, 研发机构) over 2025–2030.
    expect(byRegion.get('南昌')).toBeGreaterThanOrEqual(5 * 6 * 8);
  });
});

test('the legend names the method', () => {
  const region = d.regions[4];
  expect(regionLayout(region, 'plain', 'zh', d.version, undefined, 'eurostat').legend[0].text).toContain('Eurostat');
  expect(regionLayout(region, 'plain', 'en', d.version).legend[0].text).toContain('linear');
  expect(regionLayout(region, 'plain', 'zh', d.version).method).toBe('linear');
});

test('LibreOffice: 赣州 高新技术企业 1720 in 2024 is flagged slightly behind by linear, not by eurostat', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-methods-'));
  const region = d.regions.find((r) => r.name === '赣州')!;
  const r = 6 + region.entries.findIndex((e) => e.indicator.id === 'high_tech_enterprises');
  const probes: [string, string][] = [];
  const wb = buildWorkbook(d, [region], 'zh', 'eurostat');
  const ws = wb.worksheets.find((w) => w.name.startsWith('赣州'))!;
  ws.getRow(r).getCell(colIndex('actual2024') + 1).value = 1720;
  for (const method of ['linear', 'eurostat'] as const) {
    const layout = regionLayout(region, 'plain', 'zh', d.version, undefined, method);
    const topRow = Number(layout.flagRange.split(':')[0].replace(/[A-Z]+/, ''));
    for (const rule of layout.rules) {
      probes.push([`${method}:${rule.level}`, shiftFormula(rule.formula, r - topRow, colIndex('actual2024') - colIndex('actual2021'))]);
    }
  }
  probes.forEach(([, f], i) => (ws.getRow(200).getCell(1 + i).value = { formula: f }));
  const file = join(dir, 'methods.xlsx');
  await wb.xlsx.writeFile(file);
  const rows = recalculatedSheets(file, dir)(ws.name);
  const verdict = Object.fromEntries(probes.map(([k], i) => [k, rows[199][i]]));
  expect(verdict).toEqual({
    'linear:behind': 'FALSE',
    'linear:slightly_behind': 'TRUE',
    'eurostat:behind': 'FALSE',
    'eurostat:slightly_behind': 'FALSE',
  });
  expect(colLetter(colIndex('actual2024'))).toMatch(/^[A-Z]+$/);
});
