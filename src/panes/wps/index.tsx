/**
 * The task pane's entry in WPS 表格: finds the ET Application (window.Application, or wps.EtApplication()) and
 * starts the same React pane as in Excel with the WPS actions, the data in use (a package published beside the
 * add-in, or the compiled-in data) and the plan tables imported in the workbook. Host detection is findEt (et.ts).
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { planWithImported, type ImportedPlanRecord } from '../../core/exchange/importedPlans';
import { setLanguage, usePlan } from '../../functions/impl';
import { App } from '../modern/App';
import { loadDataSource } from '../shared/dataSource';
import { wpsActions } from '../../hosts/wps/actions';
import { findEt } from '../../hosts/wps/et';
import { linkedMissing } from '../../hosts/wps/functions';
import { wpsDigest, wpsFetch } from '../../hosts/wps/net';
import { officialActuals } from '../../data/actuals';

export { findEt } from '../../hosts/wps/et';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const lang = setLanguage(new URLSearchParams(location.search).get('lang') ?? navigator.language);
  const app = findEt(window as unknown as Record<string, unknown>);
  if (!app) {
    root.textContent =
      lang === 'zh'
        ? '未检测到 WPS 表格：请在 WPS 表格中通过“规划指标”按钮打开此窗格。'
        : 'WPS Spreadsheets not found: open this pane from the 规划指标 button in WPS Spreadsheets.';
    return;
  }
  // A package published beside the add-in (data/datapackage.json), else the compiled-in data: the same reader as
  // the Excel pane's, with what WPS's webview offers for fetching and hashing (src/hosts/wps/net.ts).
  let store: Storage | undefined;
  try {
    store = window.localStorage; // the last packages loaded, to list what changed since a workbook used one
  } catch {
    store = undefined;
  }
  const source = await loadDataSource(wpsFetch(), { store, digest: wpsDigest() });
  const plan = source.plan;
  // The plans the pane shows now (the data in use, with the tables imported into this workbook): the actions follow it.
  let current = plan;
  const actions = wpsActions(plan, lang, app, () => current);
  // Plan tables imported earlier in this workbook come back; one that no longer reads is left out (the pane starts).
  const imported: ImportedPlanRecord[] = await (async () => {
    try {
      const kept = (await actions.loadImportedPlans?.()) ?? [];
      current = planWithImported(plan.dataset, kept);
      return kept;
    } catch (e) {
      console.warn('plan tables kept in the workbook could not be read', e);
      return [];
    }
  })();
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App
        plan={plan}
        actions={actions}
        lang={lang}
        linkedMissing={linkedMissing(window as unknown as Parameters<typeof linkedMissing>[0], lang)}
        importedPlans={imported}
        onPlan={(p) => {
          current = p;
          usePlan(p);
        }}
        // The compiled-in data brings the official public actuals (data/actuals/) for 填入公开实际值, as a package does.
        source={source.kind === 'compiled' ? { ...source, actuals: officialActuals() } : source}
      />
    </FluentProvider>,
  );
}

void start();
