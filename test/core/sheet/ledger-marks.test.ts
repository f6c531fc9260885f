import { freeSheetName, sheetNameProblem } from '../../../src/core/sheet/cells';
import { canonicalCell, cellHash, parseMarks, parseTable, serializeMarks, serializeTable, type Mark } from '../../../src/core/sheet/ledger';
import { changedCells, isNoFill, outsideBlock, planClear, planMarking } from '../../../src/core/sheet/marks';
import { planRefresh, recordOf } from '../../../src/core/sheet/refresh';
import { colIndex, regionLayout } from '../../../src/core/sheet/layout';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';

describe('ledger format', () => {
  test('a cell hashes the same wherever its row moved, and however the host spells the formula', () => {
    expect(canonicalCell('=E6*(1+F6)', 6)).toBe(canonicalCell('=e9 * (1 + f9)', 9));
    expect(canonicalCell('=E6*(1+F6)', 6)).not.toBe(canonicalCell('=E6*(1+F7)', 6));
    expect(canonicalCell('=PLAN.TARGET("赣州 R&D",2025)', 3)).toBe('=PLAN.TARGET("赣州 R&D",2025)');
    expect(canonicalCell('2000', 1)).toBe(canonicalCell(2000, 1));
    expect(cellHash('', 1)).toBe(cellHash(null, 7));
    expect(cellHash('=IF(1>2,1,"")', 4)).not.toBe(cellHash('', 4));
  });

  test('table records and marks survive serialize → parse, with characters XML must escape', () => {
    const t = { table: 'PLAN_P_Ganzhou', sheet: `a&b<"c">`, columns: ['row', 'name'], rows: [{ id: 'x&y', hash: 'h', cells: ['1', '2'] }] };
    expect(parseTable(serializeTable(t))).toEqual(t);
    const marks: Mark[] = [
      { sheetId: '{1}', sheet: "报表 'x'", cell: 'B21', painted: '#FFC7CE', before: { color: '#00B050', pattern: 'Solid' } },
      { sheetId: '{1}', sheet: '报表', cell: 'C3', painted: '#FFEB9C', before: { color: '#FFFFFF' } },
    ];
    expect(parseMarks(serializeMarks(marks))).toEqual(marks);
  });

  test('parts that are not ours, of another version, or damaged are not read as ours', () => {
    expect(parseTable('<other xmlns="urn:x"/>')).toBeNull();
    expect(parseMarks(serializeMarks([]).replace('version="1"', 'version="2"'))).toBeNull();
    expect(parseTable(serializeMarks([]))).toBeNull();
    expect(parseMarks('not xml')).toBeNull();
  });
});

describe('marks', () => {
  const m = (cell: string, painted: string, before: Mark['before']): Mark => ({ sheetId: 'S', sheet: 'Sheet1', cell, painted, before });

  test('changed cells between what was read and what is there now', () => {
    expect(
      changedCells(
        [
          [1, 'a'],
          ['', null],
        ],
        [
          [1, 'b'],
          [null, ''],
        ],
        19,
        0,
      ),
    ).toEqual(['B20']);
    expect(changedCells([[1]], [[1, 2]], 0, 0)).toEqual(['B1']);
    expect(
      outsideBlock(
        [
          { row: 5, col: 1, fill: 'F' },
          { row: 1, col: 1, fill: 'F' },
        ],
        { row: 0, col: 0, rows: 3, cols: 3 },
      ),
    ).toEqual(['B6']);
  });

  test('marking twice does not stack: the first fill is kept while the cell shows our colour', () => {
    const first = planMarking(
      [],
      'S',
      'Sheet1',
      [{ cell: 'B2', color: 'FFC7CE', current: { color: '#00B050', pattern: 'Solid' } }],
      new Map(),
    );
    expect(first.marks[0].before).toEqual({ color: '#00B050', pattern: 'Solid' });
    const again = planMarking(
      first.marks,
      'S',
      'Sheet1',
      [{ cell: 'B2', color: 'FFC7CE', current: { color: '#FFC7CE', pattern: 'Solid' } }],
      new Map(),
    );
    expect(again.marks[0].before).toEqual({ color: '#00B050', pattern: 'Solid' });
    expect(again.restore).toEqual([]);
  });

  test('a new marking takes back earlier marks not in it, unless a person re-coloured them', () => {
    const existing = [
      m('B2', '#FFC7CE', { color: '#FFFFFF', pattern: 'None' }),
      m('B3', '#FFC7CE', { color: '#FFFF00', pattern: 'Solid' }),
      m('B4', '#FFC7CE', { color: '#FFFFFF', pattern: 'None' }),
    ];
    const current = new Map([
      ['S!B2', { color: '#ffc7ce', pattern: 'Solid' }],
      ['S!B3', { color: '#7030A0', pattern: 'Solid' }],
    ]);
    const plan = planMarking(
      existing,
      'S',
      'Sheet1',
      [{ cell: 'C9', color: '#FFEB9C', current: { color: '#FFFFFF', pattern: 'None' } }],
      current,
    );
    expect(plan.restore.map((r) => r.cell)).toEqual(['B2']);
    expect(plan.left.map((x) => x.cell)).toEqual(['B3', 'B4']); // re-coloured; sheet gone
    expect(plan.marks.map((x) => x.cell)).toEqual(['C9']);
    expect(planClear(plan.marks, new Map([['S!C9', { color: '#FFEB9C' }]])).restore[0].fill).toEqual({ color: '#FFFFFF', pattern: 'None' });
  });

  test('no fill is told from a white fill where the host gives the pattern', () => {
    expect(isNoFill({ color: '#FFFFFF', pattern: 'None' })).toBe(true);
    expect(isNoFill({ color: '#FFFFFF', pattern: 'Solid' })).toBe(false);
    expect(isNoFill({ color: '#FFFFFF' })).toBe(true);
    expect(isNoFill({ color: '#00B050' })).toBe(false);
  });
});

describe('refresh with a record', () => {
  const plan = new Plan(dataset());
  const layout = regionLayout(plan.region('赣州'), 'plain', 'zh', plan.dataset.version);
  const body = () => layout.rows.map((r) => r.cells.map((c) => (c === null ? '' : c)) as unknown[]);
  const first = layout.headerRow + 1;

  test('a cell still holding what the add-in wrote is rewritten; a hand edit is kept and listed', () => {
    const record = recordOf(layout, 'PLAN_P_Ganzhou', '赣州指标');
    const b = body();
    b[0][colIndex('target')] = 12345; // a person's number
    const p = planRefresh(layout, layout.header, b, first, record);
    expect(p.writes).toEqual([]);
    expect(p.edits).toEqual([
      { row: 0, col: colIndex('target'), id: layout.rows[0].id, indicator: '全社会 R&D 经费支出占 GDP 之比', column: '2025年目标值' },
    ]);
    // The kept edit stays recorded as an edit.
    const again = planRefresh(layout, layout.header, b, first, { ...record, rows: p.record });
    expect(again.edits).toHaveLength(1);
    const confirmed = planRefresh(layout, layout.header, b, first, record, { overwriteEdits: true });
    expect(confirmed.writes).toEqual([
      { row: 0, col: colIndex('target'), value: layout.rows[0].cells[colIndex('target')], formula: false },
    ]);
  });

  test('without a record every differing cell counts as an edit; a recorded row the sheet lacks is not added back', () => {
    const b = body();
    b[1][colIndex('name')] = '改过的名称';
    expect(planRefresh(layout, layout.header, b, first).edits).toHaveLength(1);
    const record = recordOf(layout, 'PLAN_P_Ganzhou', '赣州指标');
    const p = planRefresh(layout, layout.header, body().slice(1), first, record);
    expect(p.removed).toEqual([layout.rows[0].id]);
    expect(p.append).toEqual([]);
    expect(planRefresh(layout, layout.header, body().slice(1), first).append).toHaveLength(1);
  });
});

describe('sheet names', () => {
  test.each([
    ['', 'blank'],
    ['a'.repeat(32), 'longer than 31 characters'],
    ['a[1]', 'contains one of : \\ / ? * [ ]'],
    ["'x", 'starts or ends with an apostrophe'],
    ['HISTORY', 'reserved name History'],
    ['赣州指标', null],
  ])('%j → %s', (name, problem) => expect(sheetNameProblem(name)).toBe(problem));

  test('a free, valid name', () => {
    expect(freeSheetName('赣州指标', ['赣州指标', '赣州指标 (2)'])).toBe('赣州指标 (3)');
    expect(freeSheetName('History', [])).toBe('History_');
    expect(freeSheetName("'a/b'", [])).toBe('ab');
    const long = freeSheetName('x'.repeat(40), ['x'.repeat(31)]);
    expect(long).toBe(`${'x'.repeat(27)} (2)`);
    expect(sheetNameProblem(long)).toBeNull();
  });
});
