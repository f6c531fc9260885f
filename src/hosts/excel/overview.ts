/* global Excel */
/**
 * The 总览 overview and the actual values, in Excel: the overview sheet is written over whatever region tables
 * (PLAN_…) the workbook holds, wherever they stand, with live COUNTIFS over their status and 2025-met columns;
 * the pane's progress view reads a region's actual values back. Everything is queued first, then one sync.
 */
import { FONT, isTableOf, parseTableName, placeOfficialActuals, type OfficialActual } from '../../core/sheet/layout';
import type { Region } from '../../core/plan/model';
import { actualsOf, overviewLayout, overviewSources, type OverviewLayout, type RegionActuals } from '../../core/sheet/overview';
import type { Lang } from '../../core/plan/plan';
import { supports } from './requirements';
import { queueCells, queueValues } from './text';
import { a1, area, isFreeCell } from '../../core/sheet/cells';

type Context = Excel.RequestContext;

const hex = (c: string): string => `#${c}`;

function freeName(wanted: string, taken: string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) if (!lower.has(`${wanted} (${i})`.toLowerCase())) return `${wanted} (${i})`;
}

interface LoadedTable {
  name: string;
  header: Excel.Range;
  body: Excel.Range;
  sheet: Excel.Worksheet;
}

/** Load every PLAN_ table's header, body position and sheet name (one sync after the table list). */
async function loadTables(context: Context, values: boolean): Promise<LoadedTable[]> {
  const tables = context.workbook.tables;
  tables.load('items/name');
  context.workbook.worksheets.load('items/name');
  await context.sync();
  const loaded = tables.items
    .filter((t) => parseTableName(t.name))
    .map((t) => {
      const header = t.getHeaderRowRange();
      header.load(['values']);
      const body = t.getDataBodyRange();
      body.load(values ? ['values', 'rowIndex', 'columnIndex', 'rowCount'] : ['rowIndex', 'columnIndex', 'rowCount']);
      const sheet = t.getRange().worksheet; // Table.worksheet is ExcelApi 1.2, Range.worksheet 1.1
      sheet.load('name');
      return { name: t.name, header, body, sheet };
    });
  await context.sync();
  return loaded;
}

/** Print the sheet as a report where the host can (ExcelApi 1.9): landscape, one page wide, header row repeated. */
export function queuePrintSetup(ws: Excel.Worksheet, headerRow: number, footer: string): void {
  if (!supports('ExcelApi 1.9')) return; // hosts without the page-layout API print with their defaults
  const page = ws.pageLayout; // asked only now: reading it below 1.9 fails the batch
  page.orientation = 'Landscape';
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  page.setPrintTitleRows(`$${headerRow}:$${headerRow}`);
  page.headersFooters.defaultForAllPages.leftFooter = '&A';
  page.headersFooters.defaultForAllPages.centerFooter = '&P / &N';
  page.headersFooters.defaultForAllPages.rightFooter = footer;
}

/**
 * A stacked bar per region of its indicators by status, beside the counts it reads (so it follows them). Category
 * names and getRangeByIndexes need ExcelApi 1.7; below it the overview has no chart. Proven against the fake host's
 * charts only, not a real Excel yet.
 */
function queueStatusChart(ws: Excel.Worksheet, layout: OverviewLayout, regions: number): void {
  if (!supports('ExcelApi 1.7')) return;
  const charts = ws.charts;
  const first = layout.headerRow;
  const statuses = layout.header.length - 6; // region, indicators, the statuses, then four 2025 columns
  const data = ws.getRangeByIndexes(first - 1, 2, regions + 1, statuses);
  const chart = charts.add('BarStacked', data, 'Columns');
  chart.title.text = layout.title;
  chart.axes.categoryAxis.setCategoryNames(ws.getRangeByIndexes(first, 0, regions, 1));
  const below = ws.getRangeByIndexes(first + layout.rows.length + layout.notes.length + 2, 0, 18, 9);
  chart.setPosition(below.getCell(0, 0), below.getCell(17, 8));
}

/**
 * Insert the overview on a new sheet, over the region tables in the workbook. `regionOf` names a table's plan (null
 * to leave the table out). Three round trips. Throws, writing nothing, when the workbook holds no region table with
 * a status column.
 */
export async function insertOverview(
  context: Context,
  lang: Lang,
  version: string,
  regionOf: (tableName: string) => Region | null,
): Promise<{ sheet: string; tables: number }> {
  const loaded = await loadTables(context, false);
  // Each plan counted once, however many of its tables the workbook holds (src/core/sheet/overview.ts).
  const sources = overviewSources(
    loaded.map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      header: t.header.values[0],
      row: t.body.rowIndex,
      col: t.body.columnIndex,
      rows: t.body.rowCount,
    })),
    lang,
    regionOf,
  );
  if (sources.length === 0) {
    throw new Error(
      '工作簿中没有带“进展状态”列的地区表，请先插入地区表（旧版插入的表请重新插入）/ no region table with a status column in this workbook: insert a region first (re-insert tables made by an older version)',
    );
  }
  const layout: OverviewLayout = overviewLayout(sources, lang, version);
  const sheets = context.workbook.worksheets; // names loaded with the tables
  const sheetName = freeName(
    layout.sheetName,
    sheets.items.map((s) => s.name),
  );
  const ws = sheets.add(sheetName);
  const width = layout.header.length;
  const at = (row: number, col: number, rows = 1, cols = 1): Excel.Range => ws.getRange(area(row - 1, col, rows, cols));
  queueValues(at(1, 0), [[layout.title]]);
  at(1, 0).format.font.bold = true;
  at(1, 0).format.font.size = 14;
  queueValues(at(2, 0), [[layout.subtitle]]);
  at(2, 0).format.font.size = 9;
  const head = at(layout.headerRow, 0, 1, width);
  queueValues(head, [layout.header]);
  head.format.font.bold = true;
  head.format.wrapText = true;
  head.format.fill.color = hex('DDEBF7');
  const body = at(layout.headerRow + 1, 0, layout.rows.length, width);
  // The region labels as text (in the text format), the counts as the formulas the layout built.
  queueCells(body, layout.rows, layout.formulas, (_i, j) => layout.formats[j]);
  layout.notes.forEach((n, i) => queueValues(at(layout.headerRow + layout.rows.length + 2 + i, 0), [[n]]));
  if (supports('ExcelApi 1.2')) layout.widths.forEach((w, i) => (at(layout.headerRow, i).format.columnWidth = w * 7));
  queuePrintSetup(ws, layout.headerRow, lang === 'zh' ? `数据版本 ${version}` : `Data version ${version}`);
  queueStatusChart(ws, layout, sources.length);
  ws.activate();
  await context.sync();
  return { sheet: sheetName, tables: sources.length };
}

/** The actual values typed in a region's table (the first one found for that plan), by indicator id and year. */
export async function readActuals(context: Context, region: Region): Promise<RegionActuals> {
  const loaded = await loadTables(context, true);
  const t = loaded.find((x) => isTableOf(region, x.name));
  if (!t) return {};
  return actualsOf(region, t.header.values[0], t.body.values);
}

/** The font colour that tells an official actual value (filled from a published package) from a typed one. */
export const OFFICIAL_FONT = `#${FONT.official}`;

/**
 * Fill official actual values (from a published package's actuals.csv) into the inserted tables' actual columns,
 * only where the cell is free (no value, no formula): a typed value always wins. Filled cells get the official
 * font colour. An actual goes to the table of its region's plan whose years include it (`regionOf` names a table's
 * plan). Three round trips.
 */
export async function fillOfficialActuals(
  context: Context,
  actuals: OfficialActual[],
  regionOf: (tableName: string) => Region | null,
): Promise<{ filled: string[]; kept: string[] }> {
  const tables = context.workbook.tables;
  tables.load('items/name');
  await context.sync();
  const loaded = tables.items
    .filter((t) => parseTableName(t.name))
    .map((t) => {
      const header = t.getHeaderRowRange();
      header.load('values');
      const body = t.getDataBodyRange();
      body.load(['values', 'formulas', 'rowIndex', 'columnIndex']);
      const ws = t.getRange().worksheet;
      ws.load('name');
      return { region: regionOf(t.name), header, body, ws };
    });
  await context.sync();
  const filled: string[] = [];
  const kept: string[] = [];
  const contents = loaded.map((t) => ({ region: t.region, header: t.header.values[0], values: t.body.values }));
  for (const { table, row, col, actual } of placeOfficialActuals(contents, actuals)) {
    const t = loaded[table];
    const address = a1(t.body.rowIndex + row, t.body.columnIndex + col);
    if (!isFreeCell(t.body.values[row][col], t.body.formulas[row][col])) {
      kept.push(`${t.ws.name}!${address}`);
      continue;
    }
    const cell = t.ws.getRange(address);
    cell.values = [[actual.value]];
    cell.format.font.color = OFFICIAL_FONT;
    filled.push(`${t.ws.name}!${address}`);
  }
  await context.sync();
  return { filled, kept };
}
