/**
 * The PLAN custom functions as Excel sees them. custom-functions-metadata-plugin reads the JSDoc below to write
 * functions.json (names, parameter help, optional parameters, spills). Each function only hands its arguments
 * to src/functions/impl.ts and turns a PlanError into an Excel error with its message.
 */
/* global CustomFunctions, Office */
import { NOT_FOUND_CODES, PlanError } from '../core/errors';
import * as impl from './impl';

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
 * 目标值：2025年目标（默认）、2021–2024年的序时进度值、或2019/2020年基期值。The 2025 target, the expected value on the path (2021–2024) or the baseline (2019/2020).
 * @customfunction TARGET
 * @param region 地区：江西、九江、吉安、上饶、赣州 / region
 * @param indicator 指标名称，如“高新技术企业” / indicator name
 * @param [year] 年份2019–2025，默认2025 / year, 2025 by default
 * @param [path] 路径：linear（线性，默认）或 cagr（复合增长） / path: linear (default) or cagr
 * @returns 目标值或定性目标原文 / the target, or its text when qualitative
 */
export function target(region: any, indicator: any, year?: any, path?: any): number | string {
  return call(() => impl.TARGET(region, indicator, year, path));
}

/**
 * 基期值：规划给出的2020年（默认）或2019年数值。The baseline the plan states for 2020 (default) or 2019.
 * @customfunction BASELINE
 * @param region 地区 / region
 * @param indicator 指标名称 / indicator name
 * @param [year] 2019或2020，默认2020 / 2019 or 2020, 2020 by default
 * @returns 基期值 / baseline
 */
export function baseline(region: any, indicator: any, year?: any): number {
  return call(() => impl.BASELINE(region, indicator, year));
}

/**
 * 进度状态：已完成、符合进度、略滞后、滞后或逆向。Status: achieved, on track, slightly behind, behind or moving away.
 * @customfunction STATUS
 * @param region 地区 / region
 * @param indicator 指标名称 / indicator name
 * @param year 年份2021–2025 / year 2021–2025
 * @param actual 当年实际值 / the actual value of that year
 * @param [path] 路径：linear 或 cagr / path: linear or cagr
 * @returns 状态 / status
 */
export function status(region: any, indicator: any, year: any, actual: any, path?: any): string {
  return call(() => impl.STATUS(region, indicator, year, actual, path));
}

/**
 * 与序时进度的差距（负数表示滞后，已按指标方向调整）。Gap to the expected value; negative means behind, whatever the direction.
 * @customfunction GAP
 * @param region 地区 / region
 * @param indicator 指标名称 / indicator name
 * @param year 年份2021–2025 / year 2021–2025
 * @param actual 当年实际值 / the actual value of that year
 * @param [path] 路径：linear 或 cagr / path: linear or cagr
 * @returns 差距 / gap
 */
export function gap(region: any, indicator: any, year: any, actual: any, path?: any): number {
  return call(() => impl.GAP(region, indicator, year, actual, path));
}

/**
 * 完成进度：从基期到目标已走过的比例（1 = 达到目标）。Share of the way from baseline to target (1 = reached).
 * @customfunction PROGRESS
 * @param region 地区 / region
 * @param indicator 指标名称 / indicator name
 * @param actual 实际值 / actual value
 * @returns 完成比例 / share of the way
 */
export function progress(region: any, indicator: any, actual: any): number {
  return call(() => impl.PROGRESS(region, indicator, actual));
}

/**
 * 此后每年所需增长：总量类为年均增长率（0.12 = 12%），比重与排位类为每年变化量。Annual change still needed: a growth rate for levels, points per year for shares and ranks.
 * @customfunction REQUIRED
 * @param region 地区 / region
 * @param indicator 指标名称 / indicator name
 * @param year 实际值所属年份2020–2024 / year of the actual value
 * @param actual 实际值 / actual value
 * @returns 所需年增长 / annual change needed
 */
export function required(region: any, indicator: any, year: any, actual: any): number {
  return call(() => impl.REQUIRED(region, indicator, year, actual));
}

/**
 * 指标信息：unit、name、qualifier、raw、source、seed、line、quote、conflicts、path、direction、kind、estimate、remark、version、definition。Indicator information.
 * @customfunction INFO
 * @param region 地区 / region
 * @param indicator 指标名称 / indicator name
 * @param [field] 字段，默认 source / field, source by default
 * @returns 信息 / information
 */
export function info(region: any, indicator: any, field?: any): string | number {
  return call(() => impl.INFO(region, indicator, field));
}

/**
 * 有规划数据的地区列表。The regions with a plan in the data.
 * @customfunction REGIONS
 * @returns 地区 / regions
 */
export function regions(): string[][] {
  return call(() => impl.REGIONS());
}

/**
 * 指标列表：某地区规划中的指标，或省略地区时的全部指标目录。The indicators of a region's plan, or the whole catalogue.
 * @customfunction INDICATORS
 * @param [region] 地区 / region
 * @returns 指标 / indicators
 */
export function indicators(region?: any): string[][] {
  return call(() => impl.INDICATORS(region));
}

/**
 * 某地区的指标表（动态数组，随数据更新）。A region's indicator table, as a spilling array that stays linked.
 * @customfunction TABLE
 * @param region 地区 / region
 * @returns 指标表 / indicator table
 */
export function table(region: any): any[][] {
  return call(() => impl.TABLE(region));
}

/** Registers the functions with Excel and follows Office's display language. Safe to call again once Office is ready. */
export function registerFunctions(): void {
  impl.setLanguage(typeof Office !== 'undefined' ? Office.context?.displayLanguage : 'zh-CN');
  const all = {
    TARGET: target,
    BASELINE: baseline,
    STATUS: status,
    GAP: gap,
    PROGRESS: progress,
    REQUIRED: required,
    INFO: info,
    REGIONS: regions,
    INDICATORS: indicators,
    TABLE: table,
  };
  for (const [id, f] of Object.entries(all)) CustomFunctions.associate(id, f);
}
