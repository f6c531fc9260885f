/**
 * The PLAN functions without any host: arguments as a spreadsheet hands them over (numbers, text, booleans,
 * blanks, 1×1 ranges), results as numbers, text or rows. Excel (functions.ts) and HyperFormula
 * (src/hyperformula) wrap these and turn a thrown PlanError into their own error value.
 */
import { PlanError, quoteInput } from '../core/errors';
import { parseInfoField, Plan, type Lang } from '../core/plan/plan';
import { regionRows, type Cell } from '../core/plan/rows';
import { parseMethod } from '../core/progress/trajectory';
import { parseMethodId, type MethodId } from '../core/progress/methods';
import { dataset } from '../data/index';
import { actualConflicts, officialActuals } from '../data/actuals';
import type { Actual } from '../core/exchange/packageFormat';
import { actualConflictLines, actualField, findActual, parseActualField, withActualConflicts } from '../core/exchange/actuals';

let plan: Plan | undefined;
let actuals: Actual[] | undefined;
let lang: Lang = 'zh';

export function getPlan(): Plan {
  plan ??= new Plan(dataset());
  return plan;
}

/** Answer from `p` (a published package's data, and/or imported plans beside the seed plans, see Plan.withImported); undefined goes back to the compiled-in dataset. */
export function usePlan(p: Plan | undefined): void {
  plan = p;
}

/** Answer PLAN.ACTUAL from these official actuals (a published package's, an --actuals file's); undefined goes back to the compiled-in ones. */
export function useActuals(a: Actual[] | undefined): void {
  actuals = a;
}

/** The language of results and messages: Chinese for a Chinese Office display language, else English. */
export function setLanguage(displayLanguage: string | undefined | null): Lang {
  lang = (displayLanguage ?? 'zh').toLowerCase().startsWith('zh') ? 'zh' : 'en';
  return lang;
}

export function getLanguage(): Lang {
  return lang;
}

/** What a spreadsheet may pass for one argument. */
export type Arg = unknown;

function isBlank(v: Arg): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A 1×1 range arrives as [[value]]; anything larger is a mistake worth naming. */
function single(v: Arg, what: What): Arg {
  if (Array.isArray(v)) {
    const flat = (v as unknown[]).flat(2);
    if (flat.length === 1) return notDataType(flat[0], what);
    throw new PlanError(
      'BAD_ARGUMENT',
      `${what[0]}应为单个单元格，而不是${flat.length}个值`,
      `${what[1]} must be one cell, not ${flat.length} values`,
    );
  }
  return notDataType(v, what);
}

/**
 * An Excel data type (a linked entity such as a stock or a geography, a formatted number, an image) reaches a
 * custom function as an object such as {type: "LinkedEntity", text: "…", properties: …} — only when the metadata
 * sets allowCustomDataForDataTypeAny, which ours does not, so Excel passes plain values. Should one arrive anyway,
 * it is named, never read as text or number.
 */
function notDataType(v: Arg, what: What): Arg {
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const kind = typeof o.type === 'string' ? quoteInput(o.type) : '';
  const text =
    typeof o.text === 'string' ? o.text : typeof o.basicValue === 'string' || typeof o.basicValue === 'number' ? String(o.basicValue) : '';
  const shown = [kind, text && `“${quoteInput(text)}”`].filter(Boolean).join(' ');
  throw new PlanError(
    'BAD_ARGUMENT',
    `${what[0]}不能是数据类型${shown ? `（${shown}）` : ''}，请填写${what[2]}`,
    `The ${what[1]} cannot be a data type${shown ? ` (${shown})` : ''}; give ${what[3]}`,
  );
}

export function textArg(v: Arg, what: What): string {
  const x = single(v, what);
  if (isBlank(x)) throw new PlanError('BAD_ARGUMENT', `缺少${what[0]}：${what[2]}`, `The ${what[1]} is missing: ${what[3]}`);
  if (typeof x === 'string') return x;
  if (typeof x === 'number' && Number.isFinite(x)) return String(x);
  throw new PlanError(
    'BAD_ARGUMENT',
    `${what[0]}应为文字，而不是${typeof x === 'boolean' ? '逻辑值' : '此类值'}“${quoteInput(String(x))}”`,
    `The ${what[1]} must be text, not ${typeof x === 'boolean' ? 'a logical value' : 'this value'} "${quoteInput(String(x))}"`,
  );
}

function optionalText(v: Arg, what: What): string | undefined {
  const x = single(v, what);
  return isBlank(x) ? undefined : textArg(x, what);
}

/** A number typed or passed as text: "1,200", "１２００", "19.5", "2025年", "12%" (read as 12, the unit the plans use). */
export function numberArg(v: Arg, what: What): number {
  const x = single(v, what);
  if (isBlank(x)) throw new PlanError('BAD_NUMBER', `缺少${what[0]}：${what[2]}`, `The ${what[1]} is missing: ${what[3]}`);
  let n = NaN;
  if (typeof x === 'number') n = x;
  else if (typeof x === 'string') {
    const t = x
      .normalize('NFKC')
      .trim()
      .replace(/,/g, '')
      .replace(/(年|%)$/, '');
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) n = Number(t);
  }
  if (!Number.isFinite(n)) {
    const shown = typeof x === 'string' ? `“${quoteInput(x)}”` : typeof x === 'boolean' ? (x ? 'TRUE' : 'FALSE') : String(x);
    throw new PlanError('BAD_NUMBER', `${what[0]}必须是数字，而不是${shown}`, `The ${what[1]} must be a number, not ${shown}`);
  }
  return n;
}

/** An argument's name and what a right value looks like, in Chinese and English. */
export type What = [string, string, string, string];
const REGION: What = ['地区', 'region', '江西、九江、吉安、上饶或赣州', 'Jiangxi, Jiujiang, Ji’an, Shangrao or Ganzhou'];
const INDICATOR: What = ['指标', 'indicator', '指标名称，如“高新技术企业”', 'an indicator name, e.g. "high-tech enterprises"'];
export const YEAR: What = [
  '年份',
  'year',
  '规划时期内的年份（十四五为2019–2025）',
  'a year of the plan’s period (2019–2025 for the 14th Five-Year plans)',
];
export const ACTUAL_VALUE: What = ['实际值', 'actual value', '当年的实际数值', 'the figure for that year'];
const PATH: What = ['路径', 'path', 'linear 或 cagr', 'linear or cagr'];
const METHOD: What = ['方法', 'method', 'linear、cagr、eurostat 或 trend', 'linear, cagr, eurostat or trend'];
const FIELD: What = ['字段', 'field', '如 unit、source、conflicts', 'e.g. unit, source, conflicts'];
const ACTUAL_FIELD: What = [
  '字段',
  'field',
  '如 value、year、source、quote、url、caliber',
  'e.g. value, year, source, quote, url, caliber',
];

function yearArg(v: Arg): number {
  const y = numberArg(v, YEAR);
  if (!Number.isInteger(y)) {
    throw new PlanError('BAD_YEAR', `年份必须是整数年份（如2025），而不是${y}`, `The year must be a whole year (e.g. 2025), not ${y}`);
  }
  return y;
}

function optionalYear(v: Arg): number | undefined {
  return isBlank(single(v, YEAR)) ? undefined : yearArg(v);
}

export function TARGET(region: Arg, indicator: Arg, year?: Arg, path?: Arg): number | string {
  return getPlan().target(
    textArg(region, REGION),
    textArg(indicator, INDICATOR),
    optionalYear(year),
    parseMethod(optionalText(path, PATH)),
  );
}

export function BASELINE(region: Arg, indicator: Arg, year?: Arg): number {
  return getPlan().baseline(textArg(region, REGION), textArg(indicator, INDICATOR), optionalYear(year));
}

/** The method argument: linear (default, 序时进度), cagr, eurostat or trend; see src/core/progress/methods.ts. */
export function methodArg(v: Arg): MethodId {
  return parseMethodId(optionalText(v, METHOD));
}

export function STATUS(region: Arg, indicator: Arg, year: Arg, actual: Arg, method?: Arg): string {
  const p = getPlan();
  const a = p.judge(
    textArg(region, REGION),
    textArg(indicator, INDICATOR),
    yearArg(year),
    numberArg(actual, ACTUAL_VALUE),
    methodArg(method),
  );
  return p.statusLabel(a, lang);
}

export function GAP(region: Arg, indicator: Arg, year: Arg, actual: Arg, method?: Arg): number {
  return getPlan().assess(
    textArg(region, REGION),
    textArg(indicator, INDICATOR),
    yearArg(year),
    numberArg(actual, ACTUAL_VALUE),
    methodArg(method),
  ).gap;
}

export function PROGRESS(region: Arg, indicator: Arg, actual: Arg, method?: Arg, year?: Arg): number {
  return getPlan().progress(
    textArg(region, REGION),
    textArg(indicator, INDICATOR),
    numberArg(actual, ACTUAL_VALUE),
    methodArg(method),
    optionalYear(year),
  );
}

export function REQUIRED(region: Arg, indicator: Arg, year: Arg, actual: Arg): number {
  return getPlan().required(textArg(region, REGION), textArg(indicator, INDICATOR), yearArg(year), numberArg(actual, ACTUAL_VALUE)).value;
}

export function INFO(region: Arg, indicator: Arg, field?: Arg): string | number {
  const [r, i, f] = [textArg(region, REGION), textArg(indicator, INDICATOR), optionalText(field, FIELD) ?? 'source'];
  const answer = getPlan().info(r, i, f, lang);
  if (parseInfoField(f) !== 'conflicts') return answer;
  // Beside the plan's own conflicts, the public sources of its actual values that disagree, as `plan info` lists them.
  const more = actualConflictLines(getPlan().entry(r, i), actuals ?? officialActuals(), actualConflicts(), lang);
  return withActualConflicts(String(answer), more, lang);
}

/** An official public actual (the latest year when none is given), or a field of its source. */
export function ACTUAL(region: Arg, indicator: Arg, year?: Arg, field?: Arg): string | number {
  const f = parseActualField(optionalText(field, ACTUAL_FIELD) ?? 'value');
  const found = findActual(
    getPlan(),
    actuals ?? officialActuals(),
    textArg(region, REGION),
    textArg(indicator, INDICATOR),
    optionalYear(year),
  );
  return actualField(found.entry, found.actual, f);
}

export function REGIONS(): string[][] {
  return getPlan()
    .regions()
    .map((r) => [r.name]);
}

export function INDICATORS(region?: Arg): string[][] {
  const p = getPlan();
  const r = optionalText(region, REGION);
  if (r === undefined) return p.dataset.catalogue.map((d) => [lang === 'zh' ? d.zh : d.en]);
  return p.region(r).entries.map((e) => [lang === 'zh' ? e.name : e.indicator.en]);
}

/** The region's indicator table with a header row; blanks as empty text so the spill has no zeros in it. */
export function TABLE(region: Arg): (string | number)[][] {
  const p = getPlan();
  const rows = regionRows(p.region(textArg(region, REGION)), lang, false);
  return [rows.header, ...rows.rows.map((r) => r.map((c: Cell) => (c === null ? '' : c)))];
}

/** Every function by its Excel id, for the hosts that register them. */
export const FUNCTIONS = { TARGET, BASELINE, STATUS, GAP, PROGRESS, REQUIRED, INFO, ACTUAL, REGIONS, INDICATORS, TABLE } as const;
export type FunctionId = keyof typeof FUNCTIONS;
