/**
 * The portable workbook: the same layout the pane inserts, in "plain values" mode, written to .xlsx with ExcelJS,
 * for offices where add-ins are not allowed (WPS, locked-down Excel, LibreOffice).
 */
import ExcelJS from 'exceljs';
import {
  cellFormat,
  colIndex,
  colLetter,
  placeOfficialActuals,
  type OfficialActual,
  type ColumnKey,
  FILL,
  FONT,
  regionLayout,
  type SheetLayout,
} from '../core/sheet/layout';
import { overviewLayout, sheetRef, type OverviewLayout, type OverviewSource } from '../core/sheet/overview';
import { describePeriod, isSeedPeriod, periodOf, type Dataset, type Region } from '../core/plan/model';
import type { Lang } from '../core/plan/plan';
import type { MethodId } from '../core/progress/methods';
import { MET_LABELS, ROW_STATUS_LABELS, ROW_STATUSES } from '../core/progress/assessment';
import { heightOf, INDENT, linesIn, PAD, shown, textUnits, wordUnits } from './print';
import { argb, font, printArea, printAsReport, solid } from './page';
import { writeSources } from './sources';

/**
 * The widest a text column prints (units of a digit's width); its text wraps within. Other columns are as wide as
 * their widest content: numbers are never wrapped, so a number column fits its longest figure.
 */
const TEXT_WIDTHS: Partial<Record<ColumnKey, number>> = { name: 16, unit: 6, targetRaw: 12, status: 9, marks: 9, source: 8 };

/**
 * English caps where they differ: its headers are wider ("2020 (baseline)", "2025 expected"), and the sheet prints one
 * page wide, so the indicator names, the targets as written and the marks wrap narrower to keep the print at 8 pt or
 * more (Ganzhou's sheet, the widest, was at 7.6 pt).
 */
const TEXT_WIDTHS_EN: Partial<Record<ColumnKey, number>> = { ...TEXT_WIDTHS, name: 11, targetRaw: 9, marks: 8 };

/** The columns that show figures in the row's format, whose widths follow the row's baseline and target. */
const figureColumn = (key: ColumnKey): boolean => /^(v\d|target$|actual|expected)/.test(key);

/**
 * Printed widths of a region sheet's columns, sized to their content: a figure column as wide as the widest of the
 * figures it holds or will hold (an actual or expected value lies about between the row's baseline and target, and
 * is shown in the row's format), a text column as wide as its text up to its cap, every column at least as wide as the
 * longest word of its header wraps to (a CJK header wraps between any two characters).
 */
export function printWidths(layout: SheetLayout, lang: Lang): number[] {
  return layout.columns.map((column, i) => {
    if (column.helper) return column.width;
    const key = column.key;
    const texts = layout.rows.map((row) => {
      const v = row.cells[i];
      if (figureColumn(key)) {
        const figures = layout.columns.flatMap((c, j) =>
          /^(v\d|target$)/.test(c.key) && typeof row.cells[j] === 'number' ? [row.cells[j] as number] : [],
        );
        return figures.map((x) => shown(x, key === 'target' ? (cellFormat(layout, row, i) ?? row.numberFormat) : row.numberFormat));
      }
      return typeof v === 'number' ? [shown(v, cellFormat(layout, row, i))] : typeof v === 'string' && !row.formulas[i] ? [v] : [];
    });
    const labels = reportLabels(key, lang);
    // Status and met labels are words (measured as such); the other labels are figures, measured as figures.
    const label = key === 'status' || key.startsWith('met') ? wordUnits : textUnits;
    const content = Math.max(0, ...texts.flat().map((t) => textUnits(t)), ...labels.map((t) => label(t)));
    // A header's words (Latin ones) do not break; two CJK characters is the least a header column shows a line of.
    const headerWord = Math.max(4.2, ...layout.header[i].split(/[\s\u4e00-\u9fff（）]+/).map((w) => wordUnits(w, 11)));
    const cap = (lang === 'en' ? TEXT_WIDTHS_EN : TEXT_WIDTHS)[key];
    const wanted = content + PAD + (bodyAlignment(layout, i).indent ? INDENT : 0);
    return Math.round(Math.max(headerWord + 1, cap !== undefined ? Math.min(cap, wanted) : wanted) * 10) / 10;
  });
}

/** What a report column's formulas may show (its labels and widest figures), for its width. */
function reportLabels(key: ColumnKey, lang: Lang): string[] {
  if (key === 'status') return ROW_STATUSES.map((s) => ROW_STATUS_LABELS[s][lang]);
  if (key.startsWith('met')) return Object.values(MET_LABELS).map((l) => l[lang]);
  if (key === 'lastYear') return ['2025'];
  if (key === 'progress') return ['-100%'];
  if (key.startsWith('reached')) return ['100.0%'];
  return [];
}

/** Body cells: figures right, labels centred, texts wrapped at the left; all from the top of the row. */
function bodyAlignment(layout: SheetLayout, col: number): Partial<ExcelJS.Alignment> {
  const key = layout.columns[col].key;
  // A text right of a figure or of another wrapped text starts one indent in, so that neither meets it.
  const before = layout.columns
    .slice(0, col)
    .filter((c) => !c.helper)
    .pop();
  const indent = before && before.key !== 'row' ? { indent: 1 } : {};
  if (figureColumn(key) || key === 'progress' || key.startsWith('reached') || key === 'lastYear')
    return { vertical: 'top', horizontal: 'right' };
  if (key === 'status' || key.startsWith('met') || key === 'row') return { vertical: 'top', horizontal: 'center', wrapText: true };
  return { vertical: 'top', horizontal: 'left', wrapText: true, ...indent };
}

/**
 * The legend below the subtitle, on rows of its own: the flag colours in row 3, each key in a span of columns wide
 * enough for it, with its fill; the notes (ranks, rows on a path of their own) in row 4, one a line, across the
 * printed width.
 */
function writeLegend(ws: ExcelJS.Worksheet, layout: SheetLayout, widths: number[], visible: number[]): void {
  const keys = layout.legend.filter((l, i) => i === 0 || l.fill !== 'FFFFFF');
  const notes = layout.legend.filter((l, i) => i > 0 && l.fill === 'FFFFFF');
  const last = visible[visible.length - 1];
  let at = 0; // index into visible
  let lines = 1;
  keys.forEach((l) => {
    if (at >= visible.length) return;
    const from = visible[at];
    let width = 0;
    const need = textUnits(l.text) + 2;
    // As many columns as the key's text needs; the row past the last key stays blank.
    while (at < visible.length && width < need) width += widths[visible[at++]];
    const to = at < visible.length ? visible[at] - 1 : last;
    if (to > from) ws.mergeCells(3, from + 1, 3, to + 1);
    const c = ws.getCell(3, from + 1);
    c.value = l.text;
    c.alignment = { wrapText: true, vertical: 'middle' };
    if (l.fill !== 'FFFFFF') c.fill = solid(l.fill);
    lines = Math.max(lines, linesIn(l.text, width));
  });
  ws.getRow(3).height = heightOf(lines);
  if (notes.length) {
    const text = notes.map((n) => n.text).join('\n');
    ws.mergeCells(4, 1, 4, last + 1);
    const c = ws.getCell(4, 1);
    c.value = text;
    c.alignment = { wrapText: true, vertical: 'top' };
    const printed = visible.reduce((sum, i) => sum + widths[i], 0);
    ws.getRow(4).height = heightOf(linesIn(text, printed));
  }
}

/** Colour of the data bars on the progress column. */
export const BAR_COLOUR = '5B9BD5';

/** One region's sheet, exactly as the layout says. */
export function writeRegionSheet(wb: ExcelJS.Workbook, layout: SheetLayout, version = '', lang: Lang = 'zh'): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(layout.sheetName, {
    views: [{ state: 'frozen', xSplit: layout.freeze.columns, ySplit: layout.freeze.rows }],
  });
  ws.getCell('A1').value = layout.title;
  ws.getCell('A1').font = font({ bold: true, size: 14 });
  ws.getCell('A2').value = layout.subtitle;
  // Text no smaller than the table's: the sheet prints at about 75 %, and 8 pt is the least a page should show.
  ws.getCell('A2').font = font({ color: { argb: 'FF595959' } });

  // The indicator table as the pane inserts it: an Excel table (sortable, filterable) from the header row down.
  ws.addTable({
    name: layout.tableName,
    ref: `A${layout.headerRow}`,
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: layout.header.map((name) => ({ name, filterButton: true })),
    // Only the formulas the layout built are formulas; every other text is stored as text, whatever it begins with.
    rows: layout.rows.map((row) => row.cells.map((c, i) => (row.formulas[i] && typeof c === 'string' ? { formula: c.slice(1) } : c))),
  });
  const widths = printWidths(layout, lang);
  const visible = layout.columns.flatMap((c, i) => (c.helper ? [] : [i]));
  const lastVisible = visible[visible.length - 1];
  const header = ws.getRow(layout.headerRow);
  header.eachCell((c) => {
    c.font = font({ bold: true });
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  // Tall enough for the longest header wrapped in its column (LibreOffice and Excel size plain rows themselves).
  // Headers are bold and centred, which wrap a little less tightly: measured a unit narrower.
  header.height = heightOf(Math.max(...visible.map((i) => linesIn(layout.header[i], widths[i] - 1))));
  layout.rows.forEach((row, i) => {
    const r = ws.getRow(layout.headerRow + 1 + i);
    row.cells.forEach((_content, col) => {
      const c = r.getCell(col + 1);
      const format = cellFormat(layout, row, col);
      if (format) c.numFmt = format;
      if (layout.inputColumns.includes(col)) c.fill = solid(FILL.input);
      if (layout.helperColumns.includes(col)) c.font = font({ color: { argb: argb(FONT.helper) }, size: 9 });
      c.alignment = bodyAlignment(layout, col);
    });
    // Tall enough for its longest wrapped text (or status label, whichever a person's figures bring): a row height
    // is kept as written, and not every program sizes rows to wrapped text on its own.
    const lines = visible.map((col) => {
      const v = row.cells[col];
      const key = layout.columns[col].key;
      const texts = key === 'status' ? reportLabels(key, lang) : typeof v === 'string' && !row.formulas[col] ? [v] : [];
      const room = widths[col] - (bodyAlignment(layout, col).indent ? INDENT : 0);
      return Math.max(1, ...texts.map((t) => linesIn(t, room)));
    });
    r.height = heightOf(Math.max(...lines));
  });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // Helper columns are for the formulas, not for the reader: hidden on screen and on paper (unhide to see them), and
  // left out of the print area.
  for (const i of layout.helperColumns) ws.getColumn(i + 1).hidden = true;
  const printed = widths.reduce((sum, w, i) => (i <= lastVisible && !layout.columns[i].helper ? sum + w : sum), 0);
  // Title, subtitle and legend each span the printed width and wrap there, so no text runs into another.
  ws.mergeCells(1, 1, 1, lastVisible + 1);
  ws.mergeCells(2, 1, 2, lastVisible + 1);
  ws.getCell('A2').alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(2).height = heightOf(linesIn(layout.subtitle, printed));
  writeLegend(ws, layout, widths, visible);
  printAsReport(ws, { titleRows: `${layout.headerRow}:${layout.headerRow}`, version, lang });
  ws.pageSetup.printArea = printArea(lastVisible, layout.headerRow + Math.max(layout.rows.length, 1));
  // A bar in each progress cell (0 % to 100 % of the way from baseline to target).
  const progress = colLetter(layout.origin.col + colIndex('progress', layout.columns));
  const firstBody = layout.headerRow + 1;
  ws.addConditionalFormatting({
    ref: `${progress}${firstBody}:${progress}${firstBody + Math.max(layout.rows.length, 1) - 1}`,
    rules: [
      {
        type: 'dataBar',
        priority: layout.rules.length + 1,
        gradient: false,
        cfvo: [
          { type: 'num', value: 0 },
          { type: 'num', value: 1 },
        ],
        color: { argb: argb(BAR_COLOUR) },
      } as ExcelJS.DataBarRuleType,
    ],
  });
  ws.addConditionalFormatting({
    ref: layout.flagRange,
    rules: layout.rules.map((rule, priority) => ({
      type: 'expression',
      priority: priority + 1,
      formulae: [rule.formula],
      style: {
        fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.fill) } },
        font: { color: { argb: argb(rule.font) } },
      },
    })),
  });
  return ws;
}

/** The 总览 sheet: live counts over the region sheets, as the overview layout says. */
export function writeOverviewSheet(wb: ExcelJS.Workbook, layout: OverviewLayout, version: string, lang: Lang): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(layout.sheetName, { views: [{ state: 'frozen', xSplit: 1, ySplit: layout.headerRow }] });
  const width = layout.header.length;
  ws.getCell('A1').value = layout.title;
  ws.getCell('A1').font = font({ bold: true, size: 14 });
  // As tall as the title's 14 pt and set at its top, or its letters reach into the subtitle below.
  ws.getRow(1).height = heightOf(1, 14);
  ws.getCell('A1').alignment = { vertical: 'top' };
  ws.getCell('A2').value = layout.subtitle;
  ws.getCell('A2').font = font({ size: 9, color: { argb: 'FF595959' } });
  ws.mergeCells(2, 1, 2, width);
  ws.getCell('A2').alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(2).height = 28;
  const header = ws.getRow(layout.headerRow);
  layout.header.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = font({ bold: true });
    c.fill = solid(FILL.header);
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  header.height = 58;
  const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
  layout.rows.forEach((cells, r) => {
    const row = ws.getRow(layout.headerRow + 1 + r);
    cells.forEach((v, i) => {
      const c = row.getCell(i + 1);
      c.value = layout.formulas[r][i] && typeof v === 'string' ? { formula: v.slice(1) } : v;
      c.numFmt = layout.formats[i];
      c.border = { top: thin, bottom: thin, left: thin, right: thin };
      if (r === layout.rows.length - 1) c.font = font({ bold: true });
    });
  });
  layout.notes.forEach((n, i) => {
    const r = layout.headerRow + layout.rows.length + 2 + i;
    ws.getCell(r, 1).value = n;
    ws.mergeCells(r, 1, r, width);
    ws.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' };
    ws.getCell(r, 1).font = font({ size: 9 });
    ws.getRow(r).height = heightOf(
      linesIn(
        n,
        layout.widths.reduce((a, b) => a + b, 0),
        9,
      ),
      9,
    );
  });
  layout.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // The share met, as a bar too.
  const lastBody = layout.headerRow + layout.rows.length;
  const share = colLetter(width - 1);
  ws.addConditionalFormatting({
    ref: `${share}${layout.headerRow + 1}:${share}${lastBody}`,
    rules: [
      {
        type: 'dataBar',
        priority: 1,
        gradient: false,
        cfvo: [
          { type: 'num', value: 0 },
          { type: 'num', value: 1 },
        ],
        color: { argb: argb(BAR_COLOUR) },
      } as ExcelJS.DataBarRuleType,
    ],
  });
  printAsReport(ws, { titleRows: `${layout.headerRow}:${layout.headerRow}`, version, lang });
  return ws;
}

/** Where the overview finds a region sheet's status and target-year-met cells. */
function overviewSource(layout: SheetLayout, label: string): OverviewSource {
  const first = layout.headerRow + 1;
  const last = layout.headerRow + Math.max(layout.rows.length, 1);
  const range = (key: ColumnKey): string => {
    const c = colLetter(layout.origin.col + colIndex(key, layout.columns));
    return `${sheetRef(layout.sheetName)}!$${c}$${first}:$${c}$${last}`;
  };
  const targetYear = layout.period.target;
  return { label, statusRange: range('status'), metRange: range(`met${targetYear}`), targetYear };
}

function writeCover(wb: ExcelJS.Workbook, d: Dataset, regions: Region[], lang: Lang): void {
  const zh = lang === 'zh';
  // The text below describes the seed plans' years; a plan of another period (an imported table) says its own.
  const periodNote = (r: Region): string => {
    const p = periodOf(r);
    return isSeedPeriod(p)
      ? ''
      : zh
        ? `规划时期 ${describePeriod(p)}（各列按此时期的年份）；`
        : `period ${describePeriod(p)} (its sheet has that period's years); `;
  };
  const ws = wb.addWorksheet(zh ? '说明' : 'About');
  const lines: string[] = zh
    ? [
        '江西省及九江、吉安、上饶、赣州“十四五”科技创新规划主要指标',
        `数据版本 ${d.version}（校验码 ${d.checksum}）`,
        '',
        '内容：每个地区一张工作表，列出规划指标的基期值（2019、2020年）、2025年目标（原文及数值）、2021–2025年各年应达值（按序时进度的线性路径，普通公式），以及供填写的各年实际值列。',
        '用法：在“实际”列填写当年实际值，落后于序时进度的单元格会自动标色（黄色：略滞后；红色：滞后或逆向）。排位类指标越小越好，已按方向判断。',
        '“总览”表按地区统计各进展状态的指标数和2025年终期评估（达标/未达标），为随实际值更新的公式；各地区表的“进展状态”“进度”“2025年是否达标”“2025年目标完成率”列同样为公式。',
        '本文件不含宏或加载项函数，可在 WPS、LibreOffice 及各版本 Excel 中使用。',
        '“来源与冲突”表列出每个数值在规划原文中的文件、行号和引文；正文与表格不一致之处均列为“冲突”，表格数值为准，正文表述一并保留。其“指标定义”列在屏幕上查看，不打印。',
        '',
        '地区与规划：',
        ...regions.map(
          (r) =>
            `  ${r.name}：${r.planTitle}${r.issuingNumber ? `（${r.issuingNumber}）` : ''}；${periodNote(r)}${r.entries.length}项指标；来源文件 ${r.seed}`,
        ),
      ]
    : [
        'Indicators of the 14th Five-Year S&T innovation plans of Jiangxi and Jiujiang, Ji’an, Shangrao, Ganzhou',
        `Data version ${d.version} (checksum ${d.checksum})`,
        '',
        'One sheet per region: baselines (2019, 2020), 2025 targets (as written and as numbers), the expected value for 2021–2025 on the linear path (ordinary formulas), and columns for the actual values.',
        'Fill the actual columns: values behind the expected path are coloured (amber: slightly behind; red: behind or moving away). Ranks: lower is better.',
        '"Overview" counts, region by region, the indicators at each status and the 2025 final assessment (met / not met), as formulas that follow the actual values; so are the status, progress, 2025 met and share-of-target columns of the region sheets.',
        'No macros, no add-in functions: works in WPS, LibreOffice and any Excel.',
        '"Sources and conflicts" lists the file, line and quote of every figure; where the text and the table disagree both are kept, the table is the value. Its Definition column shows on screen and is not printed.',
        '',
        'Regions and plans:',
        ...regions.map(
          (r) =>
            `  ${r.en}: ${r.planTitle}${r.issuingNumber ? ` (${r.issuingNumber})` : ''}; ${periodNote(r)}${r.entries.length} indicators; source ${r.seed}`,
        ),
      ];
  // Narrow enough for a portrait A4 page at full size; long lines wrap instead of running off the page. Row heights
  // are set for the wrapped lines (a CJK character is two columns wide), since not every program sizes them itself.
  const width = 80;
  lines.forEach((l, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = l;
    c.alignment = { wrapText: true, vertical: 'top' };
    const columns = [...l].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
    const size = i === 0 ? 14 : 11;
    ws.getRow(i + 1).height = Math.max(1, Math.ceil((columns * size) / 11 / (width - 4))) * (size + 5);
  });
  ws.getCell('A1').font = font({ bold: true, size: 14 });
  ws.getColumn(1).width = width;
  printAsReport(ws, { landscape: false, version: d.version, lang });
}

/**
 * ExcelJS names a sheet's print area and print titles `'<sheet>'!…` without doubling an apostrophe in the sheet name
 * (Ji'an): Excel has to repair such a file, and ExcelJS itself cannot read it back. The names are put right each time
 * ExcelJS prepares the workbook for writing.
 */
function quoteSheetNamesInPrintRanges(wb: ExcelJS.Workbook): void {
  type Model = { definedNames?: { ranges: string[] }[] };
  const xlsx = wb.xlsx as unknown as { prepareModel(model: Model, options: unknown): void };
  const prepare = xlsx.prepareModel.bind(xlsx);
  xlsx.prepareModel = (model, options) => {
    prepare(model, options);
    const names = wb.worksheets.map((w) => w.name).filter((n) => n.includes("'"));
    for (const d of model.definedNames ?? [])
      d.ranges = d.ranges.map((r) => names.reduce((s, n) => s.split(`'${n}'!`).join(`'${n.replace(/'/g, "''")}'!`), r));
  };
}

/** The whole portable workbook: cover, overview (总览), one sheet per region, sources and conflicts. */
export function buildWorkbook(
  d: Dataset,
  regions: Region[],
  lang: Lang = 'zh',
  method: MethodId = 'linear',
  actuals: OfficialActual[] = [],
): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'plan-indicators';
  wb.calcProperties.fullCalcOnLoad = true;
  quoteSheetNamesInPrintRanges(wb);
  writeCover(wb, d, regions, lang);
  const layouts = regions.map((r) => regionLayout(r, 'plain', lang, d.version, undefined, method));
  const overview = overviewLayout(
    layouts.map((l, i) => overviewSource(l, lang === 'zh' ? regions[i].name : regions[i].en)),
    lang,
    d.version,
  );
  writeOverviewSheet(wb, overview, d.version, lang);
  const sheets = layouts.map((l) => writeRegionSheet(wb, l, d.version, lang));
  // Official actuals into their actual cells, in the official blue (the same placement as the Excel and WPS panes').
  const tables = layouts.map((l, i) => ({ region: regions[i], header: l.header, values: l.rows.map((r) => r.cells) }));
  for (const p of placeOfficialActuals(tables, actuals)) {
    const cell = sheets[p.table].getCell(layouts[p.table].headerRow + 1 + p.row, p.col + 1);
    cell.value = p.actual.value;
    cell.font = font({ color: { argb: argb(FONT.official) } });
  }
  writeSources(wb, regions, lang, d.version);
  return wb;
}
