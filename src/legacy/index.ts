/* global Office, Excel */
/**
 * Entry of the legacy pane (dist/legacy/legacy.js), loaded by startup.js in IE11 and EdgeHTML webviews.
 * Host detection and the requirement check live here, once; the pane itself is in pane.ts.
 */
import './polyfills';
import { Plan } from '../core/plan';
import { dataset } from '../data/index';
import { setLanguage } from '../functions/impl';
import { configureHost } from '../office/excel';
import { linkedMissing, officeSetCheck } from '../office/requirements';
import { officeActions } from '../taskpane/officeActions';
import { renderLegacy } from './pane';

function start(): void {
  const lang = setLanguage(Office.context && Office.context.displayLanguage);
  const check = officeSetCheck(Office);
  configureHost(check);
  const plan = new Plan(dataset());
  const root = document.getElementById('root');
  if (!root) return;
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => Excel.run(batch);
  renderLegacy(root, {
    plan,
    actions: officeActions(plan, lang, run),
    lang,
    why: linkedMissing({ linked: false }, lang) as string,
    // Relative to the page (taskpane.html), not to this script: the workbook sits beside the page in dist/.
    workbookUrl: 'plan-indicators.xlsx',
  });
}

Office.onReady(() => start());
