/**
 * 自检 in Excel, against the fake host: every capability tried on a scratch sheet that is deleted again, each gated
 * by its requirement set (no call above the host's level), and no other sheet touched — also when a step throws or a
 * batch fails midway.
 */
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { configureHost } from '../../../src/hosts/excel/requirements';
import { officeActions } from '../../../src/hosts/excel/actions';
import { selfTest } from '../../../src/hosts/excel/selfTest';
import { CAPABILITIES, reportText, type SelfTestReport } from '../../../src/panes/shared/selfTest';
import { FakeExcelNamespace, FakeHost, FakeWorksheet, newerThan } from '../../fakes/fakeExcel';

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelNamespace;
const plan = new Plan(dataset());
afterAll(() => configureHost(() => true));
afterEach(() => jest.restoreAllMocks());

/** Everything of the workbook the self-test must leave as it was: cells, formats, rules, charts, tables, parts, active sheet. */
function state(host: FakeHost): string {
  return JSON.stringify({
    cells: [...host.snapshot().entries()],
    sheets: host.sheets.map((s) => ({
      id: s.sheetId,
      name: s.name,
      formats: [...s.format.entries()],
      rules: s.rules,
      charts: s.chartList,
      print: s.print,
      frozen: s.frozen,
      widths: [...s.widths.entries()],
    })),
    tables: host.tables.map((t) => [t.name, t.sheet.name, t.area()]),
    parts: host.xmlParts.map((p) => [p.id, p.xml]),
    active: host.active.name,
    selection: host.selection,
  });
}

/** A workbook with a person's sheet and an inserted region table (with its record), Sheet1 active. */
async function workbook(level = '1.17', functions = false): Promise<FakeHost> {
  const host = new FakeHost();
  host.excelApi = level;
  configureHost((name, v) => (name === 'CustomFunctionsRuntime' || name === 'SharedRuntime' ? functions : host.isSetSupported(name, v)));
  host.type('Sheet1', 'A1', '我的数据');
  host.type('Sheet1', 'B2', '=1+1');
  host.paint('Sheet1', 'C3', '#FFFF00');
  await officeActions(plan, 'zh', host.run).insertNew(['赣州'], 'plain');
  host.activate('Sheet1');
  host.select('Sheet1', 'B2');
  host.aboveLevel.length = 0;
  return host;
}

const outcomes = (r: SelfTestReport): Record<string, string> =>
  Object.fromEntries(r.results.map((x) => [x.capability, x.outcome.state === 'failed' ? `failed ${x.outcome.code}` : x.outcome.state]));

test('every capability works on a full host, the scratch sheet is deleted and nothing else changes', async () => {
  const host = await workbook('1.17', true);
  const before = state(host);
  const sheets = host.sheets.length;
  const report = await officeActions(plan, 'zh', host.run).selfTest!();
  expect(outcomes(report)).toEqual(Object.fromEntries(CAPABILITIES.map((c) => [c, 'ok'])));
  expect(report.cleanup).toEqual({ state: 'ok' });
  expect(report.sheet).toMatch(/^自检 \d{8}-\d{6}$/);
  expect(host.sheets).toHaveLength(sheets);
  expect(state(host)).toBe(before);
  expect(report.sets).toEqual(['ExcelApi 1.17', 'CustomFunctionsRuntime 1.5', 'SharedRuntime 1.2']);
  expect(host.aboveLevel).toEqual([]);
});

test('the scratch sheet gets a name no sheet has', async () => {
  const host = await workbook();
  const now = new Date(2026, 0, 2, 3, 4, 5);
  await host.run(async (ctx: never) => {
    (ctx as { workbook: { worksheets: { add(n: string): unknown } } }).workbook.worksheets.add('自检 20260102-030405');
    await (ctx as { sync(): Promise<void> }).sync();
  });
  const report = await selfTest(host.run, 'v', undefined, now);
  expect(report.sheet).toBe('自检 20260102-030405 (2)');
  expect(host.sheets.map((s) => s.name)).toContain('自检 20260102-030405');
  expect(host.sheets.map((s) => s.name)).not.toContain(report.sheet);
});

test.each(['1.1', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9'])(
  'at ExcelApi %s each step runs only at its level, the rest says which set it needs',
  async (level) => {
    const host = await workbook(level);
    const before = state(host);
    const report = await selfTest(host.run, 'v', { host: 'Excel', version: '16.0.4266.1001', platform: 'PC' });
    const at = (set: string): string => (newerThan(set, level) ? 'unsupported' : 'ok');
    expect(outcomes(report)).toEqual({
      values: 'ok',
      formulas: 'ok',
      text: 'ok',
      table: 'ok',
      conditionalFormat: at('1.6'),
      customXml: at('1.5'),
      pageLayout: at('1.9'),
      chart: at('1.7'),
      customFunction: 'unsupported',
    });
    expect(host.aboveLevel).toEqual([]);
    expect(report.cleanup).toEqual({ state: 'ok' });
    expect(state(host)).toBe(before);
    expect(report.sets).toEqual([`ExcelApi ${level}`]);
    const text = reportText(report, 'zh');
    expect(text).toContain('宿主: Excel 16.0.4266.1001 (PC)');
    if (newerThan('1.9', level)) expect(text).toContain('– 打印设置: 此宿主不支持（ExcelApi 1.9）');
  },
);

test('a step that throws or a batch that fails midway is reported with its code; the others run, nothing else is touched', async () => {
  const host = await workbook();
  const before = state(host);
  jest.spyOn(FakeWorksheet.prototype, 'charts', 'get').mockImplementation(() => {
    throw Object.assign(new Error('chart engine gone'), { code: 'GeneralException' });
  });
  const original = Object.getOwnPropertyDescriptor(FakeWorksheet.prototype, 'pageLayout')!.get!;
  jest.spyOn(FakeWorksheet.prototype, 'pageLayout', 'get').mockImplementation(function (this: FakeWorksheet) {
    host.fail('AccessDenied', 'the print setup is locked');
    return original.call(this);
  });
  const report = await selfTest(host.run, 'v', undefined);
  expect(outcomes(report)).toMatchObject({
    values: 'ok',
    table: 'ok',
    pageLayout: 'failed AccessDenied',
    chart: 'failed GeneralException',
    customXml: 'ok',
  });
  expect(report.cleanup).toEqual({ state: 'ok' });
  expect(state(host)).toBe(before);
  expect(reportText(report, 'en')).toContain('✗ chart: failed [GeneralException] chart engine gone');
});

test('a host that reads texts back otherwise fails the text step (the check can fail)', async () => {
  const host = await workbook();
  const set = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(host.context().workbook.getSelectedRange()), 'numberFormat')!.set!;
  jest.spyOn(Object.getPrototypeOf(host.context().workbook.getSelectedRange()), 'numberFormat', 'set').mockImplementation(function (
    this: unknown,
    v: unknown,
  ) {
    // A host that ignores the text format: 004:228 becomes a time, 2-5 a date.
    set.call(
      this,
      (v as string[][]).map((r) => r.map(() => 'General')),
    );
  });
  const report = await selfTest(host.run, 'v', undefined);
  const text = report.results.find((r) => r.capability === 'text')!.outcome;
  expect(text).toMatchObject({ state: 'failed', code: 'Mismatch' });
  expect(report.cleanup).toEqual({ state: 'ok' });
});

test('a self-test that cannot delete its sheet says so', async () => {
  const host = await workbook();
  jest.spyOn(FakeWorksheet.prototype, 'delete').mockImplementation(() => host.fail('AccessDenied', 'the workbook is protected'));
  const report = await selfTest(host.run, 'v', undefined);
  expect(report.cleanup).toMatchObject({ state: 'failed', code: 'AccessDenied' });
  expect(reportText(report, 'zh')).toContain('删除临时工作表: 失败 [AccessDenied]');
});
