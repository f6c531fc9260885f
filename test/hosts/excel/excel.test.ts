import { tableLayoutFor } from '../../../src/core/sheet/refresh';
import { FakeExcelNamespace, FakeHost } from '../../fakes/fakeExcel';
import { AUTHORED_REGIONS, dataset } from '../../../src/data/index';
import { CATALOGUE } from '../../../src/data/catalogue';
import { buildDataset } from '../../../src/core/plan/dataset';
import { Plan } from '../../../src/core/plan/plan';
import { colIndex, colLetter, SEED_COLUMNS, regionLayout } from '../../../src/core/sheet/layout';
import {
  insertAtSelection,
  insertOnNewSheets,
  NeedsConfirmation,
  refreshTables,
  writeFormulaToActiveCell,
} from '../../../src/hosts/excel/excel';
import { clearMarks, markCells, readSelection } from '../../../src/hosts/excel/marks';
import { supports } from '../../../src/hosts/excel/requirements';
import { officeActions } from '../../../src/hosts/excel/actions';
import { setLanguage } from '../../../src/functions/impl';

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelNamespace;
setLanguage('zh-CN');

const plan = new Plan(dataset());
const layout = (region: string, mode: 'linked' | 'plain' = 'plain') => regionLayout(plan.region(region), mode, 'zh', plan.dataset.version);
const col = (key: Parameters<typeof colIndex>[0]) => colLetter(colIndex(key));
/** Sheet row of an indicator in a freshly inserted table. */
const rowOf = (region: string, id: string) => 6 + plan.region(region).entries.findIndex((e) => e.indicator.id === id);

describe('insert', () => {
  test('one region: two syncs, a table, formulas that compute, frozen header', async () => {
    const host = new FakeHost();
    const res = await insertOnNewSheets(host.context() as never, [layout('赣州')]);
    expect(host.syncs).toBe(2);
    expect(res.sheets).toEqual(['赣州指标']);
    expect(host.tables.map((t) => t.name)).toEqual(['PLAN_P_Ganzhou']);
    const ws = host.sheet('赣州指标');
    const r = rowOf('赣州', 'high_tech_enterprises');
    expect(ws.value(r - 1, colIndex('v2020'))).toBe(1000);
    expect(ws.value(r - 1, colIndex('target'))).toBe(2000);
    expect(ws.value(r - 1, colIndex('expected2023'))).toBe(1600);
    expect(ws.frozen).toEqual({ rows: 5, cols: 2 });
    expect(host.active.name).toBe('赣州指标');
    // Helper columns hidden (ExcelApi 1.2), and only they; expected values headed as such.
    const helpers = SEED_COLUMNS.flatMap((c, i) => (c.helper ? [i] : []));
    expect([...ws.hiddenColumns].sort((a, b) => a - b)).toEqual(helpers);
    expect(ws.value(4, colIndex('expected2023'))).toBe('2023年应达值');
  });

  test('linked mode: PLAN formulas that compute the same numbers', async () => {
    const host = new FakeHost();
    await insertOnNewSheets(host.context() as never, [layout('赣州', 'linked')]);
    const ws = host.sheet('赣州指标');
    const r = rowOf('赣州', 'high_tech_enterprises') - 1;
    expect(String(ws.formula(r, colIndex('target')))).toMatch(/^=PLAN\.TARGET\("赣州","high_tech_enterprises",2025\)$/);
    expect(ws.value(r, colIndex('expected2023'))).toBe(1600);
  });

  test('all regions: one sheet each, still two syncs; a taken name gets (2)', async () => {
    const host = new FakeHost();
    await insertOnNewSheets(host.context() as never, [layout('赣州')]);
    host.syncs = 0;
    const all = plan.regions().map((r) => layout(r.name));
    const res = await insertOnNewSheets(host.context() as never, all);
    expect(host.syncs).toBeLessThanOrEqual(3);
    expect(res.sheets).toEqual(['江西指标', '九江指标', '吉安指标', '上饶指标', '赣州指标 (2)']);
    expect(new Set(host.tables.map((t) => t.name)).size).toBe(6);
  });

  test('an actual value behind the trajectory is flagged; on track is not; direction-aware for ranks', async () => {
    const host = new FakeHost();
    await insertOnNewSheets(host.context() as never, [layout('赣州'), layout('九江')]);
    const r = rowOf('赣州', 'high_tech_enterprises');
    host.type('赣州指标', `${col('actual2023')}${r}`, 1200); // expected 1600: ratio 0.33 → behind
    host.type('赣州指标', `${col('actual2022')}${r}`, 1380); // expected 1400: ratio 0.95 → on track
    host.type('赣州指标', `${col('actual2024')}${r}`, 1650); // expected 1800: ratio 0.8125 → slightly behind
    expect(host.flag('赣州指标', `${col('actual2023')}${r}`)).toBe('#FFC7CE');
    expect(host.flag('赣州指标', `${col('actual2022')}${r}`)).toBeNull();
    expect(host.flag('赣州指标', `${col('actual2024')}${r}`)).toBe('#FFEB9C');
    expect(host.flag('赣州指标', `${col('actual2025')}${r}`)).toBeNull(); // empty: never flagged
  });

  test('at the selection: written only when every cell it covers is empty', async () => {
    const host = new FakeHost();
    host.selection = { sheet: 'Sheet1', row: 2, col: 1, rows: 1, cols: 1 };
    host.type('Sheet1', 'D30', 'my note');
    await expect(
      insertAtSelection(host.context() as never, (o) => regionLayout(plan.region('九江'), 'plain', 'zh', '1', o)),
    ).rejects.toBeInstanceOf(NeedsConfirmation);
    expect(host.sheet('Sheet1').value(29, 3)).toBe('my note');
    expect(host.tables).toHaveLength(0);
    host.selection = { sheet: 'Sheet1', row: 40, col: 1, rows: 1, cols: 1 };
    host.syncs = 0;
    await insertAtSelection(host.context() as never, (o) => regionLayout(plan.region('赣州'), 'plain', 'zh', '1', o));
    expect(host.syncs).toBe(2);
    const ws = host.sheet('Sheet1');
    // Title at B41, header at row 45, first data row 46; formulas point at their own row and shifted columns.
    expect(ws.value(40, 1)).toContain('赣州市“十四五”科技创新规划');
    const r = 45 + plan.region('赣州').entries.findIndex((e) => e.indicator.id === 'high_tech_enterprises');
    expect(ws.value(r, 1 + colIndex('expected2023'))).toBe(1600);
  });
});

describe('refresh never loses what a person typed', () => {
  test('figures land on their indicator after sorting; actuals and own columns stay', async () => {
    const host = new FakeHost();
    await insertOnNewSheets(host.context() as never, [layout('赣州')]);
    const ws = host.sheet('赣州指标');
    const n = plan.region('赣州').entries.length;
    const first = 5; // zero-based first body row
    // A person types actuals, then sorts the body rows in reverse (rows move with their formulas, as in Excel).
    for (let i = 0; i < n; i++) ws.setContent(first + i, colIndex('actual2021'), 100 + i);
    const body = Array.from({ length: n }, (_r, i) => Array.from({ length: SEED_COLUMNS.length }, (_c, j) => ws.formula(first + i, j)));
    const reversed = body.reverse();
    // Re-enter the reversed rows with their formulas re-pointed at their new row, as Excel's sort does.
    reversed.forEach((row, i) =>
      row.forEach((v, j) => {
        const from = first + (n - 1 - i) + 1;
        const to = first + i + 1;
        ws.setContent(
          first + i,
          j,
          typeof v === 'string' && v.startsWith('=') ? v.replace(new RegExp(`([A-Z])${from}(?!\\d)`, 'g'), `$1${to}`) : v,
        );
      }),
    );
    // A person overwrites one figure: refresh keeps it and names the cell, until the person confirms.
    const idCol = colIndex('id');
    const hteRow = Array.from({ length: n }, (_r, i) => i).find((i) => ws.value(first + i, idCol) === 'high_tech_enterprises')!;
    ws.setContent(first + hteRow, colIndex('target'), 999);
    host.syncs = 0;
    const fresh = (_name: string, origin: { row: number; col: number }) =>
      regionLayout(plan.region('赣州'), 'plain', 'zh', plan.dataset.version, origin);
    const kept = await refreshTables(host.context() as never, fresh);
    expect(host.syncs).toBe(3);
    expect(kept.tables[0].plan.changed).toEqual([]);
    expect(kept.tables[0].edits).toEqual([`赣州指标!${col('target')}${first + hteRow + 1}`]);
    expect(ws.value(first + hteRow, colIndex('target'))).toBe(999);
    const results = await refreshTables(host.context() as never, fresh, { overwriteEdits: true });
    expect(results.tables[0].plan.changed).toEqual(['high_tech_enterprises']);
    expect(ws.value(first + hteRow, colIndex('target'))).toBe(2000);
    expect(ws.value(first + hteRow, colIndex('expected2023'))).toBe(1600);
    for (let i = 0; i < n; i++) expect(ws.value(first + i, colIndex('actual2021'))).toBe(100 + (n - 1 - i));
  });

  test("a kept hand edit is named by sheet, indicator and column in the pane's language (English table, English pane)", async () => {
    const host = new FakeHost();
    const actions = officeActions(plan, 'en', host.run as never);
    await actions.insertNew(['赣州'], 'plain');
    const ws = host.sheets[host.sheets.length - 1];
    const sheet = ws.name;
    const idCol = colIndex('id');
    let row = 0;
    while (ws.value(row, idCol) !== 'high_tech_enterprises') row++;
    host.type(sheet, `${col('target')}${row + 1}`, 999);
    const r = await actions.refresh();
    const name = String(ws.value(row, colIndex('name')));
    expect(name).not.toMatch(/[\u4e00-\u9fff]/);
    expect(r.edits).toEqual([`${sheet} · ${name} · 2025 target value (${col('target')}${row + 1})`]);
  });

  test('repeated refreshes change nothing once figures are current', async () => {
    const host = new FakeHost();
    const actions = officeActions(plan, 'zh', host.run as never);
    await actions.insertNew(['九江'], 'linked');
    host.type('九江指标', 'H6', 5);
    const a = await actions.refresh();
    const b = await actions.refresh();
    const none = { tables: 1, changed: 0, edits: [], missing: [], removed: [], blocked: [] };
    expect(a).toEqual(none);
    expect(b).toEqual(none);
    expect(host.sheet('九江指标').value(5, colIndex('actual2021'))).toBe(5);
  });
});

test('after a dataset update, refresh rewrites the changed figure and keeps what a person typed', async () => {
  const host = new FakeHost();
  await insertOnNewSheets(host.context() as never, [layout('赣州')]);
  const ws = host.sheet('赣州指标');
  const r = rowOf('赣州', 'high_tech_enterprises') - 1;
  ws.setContent(r, colIndex('actual2023'), 1700);
  // A note a person typed below the table (the legend ends a few rows under it).
  const noteRow = 6 + plan.region('赣州').entries.length + 15;
  host.type('赣州指标', `A${noteRow}`, '我的备注');
  // A new data version in which the 2025 target of 高新技术企业 is 2200.
  const authored = AUTHORED_REGIONS.map((a) =>
    a.name !== '赣州'
      ? a
      : {
          ...a,
          entries: a.entries.map((e) =>
            e.indicator === 'high_tech_enterprises' ? { ...e, target: { ...e.target!, raw: '2200', quote: '2200' } } : e,
          ),
        },
  );
  const updated = new Plan(buildDataset(authored, CATALOGUE, '1.0.1'));
  const refresh = () =>
    refreshTables(host.context() as never, (_n, origin) => regionLayout(updated.region('赣州'), 'plain', 'zh', '1.0.1', origin));
  const first = await refresh();
  expect(first.tables[0].plan.changed).toEqual(['high_tech_enterprises']);
  expect(ws.value(r, colIndex('target'))).toBe(2200);
  expect(ws.value(r, colIndex('expected2023'))).toBe(1720);
  for (let i = 0; i < 3; i++) expect((await refresh()).tables[0].plan.changed).toEqual([]);
  expect(ws.value(r, colIndex('actual2023'))).toBe(1700);
  expect(ws.value(noteRow - 1, 0)).toBe('我的备注');
  // 1700 against the new path (1720) is on track at ratio 0.97; against the old one (1600) it would be too.
  expect(host.flag('赣州指标', `${col('actual2023')}${r + 1}`)).toBeNull();
});

describe('build a formula', () => {
  test('never overwrites a non-empty cell without being told', async () => {
    const host = new FakeHost();
    host.selection = { sheet: 'Sheet1', row: 0, col: 0, rows: 1, cols: 1 };
    host.type('Sheet1', 'A1', 42);
    await expect(writeFormulaToActiveCell(host.context() as never, '=PLAN.TARGET("赣州","高新技术企业")')).rejects.toBeInstanceOf(
      NeedsConfirmation,
    );
    expect(host.sheet('Sheet1').value(0, 0)).toBe(42);
    await writeFormulaToActiveCell(host.context() as never, '=PLAN.TARGET("赣州","高新技术企业")', true);
    expect(host.sheet('Sheet1').value(0, 0)).toBe(2000);
  });
});

test('a table inserted in English refreshes from a Chinese pane, and the other way round', async () => {
  const host = new FakeHost();
  await insertOnNewSheets(host.context() as never, [regionLayout(plan.region('吉安'), 'plain', 'en', plan.dataset.version)]);
  const ws = host.sheet("Ji'an indicators");
  ws.setContent(5, colIndex('target'), 1);
  ws.setContent(5, colIndex('actual2022'), 7);
  // A Chinese pane refreshes it (the layout the pane uses): the figure comes back, the sheet stays English.
  const res = await refreshTables(host.context() as never, tableLayoutFor(plan, 'zh', plan.dataset.version), { overwriteEdits: true });
  expect(res.tables[0].plan.changed).toEqual([plan.region('吉安').entries[0].indicator.id]);
  expect(ws.value(5, colIndex('target'))).toBe(2.3);
  expect(ws.value(5, colIndex('actual2022'))).toBe(7);
  expect(ws.value(5, colIndex('name'))).toBe(plan.region('吉安').entries[0].indicator.en);
  // And the other way round: a Chinese table refreshed from an English pane stays Chinese.
  await insertOnNewSheets(host.context() as never, [regionLayout(plan.region('赣州'), 'plain', 'zh', plan.dataset.version)]);
  const again = await refreshTables(host.context() as never, tableLayoutFor(plan, 'en', plan.dataset.version));
  expect(again.tables.every((t) => t.plan.changed.length === 0)).toBe(true);
  expect(host.sheet('赣州指标').value(5, colIndex('name'))).toBe(plan.region('赣州').entries[0].name);
});

describe('empty means empty: no write over a value, a formula, a merged area or a table', () => {
  const insertGanzhou = (host: FakeHost) =>
    insertAtSelection(host.context() as never, (o) => regionLayout(plan.region('赣州'), 'plain', 'zh', '1', o));

  test("a formula that shows nothing is a person's work: refused, the cell named, nothing written", async () => {
    const host = new FakeHost();
    host.type('Sheet1', 'D10', '=IF(1>2,1,"")');
    host.selection = { sheet: 'Sheet1', row: 1, col: 0, rows: 1, cols: 1 };
    const e = await insertGanzhou(host).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NeedsConfirmation);
    expect((e as NeedsConfirmation).refusal).toEqual({ kind: 'occupied', cells: ['D10'] });
    expect((e as NeedsConfirmation).message).toContain('Sheet1!D10');
    expect(host.sheet('Sheet1').formula(9, 3)).toBe('=IF(1>2,1,"")');
    expect(host.tables).toHaveLength(0);
    expect(host.xmlParts).toHaveLength(0);
  });

  test('a merged area crossing the block: refused with the area', async () => {
    const host = new FakeHost();
    host.merge('Sheet1', 'E8:F9');
    host.selection = { sheet: 'Sheet1', row: 1, col: 0, rows: 1, cols: 1 };
    const e = (await insertGanzhou(host).catch((x: unknown) => x)) as NeedsConfirmation;
    expect(e.refusal).toEqual({ kind: 'merged', areas: ['E8:F9'] });
    expect(host.sheet('Sheet1').value(1, 0)).toBe('');
  });

  test("another table crossing the block (anyone's): refused with its name", async () => {
    const host = new FakeHost();
    const ctx = host.context();
    ctx.workbook.worksheets.getItem('Sheet1').tables.add('J30:K32', true).name = 'Budget';
    await ctx.sync();
    host.selection = { sheet: 'Sheet1', row: 1, col: 0, rows: 1, cols: 1 };
    const e = (await insertGanzhou(host).catch((x: unknown) => x)) as NeedsConfirmation;
    expect(e.refusal).toEqual({ kind: 'table', tables: ['Budget'] });
    expect(host.tables.map((t) => t.name)).toEqual(['Budget']);
  });

  test('where the host cannot probe merged cells or tables, Excel refuses the table first and nothing is written', async () => {
    const host = new FakeHost();
    host.merge('Sheet1', 'E8:F8');
    host.selection = { sheet: 'Sheet1', row: 1, col: 0, rows: 1, cols: 1 };
    const g = globalThis as unknown as { Office?: unknown };
    g.Office = {
      context: { requirements: { isSetSupported: (name: string, v: string) => name === 'ExcelApi' && Number(v.split('.')[1]) <= 8 } },
    };
    try {
      expect(supports('ExcelApi 1.13')).toBe(false);
      expect(supports('ExcelApi 1.5')).toBe(true);
      const before = host.snapshot();
      await expect(insertGanzhou(host)).rejects.toMatchObject({ code: 'InvalidArgument' });
      expect(host.snapshot()).toEqual(before);
    } finally {
      delete g.Office;
    }
    expect(supports('ExcelApi 1.13')).toBe(true);
  });

  test('write a formula: a blank-looking formula counts as content', async () => {
    const host = new FakeHost();
    host.type('Sheet1', 'B2', '=IF(1>2,1,"")');
    host.selection = { sheet: 'Sheet1', row: 1, col: 1, rows: 1, cols: 1 };
    const e = (await writeFormulaToActiveCell(host.context() as never, '=1').catch((x: unknown) => x)) as NeedsConfirmation;
    expect(e.refusal).toEqual({ kind: 'occupied', cells: ['B2'] });
    expect(host.sheet('Sheet1').formula(1, 1)).toBe('=IF(1>2,1,"")');
  });

  test('round trips: marking and clearing take four each', async () => {
    const host = new FakeHost();
    host.type('Sheet1', 'A1', 5);
    host.selection = { sheet: 'Sheet1', row: 0, col: 0, rows: 1, cols: 1 };
    const read = await readSelection(host.context() as never);
    host.syncs = 0;
    expect(await markCells(host.context() as never, read, [{ row: 0, col: 0, fill: 'FFC7CE' }])).toEqual({
      marked: 1,
      restored: 0,
      left: [],
    });
    expect(host.syncs).toBe(4);
    host.syncs = 0;
    expect(await clearMarks(host.context() as never)).toEqual({ restored: 1, left: [] });
    expect(host.syncs).toBe(4);
    expect(host.sheet('Sheet1').format.get('0,0')?.fill).toBeUndefined();
    expect(host.xmlParts).toHaveLength(0);
  });
});
