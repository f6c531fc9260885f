/**
 * Every refusal the pane can meet, produced by the real actions on the strict fake host, shown in plain words in
 * Chinese and English (the message bar the pane renders, or the text of its question).
 */
import { FluentProvider, SSRProvider, webLightTheme } from '@fluentui/react-components';
import { renderToString } from 'react-dom/server';
import { FakeExcelNamespace, FakeHost } from '../../fakes/fakeExcel';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { errorText, NoticeBar, Occupied, refreshNotice, Refused, type Notice } from '../../../src/panes/modern/App';
import { strings } from '../../../src/panes/shared/i18n';
import { officeActions } from '../../../src/hosts/excel/actions';

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelNamespace;
const plan = new Plan(dataset());

const shown = (notice: NonNullable<Notice>): string =>
  renderToString(
    <SSRProvider>
      <FluentProvider theme={webLightTheme}>
        <NoticeBar notice={notice} />
      </FluentProvider>
    </SSRProvider>,
  )
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"');

async function refusal(setup: (host: FakeHost) => Promise<unknown> | void, op: (host: FakeHost) => Promise<unknown>): Promise<unknown> {
  const host = new FakeHost();
  await setup(host);
  return op(host).then(
    () => {
      throw new Error('not refused');
    },
    (e: unknown) => e,
  );
}

const actionsOn = (host: FakeHost) => officeActions(plan, 'zh', host.run as never);

const CASES: [string, (h: FakeHost) => Promise<unknown> | void, (h: FakeHost) => Promise<unknown>, RegExp, RegExp][] = [
  [
    'insert over a blank-looking formula',
    (h) => {
      h.type('Sheet1', 'D10', '=IF(1>2,1,"")');
      h.select('Sheet1', 'A2');
    },
    (h) => actionsOn(h).insertHere('赣州', 'plain'),
    /以下单元格已有内容（值或公式），未写入任何单元格：Sheet1!D10/,
    /These cells already hold a value or formula; nothing was written: Sheet1!D10/,
  ],
  [
    'insert over merged cells',
    (h) => {
      h.merge('Sheet1', 'C4:D4');
      h.select('Sheet1', 'A2');
    },
    (h) => actionsOn(h).insertHere('赣州', 'plain'),
    /目标区域与合并单元格 C4:D4 重叠，未写入任何单元格/,
    /The block overlaps merged cells C4:D4; nothing was written/,
  ],
  [
    'insert over another table',
    async (h) => {
      const ctx = h.context();
      ctx.workbook.worksheets.getItem('Sheet1').tables.add('E20:F22', true).name = 'Budget';
      await ctx.sync();
      h.select('Sheet1', 'A2');
    },
    (h) => actionsOn(h).insertHere('赣州', 'plain'),
    /目标区域与已有表格 Budget 重叠，未写入任何单元格/,
    /The block overlaps the existing table Budget; nothing was written/,
  ],
  [
    'write a formula over a cell that holds something',
    (h) => {
      h.type('Sheet1', 'B3', '=IF(1>2,1,"")');
      h.select('Sheet1', 'B3');
    },
    (h) => actionsOn(h).writeFormula('=1', false),
    /以下单元格已有内容（值或公式），未写入任何单元格：Sheet1!B3/,
    /These cells already hold a value or formula; nothing was written: Sheet1!B3/,
  ],
  [
    'mark cells that changed since they were read',
    () => undefined,
    async (h) => {
      h.type('Sheet1', 'B2', 1);
      h.select('Sheet1', 'A1:B2');
      const a = actionsOn(h);
      const sel = await a.readSelection();
      h.type('Sheet1', 'B2', 2);
      return a.markCells(sel, [{ row: 1, col: 1, fill: 'FFC7CE' }]);
    },
    /以下单元格在读取之后已被修改，未标色；请重新读取所选区域：Sheet1!B2/,
    /These cells changed since they were read; nothing was coloured. Read the selection again: Sheet1!B2/,
  ],
  [
    'mark cells on a sheet renamed since it was read',
    () => undefined,
    async (h) => {
      h.type('Sheet1', 'B2', 1);
      h.select('Sheet1', 'A1:B2');
      const a = actionsOn(h);
      const sel = await a.readSelection();
      h.renameSheet('Sheet1', '报表');
      return a.markCells(sel, [{ row: 1, col: 1, fill: 'FFC7CE' }]);
    },
    /工作表“Sheet1”已不存在（可能已删除或改名），未标色/,
    /The sheet "Sheet1" no longer exists \(deleted or renamed\); nothing was coloured/,
  ],
];

describe.each(CASES)('%s', (_name, setup, op, zh, en) => {
  test('refused, and the pane says why in Chinese and English', async () => {
    const e = await refusal(setup, op);
    expect(e instanceof Occupied || e instanceof Refused).toBe(true);
    expect(shown({ kind: 'error', text: errorText(e, 'zh') })).toMatch(zh);
    expect(shown({ kind: 'error', text: errorText(e, 'en') })).toMatch(en);
  });
});

test('insert and formula refusals end with the question the pane asks', () => {
  expect(strings('zh').askNewSheet).toBe('要改为插入到新工作表吗？');
  expect(strings('en').askReplace).toBe('Replace it?');
});

test('refresh: hand edits kept, rows not added back, missing tables, all named', async () => {
  const host = new FakeHost();
  const a = actionsOn(host);
  await a.insertNew(['赣州', '九江'], 'plain');
  host.type('赣州指标', 'G6', 1);
  host.convertToRange('PLAN_P_Jiujiang');
  const r = await a.refresh();
  // The cell named as a statistician reads it: sheet, indicator, column, then the address.
  const g6 = '赣州指标 · 全社会 R&D 经费支出占 GDP 之比 · 2025年目标值（G6）';
  expect(r).toMatchObject({ tables: 1, edits: [g6], missing: ['PLAN_P_Jiujiang'] });
  const g6Shown = g6.replace('&', '&amp;'); // as the rendered notice's markup holds it
  const zh = shown(refreshNotice(r, 'zh'));
  expect(zh).toContain(`以下单元格已被手动修改，已保留未刷新：${g6Shown}。`);
  expect(zh).toContain('未找到以下之前插入的表（可能已改名、转换为区域或删除）：PLAN_P_Jiujiang。');
  const en = shown(refreshNotice(r, 'en'));
  expect(en).toContain(`These cells were edited by hand and were kept, not refreshed: ${g6Shown}.`);
  expect(en).toContain('These tables inserted earlier were not found (renamed, converted to a range or deleted): PLAN_P_Jiujiang.');
  expect(refreshNotice(r, 'en').kind).toBe('warning');
  expect(strings('zh').askOverwrite(r.edits)).toBe(`以下单元格已被手动修改：${g6}。要用规划数据覆盖这些修改吗？`);
});

test('a legacy Occupied without a refusal still reads', () => {
  expect(errorText(new Occupied('Sheet1!A1:C3'), 'zh')).toBe('所选位置 Sheet1!A1:C3 已有内容，未写入任何单元格。');
});
