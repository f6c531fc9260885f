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

// Promise chains rather than async functions: the legacy pane bundles this for IE11, where each async function becomes
// a long state machine (its gzip cap is tight).

/** The steps, each on `sheet` (already added) in a batch of its own. */
function steps(run: Run, sheet: string): Partial<Record<Capability, () => Promise<void>>> {
  const onSheet = (f: (ws: Excel.Worksheet, context: Excel.RequestContext) => Promise<void>): Promise<void> =>
    run((context) => f(context.workbook.worksheets.getItem(sheet), context));
  /** Write `values` into `address` (queued by `write`), sync, and check what reads back there. */
  const roundTrip = (address: string, write: (r: Excel.Range) => void, expected: unknown, what: 'values' | 'formulas' = 'values') =>
    onSheet((ws, context) => {
      const r = ws.getRange(address);
      write(r);
      r.load(['values', 'formulas']);
      return context.sync().then(() => expectSame(r[what], expected));
    });
  return {
    values: () => roundTrip('A1:C1', (r) => (r.values = [[1, 2.5, 'abc']]), [[1, 2.5, 'abc']]),
    formulas: () =>
      roundTrip('A2', (r) => (r.formulas = [['=A1+B1']]), [['=A1+B1']], 'formulas').then(() => roundTrip('A2', () => undefined, [[3.5]])),
    // As the add-in writes every text: the text format first, then the value (src/hosts/excel/text.ts).
    text: () =>
      roundTrip(
        `A4:A${3 + TEXT_SAMPLES.length}`,
        (r) =>
          queueValues(
            r,
            TEXT_SAMPLES.map((s) => [s]),
          ),
        TEXT_SAMPLES.map((s) => [s]),
      ),
    table: () =>
      roundTrip(
        'E1:F3',
        (r) => {
          r.values = [
            ['a', 'b'],
            [1, 2],
            [3, 4],
          ];
          r.worksheet.tables.add('E1:F3', true).style = 'TableStyleLight9';
        },
        [
          ['a', 'b'],
          [1, 2],
          [3, 4],
        ],
      ),
    conditionalFormat: () =>
      onSheet((ws, context) => {
        if (!supports('ExcelApi 1.6')) throw new Unsupported('ExcelApi 1.6');
        const cf = ws.getRange('A1:A2').conditionalFormats.add(Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = '=A1>2';
        cf.custom.format.fill.color = '#FFC7CE';
        return context.sync();
      }),
    customXml: () =>
      run((context) => {
        if (!supports('ExcelApi 1.5')) throw new Unsupported('ExcelApi 1.5');
        const part = context.workbook.customXmlParts.add(`<selftest xmlns="${SELFTEST_NS}"><t>004:228</t></selftest>`);
        const back = part.getXml();
        return context.sync().then(() => {
          part.delete();
          return context.sync().then(() => expectSame(back.value.indexOf('<t>004:228</t>') >= 0, true));
        });
      }),
    pageLayout: () =>
      onSheet((ws, context) => {
        if (!supports('ExcelApi 1.9')) throw new Unsupported('ExcelApi 1.9');
        ws.pageLayout.orientation = 'Landscape';
        ws.pageLayout.setPrintTitleRows('$1:$1');
        return context.sync();
      }),
    // As the overview draws its chart: category names and getRangeByIndexes need ExcelApi 1.7.
    chart: () =>
      onSheet((ws, context) => {
        if (!supports('ExcelApi 1.7')) throw new Unsupported('ExcelApi 1.7');
        const chart = ws.charts.add('BarStacked', ws.getRangeByIndexes(0, 5, 3, 1), 'Columns');
        chart.axes.categoryAxis.setCategoryNames(ws.getRangeByIndexes(1, 4, 2, 1));
        chart.setPosition(ws.getRange('H1'), ws.getRange('M10'));
        return context.sync();
      }),
    // Custom functions compute on their own time: the cell may say #BUSY! for a while (read again, up to 5 s).
    customFunction: () =>
      onSheet((ws, context) => {
        if (!supports('CustomFunctionsRuntime 1.3') || !supports('SharedRuntime 1.1'))
          throw new Unsupported('CustomFunctionsRuntime 1.3, SharedRuntime 1.1');
        const cell = ws.getRange('C2');
        cell.formulas = [[FUNCTION_CALL]];
        const read = (tries: number): Promise<void> => {
          cell.load('values');
          return context.sync().then(() => {
            const got = cell.values[0][0];
            if (got !== '#BUSY!' || tries <= 0) return expectSame(got, functionExpected());
            return sleep(250).then(() => read(tries - 1));
          });
        };
        return read(20);
      }),
  };
}

/**
 * Add a scratch sheet (a name no sheet has), run every step on it, delete it, and report. The sheet is added without
 * being activated, so the person's active sheet and selection stay as they are.
 */
export function selfTest(run: Run, dataVersion: string, diagnostics: Diagnostics | undefined, now = new Date()): Promise<SelfTestReport> {
  const d = diagnostics || {};
  return run((context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    return context.sync().then(() => {
      const name = scratchName(
        sheets.items.map((s) => s.name),
        now,
      );
      sheets.add(name);
      return context.sync().then(() => name);
    });
  }).then((sheet) =>
    runSteps(
      steps(run, sheet),
      () =>
        run((context) => {
          context.workbook.worksheets.getItem(sheet).delete();
          return context.sync();
        }),
      '',
    ).then((done) => ({
      host: d.host || 'Excel',
      version: d.version || '?',
      platform: d.platform || '?',
      sets: highestSets((name, v) => supports(`${name} ${v}`), SETS),
      sheet,
      results: done.results,
      cleanup: done.cleanup,
      dataVersion,
      when: now.toISOString(),
    })),
  );
}
