/**
 * Trying to break us: after each thing a person does to a workbook (sort, insert and delete rows, rename the sheet,
 * convert the table to a range, type into the actual column, paste a value over a formula, refresh twice, take
 * the sheet names "insert all" wants, switch sheets between "check" and "mark"), every pane action runs against the
 * strict fake host, and every cell the add-in did not own must be unchanged — value, formula and fill.
 */
import { FakeExcelNamespace, FakeHost, type CellState } from '../../fakes/fakeExcel';
import { dataset } from '../../../src/data/index';
import { Plan } from '../../../src/core/plan/plan';
import { SEED_COLUMNS, FILL, colIndex, colLetter, layoutSize, regionLayout } from '../../../src/core/sheet/layout';
import { flagTemplate, matchTemplate } from '../../../src/core/sheet/template';
import { officeActions } from '../../../src/hosts/excel/actions';
import { Occupied, Refused, type MarkCell, type PaneActions, type Selection } from '../../../src/panes/modern/App';
import { setLanguage } from '../../../src/functions/impl';
import { TEMPLATE_CELLS } from '../../fixtures/template';

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelNamespace;
setLanguage('zh-CN');

const plan = new Plan(dataset());
const col = (key: Parameters<typeof colIndex>[0]) => colLetter(colIndex(key));
const GZ = '赣州指标';
const GZ_TABLE = 'PLAN_P_Ganzhou';

/** A cell address on a sheet, for the person's cells. */
type Where = { sheet: string; address: string };

interface World {
  host: FakeHost;
  actions: PaneActions;
  /** Cells inside the add-in's columns that a person edited: no action may change them. */
  edited: Where[];
  /** Every cell ever marked (sheetId!A1): "clear marks" may change their fill, nothing else. */
  marked: Set<string>;
}

/** A workbook a person has worked in: two inserted tables, their own notes, fills, a template and a blank-looking formula. */
async function setup(): Promise<World> {
  const host = new FakeHost();
  const actions = officeActions(plan, 'zh', host.run as never);
  await actions.insertNew(['赣州'], 'plain');
  await actions.insertNew(['九江'], 'linked');
  // The person's own work on Sheet1: a template row that stays blank until data arrive, coloured cells, a report.
  host.type('Sheet1', 'D10', '=IF(1>2,1,"")');
  host.paint('Sheet1', 'D10', '#DDEBF7');
  for (const [a, v] of TEMPLATE_CELLS) host.type('Sheet1', a, v);
  host.paint('Sheet1', 'B21', '#00B050'); // the person's own green, under a cell the pane will flag
  host.paint('Sheet1', 'C20', '#FFFF00');
  // Their actual values and a note in a column of their own beside the table.
  host.type(GZ, `${col('actual2021')}6`, 1100);
  const beside = `${colLetter(SEED_COLUMNS.length + 1)}6`; // one column clear of the table's right edge
  host.type(GZ, beside, '我的备注');
  host.paint(GZ, beside, '#FFC000');
  host.activate('Sheet1');
  return { host, actions, edited: [], marked: new Set() };
}

const tableOf = (host: FakeHost, name: string) => host.tables.find((t) => t.name === name);
const sheetRowOf = (host: FakeHost, sheet: string, id: string): number => {
  const ws = host.sheet(sheet);
  for (let r = 0; r < 200; r++) if (ws.value(r, colIndex('id')) === id) return r;
  throw new Error(`no row ${id}`);
};

interface Scenario {
  name: string;
  /** What the person does; returns the cells in the add-in's columns they edited. */
  act(w: World): Promise<Where[]> | Where[];
  /** Between "check my template" and "colour them" (default: nothing). */
  betweenCheckAndMark?(w: World): void;
  /** Extra expectations on the first refresh after the scenario. */
  onRefresh?(r: Awaited<ReturnType<PaneActions['refresh']>>, w: World): void;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'sort the table',
    act: ({ host }) => {
      host.sortTable(GZ_TABLE, colIndex('name'), true);
      return [];
    },
  },
  {
    name: 'insert and delete rows inside the table and above it',
    act: ({ host }) => {
      host.insertRows(GZ, 0, 2); // above the title
      const t = tableOf(host, GZ_TABLE)!;
      host.insertRows(GZ, t.top + 3, 1); // a blank row inside the body
      const gone = sheetRowOf(host, GZ, 'patent_grants');
      host.deleteRows(GZ, gone, 1); // a row the person does not want
      host.deleteRows('九江指标', 0, 1); // above the other table
      return [];
    },
    onRefresh: (r) => {
      expect(r.removed).toContain('patent_grants');
    },
  },
  {
    name: 'rename the sheet',
    act: ({ host }) => {
      host.renameSheet(GZ, '我的赣州');
      return [];
    },
  },
  {
    name: 'convert the table to a range',
    act: ({ host }) => {
      host.convertToRange(GZ_TABLE);
      return [];
    },
    onRefresh: (r) => {
      expect(r.missing).toEqual([GZ_TABLE]);
      expect(r.tables).toBe(1);
    },
  },
  {
    name: 'type text into the actual column',
    act: ({ host }) => {
      host.type(GZ, `${col('actual2022')}7`, '待核实');
      return [];
    },
  },
  {
    name: 'paste a value over a formula',
    act: ({ host }) => {
      const r = sheetRowOf(host, GZ, 'high_tech_enterprises') + 1;
      host.type(GZ, `${col('expected2023')}${r}`, 1650);
      host.type(GZ, `${col('target')}${r}`, '2100（调整后）');
      return [
        { sheet: GZ, address: `${col('expected2023')}${r}` },
        { sheet: GZ, address: `${col('target')}${r}` },
      ];
    },
    onRefresh: (r, { host }) => {
      const row = sheetRowOf(host, GZ, 'high_tech_enterprises') + 1;
      // Named as a statistician reads them: sheet, indicator, column, then the address.
      expect(r.edits.sort()).toEqual(
        [
          `${GZ} · 高新技术企业数量 · 2023年应达值（${col('expected2023')}${row}）`,
          `${GZ} · 高新技术企业数量 · 2025年目标值（${col('target')}${row}）`,
        ].sort(),
      );
    },
  },
  {
    name: 'refresh twice',
    act: async ({ actions }) => {
      await actions.refresh();
      await actions.refresh();
      return [];
    },
  },
  {
    name: '"insert all regions" when 赣州指标 and 赣州指标 (2) exist',
    act: ({ host }) => {
      const ctx = host.context();
      ctx.workbook.worksheets.add('赣州指标 (2)');
      host.type('赣州指标 (2)', 'A1', '别人的表');
      host.paint('赣州指标 (2)', 'A1', '#FF0000');
      return [];
    },
  },
  {
    name: 'switch sheets between "check" and "mark"',
    act: () => [],
    betweenCheckAndMark: ({ host }) => host.activate(GZ),
  },
];

const key = (c: CellState) => `${c.sheetId}!${colLetter(c.col)}${c.row + 1}`;

/** Cells whose value, formula or fill changed (`fill` true when only the fill changed). */
function changes(before: Map<string, CellState>, after: Map<string, CellState>): { key: string; cell: CellState; fillOnly: boolean }[] {
  const out: { key: string; cell: CellState; fillOnly: boolean }[] = [];
  const blank = (c: CellState): CellState => ({ ...c, value: '', formula: '', fill: '' });
  for (const k of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(k);
    const a = after.get(k);
    const cell = (a ?? b)!;
    const x = b ?? blank(cell);
    const y = a ?? blank(cell);
    const content = x.value !== y.value || x.formula !== y.formula;
    if (content || x.fill !== y.fill) out.push({ key: k, cell, fillOnly: !content });
  }
  return out;
}

/** Runs `op`, then checks every change is one `allowed` permits and the person's edited cells are as they were. */
async function guarded<T>(
  w: World,
  what: string,
  op: () => Promise<T>,
  allowed: (c: CellState, fillOnly: boolean, before: Map<string, CellState>) => boolean,
): Promise<T | Error> {
  const before = w.host.snapshot();
  const sheetIds = new Set(w.host.sheets.map((s) => s.sheetId));
  let result: T | Error;
  try {
    result = await op();
  } catch (e) {
    result = e as Error;
  }
  const after = w.host.snapshot();
  const bad = changes(before, after).filter((c) => (!sheetIds.has(c.cell.sheetId) ? false : !allowed(c.cell, c.fillOnly, before)));
  expect({ what, bad: bad.map((b) => b.key) }).toEqual({ what, bad: [] });
  for (const e of w.edited) {
    const ws = w.host.sheet(e.sheet);
    const k = `${ws.sheetId}!${e.address}`;
    expect({ what, cell: k, state: after.get(k) }).toEqual({ what, cell: k, state: before.get(k) });
  }
  return result;
}

/**
 * The add-in's cells for refresh: the non-input columns of each PLAN table body, and, for rows it adds back, cells
 * right under the table that were empty before.
 */
function refreshOwned(host: FakeHost): (c: CellState, fillOnly: boolean, before: Map<string, CellState>) => boolean {
  const areas = host.tables
    .filter((t) => t.name.startsWith('PLAN_'))
    .map((t) => ({ sheetId: t.sheet.sheetId, top: t.top + 1, end: t.top + t.height, left: t.left }));
  return (c, _fillOnly, before) =>
    areas.some(
      (a) =>
        a.sheetId === c.sheetId &&
        c.row >= a.top &&
        (c.row < a.end || (c.row < a.end + 40 && !before.has(key(c)))) &&
        c.col >= a.left &&
        c.col < a.left + SEED_COLUMNS.length &&
        !SEED_COLUMNS[c.col - a.left].input,
    );
}

/** What "check my template" then "colour them" does in the pane. */
async function checkAndMark(w: World, between?: (w: World) => void): Promise<{ selection: Selection; cells: MarkCell[]; result: unknown }> {
  w.host.select('Sheet1', 'A20:C23');
  const selection = await w.actions.readSelection();
  expect(selection.sheet).toBe('Sheet1');
  const region = plan.region('赣州');
  const flags = flagTemplate(selection.values, matchTemplate(selection.values, region, plan.resolver));
  const cells = flags.map((f) => ({
    row: selection.rowIndex + f.row,
    col: selection.columnIndex + f.col,
    fill: f.assessment.status === 'slightly_behind' ? FILL.slightlyBehind : FILL.behind,
  }));
  expect(cells.length).toBeGreaterThan(0);
  between?.(w);
  const sheet1 = w.host.sheet('Sheet1').sheetId;
  const targets = new Set(cells.map((c) => `${sheet1}!${colLetter(c.col)}${c.row + 1}`));
  const earlier = new Set(w.marked);
  const result = await guarded(
    w,
    'mark',
    () => w.actions.markCells(selection, cells),
    (c, fillOnly) => fillOnly && (targets.has(key(c)) || earlier.has(key(c))),
  );
  for (const t of targets) w.marked.add(t);
  return { selection, cells, result };
}

describe.each(SCENARIOS)('after "$name", every pane action leaves the person\'s cells alone', (scenario) => {
  test('refresh, refresh, mark, clear marks, insert here, write a formula, insert, insert all', async () => {
    const w = await setup();
    w.edited = await scenario.act(w);

    // Refresh (twice): only the add-in's own columns, never a cell the person edited.
    for (let i = 0; i < 2; i++) {
      const r = await guarded(w, `refresh ${i + 1}`, () => w.actions.refresh(), refreshOwned(w.host));
      if (r instanceof Error) throw r;
      if (i === 0) scenario.onRefresh?.(r, w);
      expect(r.edits.length).toBe(w.edited.length);
    }

    // Check my template, then colour the flagged cells: fills of those cells only, on the sheet that was read.
    const { result } = await checkAndMark(w, scenario.betweenCheckAndMark);
    expect(result).toMatchObject({ marked: 1 });
    const sheet1 = w.host.sheet('Sheet1');
    expect(sheet1.format.get('20,1')?.fill).toBe(`#${FILL.behind}`);
    // Marking twice does not stack: clearing gives back the person's own green.
    await checkAndMark(w);
    const cleared = await guarded(
      w,
      'clear marks',
      () => w.actions.clearMarks(),
      (c, fillOnly) => fillOnly && w.marked.has(key(c)),
    );
    expect(cleared).toEqual({ restored: 1, left: [] });
    expect(sheet1.format.get('20,1')?.fill).toBe('#00B050');

    // Insert here over the blank-looking formula in D10: refused, nothing written, the cell named.
    w.host.select('Sheet1', 'B8');
    const refused = await guarded(
      w,
      'insert here (occupied)',
      () => w.actions.insertHere('赣州', 'plain'),
      () => false,
    );
    expect(refused).toBeInstanceOf(Occupied);
    const why = (refused as Occupied).refusal;
    expect(why?.kind).toBe('occupied');
    expect(why && why.kind === 'occupied' ? why.cells : []).toContain('D10');

    // Insert here on free cells: only the block.
    const [blockRows] = layoutSize(regionLayout(plan.region('赣州'), 'plain', 'zh', plan.dataset.version));
    w.host.select('Sheet1', 'F40');
    const free = await guarded(
      w,
      'insert here (free)',
      () => w.actions.insertHere('赣州', 'plain'),
      (c) => c.sheetId === sheet1.sheetId && c.row >= 39 && c.row < 39 + blockRows && c.col >= 5 && c.col < 5 + SEED_COLUMNS.length,
    );
    expect(free).toBe('Sheet1');

    // Write a formula into the blank-looking formula cell: refused; into a free cell: that cell only.
    w.host.select('Sheet1', 'D10');
    expect(
      await guarded(
        w,
        'formula (occupied)',
        () => w.actions.writeFormula('=PLAN.TARGET("赣州","高新技术企业")', false),
        () => false,
      ),
    ).toBeInstanceOf(Occupied);
    w.host.select('Sheet1', 'H35');
    expect(
      await guarded(
        w,
        'formula (free)',
        () => w.actions.writeFormula('=PLAN.TARGET("赣州","高新技术企业")', false),
        (c) => c.sheetId === sheet1.sheetId && c.row === 34 && c.col === 7,
      ),
    ).toBe('Sheet1!H35');

    // Insert on a new sheet, and all regions: only new sheets change.
    const names = new Set(w.host.sheets.map((s) => s.name));
    const inserted = await guarded(
      w,
      'insert new',
      () => w.actions.insertNew(['赣州'], 'linked'),
      () => false,
    );
    expect(inserted).toMatch(/^赣州指标/);
    expect(names.has(inserted as string)).toBe(false);
    if (scenario.name.startsWith('"insert all')) expect(inserted).toBe('赣州指标 (3)');
    const all = await guarded(
      w,
      'insert all',
      () =>
        w.actions.insertNew(
          plan.regions().map((r) => r.name),
          'plain',
        ),
      () => false,
    );
    expect((all as string).split('、')).toHaveLength(5);

    // A last refresh over everything: still nothing the person edited.
    const last = await guarded(w, 'refresh at the end', () => w.actions.refresh(), refreshOwned(w.host));
    if (last instanceof Error) throw last;
    expect(last.edits.length).toBe(w.edited.length);
  });
});

describe('marks are refused when what was read changed', () => {
  test('a changed template: nothing painted, the changed cell named', async () => {
    const w = await setup();
    w.host.select('Sheet1', 'A20:C23');
    const selection = await w.actions.readSelection();
    w.host.type('Sheet1', 'B21', 1500);
    const e = await guarded(
      w,
      'mark after a change',
      () => w.actions.markCells(selection, [{ row: 20, col: 1, fill: FILL.behind }]),
      () => false,
    );
    expect(e).toBeInstanceOf(Refused);
    expect((e as Refused).refusal).toEqual({ kind: 'changed', cells: ['B21'] });
  });

  test('the sheet that was read was renamed: nothing painted', async () => {
    const w = await setup();
    w.host.select('Sheet1', 'A20:C23');
    const selection = await w.actions.readSelection();
    w.host.renameSheet('Sheet1', '报表');
    const e = await guarded(
      w,
      'mark on a renamed sheet',
      () => w.actions.markCells(selection, [{ row: 20, col: 1, fill: FILL.behind }]),
      () => false,
    );
    expect((e as Refused).refusal).toEqual({ kind: 'gone', sheet: 'Sheet1' });
  });

  test('the undo survives closing the pane, a rename of the sheet, and a person re-colouring one mark', async () => {
    const w = await setup();
    const { cells } = await checkAndMark(w);
    w.host.renameSheet('Sheet1', '报表');
    // A person colours one marked cell themselves (here: the only one) after marking; a second cell is marked too.
    w.host.select('报表', 'A20:C23');
    const selection = await w.actions.readSelection();
    await w.actions.markCells(selection, [...cells, { row: 22, col: 1, fill: FILL.slightlyBehind }]);
    w.host.paint('报表', 'B23', '#7030A0');
    const fresh = officeActions(plan, 'en', w.host.run as never); // a new pane
    const r = await fresh.clearMarks();
    expect(r).toEqual({ restored: 1, left: ['报表!B23'] });
    expect(w.host.sheet('报表').format.get('20,1')?.fill).toBe('#00B050');
    expect(w.host.sheet('报表').format.get('22,1')?.fill).toBe('#7030A0');
    expect(await fresh.clearMarks()).toEqual({ restored: 0, left: [] });
  });
});

describe('refresh asks before replacing a hand edit', () => {
  test('kept and listed, then replaced once the person confirms', async () => {
    const w = await setup();
    const r = sheetRowOf(w.host, GZ, 'high_tech_enterprises') + 1;
    w.host.type(GZ, `${col('target')}${r}`, 2100);
    const first = await w.actions.refresh();
    expect(first.edits).toEqual([`${GZ} · 高新技术企业数量 · 2025年目标值（${col('target')}${r}）`]);
    expect(w.host.sheet(GZ).value(r - 1, colIndex('target'))).toBe(2100);
    const confirmed = await w.actions.refresh({ overwriteEdits: true });
    expect(confirmed.edits).toEqual([]);
    expect(confirmed.changed).toBe(1);
    expect(w.host.sheet(GZ).value(r - 1, colIndex('target'))).toBe(2000);
    expect((await w.actions.refresh()).edits).toEqual([]);
  });

  test('a row to add back is not written over cells under the table', async () => {
    const w = await setup();
    // A table with no record (inserted before records were kept) lost a row; the person wrote just under it.
    const part = w.host.xmlParts.find((p) => p.namespaceUri.endsWith(GZ_TABLE))!;
    w.host.xmlParts.splice(w.host.xmlParts.indexOf(part), 1);
    w.host.deleteRows(GZ, sheetRowOf(w.host, GZ, 'patent_grants'), 1);
    const t = tableOf(w.host, GZ_TABLE)!;
    const end = t.top + t.height;
    const under = `A${end + 1}`;
    w.host.type(GZ, under, '合计');
    w.edited = [{ sheet: GZ, address: under }];
    const res = await guarded(w, 'refresh with cells under the table', () => w.actions.refresh(), refreshOwned(w.host));
    if (res instanceof Error) throw res;
    expect(res.blocked).toEqual([`以下单元格已有内容（值或公式），未写入任何单元格：${GZ}!${under}`]);
    expect(w.host.sheet(GZ).value(end, 0)).toBe('合计');
    // With the cell cleared, the row comes back.
    w.host.type(GZ, under, '');
    expect((await w.actions.refresh()).blocked).toEqual([]);
    expect(sheetRowOf(w.host, GZ, 'patent_grants')).toBe(end);
  });
});
