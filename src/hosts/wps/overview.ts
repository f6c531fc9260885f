/**
 * The 总览 overview and the actual values, in WPS 表格: the same core as Excel's (src/core/sheet/overview.ts), over the
 * region tables (PLAN_…) the ET workbook holds, so the WPS pane's progress tab reads actuals and inserts the overview
 * as the Excel pane does. ET is synchronous: no batching.
 */
import { freeSheetName, hostValue } from '../../core/sheet/cells';
import { isTableOf, parseTableName } from '../../core/sheet/layout';
import type { Region } from '../../core/plan/model';
import type { Lang } from '../../core/plan/plan';
import { actualsOf, overviewLayout, overviewSources, type FoundTable, type RegionActuals } from '../../core/sheet/overview';
import { block, sheets } from './adapter';
import { bgr, grid, type EtApplication, type EtRange } from './et';

/** Every PLAN_ table of the workbook with its sheet, header texts and body (values read only when asked). */
function found(app: EtApplication, values: boolean): (FoundTable & { body: unknown[][] })[] {
  const out: (FoundTable & { body: unknown[][] })[] = [];
  for (const ws of sheets(app)) {
    for (let i = 1; i <= ws.ListObjects.Count; i++) {
      const t = ws.ListObjects.Item(i);
      const body = t.DataBodyRange;
      if (!parseTableName(t.Name) || !body) continue;
      out.push({
        name: t.Name,
        sheet: ws.Name,
        header: grid(t.HeaderRowRange.Value2)[0],
        row: body.Row - 1,
        col: body.Column - 1,
        rows: body.Rows.Count,
        body: values ? grid(body.Value2) : [],
      });
    }
  }
  return out;
}

/** The actual values typed in a region's table (the first one found for that plan), by indicator id and year. */
export function readActuals(app: EtApplication, region: Region): RegionActuals {
  const t = found(app, true).find((x) => isTableOf(region, x.name));
  return t ? actualsOf(region, t.header, t.body) : {};
}

/**
 * Insert the overview on a new sheet after the last one, over the region tables in the workbook (each plan counted
 * once). Throws, writing nothing, when the workbook holds no region table with a status column.
 */
export function insertOverview(
  app: EtApplication,
  lang: Lang,
  version: string,
  regionOf: (tableName: string) => Region | null,
): { sheet: string; tables: number } {
  const sources = overviewSources(found(app, false), lang, regionOf);
  if (sources.length === 0) {
    throw new Error(
      '工作簿中没有带“进展状态”列的地区表，请先插入地区表（旧版插入的表请重新插入）/ no region table with a status column in this workbook: insert a region first (re-insert tables made by an older version)',
    );
  }
  const layout = overviewLayout(sources, lang, version);
  const all = app.ActiveWorkbook.Worksheets;
  const name = freeSheetName(
    layout.sheetName,
    sheets(app).map((s) => s.Name),
  );
  const ws = all.Add(undefined, all.Item(all.Count));
  ws.Name = name;
  const width = layout.header.length;
  // `row` is a 1-based sheet row, `col` a 0-based column.
  const at = (row: number, col: number, rows = 1, cols = 1): EtRange => block(ws, row - 1, col, rows, cols);
  const title = at(1, 0);
  title.Value2 = hostValue(layout.title);
  title.Font.Bold = true;
  title.Font.Size = 14;
  const sub = at(2, 0);
  sub.Value2 = hostValue(layout.subtitle);
  sub.Font.Size = 9;
  const head = at(layout.headerRow, 0, 1, width);
  head.Value2 = [layout.header.map(hostValue)];
  head.Font.Bold = true;
  head.WrapText = true;
  head.Interior.Color = bgr('DDEBF7');
  layout.rows.forEach((r, i) =>
    r.forEach((c, j) => {
      const cell = at(layout.headerRow + 1 + i, j);
      if (layout.formats[j]) cell.NumberFormat = layout.formats[j];
      if (layout.formulas[i][j] && typeof c === 'string') cell.Formula = c;
      else cell.Value2 = hostValue(c);
    }),
  );
  layout.notes.forEach((n, i) => (at(layout.headerRow + layout.rows.length + 2 + i, 0).Value2 = hostValue(n)));
  layout.widths.forEach((w, i) => (at(layout.headerRow, i).ColumnWidth = w));
  ws.Activate();
  return { sheet: name, tables: sources.length };
}
