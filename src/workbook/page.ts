/** How the portable workbook's cells look and its sheets print: fonts, fills, the report's page setup and print area. */
import type ExcelJS from 'exceljs';
import { colLetter } from '../core/sheet/layout';
import type { Lang } from '../core/plan/plan';

export const argb = (hex: string): string => `FF${hex}`;

/**
 * A cell font: the workbook's own (Calibri 11, as the default style) with `f` over it. ExcelJS writes a font without a
 * name or size as just that, and LibreOffice then prints it in its own default (DejaVu Serif), wider than the columns
 * are sized for: bold English headers broke inside words ("expect-ed").
 */
export function font(f: Partial<ExcelJS.Font>): Partial<ExcelJS.Font> {
  return { name: 'Calibri', family: 2, size: 11, ...f };
}

export function solid(hex: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } };
}

/**
 * Print as a report: landscape (or portrait), one page wide and as many long as needed, the header rows repeated
 * on every page, and a footer with the sheet name, page number and data version.
 */
export function printAsReport(ws: ExcelJS.Worksheet, opts: { titleRows?: string; landscape?: boolean; version: string; lang: Lang }): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: opts.landscape === false ? 'portrait' : 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: opts.landscape !== false,
    margins: { left: 0.25, right: 0.25, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(opts.titleRows ? { printTitlesRow: opts.titleRows } : {}),
  };
  const page = opts.lang === 'zh' ? '第 &P 页，共 &N 页' : 'Page &P of &N';
  const version = opts.lang === 'zh' ? `数据版本 ${opts.version}` : `Data version ${opts.version}`;
  ws.headerFooter = { oddFooter: `&L&A&C${page}&R${version}`, evenFooter: `&L&A&C${page}&R${version}` };
}

/**
 * The print area from A1 to the last printed column (zero-based) and row. ExcelJS puts a "$" before each end only, so
 * the rows carry their own: LibreOffice reads "$A1" as no print area at all.
 */
export function printArea(lastCol: number, lastRow: number): string {
  return `A$1:${colLetter(lastCol)}$${lastRow}`;
}
