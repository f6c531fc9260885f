/* global Office, Excel */
/**
 * Entry of the legacy pane (dist/legacy/legacy.js), loaded by startup.js in IE11 and EdgeHTML webviews.
 * Host detection and the requirement check live here, once; the pane itself is in pane.ts.
 */
import './polyfills';
import { setLanguage } from '../../functions/impl';
import { configureHost, linkedMissing, officeSetCheck } from '../../hosts/excel/requirements';
import { officeActions } from '../../hosts/excel/actions';
import type { DataSource, Store } from '../shared/dataSource';
import type { EarlyQueue } from '../startup/early';
import { renderLegacy } from './pane';
import { startLegacySource } from './source';
import { loadData } from '../../data/index';
import { showLoadError } from '../shared/loadError';

// The dataset (data.<hash>.json beside the page) is asked for now, while Office starts.
const data = loadData();
data.then(undefined, () => undefined); // the failure is shown below, not reported as unhandled

function start(source: DataSource): void {
  const lang = setLanguage(Office.context && Office.context.displayLanguage);
  const check = officeSetCheck(Office);
  configureHost(check);
  // A package published beside the page (data/datapackage.json), else the compiled-in data: insert and refresh use it.
  const plan = source.plan;
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
    source,
    // The static legacy screen's region and a click kept there (startup.js): the pane starts with them.
    early: (window as { __planEarly?: EarlyQueue }).__planEarly,
  });
  root.setAttribute('data-started', ''); // the pane has taken over (bench/startup.bench.ts waits for it)
}

function storage(): Store | undefined {
  try {
    return window.localStorage || undefined; // the last packages loaded, to list what changed since a workbook used one
  } catch {
    return undefined; // IE11 with storage blocked (protected mode, file://) throws
  }
}

// A package published beside the page (data/datapackage.json, relative to the page) is asked for now too, beside the
// dataset, not after it; it is read once the dataset is in (the compiled-in data is what a package is checked against).
const source = startLegacySource(() => new XMLHttpRequest(), { store: storage() });

Office.onReady(() => {
  data.then(
    () => source().then(start),
    (e: unknown) => showLoadError(document.getElementById('root'), e, setLanguage(Office.context && Office.context.displayLanguage)),
  );
});
