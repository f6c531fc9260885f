/**
 * The WPS add-in's entry page script (index.html, loaded by WPS when it starts): registers the PLAN functions and
 * answers the ribbon's callbacks (ribbon.xml: OnAddinLoad, OnAction, GetImage). The button opens the task pane
 * (taskpane.html, the same React pane as in Excel) with Application.CreateTaskPane, once, then shows or hides it.
 */
import { setLanguage, useActuals } from '../../functions/impl';
import { loadDataSource } from '../shared/dataSource';
import { findEt } from '../../hosts/wps/et';
import { registerWpsFunctions, WorkbookPlans, type WpsFunctionHost } from '../../hosts/wps/functions';
import { wpsDigest, wpsFetch } from '../../hosts/wps/net';

interface TaskPane {
  ID: number;
  Visible: boolean;
}
interface WpsApplication {
  CreateTaskPane(url: string, title?: string): TaskPane;
  GetTaskPane(id: number): TaskPane;
  PluginStorage: { getItem(key: string): string | number | boolean | null; setItem(key: string, value: string | number | boolean): void };
}

const w = window as unknown as { Application?: WpsApplication; wps?: Partial<WpsFunctionHost> } & Record<string, unknown>;

setLanguage(navigator.language);
// The functions answer from the data in use with the plan tables imported in the active workbook (src/hosts/wps/functions.ts).
const plans = new WorkbookPlans(() => findEt(w));
if (w.wps && typeof w.wps.AddCustomFunction === 'function') registerWpsFunctions(w.wps as WpsFunctionHost, () => plans.sync());
// A package published beside the add-in (data/datapackage.json) replaces the compiled-in data, as in the pane;
// PLAN cells computed before it was read are computed again.
void loadDataSource(wpsFetch(), { digest: wpsDigest() }).then((source) => {
  if (source.refused) console.warn(`data package refused: ${source.refused[0]} / ${source.refused[1]}`);
  if (source.kind !== 'published') return;
  useActuals(source.actuals); // PLAN.ACTUAL answers from the package's official actuals, as the plans do
  plans.setBase(source.plan);
  try {
    findEt(w)?.CalculateFull?.();
  } catch (e) {
    console.warn('recalculation after reading the data package failed', e);
  }
});

const PANE_KEY = 'plan_indicators_taskpane_id';

/** Where the add-in's files are (the folder of index.html, a local folder or an intranet URL). */
function base(): string {
  return location.href.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
}

w.OnAddinLoad = (): boolean => true;

w.OnAction = (control: { Id: string }): boolean => {
  const app = w.Application;
  if (!app || control.Id !== 'btnPlanPane') return true;
  const id = app.PluginStorage.getItem(PANE_KEY);
  if (id) {
    const pane = app.GetTaskPane(Number(id));
    pane.Visible = !pane.Visible;
  } else {
    const pane = app.CreateTaskPane(`${base()}taskpane.html`, '规划指标');
    app.PluginStorage.setItem(PANE_KEY, pane.ID);
    pane.Visible = true;
  }
  return true;
};

w.GetImage = (): string => 'images/icon-32.png';
