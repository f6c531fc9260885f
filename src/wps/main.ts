/**
 * The WPS add-in's entry page script (index.html, loaded by WPS when it starts): registers the PLAN functions and
 * answers the ribbon's callbacks (ribbon.xml: OnAddinLoad, OnAction, GetImage). The button opens the task pane
 * (taskpane.html, the same React pane as in Excel) with Application.CreateTaskPane, once, then shows or hides it.
 */
import { setLanguage } from '../functions/impl';
import { registerWpsFunctions, type WpsFunctionHost } from './functions';

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
if (w.wps && typeof w.wps.AddCustomFunction === 'function') registerWpsFunctions(w.wps as WpsFunctionHost);

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
