/* global Excel */
/**
 * 自检 in Excel: each capability the add-in uses, tried the way the add-in uses it, on a new scratch sheet that is
 * deleted afterwards. Each step is a batch of its own (one that fails does not stop the others) and checks its
 * requirement set first, so no call is made above the host's level. Only the scratch sheet and the self-test's own
 * custom XML part are written; the report's words are in src/panes/shared/selfTest.ts.
 */
import {
  expectSame,
  FUNCTION_CALL,
  functionExpected,
  highestSets,
  runSteps,
  scratchName,
  SELFTEST_NS,
  TEXT_SAMPLES,
  Unsupported,
  type Capability,
  type SelfTestReport,
} from '../../panes/shared/selfTest';
import { supports } from './requirements';
import { queueValues } from './text';

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** What Office says of the host (Office.context.diagnostics), where it says anything. */
export interface Diagnostics {
  host?: string;
  version?: string;
  platform?: string;
}

/** The sets reported, with the highest minor version asked for each. */
const SETS: [string, number][] = [
  ['ExcelApi', 20],
  ['CustomFunctionsRuntime', 5],
  ['SharedRuntime', 2],
];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The steps, each on `sheet` (already added) in a batch of its own. */
function steps(run: Run, sheet: string): Partial<Record<Capability, () => Promise<void>>> {
  const onSheet = <T>(f: (ws: Excel.Worksheet, context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    run((context) => f(context.workbook.worksheets.getItem(sheet), context));
  return {
    values: () =>
      onSheet(async (ws, context) => {
        ws.getRange('A1:C1').values = [[1, 2.5, 'abc']];
        const r = ws.getRange('A1:C1');
        r.load('values');
        await context.sync();
        expectSame(r.values, [[1, 2.5, 'abc']]);
      }),
    formulas: () =>
      onSheet(async (ws, context) => {
        ws.getRange('A2').formulas = [['=A1+B1']];
        const r = ws.getRange('A2');
        r.load(['values', 'formulas']);
        await context.sync();
        expectSame([r.values, r.formulas], [[[3.5]], [['=A1+B1']]]);
      }),
    // As the add-in writes every text: the text format first, then the value (src/hosts/excel/text.ts).
    text: () =>
      onSheet(async (ws, context) => {
        const r = ws.getRange(`A4:A${3 + TEXT_SAMPLES.length}`);
        queueValues(
          r,
          TEXT_SAMPLES.map((s) => [s]),
        );
        r.load('values');
        await context.sync();
        expectSame(
          r.values,
          TEXT_SAMPLES.map((s) => [s]),
        );
      }),
    table: () =>
      onSheet(async (ws, context) => {
        ws.getRange('E1:F3').values = [
          ['a', 'b'],
          [1, 2],
          [3, 4],
        ];
        const t = ws.tables.add('E1:F3', true);
        t.style = 'TableStyleLight9';
        const body = t.getDataBodyRange();
        body.load('values');
        await context.sync();
        expectSame(body.values, [
          [1, 2],
          [3, 4],
        ]);
      }),
    conditionalFormat: () =>
      onSheet(async (ws, context) => {
        if (!supports('ExcelApi 1.6')) throw new Unsupported('ExcelApi 1.6');
        const cf = ws.getRange('A1:A2').conditionalFormats.add(Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = '=A1>2';
        cf.custom.format.fill.color = '#FFC7CE';
        await context.sync();
      }),
    customXml: () =>
      run(async (context) => {
        if (!supports('ExcelApi 1.5')) throw new Unsupported('ExcelApi 1.5');
        const xml = `<selftest xmlns="${SELFTEST_NS}"><t>004:228</t></selftest>`;
        const part = context.workbook.customXmlParts.add(xml);
        const back = part.getXml();
        await context.sync();
        part.delete();
        await context.sync();
        expectSame(back.value.indexOf('<t>004:228</t>') >= 0, true);
      }),
    pageLayout: () =>
      onSheet(async (ws, context) => {
        if (!supports('ExcelApi 1.9')) throw new Unsupported('ExcelApi 1.9');
        ws.pageLayout.orientation = 'Landscape';
        ws.pageLayout.setPrintTitleRows('$1:$1');
        await context.sync();
      }),
    // As the overview draws its chart: category names and getRangeByIndexes need ExcelApi 1.7.
    chart: () =>
      onSheet(async (ws, context) => {
        if (!supports('ExcelApi 1.7')) throw new Unsupported('ExcelApi 1.7');
        const chart = ws.charts.add('BarStacked', ws.getRangeByIndexes(0, 5, 3, 1), 'Columns');
        chart.axes.categoryAxis.setCategoryNames(ws.getRangeByIndexes(1, 4, 2, 1));
        chart.setPosition(ws.getRange('H1'), ws.getRange('M10'));
        await context.sync();
      }),
    // Custom functions compute on their own time: the cell may say #BUSY! for a while.
    customFunction: () =>
      onSheet(async (ws, context) => {
        if (!supports('CustomFunctionsRuntime 1.3') || !supports('SharedRuntime 1.1'))
          throw new Unsupported('CustomFunctionsRuntime 1.3, SharedRuntime 1.1');
        ws.getRange('C2').formulas = [[FUNCTION_CALL]];
        await context.sync();
        let got: unknown = null;
        for (let i = 0; i < 20; i++) {
          const r = ws.getRange('C2');
          r.load('values');
          await context.sync();
          got = r.values[0][0];
          if (got !== '#BUSY!') break;
          await sleep(250);
        }
        expectSame(got, functionExpected());
      }),
  };
}

/**
 * Add a scratch sheet (a name no sheet has), run every step on it, delete it, and report. The sheet is added without
 * being activated, so the person's active sheet and selection stay as they are.
 */
export async function selfTest(
  run: Run,
  dataVersion: string,
  diagnostics: Diagnostics | undefined,
  now = new Date(),
): Promise<SelfTestReport> {
  const info = {
    host: (diagnostics && diagnostics.host) || 'Excel',
    version: (diagnostics && diagnostics.version) || '?',
    platform: (diagnostics && diagnostics.platform) || '?',
    sets: highestSets((name, v) => supports(`${name} ${v}`), SETS),
  };
  const sheet = await run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const name = scratchName(
      sheets.items.map((s) => s.name),
      now,
    );
    sheets.add(name);
    await context.sync();
    return name;
  });
  const done = await runSteps(
    steps(run, sheet),
    () =>
      run(async (context) => {
        context.workbook.worksheets.getItem(sheet).delete();
        await context.sync();
      }),
    '',
  );
  return { ...info, sheet, results: done.results, cleanup: done.cleanup, dataVersion, when: now.toISOString() };
}
