/* global Office */
/**
 * What the Excel the pane runs in can do, asked of Office at run time (`Office.context.requirements.isSetSupported`),
 * never assumed. Pure: the entry files pass Office's check in, the tests pass the fake host's.
 *
 * Requirement sets of the APIs we call (the tags in Microsoft's typings, @types/office-js; test/hosts/excel/
 * typings-audit.test.ts checks every use against them):
 *   ExcelApi 1.1  Excel.run, worksheets.add/activate, getRange, getSelectedRange, Range.values/formulas/numberFormat,
 *                 format.fill/font/wrapText, tables.add, table.name/style, getCell/getOffsetRange/getBoundingRect
 *   ExcelApi 1.2  format.columnWidth, Table.worksheet
 *   ExcelApi 1.4  TableRowCollection.add with several rows
 *   ExcelApi 1.6  conditionalFormats (the flags)
 *   ExcelApi 1.7  freezePanes, getRangeByIndexes, getActiveCell, getAbsoluteResizedRange, chart category names
 *   ExcelApi 1.9  pageLayout (print setup)
 *   CustomFunctionsRuntime 1.3 (CustomFunctions.ErrorCode; Error with a message is 1.2) and SharedRuntime 1.1: the
 *   linked mode
 */
import type { Lang } from '../../core/plan/plan';

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

/** Office's requirement check, set once by the entry file (src/panes/modern/index.tsx, src/panes/legacy/index.ts). */
let hostCheck: IsSetSupported | null = null;
export function configureHost(check: IsSetSupported | undefined): void {
  hostCheck = check ?? ONLY_EXCELAPI_1_1;
}

/**
 * Whether the host supports a requirement set, e.g. `supports('ExcelApi 1.13')`. True when `Office` (or its
 * requirement check) is not there and no entry file configured one, as in the unit tests.
 */
export function supports(set: string): boolean {
  const [name, version] = set.split(' ');
  if (hostCheck) return hostCheck(name, version);
  if (typeof Office === 'undefined') return true;
  const req = (Office as { context?: { requirements?: { isSetSupported?: (n: string, v?: string) => boolean } } }).context?.requirements;
  if (!req || typeof req.isSetSupported !== 'function') return true;
  return req.isSetSupported(name, version);
}

export interface HostFeatures {
  /** PLAN functions can be evaluated here: linked tables and the formula builder work. */
  linked: boolean;
}

/**
 * The sets the linked mode needs. CustomFunctionsRuntime 1.3: the typings tag CustomFunctions.ErrorCode (used by
 * src/functions/functions.ts) 1.3, CustomFunctions.Error 1.2; Excel 2021, Microsoft 365 and the web have both.
 */
export const LINKED_SETS: [string, string][] = [
  ['CustomFunctionsRuntime', '1.3'],
  ['SharedRuntime', '1.1'],
];

/** The check an Excel without Office's requirement API gets: ExcelApi 1.1 and nothing else. */
export const ONLY_EXCELAPI_1_1: IsSetSupported = (name, v) => name === 'ExcelApi' && (v === undefined || v === '1.1');

export function hostFeatures(isSetSupported: IsSetSupported | undefined): HostFeatures {
  const has = (name: string, v: string): boolean => {
    try {
      return !!isSetSupported && !!isSetSupported(name, v);
    } catch {
      return false;
    }
  };
  return { linked: LINKED_SETS.every(([name, v]) => has(name, v)) };
}

/** Office's requirement check, or undefined where Office.js gives none (the pane then assumes ExcelApi 1.1 only). */
export function officeSetCheck(office: any): IsSetSupported | undefined {
  const req = office && office.context && office.context.requirements;
  return req && typeof req.isSetSupported === 'function' ? (name, v) => req.isSetSupported(name, v) : undefined;
}

/** One line on why the linked mode is missing here and which Excel has it; null when it is available. */
export function linkedMissing(f: HostFeatures, lang: Lang): string | null {
  if (f.linked) return null;
  return lang === 'zh'
    ? '此版本 Excel 不支持自定义函数（PLAN 函数），只能插入普通数值与公式。链接模式需要 Excel 2021 及以上、Microsoft 365（Windows 或 Mac）或 Excel 网页版。'
    : 'This Excel has no custom functions (PLAN functions), so tables go in as plain values and formulas. Linked mode needs Excel 2021 or later, Microsoft 365 (Windows or Mac) or Excel on the web.';
}
