/**
 * 自检 in WPS 表格: each capability the add-in uses in WPS, tried the way the adapter (./adapter.ts) uses it, on a new
 * scratch sheet that is deleted afterwards (DisplayAlerts off for that one call, as it was after). ET activates a sheet
 * it adds; the person's sheet and selection are made active again at the end. Page layout and charts are not used by
 * the add-in in WPS, so they are reported as such. The report's words are in src/panes/shared/selfTest.ts.
 */
import {
  expectSame,
  FUNCTION_CALL,
  functionExpected,
  runSteps,
  scratchName,
  SELFTEST_NS,
  TEXT_SAMPLES,
  Unsupported,
  type SelfTestReport,
} from '../../panes/shared/selfTest';
import { block, sheets, writeCells } from './adapter';
import { grid, bgr, xlExpression, xlSrcRange, xlYes, type EtApplication } from './et';

/** The self-test in WPS; `functions`: whether wps.AddCustomFunction is there (WPS 12.1.0.20540 and later). */
export async function wpsSelfTest(app: EtApplication, dataVersion: string, functions: boolean, now = new Date()): Promise<SelfTestReport> {
  const info = {
    host: app.Name ? String(app.Name) : 'WPS',
    version: `${app.Version ?? '?'}${app.Build ? ` (${app.Build})` : ''}`,
    platform: typeof navigator !== 'undefined' ? navigator.platform || '?' : '?',
    sets: [`wps.AddCustomFunction: ${functions ? 'yes' : 'no'}`],
  };
  const all = app.ActiveWorkbook.Worksheets;
  const before = app.ActiveSheet;
  const selected = app.Selection;
  const name = scratchName(
    sheets(app).map((s) => s.Name),
    now,
  );
  const ws = all.Add(undefined, all.Item(all.Count));
  ws.Name = name;
  const cells = (a1: string): ReturnType<typeof ws.Range> => ws.Range(a1);
  const step = (f: () => void) => async (): Promise<void> => f();
  const done = await runSteps(
    {
      values: step(() => {
        cells('A1:C1').Value2 = [[1, 2.5, 'abc']];
        expectSame(grid(cells('A1:C1').Value2), [[1, 2.5, 'abc']]);
      }),
      formulas: step(() => {
        cells('A2').Formula = '=A1+B1';
        expectSame([cells('A2').Value2, cells('A2').Formula], [3.5, '=A1+B1']);
      }),
      // As the adapter writes every text: the text format on the run of text cells, then Value2.
      text: step(() => {
        writeCells(
          ws,
          3,
          0,
          TEXT_SAMPLES.map((s) => [s]),
          TEXT_SAMPLES.map(() => [false]),
        );
        expectSame(
          grid(block(ws, 3, 0, TEXT_SAMPLES.length, 1).Value2),
          TEXT_SAMPLES.map((s) => [s]),
        );
      }),
      table: step(() => {
        cells('E1:F3').Value2 = [
          ['a', 'b'],
          [1, 2],
          [3, 4],
        ];
        const t = ws.ListObjects.Add(xlSrcRange, cells('E1:F3'), undefined, xlYes);
        t.TableStyle = 'TableStyleLight9';
        expectSame(grid(t.DataBodyRange ? t.DataBodyRange.Value2 : null), [
          [1, 2],
          [3, 4],
        ]);
      }),
      // As the adapter adds its rules: relative references are read from the active cell, so it is the range's first.
      conditionalFormat: step(() => {
        ws.Activate();
        const r = cells('A1:A2');
        r.Item(1, 1).Select();
        const cf = r.FormatConditions.Add(xlExpression, undefined, '=A1>2');
        cf.Interior.Color = bgr('FFC7CE');
        expectSame(r.FormatConditions.Count, 1);
      }),
      customXml: step(() => {
        const parts = app.ActiveWorkbook.CustomXMLParts;
        if (!parts) throw new Unsupported('CustomXMLParts');
        const part = parts.Add(`<selftest xmlns="${SELFTEST_NS}"><t>004:228</t></selftest>`);
        const xml = part.XML;
        part.Delete();
        expectSame(xml.indexOf('<t>004:228</t>') >= 0, true);
      }),
      customFunction: step(() => {
        if (!functions) throw new Unsupported('wps.AddCustomFunction (WPS 12.1.0.20540)');
        cells('C2').Formula = FUNCTION_CALL;
        expectSame(cells('C2').Value2, functionExpected());
      }),
    },
    async () => {
      const alerts = app.DisplayAlerts;
      app.DisplayAlerts = false;
      try {
        ws.Delete();
      } finally {
        app.DisplayAlerts = alerts;
        before.Activate();
        selected.Select();
      }
    },
    'WPS: 加载项在 WPS 中不用 / not used in WPS',
  );
  return { ...info, sheet: name, results: done.results, cleanup: done.cleanup, dataVersion, when: now.toISOString() };
}
