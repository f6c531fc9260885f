/**
 * `--plan FILE.xlsx`: a plan table read from a worksheet with ExcelJS, turned into the rows of cell texts the CSV
 * reader gives, so that the same import rules (src/core/exchange/import.ts) apply. Row 1 and column A of the sheet are row 1
 * and column A of the rows, so a cell named in an error or a provenance ("南昌.xlsx!C4") is that sheet cell.
 *
 * - A number gives its number as text, without binary noise (2.8, not 2.8000000000000003); a number formatted as a
 *   percentage gives what Excel shows ("2.8%").
 * - Text, rich text (its runs joined) and hyperlinks give their text; a formula gives its cached result.
 * - A merged range gives its text to each cell of the range in the first column (a 属性 merged over several rows
 *   holds for each row); its other columns are empty (a title merged across the table stays one cell).
 * - An error value (#N/A …) or a formula with no cached result refuses the table, naming the cell.
 */
import type ExcelJS from 'exceljs';
import { PlanError } from '../core/errors';

/** True when the bytes are a zip archive (an xlsx file is one). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** A number as text the way a person reads it: 15 significant digits, as Excel shows them. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

function fail(zh: string, en: string): never {
  throw new PlanError('BAD_ARGUMENT', zh, en);
}

type Value = ExcelJS.CellValue;

/** The text of a cell value; `where` names the cell for a refusal. */
function textOf(v: Value, numFmt: string | undefined, where: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (numFmt && /%/.test(numFmt.replace(/"[^"]*"/g, ''))) return `${numberText(v * 100)}%`;
    return numberText(v);
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? '').join('');
  if ('error' in v && v.error !== undefined) {
    return fail(
      `${where}：单元格是错误值 ${v.error}，请改成数值或文字`,
      `${where}: the cell holds the error ${v.error}; give a value or text`,
    );
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: Value }).result;
    if (result === undefined || result === null) {
      const formula = (v as { formula?: string; sharedFormula?: string }).formula ?? (v as { sharedFormula?: string }).sharedFormula;
      return fail(
        `${where}：公式 =${formula} 没有保存计算结果；请在 Excel 中打开并保存后再试，或把它改成数值`,
        `${where}: the formula =${formula} has no saved result; open and save the file in Excel first, or replace it by its value`,
      );
    }
    if (typeof result === 'object' && 'error' in result) return textOf(result, numFmt, where);
    return textOf(result as Value, numFmt, where);
  }
  if ('text' in v) return textOf((v as { text: Value }).text, numFmt, where);
  return '';
}

export interface SheetTable {
  /** The provenance label of the table: "南昌.xlsx", or "[南昌.xlsx]指标" in a workbook of several sheets. */
  label: string;
  rows: string[][];
}

/**
 * The cell texts of one worksheet of an xlsx file (its first sheet, or `sheet`). `file` is the file's name as shown
 * in messages. A file that is not a readable xlsx, or a sheet it does not have, is refused naming the file.
 */
export async function readSheetTable(bytes: Uint8Array, file: string, sheet?: string): Promise<SheetTable> {
  // ExcelJS is loaded here, by the one command line that reads an xlsx, not by every `plan` start.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    if (!isZip(bytes)) throw new Error('not a zip archive');
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (e) {
    const m = (e as Error).message;
    return fail(
      `${file}：不是可读的 xlsx 文件（${m}）；旧的 .xls 文件请先在 Excel 或 WPS 中另存为 .xlsx，或另存为 CSV`,
      `${file}: not a readable xlsx file (${m}); save an old .xls file as .xlsx (or as CSV) in Excel or WPS first`,
    );
  }
  const sheets = wb.worksheets;
  if (!sheets.length) return fail(`${file}：工作簿中没有工作表`, `${file}: the workbook has no worksheet`);
  const ws = sheet === undefined ? sheets[0] : sheets.find((s) => s.name === sheet || s.name.trim() === sheet.trim());
  if (!ws) {
    const names = sheets.map((s) => `“${s.name}”`).join('、');
    return fail(
      `${file}：没有名为“${sheet}”的工作表（有 ${names}）`,
      `${file}: no worksheet named "${sheet}" (it has ${sheets.map((s) => `"${s.name}"`).join(', ')})`,
    );
  }
  const label = sheets.length > 1 ? `[${file}]${ws.name}` : file;
  const rows: string[][] = [];
  const height = ws.rowCount;
  const width = ws.columnCount;
  for (let r = 1; r <= height; r++) {
    const row: string[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      const master = cell.isMerged ? cell.master : cell;
      // A merged range: the first column of the range holds its text in every row; the other columns are empty.
      if (master !== cell && master.col !== cell.col) {
        row.push('');
        continue;
      }
      row.push(textOf(master.value, master.numFmt, `${label}!${cell.address}`).trim());
    }
    rows.push(row);
  }
  return { label, rows };
}
