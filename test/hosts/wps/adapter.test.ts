/**
 * The WPS adapter driven through the pane's actions (PaneActions) against the strict fake ET host: insert (new
 * sheet, at the selection, all regions), refresh, check my template, build a formula, and the refusal of occupied
 * cells, merged areas and tables, which writes nothing.
 */
import { colIndex, colLetter, SEED_COLUMNS, FILL, FONT, regionLayout, type Mode } from '../../../src/core/sheet/layout';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { setLanguage } from '../../../src/functions/impl';
import { Occupied, Refused } from '../../../src/panes/modern/App';
import { freeSheetName } from '../../../src/core/sheet/cells';
import type { Dataset } from '../../../src/core/plan/model';
import { wpsActions } from '../../../src/hosts/wps/actions';
import { bgr } from '../../../src/hosts/wps/et';
import { EtError, FakeEt, parseA1 } from '../../fakes/fakeEt';

setLanguage('zh-CN');
const plan = new Plan(dataset());
const layout = (region: string, mode: Mode = 'plain', origin = { row: 1, col: 0 }) =>
  regionLayout(plan.region(region), mode, 'zh', plan.dataset.version, origin);
const setup = (sheets?: string[]) => {
  const et = new FakeEt(sheets);
  return { et, actions: wpsActions(plan, 'zh', et) };
};
/** 1-based sheet row of an indicator in a table inserted at A1. */
const rowOf = (region: string, id: string) => 6 + plan.region(region).entries.findIndex((e) => e.indicator.id === id);
const letter = (key: Parameters<typeof colIndex>[0], c0 = 0) => colLetter(colIndex(key) + c0);

describe('insert on a new sheet', () => {
  test('writes what the layout says: title, header, body, table, number formats, rules, widths, frozen panes', async () => {
    const { et, actions } = setup();
    await expect(actions.insertNew(['赣州'], 'plain')).resolves.toBe('赣州指标');
    expect(et.wb.sheets.map((s) => s.name)).toEqual(['Sheet1', '赣州指标']);
    const ws = et.sheet('赣州指标');
    const l = layout('赣州');
    expect(ws.at('A1')?.value).toBe(l.title);
    expect(ws.at('A1')?.bold).toBe(true);
    expect(ws.at('A2')?.color).toBe(bgr('595959'));
    expect(ws.at('C3')?.fill).toBe(bgr(FILL.slightlyBehind));
    expect(ws.Range('A5').Resize(1, SEED_COLUMNS.length).Value2).toEqual([l.header]);
    // Every body cell holds the layout's content (Formula reads constants back as text).
    const body = ws.Range('A6').Resize(l.rows.length, SEED_COLUMNS.length).Formula as unknown[][];
    body.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(l.rows[i].cells[j] === null ? '' : String(l.rows[i].cells[j]))));
    const r = rowOf('赣州', 'high_tech_enterprises');
    expect(ws.at(`${letter('target')}${r}`)?.value).toBe(2000);
    expect(ws.at(`${letter('expected2023')}${r}`)?.formula).toMatch(/^=E\d+\+\(G\d+-E\d+\)\*3\/5$/);
    expect(ws.at(`${letter('target')}${r}`)?.numberFormat).toBe(l.rows[r - 6].numberFormat);
    // Texts in the text format, so that ET keeps them as written (a name such as 2-5 is not read as a date).
    expect(ws.at(`${letter('name')}${r}`)?.numberFormat).toBe('@');
    expect(ws.at(`${letter('actual2021')}${r}`)?.fill).toBe(bgr(FILL.input));
    expect(ws.at(`${letter('id')}${r}`)?.color).toBe(bgr(FONT.helper));

    expect(ws.tables.map((t) => [t.name, t.style, t.rect])).toEqual([
      ['PLAN_P_Ganzhou', 'TableStyleLight9', { row: 5, col: 1, rows: l.rows.length + 1, cols: SEED_COLUMNS.length }],
    ]);
    const flag = parseA1(l.flagRange);
    expect(ws.rules).toEqual(
      l.rules.map((rule) => ({
        rect: flag,
        type: 2,
        formula1: `=${rule.formula}`,
        // Relative references are read from the active cell: the adapter made it the flagged range's first cell.
        anchor: { sheet: '赣州指标', row: flag.row, col: flag.col },
        fill: bgr(rule.fill),
        font: bgr(rule.font),
      })),
    );
    expect(ws.widths.get(2)).toBe(SEED_COLUMNS[1].width);
    // The helper columns are hidden (1-based), and only they; the header names the expected values as such.
    expect([...ws.hidden].sort((a, b) => a - b)).toEqual(l.helperColumns.map((i) => i + 1));
    expect(l.header[colIndex('expected2023')]).toBe('2023年应达值');
    expect(ws.freeze).toEqual(l.freeze);
    expect(et.ActiveSheet.Name).toBe('赣州指标');
  });

  test('all regions: one sheet each, in order; again: "(2)" sheets and distinct table names', async () => {
    const { et, actions } = setup();
    const names = plan.regions().map((r) => r.name);
    await actions.insertNew(names, 'linked');
    expect(et.wb.sheets.map((s) => s.name)).toEqual(['Sheet1', ...names.map((n) => `${n}指标`)]);
    expect(et.ActiveSheet.Name).toBe(`${names[0]}指标`);
    await expect(actions.insertNew(['赣州'], 'linked')).resolves.toBe('赣州指标 (2)');
    const tables = et.wb.tables().map((t) => t.name);
    expect(new Set(tables).size).toBe(tables.length);
    expect(tables).toContain('PLAN_L_Ganzhou_2');
    const r = rowOf('赣州', 'high_tech_enterprises');
    expect(et.sheet('赣州指标').at(`${letter('target')}${r}`)?.formula).toBe('=PLAN.TARGET("赣州","high_tech_enterprises",2025)');
  });

  test('sheet names keep within 31 characters when "(n)" is added', () => {
    const long = 'x'.repeat(31);
    const name = freeSheetName(long, [long, `${'x'.repeat(27)} (2)`]);
    expect(name).toBe(`${'x'.repeat(27)} (3)`);
    const et = new FakeEt([long]);
    expect(() => (et.wb.Worksheets.Add().Name = name)).not.toThrow();
  });
});

describe('insert at the selection', () => {
  test('at C3 on the active sheet: the layout placed there, formulas pointing at its own columns', async () => {
    const { et, actions } = setup();
    et.select('Sheet1', 'C3');
    await expect(actions.insertHere('赣州', 'plain')).resolves.toBe('Sheet1');
    const ws = et.sheet('Sheet1');
    const l = layout('赣州', 'plain', { row: 3, col: 2 });
    expect(ws.at('C3')?.value).toBe(l.title);
    expect(ws.tables[0].rect).toEqual({ row: 7, col: 3, rows: l.rows.length + 1, cols: SEED_COLUMNS.length });
    const r = 8 + plan.region('赣州').entries.findIndex((e) => e.indicator.id === 'high_tech_enterprises');
    expect(ws.at(`${letter('expected2023', 2)}${r}`)?.formula).toBe(l.rows[r - 8].cells[colIndex('expected2023')]);
    expect(ws.freeze).toBeNull();
    // At a selection the person's whole columns are left alone: nothing is hidden.
    expect(ws.hidden.size).toBe(0);
    // The person's selection is where it was.
    expect(ws.selection).toEqual(parseA1('C3'));
  });

  test.each([
    ['a value', (et: FakeEt) => et.sheet('Sheet1').type('E10', '我的数据')],
    ['a formula that shows nothing', (et: FakeEt) => et.sheet('Sheet1').type('F12', '=IF(1>2,1,"")')],
    ['the number 0', (et: FakeEt) => et.sheet('Sheet1').type(`${colLetter(SEED_COLUMNS.length - 1)}20`, 0)],
  ])('refuses cells holding %s, names them and writes nothing', async (_what, fill) => {
    const { et, actions } = setup();
    fill(et);
    et.select('Sheet1', 'A1');
    const before = et.sheet('Sheet1').snapshot();
    const writes = et.wb.writes;
    const err = await actions.insertHere('赣州', 'plain').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Occupied);
    expect((err as Occupied).address).toBe(`Sheet1!A1:${colLetter(SEED_COLUMNS.length - 1)}${layout('赣州').rows.length + 5}`);
    expect(et.sheet('Sheet1').snapshot()).toBe(before);
    expect(et.wb.writes).toBe(writes);
  });

  test('refuses a merged area or another table crossing the block, in plain words, writing nothing', async () => {
    const { et, actions } = setup();
    et.sheet('Sheet1').merge('D8:E9');
    et.select('Sheet1', 'A1');
    const writes = et.wb.writes;
    const merged = await actions.insertHere('赣州', 'plain').catch((e: unknown) => e);
    expect(merged).toBeInstanceOf(Occupied);
    expect((merged as Occupied).refusal).toEqual({ kind: 'merged', areas: ['D8:E9'] });
    expect(et.wb.writes).toBe(writes);

    const other = setup();
    await other.actions.insertNew(['九江'], 'plain');
    other.et.select('九江指标', `${colLetter(SEED_COLUMNS.length + 1)}1`); // clear of the table on its right
    await expect(other.actions.insertHere('赣州', 'plain')).resolves.toBe('九江指标');
    other.et.select('九江指标', 'B30');
    const w2 = other.et.wb.writes;
    const crossing = await other.actions.insertHere('赣州', 'plain').catch((e: unknown) => e);
    expect((crossing as Occupied).refusal).toEqual({ kind: 'table', tables: ['PLAN_P_Jiujiang'] });
    expect(other.et.wb.writes).toBe(w2);
  });
});

/** The same data with one figure changed, as after a data update. */
function changedPlan(): Plan {
  const ds = dataset();
  const regions = ds.regions.map((r) =>
    r.name !== '赣州'
      ? r
      : {
          ...r,
          entries: r.entries.map((e) =>
            e.indicator.id === 'high_tech_enterprises' ? { ...e, target: { ...e.target!, value: 2500, raw: '2500家' } } : e,
          ),
        },
  );
  return new Plan({ ...ds, regions } as Dataset);
}

describe('refresh', () => {
  const summary = { tables: 1, changed: 0, edits: [], missing: [], removed: [], blocked: [] };

  test('rewrites figures the data changed, keeps actual values, keeps and lists hand edits until the person confirms', async () => {
    const { et, actions } = setup();
    await actions.insertNew(['赣州'], 'plain');
    const ws = et.sheet('赣州指标');
    const r = rowOf('赣州', 'high_tech_enterprises');
    const target = `${letter('target')}${r}`;
    ws.type(`${letter('actual2023')}${r}`, 1200);
    await expect(actions.refresh()).resolves.toEqual(summary);

    // The data changed: the add-in's own figure is rewritten; the actual value stays.
    const after = wpsActions(changedPlan(), 'zh', et);
    await expect(after.refresh()).resolves.toEqual({ ...summary, changed: 1 });
    expect(ws.at(target)?.value).toBe(2500);
    expect(ws.at(`${letter('actual2023')}${r}`)?.value).toBe(1200);

    // A figure a person typed over is kept and listed, then rewritten only when asked.
    ws.type(target, 999);
    await expect(after.refresh()).resolves.toEqual({ ...summary, edits: [`赣州指标 · 高新技术企业数量 · 2025年目标值（${target}）`] });
    expect(ws.at(target)?.value).toBe(999);
    await expect(after.refresh({ overwriteEdits: true })).resolves.toEqual({ ...summary, changed: 1 });
    expect(ws.at(target)?.value).toBe(2500);
  });

  test('a row a person deleted stays deleted; without a record it is added back below the table, only into free cells', async () => {
    const { et, actions } = setup();
    await actions.insertNew(['赣州'], 'plain');
    const ws = et.sheet('赣州指标');
    const t = ws.tables[0];
    const last = t.rect.row + t.rect.rows - 1;
    const lastId = ws.at(`${letter('id')}${last}`)?.value as string;
    const end = colLetter(SEED_COLUMNS.length - 1);
    t.Resize(ws.Range(`A${t.rect.row}:${end}${last - 1}`));
    ws.Range(`A${last}:${end}${last}`).Formula = '';
    await expect(actions.refresh()).resolves.toEqual({ ...summary, removed: [lastId] });
    expect(ws.at(`${letter('id')}${last}`)?.value).toBeUndefined();

    // A table from before records were kept: the row counts as new, and goes only where the cells are free.
    et.wb.parts.splice(0);
    ws.type(`C${last}`, '我的备注');
    const before = ws.snapshot();
    const blocked = await actions.refresh();
    expect(blocked.blocked).toEqual([`以下单元格已有内容（值或公式），未写入任何单元格：赣州指标!C${last}`]);
    expect(ws.snapshot()).toBe(before);
    ws.type(`C${last}`, undefined);
    await expect(actions.refresh()).resolves.toEqual(summary);
    expect(ws.at(`${letter('id')}${last}`)?.value).toBe(lastId);
    expect(t.rect.rows).toBe(layout('赣州').rows.length + 1);
  });

  test('names a table it inserted that is gone; nothing to refresh without PLAN_ tables', async () => {
    const { et, actions } = setup();
    await expect(actions.refresh()).resolves.toEqual({ ...summary, tables: 0 });
    await actions.insertNew(['赣州'], 'plain');
    et.sheet('赣州指标').tables[0].Name = 'MyTable';
    await expect(actions.refresh()).resolves.toEqual({ ...summary, tables: 0, missing: ['PLAN_P_Ganzhou'] });
  });
});

describe('check my template and build a formula', () => {
  test('reads the selection as rows of values from its 0-based corner; marks change fills only', async () => {
    const { et, actions } = setup();
    const ws = et.sheet('Sheet1');
    ws.type('B20', '指标');
    ws.type('C20', '2023年');
    ws.type('B21', '高新技术企业');
    ws.type('C21', 1200);
    et.select('Sheet1', 'B20:D21');
    const read = await actions.readSelection();
    expect(read).toEqual({
      sheet: 'Sheet1',
      values: [
        ['指标', '2023年', ''],
        ['高新技术企业', 1200, ''],
      ],
      address: 'Sheet1!B20:D21',
      rowIndex: 19,
      columnIndex: 1,
    });
    ws.Range('C21').Interior.Color = bgr('00B0F0'); // the person's own colour
    await expect(actions.markCells(read, [{ row: 20, col: 2, fill: FILL.behind }])).resolves.toEqual({ marked: 1, restored: 0, left: [] });
    expect(ws.at('C21')).toMatchObject({ value: 1200, fill: bgr(FILL.behind) });
    // Marking again does not stack; clearing gives the person's colour back.
    await expect(actions.markCells(read, [{ row: 20, col: 2, fill: FILL.slightlyBehind }])).resolves.toEqual({
      marked: 1,
      restored: 0,
      left: [],
    });
    await expect(actions.clearMarks()).resolves.toEqual({ restored: 1, left: [] });
    expect(ws.at('C21')).toMatchObject({ value: 1200, fill: bgr('00B0F0') });
  });

  test('marks nothing when the cells changed since they were read, or their sheet is gone', async () => {
    const { et, actions } = setup();
    const ws = et.sheet('Sheet1');
    ws.type('B21', '高新技术企业');
    ws.type('C21', 1200);
    et.select('Sheet1', 'B21:C21');
    const read = await actions.readSelection();
    ws.type('C21', 1300);
    const writes = et.wb.writes;
    const changed = await actions.markCells(read, [{ row: 20, col: 2, fill: FILL.behind }]).catch((e: unknown) => e);
    expect(changed).toBeInstanceOf(Refused);
    expect((changed as Refused).refusal).toEqual({ kind: 'changed', cells: ['C21'] });
    ws.Name = '改名';
    const gone = await actions.markCells(read, [{ row: 20, col: 2, fill: FILL.behind }]).catch((e: unknown) => e);
    expect((gone as Refused).refusal).toEqual({ kind: 'gone', sheet: 'Sheet1' });
    expect(et.wb.writes).toBe(writes + 1); // the rename only
    expect(ws.at('C21')?.fill).toBeUndefined();
  });

  test('writes a formula into an empty active cell; asks before replacing', async () => {
    const { et, actions } = setup();
    et.select('Sheet1', 'A31');
    await expect(actions.writeFormula('=PLAN.TARGET("赣州","高新技术企业",2025)', false)).resolves.toBe('Sheet1!A31');
    expect(et.sheet('Sheet1').at('A31')?.formula).toBe('=PLAN.TARGET("赣州","高新技术企业",2025)');
    const err = await actions.writeFormula('=PLAN.BASELINE("赣州","高新技术企业")', false).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Occupied);
    expect((err as Occupied).address).toBe('Sheet1!A31');
    await expect(actions.writeFormula('=PLAN.BASELINE("赣州","高新技术企业")', true)).resolves.toBe('Sheet1!A31');
    expect(et.sheet('Sheet1').at('A31')?.formula).toBe('=PLAN.BASELINE("赣州","高新技术企业")');
  });
});

describe('the fake is strict where ET is', () => {
  test('1-based indexes, COM collections, scalar Value2 for one cell', () => {
    const et = new FakeEt();
    const ws = et.sheet('Sheet1');
    expect(() => ws.Cells.Item(0, 1)).toThrow(EtError);
    expect(() => et.wb.Worksheets.Item(0)).toThrow(EtError);
    expect(et.wb.Worksheets.Item(1)).toBe(ws);
    expect(et.wb.Worksheets.Count).toBe(1);
    ws.type('A1', 5);
    expect(ws.Range('A1').Value2).toBe(5);
    expect(ws.Range('A1:B1').Value2).toEqual([[5, undefined]]);
    expect(ws.Range('A1:B1').Formula).toEqual([['5', '']]);
    ws.Range('A2:C2').Value2 = [[1, 2]];
    expect(ws.Range('C2').Value2).toBe('#N/A');
  });

  test('sheet names, colours, selection and merged cells', () => {
    const et = new FakeEt();
    const ws = et.wb.Worksheets.Add();
    expect(() => (ws.Name = 'x'.repeat(32))).toThrow(/1–31/);
    expect(() => (ws.Name = '赣州/指标')).toThrow(/may not contain/);
    expect(() => (ws.Name = 'sheet1')).toThrow(/already exists/);
    expect(() => (ws.Range('A1').Interior.Color = '#FF0000' as unknown as number)).toThrow(/BGR/);
    et.sheet('Sheet1').merge('A1:B2');
    expect(() => et.sheet('Sheet1').Range('A1').Select()).toThrow(/not the active sheet/);
    expect(() => (et.sheet('Sheet1').Range('B2:C2').Value2 = [[1, 2]])).toThrow(/merged/);
    expect(et.sheet('Sheet1').Range('A1:C1').MergeCells).toBeNull();
    expect(() => et.sheet('Sheet1').ListObjects.Add(1, et.sheet('Sheet1').Range('A1:C3'), undefined, 1)).toThrow(/merged/);
  });
});

test('a WPS without custom XML parts inserts and refreshes without records, and refuses marks it could not take back', async () => {
  const { et, actions } = setup();
  Object.defineProperty(et.wb, 'CustomXMLParts', { get: () => undefined });
  await expect(actions.insertNew(['赣州'], 'plain')).resolves.toBe('赣州指标');
  await expect(actions.refresh()).resolves.toMatchObject({ tables: 1, changed: 0, edits: [] });
  et.select('赣州指标', 'B6:C6');
  const read = await actions.readSelection();
  const writes = et.wb.writes;
  await expect(actions.markCells(read, [{ row: 5, col: 1, fill: FILL.behind }])).rejects.toThrow(/无法在工作簿中保存标色记录/);
  expect(et.wb.writes).toBe(writes);
});

test('a selection that is not cells gets a clear message, and nothing is written', async () => {
  const { et, actions } = setup();
  Object.defineProperty(et, 'Selection', { get: () => ({ Name: 'Picture 1' }) });
  const writes = et.wb.writes;
  await expect(actions.insertHere('赣州', 'plain')).rejects.toThrow(/请先选中单元格/);
  await expect(actions.readSelection()).rejects.toThrow(/select cells first/);
  expect(et.wb.writes).toBe(writes);
});
