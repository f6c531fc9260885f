/** `--plan FILE.csv|FILE.xlsx`: plans loaded from indicator tables (CSV or an xlsx sheet), beside the seed plans. Reading files happens here, not in src/core. */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { PlanError } from '../core/errors';
import { importPlanTable } from '../core/exchange/import';
import type { Dataset, Region } from '../core/plan/model';
import { Plan } from '../core/plan/plan';
import { isZip, readSheetTable, XLSX_LIMITS } from './planSheet';
import { checkDelimiter, decodeText } from './text';

/** Jiangxi and its eleven cities: a file name starting with one of them names that region ("赣州中期.csv" → 赣州). */
const JIANGXI = ['江西', '南昌', '景德镇', '萍乡', '九江', '新余', '鹰潭', '赣州', '吉安', '宜春', '抚州', '上饶'];

/** The region a file name starts with: "南昌市十五五科技创新规划指标.csv" → 南昌; undefined when it starts with none. */
export function regionFromFileName(file: string): string | undefined {
  const stem = basename(file).replace(/\.[^.]*$/, '');
  const han = /^[\u4e00-\u9fff]+/.exec(stem)?.[0];
  if (!han) return undefined;
  const known = JIANGXI.find((n) => han.startsWith(n));
  if (known) return known;
  const cut = /^(.+?)(?:省|市|县|区|[“"]?十[四五六]五|科技|规划|指标|主要|创新|国民经济)/.exec(han);
  return (cut ? cut[1] : han) || undefined;
}

/** Read the CSV text of a plan table (a UTF-8 BOM and ragged rows allowed). */
export function readTable(text: string, file: string): string[][] {
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch (e) {
    const m = (e as Error).message;
    throw new PlanError('BAD_ARGUMENT', `${file}：不是可读的 CSV 表（${m}）`, `${file}: not a readable CSV table (${m})`);
  }
}

/** A `--plan` file read into rows of cell texts: `label` is the provenance ("南昌.csv", "南昌.xlsx", "[南昌.xlsx]指标"). */
export interface PlanFile {
  file: string;
  label: string;
  rows: string[][];
  /** Read from an xlsx worksheet (else CSV text). */
  sheet: boolean;
}

/**
 * Read one `--plan` file: an xlsx workbook (by its content, or an .xlsx/.xlsm name) from its first sheet or `sheet`,
 * else CSV text (`sheet` is for xlsx files only). An xlsx file is read asynchronously (ExcelJS), a CSV file at once.
 */
export function readPlanFile(path: string, sheet?: string): PlanFile | Promise<PlanFile> {
  const file = basename(path);
  // The file's size is checked before it is read: a 50 MB "table" is not a plan (the xlsx limit, for CSV too).
  const size = statSync(path).size;
  if (size > XLSX_LIMITS.bytes)
    throw new PlanError(
      'BAD_ARGUMENT',
      `${file}：文件过大（${size} 字节，上限 ${XLSX_LIMITS.bytes}）`,
      `${file}: the file is too large (${size} bytes; the limit is ${XLSX_LIMITS.bytes})`,
    );
  const bytes = readFileSync(path);
  if (isZip(bytes) || /\.xls[xm]?$/i.test(file)) {
    return readSheetTable(bytes, file, sheet).then((t) => ({ file, label: t.label, rows: t.rows, sheet: true }));
  }
  const { text } = decodeText(bytes, file, true);
  checkDelimiter(text, file);
  return { file, label: file, rows: readTable(text, file), sheet: false };
}

/**
 * The plans of `base` with every `--plan` table loaded, after any plans already imported (a published package's);
 * `region` (from --region) names the region of a single file, else each file's name gives it. Any table that cannot
 * be read refuses the whole command: nothing is half-loaded.
 */
export function planWithTables(
  base: Dataset,
  tables: PlanFile[],
  region: string | undefined,
  already: Region[] = [],
  sheet?: string,
): Plan {
  if (!tables.length) return Plan.withImported(base, already);
  if (sheet !== undefined && !tables.some((t) => t.sheet)) {
    throw new PlanError(
      'BAD_ARGUMENT',
      `--sheet 只用于 xlsx 文件，而 ${tables.map((t) => `“${t.file}”`).join('、')} 是 CSV 文本`,
      `--sheet is for xlsx files only, and ${tables.map((t) => `"${t.file}"`).join(', ')} ${tables.length > 1 ? 'are' : 'is'} CSV text`,
    );
  }
  if (region !== undefined && tables.length > 1) {
    throw new PlanError(
      'BAD_ARGUMENT',
      `--region 只能用于一个 --plan 文件；多个文件时，地区取自各文件名开头（如“南昌….csv”）`,
      `--region names the region of one --plan file only; with several files each file name's leading region is used (e.g. "南昌….csv")`,
    );
  }
  const imported = tables.map(({ file, label, rows }) => {
    const name = region ?? regionFromFileName(file);
    if (!name) {
      throw new PlanError(
        'BAD_ARGUMENT',
        `无法从文件名“${file}”看出地区；请用 --region 给出，或把文件命名为“南昌….csv”`,
        `Cannot tell the region from the file name "${file}"; give it with --region, or name the file like "南昌….csv"`,
      );
    }
    return importPlanTable(rows, { file: label, region: name, catalogue: base.catalogue, regions: base.regions });
  });
  return Plan.withImported(base, [...already, ...imported]);
}
