/**
 * The portable workbook with official actuals (data/actuals/, or a --data package's): each value in the actual cell of
 * its region, indicator and year, in the official blue; `npm start`'s workbook is written this way.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { colIndex, FONT, regionLayout } from '../../src/core/sheet/layout';
import { Plan } from '../../src/core/plan/plan';
import { dataset } from '../../src/data/index';
import { plan as cli } from '../cli/shell';

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'plan-official-'));
const p = new Plan(dataset());

async function blueCells(file: string): Promise<Map<string, number>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, number>();
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.font?.color?.argb === `FF${FONT.official}` && typeof c.value === 'number') out.set(`${ws.name}!${c.address}`, c.value);
      }),
    );
  return out;
}

test('plan workbook --actuals data/actuals/actuals.csv fills every row of it, in blue, in its own cell', async () => {
  const file = join(dir, 'wb.xlsx');
  const r = await cli(['workbook', '-o', file, '--actuals', join(root, 'data', 'actuals', 'actuals.csv')]);
  expect(r.code).toBe(0);
  const rows = parse(readFileSync(join(root, 'data', 'actuals', 'actuals.csv')), { columns: true }) as Record<string, string>[];
  const blue = await blueCells(file);
  expect(blue.size).toBe(rows.length);
  for (const a of rows) {
    const layout = regionLayout(p.region(a.region), 'plain', 'zh', p.dataset.version);
    const row = layout.rows.findIndex((x) => x.id === a.indicator);
    const col = colIndex(`actual${a.year}` as never, layout.columns);
    const address = `${layout.sheetName}!${String.fromCharCode(65 + col)}${layout.headerRow + 1 + row}`;
    expect({ address, value: blue.get(address) }).toEqual({ address, value: Number(a.value) });
  }
});

test('plan workbook --data DIR fills the package’s own actuals', async () => {
  const pkg = join(dir, 'pkg');
  expect(await cli(['publish', '--out', pkg, '--actuals', join(root, 'data', 'actuals', 'actuals.csv')])).toMatchObject({ code: 0 });
  const file = join(dir, 'from-package.xlsx');
  expect(await cli(['workbook', '-o', file, '--data', pkg])).toMatchObject({ code: 0 });
  expect((await blueCells(file)).size).toBeGreaterThanOrEqual(12);
});

test('without --actuals or --data the compiled-in public actuals are filled; an --actuals file with none leaves nothing blue', async () => {
  const file = join(dir, 'default.xlsx');
  expect(await cli(['workbook', '-o', file])).toMatchObject({ code: 0 });
  const rows = parse(readFileSync(join(root, 'data', 'actuals', 'actuals.csv')), { columns: true }) as Record<string, string>[];
  expect((await blueCells(file)).size).toBe(rows.length);
  const none = join(dir, 'none.csv');
  writeFileSync(none, 'region,indicator,year,value,source\n');
  const plain = join(dir, 'plain.xlsx');
  expect(await cli(['workbook', '-o', plain, '--actuals', none])).toMatchObject({ code: 0 });
  expect((await blueCells(plain)).size).toBe(0);
});
