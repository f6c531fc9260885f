/**
 * The PLAN custom functions as Excel sees them. scripts/functions-locales.js reads the JSDoc below (Chinese) and
 * src/functions/help.ts (parameter names, English) to write functions.json (zh-CN) and functions.en-US.json.
 * Each function only hands its arguments to src/functions/impl.ts and turns a PlanError into an Excel error with
 * its message (CustomFunctions.Error with a message: CustomFunctionsRuntime 1.2; its ErrorCode: 1.3).
 */
/* global CustomFunctions */
import { NOT_FOUND_CODES, PlanError } from '../core/errors';
import * as impl from './impl';
import { dataReady } from '../data/index';

function excelError(e: unknown): CustomFunctions.Error {
  if (e instanceof PlanError) {
    const code = NOT_FOUND_CODES.has(e.code) ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, e.text(impl.getLanguage()).slice(0, 255));
  }
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `内部错误 / internal error: ${String(e)}`.slice(0, 255));
}

function call<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw excelError(e);
  }
}

/**
 * 目标值：规划目标年的目标（默认；十四五为2025年）、此前各年的序时进度值、或基期值。
 * @customfunction TARGET
 * @param region 江西、九江、吉安、上饶或赣州
 * @param indicator 指标名称，如“高新技术企业”
 * @param [year] 规划时期内的年份（十四五为2019–2025），省略为目标年
 * @param [path] linear（线性，默认）或 cagr（复合增长）
 * @returns 目标值或定性目标原文
 */
export function target(region: any, indicator: any, year?: any, path?: any): number | string {
  return call(() => impl.TARGET(region, indicator, year, path));
}

/**
 * 基期值：规划给出的基期数值（十四五为2020年，默认；或2019年）。
 * @customfunction BASELINE
 * @param region 地区名称
 * @param indicator 指标名称
 * @param [year] 基期年份（十四五为2019或2020），省略为最后的基期年
 * @returns 基期值
 */
export function baseline(region: any, indicator: any, year?: any): number {
  return call(() => impl.BASELINE(region, indicator, year));
}

/**
 * 进度状态：已完成、符合进度、略滞后、滞后或逆向（trend 方法为“趋势：…”）。
 * @customfunction STATUS
 * @param region 地区名称
 * @param indicator 指标名称
 * @param year 基期后至目标年的年份（十四五为2021–2025）
 * @param actual 当年实际值
 * @param [method] linear（序时进度，默认）、cagr（复合增长）、eurostat（增长率比）或 trend（无目标时的趋势）
 * @returns 状态
 */
export function status(region: any, indicator: any, year: any, actual: any, method?: any): string {
  return call(() => impl.STATUS(region, indicator, year, actual, method));
}

/**
 * 与应达值的差距（负数表示滞后，已按指标方向调整；eurostat 的应达值为所需增长率给出的复合路径值）。
 * @customfunction GAP
 * @param region 地区名称
 * @param indicator 指标名称
 * @param year 基期后至目标年的年份（十四五为2021–2025）
 * @param actual 当年实际值
 * @param [method] linear（序时进度，默认）、cagr 或 eurostat
 * @returns 差距
 */
export function gap(region: any, indicator: any, year: any, actual: any, method?: any): number {
  return call(() => impl.GAP(region, indicator, year, actual, method));
}

/**
 * 完成进度：不填年份为从基期到目标已走过的比例（1 = 达到目标）；填年份为该方法判断状态所用的比率。
 * @customfunction PROGRESS
 * @param region 地区名称
 * @param indicator 指标名称
 * @param actual 实际值
 * @param [method] linear（序时进度，默认）、cagr、eurostat 或 trend
 * @param [year] 实际值所属年份（eurostat、trend 必填）
 * @returns 完成比例或比率
 */
export function progress(region: any, indicator: any, actual: any, method?: any, year?: any): number {
  return call(() => impl.PROGRESS(region, indicator, actual, method, year));
}

/**
 * 此后每年所需增长：总量类为年均增长率（0.12 = 12%），比重与排位类为每年变化量。
 * @customfunction REQUIRED
 * @param region 地区名称
 * @param indicator 指标名称
 * @param year 实际值所属年份（目标年之前）
 * @param actual 实际值
 * @returns 所需年增长
 */
export function required(region: any, indicator: any, year: any, actual: any): number {
  return call(() => impl.REQUIRED(region, indicator, year, actual));
}

/**
 * 指标信息：unit、name、qualifier、raw、source、seed、line、quote、conflicts、path、direction、kind、estimate、remark、version、definition、range（区间目标的两端，如 36–39）。
 * @customfunction INFO
 * @param region 地区名称
 * @param indicator 指标名称
 * @param [field] 字段名，省略为 source
 * @returns 信息
 */
export function info(region: any, indicator: any, field?: any): string | number {
  return call(() => impl.INFO(region, indicator, field));
}

/**
 * 官方公开实际值（省略年份为最新一年），或其出处字段：value、year、unit、source、caliber、publisher、title、date、url、quote、reprint、derived、conflict。
 * @customfunction ACTUAL
 * @param region 地区名称
 * @param indicator 指标名称
 * @param [year] 实际值所属年份，省略为有公开数的最新一年
 * @param [field] 字段名，省略为 value（数值）
 * @returns 实际值或出处
 */
export function actual(region: any, indicator: any, year?: any, field?: any): string | number {
  return call(() => impl.ACTUAL(region, indicator, year, field));
}

/**
 * 有规划数据的地区列表。
 * @customfunction REGIONS
 * @returns 地区
 */
export function regions(): string[][] {
  return call(() => impl.REGIONS());
}

/**
 * 指标列表：某地区规划中的指标，或省略地区时的全部指标目录。
 * @customfunction INDICATORS
 * @param [region] 地区名称（可省略）
 * @returns 指标
 */
export function indicators(region?: any): string[][] {
  return call(() => impl.INDICATORS(region));
}

/**
 * 某地区的指标表（动态数组，随数据更新）。
 * @customfunction TABLE
 * @param region 地区名称
 * @returns 指标表
 */
export function table(region: any): any[][] {
  return call(() => impl.TABLE(region));
}

/** Every function by the id that functions.json gives it. */
export const ASSOCIATIONS = {
  TARGET: target,
  BASELINE: baseline,
  STATUS: status,
  GAP: gap,
  PROGRESS: progress,
  REQUIRED: required,
  INFO: info,
  ACTUAL: actual,
  REGIONS: regions,
  INDICATORS: indicators,
  TABLE: table,
};

let registered = false;

/**
 * Associates each function with its id, once per page, and only where Excel offers custom functions (a host
 * without them, e.g. Excel 2016 volume-licensed, has no CustomFunctions global). Returns whether it did.
 */
export function registerFunctions(): boolean {
  if (registered || typeof CustomFunctions === 'undefined') return false;
  // In the pane's shared runtime the dataset arrives as JSON just after the script (src/data/index.browser.ts): a
  // function asked before it is in waits for it, and answers with the reason if it never comes.
  for (const [id, f] of Object.entries(ASSOCIATIONS))
    CustomFunctions.associate(id, (...args: unknown[]) => {
      const ready = dataReady();
      const run = () => (f as (...a: unknown[]) => unknown)(...args);
      return ready ? ready.then(run, (e: unknown) => Promise.reject(excelError(e))) : run();
    });
  registered = true;
  return true;
}
