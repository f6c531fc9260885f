/**
 * The PLAN functions registered in WPS 表格 (`wps.AddCustomFunction`, WPS 12.1.0.20540 and later), from the same
 * host-free implementations as Excel's (src/functions/impl.ts): same names, same arguments, same messages.
 *
 * WPS's reality, unlike Excel's: calls are synchronous only; a thrown error shows as an error value in the cell
 * and its message is not shown to the person (it goes to the add-in's console); results of several cells are
 * returned as 2-D arrays, which spill only where WPS supports dynamic arrays (README, "WPS").
 */
import { PlanError } from '../../core/errors';
import { planWithImported } from '../../core/exchange/importedPlans';
import { Plan } from '../../core/plan/plan';
import { dataset } from '../../data/index';
import { FUNCTIONS, getLanguage, usePlan, type FunctionId } from '../../functions/impl';
import type { EtApplication } from './et';
import { importedKey, loadImportedPlans } from './imported';

/** The formula namespace: cells call PLAN.TARGET(…), as in Excel. */
export const NAMESPACE = 'PLAN';

/** The part of WPS's global `wps` object used to register functions. */
export interface WpsFunctionHost {
  AddCustomFunction(namespace: string, name: string, fn: (...args: unknown[]) => unknown): void;
}

/**
 * The plans the functions answer from in WPS. WPS runs the functions in the add-in's own page (index.html), not in
 * the pane, so the pane cannot hand them its plans: they follow the workbook instead. Before each call, `sync` looks
 * at the active workbook's imported plan records (the ids of their custom XML parts, a few cheap calls) and rebuilds
 * the plan only when they changed: after an import in the pane, on another workbook, after reopening a file.
 * The base is the data in use: compiled-in until a published package has been read (`setBase`).
 */
export class WorkbookPlans {
  private base: Plan;
  private key: string | null = null;
  constructor(
    private readonly app: () => EtApplication | null,
    base?: Plan,
  ) {
    this.base = base ?? new Plan(dataset());
  }

  /** A published package was read: answer from it (with the workbook's imported plans beside it). */
  setBase(base: Plan): void {
    this.base = base;
    this.key = null;
    this.sync();
  }

  /** Hand the functions the plans of the active workbook; a record that cannot be read leaves the base plans in use. */
  sync(): void {
    let key = '';
    const app = this.app();
    try {
      key = app ? importedKey(app) : '';
    } catch (e) {
      console.warn('the plan tables kept in the workbook could not be listed', e);
    }
    if (key === this.key) return;
    this.key = key;
    if (!key || !app) return usePlan(this.base);
    try {
      usePlan(planWithImported(this.base.dataset, loadImportedPlans(app)));
    } catch (e) {
      console.warn('the plan tables kept in the workbook could not be read', e);
      usePlan(this.base);
    }
  }
}

/**
 * One function as WPS calls it: the implementation, with a PlanError rethrown as an Error in the user's language.
 * `before` runs first (the plans' sync); its failure never stops the answer.
 */
export function wpsFunction(id: FunctionId, before?: () => void): (...args: unknown[]) => unknown {
  const f = FUNCTIONS[id] as (...args: unknown[]) => unknown;
  return (...args: unknown[]) => {
    try {
      before?.();
    } catch (e) {
      console.warn('PLAN functions: the plans could not be brought up to date', e);
    }
    try {
      return f(...args);
    } catch (e) {
      const message = e instanceof PlanError ? e.text(getLanguage()) : `内部错误 / internal error: ${String(e)}`;
      console.warn(`PLAN.${id}: ${message}`);
      throw Object.assign(new Error(message), { cause: e });
    }
  };
}

/** Registers every PLAN function with WPS, each calling `before` first; returns the names registered. */
export function registerWpsFunctions(host: WpsFunctionHost, before?: () => void): string[] {
  const ids = Object.keys(FUNCTIONS) as FunctionId[];
  for (const id of ids) host.AddCustomFunction(NAMESPACE, id, wpsFunction(id, before));
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
