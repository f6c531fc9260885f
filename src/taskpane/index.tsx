/* global Office, Excel */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { Plan } from '../core/plan';
import { dataset } from '../data/index';
import { setLanguage } from '../functions/impl';
import { App } from './App';
import { officeActions } from './officeActions';

function start(displayLanguage: string | undefined): void {
  const lang = setLanguage(displayLanguage);
  const plan = new Plan(dataset());
  const root = document.getElementById('root');
  if (!root) return;
  const run = <T,>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => Excel.run(batch);
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App plan={plan} actions={officeActions(plan, lang, run)} lang={lang} />
    </FluentProvider>,
  );
}

void Office.onReady(() => start(Office.context.displayLanguage));
