/* global Office, Excel */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { Plan } from '../core/plan';
import { dataset } from '../data/index';
import { setLanguage } from '../functions/impl';
import { configureHost } from '../office/excel';
import { hostFeatures, linkedMissing, officeSetCheck } from '../office/requirements';
import { App } from './App';
import { officeActions } from './officeActions';

function start(displayLanguage: string | undefined): void {
  const lang = setLanguage(displayLanguage);
  // Ask the host what it can do; an Excel without custom functions gets the plain mode and says why.
  const check = officeSetCheck(Office);
  configureHost(check);
  const features = hostFeatures(check);
  const plan = new Plan(dataset());
  const root = document.getElementById('root');
  if (!root) return;
  const run = <T,>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => Excel.run(batch);
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App plan={plan} actions={officeActions(plan, lang, run)} lang={lang} linkedMissing={linkedMissing(features, lang)} />
    </FluentProvider>,
  );
}

void Office.onReady(() => start(Office.context.displayLanguage));
