/** The pane's actions carried out in WPS 表格 through the ET adapter: the same seam (PaneActions) as in Excel. */
import { regionLayout, type Mode } from '../../core/sheet/layout';
import type { MethodId } from '../../core/progress/methods';
import { recordedRegions, regionOfTable, summarizeRefresh, tableLayoutFor } from '../../core/sheet/refresh';
import type { Lang, Plan } from '../../core/plan/plan';
import { Occupied, Refused, type PaneActions } from '../../panes/shared/actions';
import {
  CellsOccupied,
  fillOfficialActuals,
  insertAtSelection,
  insertOnNewSheets,
  MarksRefused,
  readRecordedTables,
  refreshTables,
  writeFormulaToActiveCell,
} from './adapter';
import { clearMarks, markCells, readSelection } from './marks';
import type { EtApplication } from './et';
import { planWithImported } from '../../core/exchange/importedPlans';
import { loadImportedPlans, saveImportedPlan } from './imported';
import { insertOverview, readActuals } from './overview';

/** ET is synchronous; the pane expects promises, and the adapter's refusals as its own `Occupied` and `Refused`. */
function run<T>(op: () => T): Promise<T> {
  try {
    return Promise.resolve(op());
  } catch (e) {
    if (e instanceof CellsOccupied) return Promise.reject(new Occupied(e.address, e.refusal, e.sheet));
    if (e instanceof MarksRefused) return Promise.reject(new Refused(e.refusal, e.sheet));
    return Promise.reject(e);
  }
}

/**
 * `app` is WPS's `window.Application` (an ET Application), or the fake ET host in tests. `plan` is the data in use;
 * `current` the plans the pane shows now, with the tables imported into this workbook.
 */
export function wpsActions(plan: Plan, lang: Lang, app: EtApplication, current: () => Plan = () => plan): PaneActions {
  const version = plan.dataset.version;
  return {
    insertNew: (regions: string[], mode: Mode, method?: MethodId) =>
      run(() =>
        insertOnNewSheets(
          app,
          regions.map((r) => regionLayout(current().regionByRef(r), mode, lang, version, undefined, method)),
        ).sheets.join('、'),
      ),
    insertHere: (region: string, mode: Mode, method?: MethodId) =>
      run(() =>
        insertAtSelection(app, (origin) => regionLayout(current().regionByRef(region), mode, lang, version, origin, method)).sheets.join(
          '、',
        ),
      ),
    refresh: (options) =>
      run(() => {
        const outcome = refreshTables(app, tableLayoutFor(current(), lang, version), options);
        return summarizeRefresh(outcome.tables, outcome.missing, lang);
      }),
    // The progress tab's read button and 插入总览表, as in Excel (src/hosts/wps/overview.ts, the same core).
    insertOverview: () => run(() => insertOverview(app, lang, version, (t) => regionOfTable(current(), t)?.region ?? null).sheet),
    readActuals: (region: string) => run(() => readActuals(app, current().regionByRef(region))),
    // Official actuals from the published package: only into free actual cells, in the official colour.
    fillOfficialActuals: (actuals) => run(() => fillOfficialActuals(app, actuals, (t) => regionOfTable(current(), t)?.region ?? null)),
    // The tables' regions and recorded data versions: the pane lists what changed since then before refreshing.
    recordedTables: () => run(() => recordedRegions(current(), readRecordedTables(app))),
    readSelection: () => run(() => readSelection(app)),
    markCells: (selection, cells) => run(() => markCells(app, selection, cells)),
    clearMarks: () => run(() => clearMarks(app)),
    writeFormula: (formula: string, replace: boolean) => run(() => writeFormulaToActiveCell(app, formula, replace)),
    // A table that does not read (or clashes with a plan kept already) is refused before anything is stored; after
    // storing, ET recalculates, so PLAN cells waiting for this plan answer (the functions read the workbook's plans).
    saveImportedPlan: (record) =>
      run(() => {
        const others = loadImportedPlans(app).filter((r) => !(r.region === record.region && r.source === record.source));
        planWithImported(plan.dataset, [...others, record]);
        saveImportedPlan(app, record);
        try {
          app.CalculateFull?.();
        } catch (e) {
          console.warn('recalculation after importing a plan table failed', e);
        }
      }),
    loadImportedPlans: () => run(() => loadImportedPlans(app)),
  };
}
