/**
 * The task pane's entry in WPS 表格: finds the ET Application (window.Application, or wps.EtApplication()) and
 * starts the same React pane as in Excel with the WPS actions. Host detection lives here and nowhere else.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { Plan } from '../core/plan';
import { dataset } from '../data/index';
import { setLanguage } from '../functions/impl';
import { App } from '../taskpane/App';
import { wpsActions } from './actions';
import { linkedMissing } from './functions';
import type { EtApplication } from './et';

/** WPS's ET Application, when this page runs inside WPS 表格. */
export function findEt(w: Record<string, unknown>): EtApplication | null {
  const app = w.Application as EtApplication | undefined;
  // WPS 表格's Application has a workbook property (null while no workbook is open); 文字 and 演示 have none.
  if (app && typeof app === 'object' && (app as { ActiveWorkbook?: unknown }).ActiveWorkbook !== undefined) return app;
  const wps = w.wps as { EtApplication?: () => EtApplication } | undefined;
  if (wps && typeof wps.EtApplication === 'function') return wps.EtApplication();
  return null;
}

function start(): void {
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
  const plan = new Plan(dataset());
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App
        plan={plan}
        actions={wpsActions(plan, lang, app)}
        lang={lang}
        linkedMissing={linkedMissing(window as unknown as Parameters<typeof linkedMissing>[0], lang)}
      />
    </FluentProvider>,
  );
}

start();
