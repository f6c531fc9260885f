/** The 来源与冲突 sheet of the portable workbook: every value with its seed file, line and quote, and every conflict. */
import type ExcelJS from 'exceljs';
import { FILL } from '../core/sheet/layout';
import { periodOf, type Region, type Value } from '../core/plan/model';
import { describeDefinition, type Lang } from '../core/plan/plan';
import { heightOf, INDENT, linesIn, PAD, shown, textUnits } from './print';
import { font, printArea, printAsReport, solid } from './page';

function describe(v: Value | undefined): string {
  return v ? v.raw : '';
}

/** Every value with its source, and every conflict: the sheet that lets a reader check each figure. */
export function writeSources(wb: ExcelJS.Workbook, regions: Region[], lang: Lang, version: string): void {
  const zh = lang === 'zh';
  const ws = wb.addWorksheet(zh ? '来源与冲突' : 'Sources and conflicts', { views: [{ state: 'frozen', ySplit: 1 }] });
  const head = zh
    ? ['地区', '指标', '字段', '原文数值', '解析值', '预计数', '文件', '行', '类型', '原文引文', '说明', '指标定义']
    : ['Region', 'Indicator', 'Field', 'As written', 'Value', 'Estimate', 'File', 'Line', 'Kind', 'Quote', 'Note', 'Definition'];
  ws.addRow(head).font = font({ bold: true });
  for (const r of regions) {
    for (const e of r.entries) {
      const definition = describeDefinition(e, lang);
      const p = periodOf(e);
      const items: [string, Value | undefined, string][] = [
        ...p.baselines.map((y): [string, Value | undefined, string] => [String(y), e.values[y], '']),
        [zh ? `${p.target}目标` : `${p.target} target`, e.target, ''],
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
        const field = c.field === 'target' ? (zh ? `${periodOf(e).target}目标` : `${periodOf(e).target} target`) : c.field;
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
  // Sized to the content: file names, figures and kinds whole on one line, the texts wrapped within their caps.
  sizeToContent(ws, [5, 13, 9, 11, 10, 5, 0, 4, 0, 52, 38, 30], head.length - 1);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: ws.rowCount, column: head.length } };
  printAsReport(ws, { titleRows: '1:1', version, lang });
  // The definition is the indicator's, the same on each of its rows: on screen, not printed once a row (which would
  // double the pages); the printed report names each indicator, and PLAN.INFO or this column give its definition.
  ws.pageSetup.printArea = printArea(head.length - 2, ws.rowCount);
}

/**
 * Columns sized to the text they show (the header row's words included), those with a cap (`caps[i]` > 0) no wider
 * and their text wrapped within; every row as tall as its most wrapped cell.
 */
function sizeToContent(ws: ExcelJS.Worksheet, caps: number[], printed = caps.length): void {
  const text = (c: ExcelJS.Cell): string =>
    typeof c.value === 'number' ? shown(c.value, c.numFmt) : c.value === null || c.value === undefined ? '' : String(c.value);
  // Figures stand right; every text column after the first starts one indent in (about one unit), so that no text
  // meets the figure or the wrapped text of the column before it.
  const figures = caps.map((_cap, i) => {
    let numbers = 0;
    let texts = 0;
    ws.getColumn(i + 1).eachCell((c, r) => {
      if (r > 1 && typeof c.value === 'number') numbers++;
      else if (r > 1 && c.value) texts++;
    });
    return numbers > 0 && texts === 0;
  });
  const indented = figures.map((figure, i) => i > 0 && !figure);
  const widths = caps.map((cap, i) => {
    let widest = 0;
    ws.getColumn(i + 1).eachCell((c, r) => {
      const t = text(c);
      widest = Math.max(widest, r === 1 ? Math.max(...t.split(/[\u4e00-\u9fff]/).map((w) => textUnits(w)), 4.2) : textUnits(t));
    });
    const wanted = widest + PAD + (indented[i] ? INDENT : 0);
    return Math.round((cap > 0 ? Math.min(cap, wanted) : wanted) * 10) / 10;
  });
  widths.forEach((w, i) => {
    const column = ws.getColumn(i + 1);
    column.width = w;
    const alignment: Partial<ExcelJS.Alignment> = {
      wrapText: true,
      vertical: 'top',
      ...(indented[i] ? { horizontal: 'left', indent: 1 } : {}),
    };
    column.alignment = alignment;
    column.eachCell((c) => (c.alignment = alignment));
  });
  // Rows as tall as the printed columns need (those past `printed` show on screen only).
  ws.eachRow((row) => {
    let lines = 1;
    row.eachCell(
      (c, col) => (lines = col <= printed ? Math.max(lines, linesIn(text(c), widths[col - 1] - (indented[col - 1] ? INDENT : 0))) : lines),
    );
    row.height = heightOf(lines);
  });
}
