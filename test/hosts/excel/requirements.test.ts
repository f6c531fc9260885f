/**
 * An Excel that reports old requirement sets (Excel 2016 volume-licensed: ExcelApi 1.1, no custom functions, no
 * shared runtime) gets a working plain pane, and the adapter calls nothing the host lacks: the fake host fails and
 * records every call to an API above the level it reports (levels from Microsoft's typings).
 */
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { configureHost, hostFeatures, linkedMissing } from '../../../src/hosts/excel/requirements';
import { officeActions } from '../../../src/hosts/excel/actions';
import { FakeExcelNamespace, FakeHost } from '../../fakes/fakeExcel';

const plan = new Plan(dataset());
(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelNamespace;

function hostAt(level: string): FakeHost {
  const host = new FakeHost();
  host.excelApi = level;
  configureHost(host.isSetSupported);
  return host;
}

afterAll(() => configureHost(() => true));

test('ExcelApi 1.1 and no custom functions: plain mode, said why, in both languages', () => {
  const host = hostAt('1.1');
  const f = hostFeatures(host.isSetSupported);
  expect(f.linked).toBe(false);
  expect(linkedMissing(f, 'zh')).toMatch(/不支持自定义函数.*Excel 2021/);
  expect(linkedMissing(f, 'en')).toMatch(/no custom functions.*Excel 2021/);
  expect(
    linkedMissing(
      hostFeatures((n, v) => (n === 'CustomFunctionsRuntime' && v === '1.3') || n === 'SharedRuntime'),
      'zh',
    ),
  ).toBeNull();
});

test('at ExcelApi 1.1 every pane action works and calls no API above 1.1', async () => {
  const host = hostAt('1.1');
  const actions = officeActions(plan, 'zh', host.run);
  expect(await actions.insertNew(['赣州'], 'plain')).toBe('赣州指标');
  expect(host.sheet('赣州指标').rules).toEqual([]); // conditional formats need ExcelApi 1.6
  expect(host.tables.map((t) => t.name)).toEqual(['PLAN_P_Ganzhou']);
  host.select('Sheet1', 'A1');
  expect(await actions.insertHere('九江', 'plain')).toBe('Sheet1');
  host.select('Sheet1', 'Z1');
  expect(await actions.writeFormula('=1+1', false)).toMatch(/Z1$/);
  const refreshed = await actions.refresh();
  expect(refreshed.tables).toBe(2);
  expect(host.aboveLevel).toEqual([]);
});

test('the same actions at ExcelApi 1.7 write the flags and freeze the header, still within what the host reports', async () => {
  const host = hostAt('1.7');
  const actions = officeActions(plan, 'zh', host.run);
  await actions.insertNew(['赣州'], 'plain');
  expect(host.sheet('赣州指标').rules.length).toBeGreaterThan(0);
  expect(host.aboveLevel).toEqual([]);
});

test('the fake host fails a call above its level, as that Excel would, and records it', async () => {
  const host = hostAt('1.1');
  await expect(
    host.run(async (ctx: any) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRangeByIndexes(0, 0, 1, 1).values = [[1]];
      await ctx.sync();
    }),
  ).rejects.toThrow(/ApiNotFound: Excel.Worksheet.getRangeByIndexes needs ExcelApi 1.7/);
  expect(host.aboveLevel).toEqual(['Excel.Worksheet.getRangeByIndexes (ExcelApi 1.7)']);
  expect(host.sheet('Sheet1').value(0, 0)).toBe(''); // nothing of the failed batch was written
});
