/* global Excel, Office */
/** The pane's actions carried out in Excel through the adapter in src/hosts/excel. */
import { regionLayout, type Mode } from '../../core/sheet/layout';
import { recordedRegions, regionOfTable, summarizeRefresh, tableLayoutFor } from '../../core/sheet/refresh';
import type { MethodId } from '../../core/progress/methods';
import type { Lang, Plan } from '../../core/plan/plan';
import type { Region } from '../../core/plan/model';
import {
  insertAtSelection,
  insertOnNewSheets,
  loadImportedPlans,
  saveImportedPlan,
  MarksRefused,
  NeedsConfirmation,
  readRecordedTables,
  refreshTables,
  writeFormulaToActiveCell,
} from './excel';
import { clearMarks, markCells, readSelection } from './marks';
import { fillOfficialActuals, insertOverview, readActuals } from './overview';
import { Occupied, Refused, type PaneActions } from '../../panes/shared/actions';
import { selfTest, type Diagnostics } from './selfTest';

/** The adapter's refusals as the pane's: `Occupied` (the pane asks), `Refused` (the pane explains). */
async function toPane<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    if (e instanceof NeedsConfirmation) throw new Occupied(e.address, e.refusal, e.sheet);
    if (e instanceof MarksRefused) throw new Refused(e.refusal, e.sheet);
    throw e;
  }
}

/** What Office says of the host it runs in (Office.context.diagnostics); nothing outside Office, as in the tests. */
function diagnostics(): Diagnostics | undefined {
  try {
    const d = typeof Office !== 'undefined' && Office.context ? Office.context.diagnostics : undefined;
    return d ? { host: String(d.host), version: d.version, platform: String(d.platform) } : undefined;
  } catch {
    return undefined;
  }
}

/** The plan a PLAN_ table holds, or null for anyone else's table. */
function regionOf(plan: Plan, tableName: string): Region | null {
  return regionOfTable(plan, tableName)?.region ?? null;
}

/**
 * `run` is Excel.run in Office, or the fake host's run in tests. `plan` is the data in use (its version is recorded
 * with each table); `current` the plans the pane shows now, with the tables imported into this workbook (the pane
 * imports more as it goes).
 */
export function officeActions(
  plan: Plan,
  lang: Lang,
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>,
  current: () => Plan = () => plan,
): PaneActions {
  const version = plan.dataset.version;
  return {
    insertNew: (regions: string[], mode: Mode, method?: MethodId) =>
      run(async (ctx) => {
        const layouts = regions.map((r) => regionLayout(current().regionByRef(r), mode, lang, version, undefined, method));
        return (await insertOnNewSheets(ctx, layouts)).sheets.join('、');
      }),
    insertHere: (region: string, mode: Mode, method?: MethodId) =>
      toPane(() =>
        run(async (ctx) =>
          (
            await insertAtSelection(ctx, (origin) => regionLayout(current().regionByRef(region), mode, lang, version, origin, method))
          ).sheets.join('、'),
        ),
      ),
    refresh: (options) =>
      run(async (ctx) => {
        const outcome = await refreshTables(ctx, tableLayoutFor(current(), lang, version), options);
        return summarizeRefresh(outcome.tables, outcome.missing, lang);
      }),
    insertOverview: () => run(async (ctx) => (await insertOverview(ctx, lang, version, (t) => regionOf(current(), t))).sheet),
    readActuals: (region: string) => run((ctx) => readActuals(ctx, current().regionByRef(region))),
    fillOfficialActuals: (actuals) => run((ctx) => fillOfficialActuals(ctx, actuals, (t) => regionOf(current(), t))),
    saveImportedPlan: (record) => run((ctx) => saveImportedPlan(ctx, record)),
    loadImportedPlans: () => run((ctx) => loadImportedPlans(ctx)),
    recordedTables: () => run(async (ctx) => recordedRegions(current(), await readRecordedTables(ctx))),
    readSelection: () => run((ctx) => readSelection(ctx)),
    markCells: (selection, cells) => toPane(() => run((ctx) => markCells(ctx, selection, cells))),
    clearMarks: () => run((ctx) => clearMarks(ctx)),
    writeFormula: (formula: string, replace: boolean) => toPane(() => run((ctx) => writeFormulaToActiveCell(ctx, formula, replace))),
    selfTest: () => selfTest(run, version, diagnostics()),
  };
}
