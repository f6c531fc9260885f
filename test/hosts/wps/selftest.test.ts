/**
 * 自检 in WPS, against the fake ET host: each capability tried on a scratch sheet that is deleted again (DisplayAlerts
 * off for that call only), the person's sheet active again, no other sheet touched — also when a step throws midway.
 * And texts written by the adapter stay texts, where ET would read them as typed.
 */
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { wpsActions } from '../../../src/hosts/wps/actions';
import { writeCells } from '../../../src/hosts/wps/adapter';
import { wpsSelfTest } from '../../../src/hosts/wps/selfTest';
import { functionExpected, reportText, TEXT_SAMPLES, type SelfTestReport } from '../../../src/panes/shared/selfTest';
import { FakeEt, FakeRange, type FakeSheet } from '../../fakes/fakeEt';

const plan = new Plan(dataset());
afterEach(() => jest.restoreAllMocks());

/** A workbook with a person's sheet and an inserted region table; Sheet1 active, B2 selected. Formulas compute 3.5 / PLAN. */
function workbook(): FakeEt {
  const et = new FakeEt(['Sheet1', 'Data']);
  et.sheet('Sheet1').type('A1', '我的数据');
  et.sheet('Data').type('B2', '=1+1');
  void wpsActions(plan, 'zh', et).insertNew(['赣州'], 'plain');
  et.select('Sheet1', 'B2');
  et.wb.evaluate = (_s, f) => (f === '=A1+B1' ? 3.5 : f.startsWith('=PLAN.TARGET') ? functionExpected() : '');
  return et;
}

const state = (et: FakeEt): string =>
  JSON.stringify({
    sheets: et.wb.sheets.map((s: FakeSheet) => [s.name, s.CodeName, s.snapshot(), s.selection, s.freeze]),
    parts: et.wb.parts.map((p) => [p.Id, p.XML]),
    active: et.wb.active.name,
    alerts: et.DisplayAlerts,
  });

const outcomes = (r: SelfTestReport): Record<string, string> =>
  Object.fromEntries(r.results.map((x) => [x.capability, x.outcome.state === 'failed' ? `failed ${x.outcome.code}` : x.outcome.state]));

test('every capability the add-in uses in WPS works; the scratch sheet is deleted, the person’s sheet active again', async () => {
  const et = workbook();
  const before = state(et);
  const report = await wpsSelfTest(et, 'v', true);
  expect(outcomes(report)).toEqual({
    values: 'ok',
    formulas: 'ok',
    text: 'ok',
    table: 'ok',
    conditionalFormat: 'ok',
    customXml: 'ok',
    pageLayout: 'unsupported',
    chart: 'unsupported',
    customFunction: 'ok',
  });
  expect(report.cleanup).toEqual({ state: 'ok' });
  expect(state(et)).toBe(before);
  expect(report.host).toBe('WPS 表格');
  expect(reportText(report, 'zh')).toContain('宿主: WPS 表格 12.1 (12.1.0.20540)');
});

test('without add-in custom functions the function step says what WPS needs', async () => {
  const et = workbook();
  const report = await wpsSelfTest(et, 'v', false);
  expect(report.results.find((r) => r.capability === 'customFunction')!.outcome).toEqual({
    state: 'unsupported',
    need: 'wps.AddCustomFunction (WPS 12.1.0.20540)',
  });
});

test('a step that throws midway is reported; the rest run and no other sheet is touched', async () => {
  const et = workbook();
  const before = state(et);
  jest.spyOn(FakeRange.prototype, 'FormatConditions', 'get').mockImplementation(() => {
    throw Object.assign(new Error('rules locked'), { number: -2147352567 });
  });
  const report = await wpsSelfTest(et, 'v', true);
  expect(outcomes(report)).toMatchObject({ values: 'ok', table: 'ok', conditionalFormat: 'failed 0x80020009', customXml: 'ok' });
  expect(report.cleanup).toEqual({ state: 'ok' });
  expect(state(et)).toBe(before);
});

test('a sheet that cannot be deleted is reported, and DisplayAlerts is back as it was', async () => {
  const et = workbook();
  const del = jest.spyOn(Object.getPrototypeOf(et.wb.sheets[0]), 'Delete').mockImplementation(() => {
    throw new Error('protected');
  });
  const report = await wpsSelfTest(et, 'v', true);
  expect(del).toHaveBeenCalledTimes(1);
  expect(report.cleanup).toMatchObject({ state: 'failed', code: 'Error' });
  expect(et.DisplayAlerts).toBe(true);
});

test('the adapter keeps texts as text: each in the text format, where ET would read it as typed', () => {
  const et = new FakeEt();
  const ws = et.sheet('Sheet1');
  writeCells(
    ws,
    0,
    0,
    TEXT_SAMPLES.map((s) => [s, 1]),
    TEXT_SAMPLES.map(() => [false, false]),
  );
  TEXT_SAMPLES.forEach((s, i) => {
    expect(ws.cell(i + 1, 1)).toMatchObject({ value: s, numberFormat: '@' });
    expect(ws.cell(i + 1, 2)?.numberFormat).toBeUndefined();
  });
  // The same strings written as typed (no text format) are not kept: the fake reads them as ET does.
  ws.Range('C1').Value2 = '004:228';
  ws.Range('C2').Value2 = '2-5';
  ws.Range('C3').Value2 = '(100)';
  ws.Range('C4').Value2 = '007';
  expect([ws.at('C1')?.value, typeof ws.at('C2')?.value, ws.at('C3')?.value, ws.at('C4')?.value]).toEqual([
    (4 * 3600 + 228 * 60) / 86400,
    'number',
    -100,
    7,
  ]);
});
