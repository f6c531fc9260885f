/** The pane's actions carried out in WPS 表格 through the ET adapter: the same seam (PaneActions) as in Excel. */
import { describeRefusal } from '../core/cells';
import { parseTableName, regionLayout, type Mode } from '../core/layout';
import type { Lang, Plan } from '../core/plan';
import { Occupied, Refused, type PaneActions } from '../taskpane/App';
import {
  CellsOccupied,
  clearMarks,
  insertAtSelection,
  insertOnNewSheets,
  markCells,
  MarksRefused,
  readSelection,
  refreshTables,
  writeFormulaToActiveCell,
} from './adapter';
import type { EtApplication } from './et';

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

/** `app` is WPS's `window.Application` (an ET Application), or the fake ET host in tests. */
export function wpsActions(plan: Plan, lang: Lang, app: EtApplication): PaneActions {
  const version = plan.dataset.version;
  return {
    insertNew: (regions: string[], mode: Mode) =>
      run(() =>
        insertOnNewSheets(
          app,
          regions.map((r) => regionLayout(plan.region(r), mode, lang, version)),
        ).sheets.join('、'),
      ),
    insertHere: (region: string, mode: Mode) =>
      run(() => insertAtSelection(app, (origin) => regionLayout(plan.region(region), mode, lang, version, origin)).sheets.join('、')),
    refresh: (options) =>
      run(() => {
        const outcome = refreshTables(
          app,
          (tableName, origin) => {
            const parsed = parseTableName(tableName);
            const region = parsed && plan.regions().find((r) => r.en.replace(/[^A-Za-z]/g, '') === parsed.en);
            // Linked tables hold PLAN formulas, plain ones numbers: refresh keeps whichever the table was made as.
            return parsed && region ? regionLayout(region, parsed.mode, lang, version, origin) : null;
          },
          options,
        );
        const results = outcome.tables;
        return {
          tables: results.length,
          changed: results.reduce((n, r) => n + r.plan.changed.length, 0),
          edits: results.flatMap((r) => r.edits),
          missing: outcome.missing,
          removed: results.flatMap((r) => r.plan.removed),
          blocked: results.flatMap((r) => (r.blocked ? [describeRefusal(r.blocked, r.sheet, lang)] : [])),
        };
      }),
    readSelection: () => run(() => readSelection(app)),
    markCells: (selection, cells) => run(() => markCells(app, selection, cells)),
    clearMarks: () => run(() => clearMarks(app)),
    writeFormula: (formula: string, replace: boolean) => run(() => writeFormulaToActiveCell(app, formula, replace)),
  };
}
