/**
 * The PLAN functions registered in WPS 表格 (`wps.AddCustomFunction`, WPS 12.1.0.20540 and later), from the same
 * host-free implementations as Excel's (src/functions/impl.ts): same names, same arguments, same messages.
 *
 * WPS's reality, unlike Excel's: calls are synchronous only; a thrown error shows as an error value in the cell
 * and its message is not shown to the person (it goes to the add-in's console); results of several cells are
 * returned as 2-D arrays, which spill only where WPS supports dynamic arrays (README, "WPS").
 */
import { PlanError } from '../core/errors';
import { FUNCTIONS, getLanguage, type FunctionId } from '../functions/impl';

/** The formula namespace: cells call PLAN.TARGET(…), as in Excel. */
export const NAMESPACE = 'PLAN';

/** The part of WPS's global `wps` object used to register functions. */
export interface WpsFunctionHost {
  AddCustomFunction(namespace: string, name: string, fn: (...args: unknown[]) => unknown): void;
}

/** One function as WPS calls it: the implementation, with a PlanError rethrown as an Error in the user's language. */
export function wpsFunction(id: FunctionId): (...args: unknown[]) => unknown {
  const f = FUNCTIONS[id] as (...args: unknown[]) => unknown;
  return (...args: unknown[]) => {
    try {
      return f(...args);
    } catch (e) {
      const message = e instanceof PlanError ? e.text(getLanguage()) : `内部错误 / internal error: ${String(e)}`;
      console.warn(`PLAN.${id}: ${message}`);
      throw Object.assign(new Error(message), { cause: e });
    }
  };
}

/** Registers every PLAN function with WPS; returns the names registered. */
export function registerWpsFunctions(host: WpsFunctionHost): string[] {
  const ids = Object.keys(FUNCTIONS) as FunctionId[];
  for (const id of ids) host.AddCustomFunction(NAMESPACE, id, wpsFunction(id));
  return ids;
}

/**
 * Why cells with PLAN formulas would not compute in this WPS, or null when they will: custom functions came with
 * WPS 12.1.0.20540 (`wps.AddCustomFunction`). For the pane's start-up, to offer plain tables only where linked ones
 * could not work (the Excel start-up does the same for Excel without custom functions).
 */
export function linkedMissing(w: { wps?: Partial<WpsFunctionHost> }, lang: 'zh' | 'en'): string | null {
  if (w.wps && typeof w.wps.AddCustomFunction === 'function') return null;
  return lang === 'zh'
    ? '此版本的 WPS 不支持加载项自定义函数（需 12.1.0.20540 或更高版本），PLAN 函数无法计算；请使用“普通数值与公式”'
    : 'This WPS has no add-in custom functions (12.1.0.20540 or later needed), so PLAN formulas cannot compute; use plain values and formulas';
}
