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

/**
 * What an xlsx plan table may hold (issue 27): a plan's table is a few dozen rows and a dozen columns, so anything far
 * beyond is refused, naming the limit, before it costs time or memory. The cell limit is Excel's own.
 */
export const XLSX_LIMITS = {
  /** The file as it is on disk. */
  bytes: 20 * 1024 * 1024,
  /** The sum of the archive's entries once inflated, as its central directory declares them (read before inflating). */
  unzipped: 100 * 1024 * 1024,
  /** Archive entries (an xlsx has a dozen or two). */
  entries: 1000,
  rows: 10000,
  columns: 256,
  /** Characters in one cell: Excel's limit. */
  cell: 32767,
};

/**
 * The entries of a zip archive and the sum of their declared inflated sizes, from its central directory (PKWARE
 * APPNOTE 4.3.12, 4.3.16), without inflating anything; null when the directory cannot be found (not a zip, or a
 * damaged one, which ExcelJS then refuses). A zip64 archive, whose sizes are elsewhere, counts as over every limit.
 */
export function declaredZipSize(bytes: Uint8Array): { entries: number; unzipped: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: 22 bytes and a comment of at most 65,535 bytes at the end of the file.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) return { entries: Infinity, unzipped: Infinity };
  let unzipped = 0;
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return { entries: count, unzipped: Infinity };
    unzipped += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { entries: count, unzipped };
}

const mb = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;

/** Refuse a file over a limit of XLSX_LIMITS before ExcelJS reads it. */
function checkArchive(bytes: Uint8Array, file: string): void {
  if (bytes.length > XLSX_LIMITS.bytes) {
    fail(
      `${file}：文件大小 ${mb(bytes.length)} 超过上限 ${mb(XLSX_LIMITS.bytes)}；规划表不需要这么大的文件`,
      `${file}: the file is ${mb(bytes.length)}, over the limit of ${mb(XLSX_LIMITS.bytes)}; a plan table needs no such file`,
    );
  }
  const zip = declaredZipSize(bytes);
  if (zip && zip.entries > XLSX_LIMITS.entries) {
    fail(
      `${file}：压缩包中的文件数超过上限 ${XLSX_LIMITS.entries}`,
      `${file}: the archive holds more than ${XLSX_LIMITS.entries} entries, the limit`,
    );
  }
  if (zip && zip.unzipped > XLSX_LIMITS.unzipped) {
    fail(
      `${file}：解压后的大小${Number.isFinite(zip.unzipped) ? ` ${mb(zip.unzipped)}` : ''}超过上限 ${mb(XLSX_LIMITS.unzipped)}，未读取`,
      `${file}: unzipped, it would be${Number.isFinite(zip.unzipped) ? ` ${mb(zip.unzipped)}` : ' larger than'} over the limit of ${mb(XLSX_LIMITS.unzipped)}; not read`,
    );
  }
}

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
  checkArchive(bytes, file);
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
  // Only the cells the sheet holds are read (never the declared dimension, which may say A1:XFD1048576 for two cells).
  const cells: { r: number; c: number; text: string }[] = [];
  let height = 0;
  let width = 0;
  ws.eachRow((row, r) => {
    row.eachCell((cell, c) => {
      const where = `${label}!${cell.address}`;
      if (r > XLSX_LIMITS.rows || c > XLSX_LIMITS.columns) {
        fail(
          `${where}：超出读取范围（至多 ${XLSX_LIMITS.rows} 行、${XLSX_LIMITS.columns} 列）；规划表不需要这么大的范围`,
          `${where}: beyond what is read (at most ${XLSX_LIMITS.rows} rows and ${XLSX_LIMITS.columns} columns); a plan table needs no such range`,
        );
      }
      const master = cell.isMerged ? cell.master : cell;
      // A merged range: the first column of the range holds its text in every row; the other columns are empty.
      if (master !== cell && master.col !== cell.col) return;
      const text = textOf(master.value, master.numFmt, where).trim();
      if (text.length > XLSX_LIMITS.cell) {
        fail(
          `${where}：单元格有 ${text.length} 个字符，超过 Excel 的上限 ${XLSX_LIMITS.cell}`,
          `${where}: the cell holds ${text.length} characters, over Excel's limit of ${XLSX_LIMITS.cell}`,
        );
      }
      if (!text) return;
      cells.push({ r, c, text });
      height = Math.max(height, r);
      width = Math.max(width, c);
    });
  });
  const rows: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill(''));
  for (const { r, c, text } of cells) rows[r - 1][c - 1] = text;
  return { label, rows };
}
