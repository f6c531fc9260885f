/** The pane's actions carried out in WPS 表格 through the ET adapter: the same seam (PaneActions) as in Excel. */
import { parseTableName, regionLayout, type Mode } from '../core/layout';
import type { Lang, Plan } from '../core/plan';
import { Occupied, type PaneActions } from '../taskpane/App';
import {
  CellsOccupied,
  insertAtSelection,
  insertOnNewSheets,
  markCells,
  readSelection,
  refreshTables,
  writeFormulaToActiveCell,
} from './adapter';
import type { EtApplication } from './et';

/**
 * ET is synchronous; the pane expects promises. Where the pane can offer a way out (insert elsewhere, replace the
 * formula), a refusal of occupied cells becomes its Occupied; elsewhere the refusal's own words are shown.
 */
function run<T>(op: () => T, ask = false): Promise<T> {
  try {
    return Promise.resolve(op());
  } catch (e) {
    if (e instanceof CellsOccupied) return Promise.reject(ask ? new Occupied(e.address) : new Error(e.message));
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
      run(
        () => insertAtSelection(app, (origin) => regionLayout(plan.region(region), mode, lang, version, origin), lang).sheets.join('、'),
        true,
      ),
    refresh: () =>
      run(() => {
        const results = refreshTables(
          app,
          (tableName, origin) => {
            const parsed = parseTableName(tableName);
            const region = parsed && plan.regions().find((r) => r.en.replace(/[^A-Za-z]/g, '') === parsed.en);
            return parsed && region ? regionLayout(region, parsed.mode, lang, version, origin) : null;
          },
          lang,
        );
        return { tables: results.length, changed: results.reduce((n, r) => n + r.plan.changed.length, 0) };
      }),
    readSelection: () => run(() => readSelection(app)),
    markCells: (cells) => run(() => markCells(app, cells)),
    writeFormula: (formula: string, replace: boolean) => run(() => writeFormulaToActiveCell(app, formula, replace), true),
  };
}
