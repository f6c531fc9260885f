/* global Excel */
/**
 * The modern pane's actions (./actions.ts) with the adapter loaded when first used: inserting, refreshing, marking,
 * the overview and the self-test (the sheet layouts of src/core/sheet and ./excel.ts, about 17 KB gzipped) are a chunk
 * of their own, not part of the first script (issue 30: ready at once). The chunk is asked for once the browser is
 * idle after start, so a click rarely waits for it. The imported plans, which the pane reads before its first render,
 * come from ./importedParts.ts without the chunk. Same signature as `officeActions` in ./actions.ts.
 */
import type { Lang, Plan } from '../../core/plan/plan';
import type { PaneActions } from '../../panes/shared/actions';
import { loadImportedPlans } from './importedParts';

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Every action the adapter carries out; each becomes a call that waits for the chunk. */
const LATER = [
  'insertNew',
  'insertHere',
  'refresh',
  'insertOverview',
  'readActuals',
  'fillOfficialActuals',
  'saveImportedPlan',
  'recordedTables',
  'readSelection',
  'markCells',
  'clearMarks',
  'writeFormula',
  'selfTest',
] as const satisfies readonly (keyof PaneActions)[];

export function officeActions(plan: Plan, lang: Lang, run: Run, current: () => Plan = () => plan): PaneActions {
  let loaded: Promise<PaneActions> | undefined;
  const real = (): Promise<PaneActions> =>
    (loaded ??= import('./actions').then(
      (m) => m.officeActions(plan, lang, run, current),
      (e: unknown) => {
        loaded = undefined; // asked for again by the next action (the server may answer then)
        throw e;
      },
    ));
  const actions = { loadImportedPlans: () => run((ctx) => loadImportedPlans(ctx)) } as PaneActions;
  for (const name of LATER)
    (actions as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[name] = (...args) =>
      real().then((a) => (a[name] as (...b: unknown[]) => Promise<unknown>)(...args));
  // Loaded while the person reads the first screen; a failure here is reported by the first action that needs it.
  const warm = (): void => void real().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 2000 });
  else setTimeout(warm, 200);
  return actions;
}
