/* global Office, Excel */
import { createDOMRenderer, FluentProvider, RendererProvider, webLightTheme } from '@fluentui/react-components';
import { useEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { setLanguage, useActuals, usePlan } from '../../functions/impl';
import type { ImportedPlanRecord } from '../../core/exchange/importedRecords';
import { configureHost, hostFeatures, linkedMissing, officeSetCheck } from '../../hosts/excel/requirements';
import { App } from './App';
import { importParser } from './importParser';
import { loadDataSource, type DataSource } from '../shared/dataSource';
import type { Actual } from '../../core/exchange/datapackage';
import { officeActions } from '../../hosts/excel/lazyActions'; // the adapter itself is a chunk, loaded when idle
import { officialActuals } from '../../data/actuals';
import { loadData } from '../../data/index';
import { showLoadError } from '../shared/loadError';
import type { EarlyQueue } from '../startup/early';

/**
 * Marks the pane as started once React has committed its first render (the static first screen is gone then):
 * #root gets data-started, which the start-up bench (bench/startup.bench.ts) and the end-to-end test wait for.
 */
function Started({ children }: { children: ReactNode }): ReactNode {
  useEffect(() => {
    document.getElementById('root')?.setAttribute('data-started', '');
  }, []);
  return children;
}

// The dataset (data.<hash>.json beside the page) is asked for now, while Office starts.
const data = loadData();
data.catch(() => undefined); // the failure is shown by start(), not reported as unhandled

/**
 * The compiled-in data with the official public actuals (data/actuals/), read when first asked for (填入公开实际值
 * after a refresh), not at start: reading them resolves every row's names, which the first screen does not need.
 */
function withOfficialActuals(s: DataSource): DataSource {
  let actuals: Actual[] | undefined;
  return {
    ...s,
    get actuals(): Actual[] {
      return (actuals ??= officialActuals());
    },
  };
}

async function start(displayLanguage: string | undefined): Promise<void> {
  const lang = setLanguage(displayLanguage);
  try {
    await data;
  } catch (e) {
    showLoadError(document.getElementById('root'), e, lang);
    return;
  }
  // Ask the host what it can do; an Excel without custom functions gets the plain mode and says why.
  const check = officeSetCheck(Office);
  configureHost(check);
  const features = hostFeatures(check);
  // A package published beside the add-in (data/datapackage.json), else the compiled-in data; the functions follow.
  let store: Storage | undefined;
  try {
    store = window.localStorage; // the last packages loaded, to list what changed since a workbook used one
  } catch {
    store = undefined;
  }
  const source = await loadDataSource((url, init) => fetch(url, init), { store });
  const plan = source.plan;
  usePlan(source.kind === 'published' ? plan : undefined);
  useActuals(source.kind === 'published' ? source.actuals : undefined);
  if (source.kind === 'published') {
    // PLAN cells computed before the package was read are computed again from it.
    void Excel.run(async (context) => {
      context.workbook.application.calculate(Excel.CalculationType.full);
      await context.sync();
    }).catch(() => undefined);
  }
  const root = document.getElementById('root');
  if (!root) return;
  const run = <T,>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => Excel.run(batch);
  // The plans the pane shows now (the data in use, with the tables imported into this workbook): the actions follow it.
  let current = plan;
  const actions = officeActions(plan, lang, run, () => current);
  // Plan tables imported earlier in this workbook come back for the pane and the PLAN functions; one that no longer
  // reads is left out (the pane still starts).
  const imported: ImportedPlanRecord[] = await (async () => {
    try {
      const kept = (await actions.loadImportedPlans?.()) ?? [];
      if (kept.length) {
        const { planWithImported } = await importParser(); // the parser's chunk, only now
        current = planWithImported(plan.dataset, kept);
        usePlan(current);
      }
      return kept;
    } catch (e) {
      console.warn('plan tables kept in the workbook could not be read', e);
      return [];
    }
  })();
  // The static first screen's style rules (taskpane.html's <head>, scripts/first-screen.js) are taken as inserted:
  // the RendererProvider reads them, so the first render inserts only the rules the static screen did not have.
  const renderer = createDOMRenderer(document);
  createRoot(root).render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      <FluentProvider theme={webLightTheme}>
        <Started>
          <App
            plan={plan}
            actions={actions}
            lang={lang}
            linkedMissing={linkedMissing(features, lang)}
            importedPlans={imported}
            onPlan={(p) => {
              current = p;
              usePlan(p);
            }}
            // The compiled-in data brings the official public actuals (data/actuals/) for 填入公开实际值, as a package does.
            source={source.kind === 'compiled' ? withOfficialActuals(source) : source}
            early={(window as { __planEarly?: EarlyQueue }).__planEarly}
          />
        </Started>
      </FluentProvider>
    </RendererProvider>,
  );
}

void Office.onReady(() => start(Office.context.displayLanguage));
