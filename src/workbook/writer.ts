/**
 * The portable workbook: the same layout the pane inserts, in "plain values" mode, written to .xlsx with ExcelJS,
 * for offices where add-ins are not allowed (WPS, locked-down Excel, LibreOffice).
 */
import ExcelJS from 'exceljs';
import { COLUMNS, FILL, FONT, isNumericColumn, regionLayout, type SheetLayout } from '../core/layout';
import type { Dataset, Region, Value } from '../core/model';
import { describeDefinition, type Lang } from '../core/plan';
import type { MethodId } from '../core/methods';

const argb = (hex: string): string => `FF${hex}`;

function solid(hex: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } };
}

/** One region's sheet, exactly as the layout says. */
export function writeRegionSheet(wb: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(layout.sheetName, {
    views: [{ state: 'frozen', xSplit: layout.freeze.columns, ySplit: layout.freeze.rows }],
  });
  ws.getCell('A1').value = layout.title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = layout.subtitle;
  ws.getCell('A2').font = { size: 9, color: { argb: 'FF595959' } };
  layout.legend.forEach((l, i) => {
    const c = ws.getCell(3, 1 + i * 2);
    c.value = l.text;
    if (l.fill !== 'FFFFFF') c.fill = solid(l.fill);
  });

  // The indicator table as the pane inserts it: an Excel table (sortable, filterable) from the header row down.
  ws.addTable({
    name: layout.tableName,
    ref: `A${layout.headerRow}`,
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: layout.header.map((name) => ({ name, filterButton: true })),
    rows: layout.rows.map((row) => row.cells.map((c) => (typeof c === 'string' && c.startsWith('=') ? { formula: c.slice(1) } : c))),
  });
  const header = ws.getRow(layout.headerRow);
  header.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  header.height = 32;
  layout.rows.forEach((row, i) => {
    const r = ws.getRow(layout.headerRow + 1 + i);
    row.cells.forEach((_content, col) => {
      const c = r.getCell(col + 1);
      if (isNumericColumn(COLUMNS[col].key)) c.numFmt = row.numberFormat;
      if (layout.inputColumns.includes(col)) c.fill = solid(FILL.input);
      if (layout.helperColumns.includes(col)) c.font = { color: { argb: argb(FONT.helper) }, size: 9 };
    });
  });

  layout.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
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

function describe(v: Value | undefined): string {
  return v ? v.raw : '';
}

/** Every value with its source, and every conflict: the sheet that lets a reader check each figure. */
function writeSources(wb: ExcelJS.Workbook, regions: Region[], lang: Lang): void {
  const zh = lang === 'zh';
  const ws = wb.addWorksheet(zh ? '来源与冲突' : 'Sources and conflicts', { views: [{ state: 'frozen', ySplit: 1 }] });
  const head = zh
    ? ['地区', '指标', '字段', '原文数值', '解析值', '预计数', '文件', '行', '类型', '原文引文', '说明', '指标定义']
    : ['Region', 'Indicator', 'Field', 'As written', 'Value', 'Estimate', 'File', 'Line', 'Kind', 'Quote', 'Note', 'Definition'];
  ws.addRow(head).font = { bold: true };
  for (const r of regions) {
    for (const e of r.entries) {
      const definition = describeDefinition(e, lang);
      const items: [string, Value | undefined, string][] = [
        ['2019', e.values[2019], ''],
        ['2020', e.values[2020], ''],
        [zh ? '2025目标' : '2025 target', e.target, ''],
        ...(e.milestones ?? []).map((m): [string, Value, string] => [zh ? `${m.year}阶段目标` : `${m.year} staged target`, m, '']),
      ];
      for (const [field, v] of items) {
        if (!v) continue;
        ws.addRow([
          r.name,
          e.name,
          field,
          describe(v),
          v.value,
          v.estimate ? (zh ? '是' : 'yes') : '',
          v.source.seed,
          v.source.line,
          v.source.kind,
          v.source.quote,
          e.remark ?? '',
          definition,
        ]);
      }
      for (const c of e.conflicts) {
        const row = ws.addRow([
          r.name,
          e.name,
          `${zh ? '冲突' : 'conflict'} ${c.field}`,
          c.raw,
          c.value,
          c.estimate ? (zh ? '是' : 'yes') : '',
          c.source.seed,
          c.source.line,
          c.source.kind,
          c.source.quote,
          c.note,
          definition,
        ]);
        row.fill = solid(FILL.slightlyBehind);
      }
      for (const c of e.corroborations ?? []) {
        const field = c.field === 'target' ? (zh ? '2025目标' : '2025 target') : c.field;
        ws.addRow([
          r.name,
          e.name,
          `${zh ? '另见' : 'also stated'} ${field}`,
          c.raw,
          c.value,
          c.estimate ? (zh ? '是' : 'yes') : '',
          c.source.seed,
          c.source.line,
          c.source.kind,
          c.source.quote,
          zh ? '同一数值的另一处表述' : 'the same figure stated elsewhere',
        ]);
      }
    }
  }
  [6, 30, 12, 22, 10, 8, 26, 6, 7, 60, 40, 60].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: ws.rowCount, column: head.length } };
}

function writeCover(wb: ExcelJS.Workbook, d: Dataset, regions: Region[], lang: Lang): void {
  const zh = lang === 'zh';
  const ws = wb.addWorksheet(zh ? '说明' : 'About');
  const lines: string[] = zh
    ? [
        '江西省及九江、吉安、上饶、赣州“十四五”科技创新规划主要指标',
        `数据版本 ${d.version}（校验码 ${d.checksum}）`,
        '',
        '内容：每个地区一张工作表，列出规划指标的基期值（2019、2020年）、2025年目标（原文及数值）、2021–2025年序时进度值（普通公式，线性路径），以及供填写的各年实际值列。',
        '用法：在“实际”列填写当年实际值，落后于序时进度的单元格会自动标色（黄色：略滞后；红色：滞后或逆向）。排位类指标越小越好，已按方向判断。',
        '本文件不含宏或加载项函数，可在 WPS、LibreOffice 及各版本 Excel 中使用。',
        '“来源与冲突”表列出每个数值在规划原文中的文件、行号和引文；正文与表格不一致之处均列为“冲突”，表格数值为准，正文表述一并保留。',
        '',
        '地区与规划：',
        ...regions.map(
          (r) =>
            `  ${r.name}：${r.planTitle}${r.issuingNumber ? `（${r.issuingNumber}）` : ''}；${r.entries.length}项指标；来源文件 ${r.seed}`,
        ),
      ]
    : [
        'Indicators of the 14th Five-Year S&T innovation plans of Jiangxi and Jiujiang, Ji’an, Shangrao, Ganzhou',
        `Data version ${d.version} (checksum ${d.checksum})`,
        '',
        'One sheet per region: baselines (2019, 2020), 2025 targets (as written and as numbers), the expected value for 2021–2025 on the linear path (ordinary formulas), and columns for the actual values.',
        'Fill the actual columns: values behind the expected path are coloured (amber: slightly behind; red: behind or moving away). Ranks: lower is better.',
        'No macros, no add-in functions: works in WPS, LibreOffice and any Excel.',
        '"Sources and conflicts" lists the file, line and quote of every figure; where the text and the table disagree both are kept, the table is the value.',
        '',
        'Regions and plans:',
        ...regions.map(
          (r) =>
            `  ${r.en}: ${r.planTitle}${r.issuingNumber ? ` (${r.issuingNumber})` : ''}; ${r.entries.length} indicators; source ${r.seed}`,
        ),
      ];
  lines.forEach((l, i) => (ws.getCell(i + 1, 1).value = l));
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getColumn(1).width = 120;
}

/** The whole portable workbook: cover, one sheet per region, sources and conflicts. */
export function buildWorkbook(d: Dataset, regions: Region[], lang: Lang = 'zh', method: MethodId = 'linear'): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'plan-indicators';
  wb.calcProperties.fullCalcOnLoad = true;
  writeCover(wb, d, regions, lang);
  for (const r of regions) writeRegionSheet(wb, regionLayout(r, 'plain', lang, d.version, undefined, method));
  writeSources(wb, regions, lang);
  return wb;
}
