import { cellName, cellNames } from '../../../src/core/sheet/cellName';
import { describeRefusal } from '../../../src/core/sheet/cells';
import { summarizeRefresh, type TableRefresh } from '../../../src/core/sheet/refresh';

describe('cellName', () => {
  const zh = { sheet: '赣州指标', cell: 'G6', indicator: '高新技术企业', column: '2023年实际' };
  const en = { sheet: 'Ganzhou indicators', cell: 'G6', indicator: 'High-tech enterprises', column: '2023 actual' };

  test('a cell of an inserted table is named by sheet, indicator and column, the address after', () => {
    expect(cellName(zh, 'zh')).toBe('赣州指标 · 高新技术企业 · 2023年实际（G6）');
    expect(cellName(en, 'en')).toBe('Ganzhou indicators · High-tech enterprises · 2023 actual (G6)');
    // The brackets follow the pane's language; the names stay as the table shows them.
    expect(cellName(zh, 'en')).toBe('赣州指标 · 高新技术企业 · 2023年实际 (G6)');
  });

  test('a cell outside a table falls back to its address', () => {
    expect(cellName({ sheet: '报表', cell: 'B23' }, 'zh')).toBe('报表!B23');
    expect(cellName({ sheet: 'Report', cell: 'B23', indicator: ' ', column: '' }, 'en')).toBe('Report!B23');
    expect(cellName({ sheet: '', cell: 'C3' }, 'en')).toBe('C3');
  });

  test('a missing part is left out rather than shown empty', () => {
    expect(cellName({ sheet: '赣州指标', cell: 'H7', indicator: '研发投入强度' }, 'zh')).toBe('赣州指标 · 研发投入强度（H7）');
  });

  test('lists join as each language does', () => {
    expect(cellNames([zh, { sheet: '报表', cell: 'B2' }], 'zh')).toBe('赣州指标 · 高新技术企业 · 2023年实际（G6）、报表!B2');
    expect(cellNames([en, { sheet: 'Report', cell: 'B2' }], 'en')).toBe(
      'Ganzhou indicators · High-tech enterprises · 2023 actual (G6), Report!B2',
    );
  });

  test('refusals and refresh summaries name cells through it', () => {
    expect(describeRefusal({ kind: 'occupied', cells: ['A1', 'B2'] }, '报表', 'zh')).toContain('报表!A1、报表!B2');
    const table = (editCells?: TableRefresh['editCells']): TableRefresh => ({
      sheet: '赣州指标',
      plan: { writes: [], append: [], appendFormulas: [], orphaned: [], changed: [], edits: [], removed: [], record: [] },
      edits: ['赣州指标!G6'],
      ...(editCells ? { editCells } : {}),
      blocked: null,
    });
    expect(summarizeRefresh([table([zh])], [], 'zh').edits).toEqual(['赣州指标 · 高新技术企业 · 2023年实际（G6）']);
    expect(summarizeRefresh([table([en])], [], 'en').edits).toEqual(['Ganzhou indicators · High-tech enterprises · 2023 actual (G6)']);
    // A host that does not say which indicator (none today) still names the cell by address.
    expect(summarizeRefresh([table()], [], 'zh').edits).toEqual(['赣州指标!G6']);
  });
});
