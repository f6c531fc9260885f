/**
 * What a pane shows when the dataset (data.<hash>.json beside the page) could not be read: the reason in the
 * pane's language, in plain DOM (the modern pane's React may not be the problem, and the legacy pane has none), so
 * the pane is never blank.
 */
import { DataLoadError } from '../../data/index.browser';

export function loadErrorText(e: unknown, lang: 'zh' | 'en'): string {
  if (e instanceof DataLoadError) return lang === 'zh' ? e.zh : e.en;
  return lang === 'zh' ? `无法读取规划数据：${String(e)}` : `The plan data could not be read: ${String(e)}`;
}

export function showLoadError(root: HTMLElement | null, e: unknown, lang: 'zh' | 'en'): void {
  if (!root) return;
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.setAttribute('data-load-error', '');
  p.style.cssText = 'margin:12px;padding:8px;border:1px solid #c50f1f;color:#c50f1f;';
  p.appendChild(document.createTextNode(loadErrorText(e, lang)));
  root.innerHTML = '';
  root.appendChild(p);
}
