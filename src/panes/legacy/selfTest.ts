/**
 * 自检 in the legacy pane (IE11, EdgeHTML): a button, the report in a read-only text area, and 复制报告, which selects
 * the text area and copies it with execCommand('copy'), as IE11 and EdgeHTML can (the React pane uses the clipboard API).
 */
import type { Lang } from '../../core/plan/plan';
import type { PaneActions } from '../shared/actions';
import { errorText } from '../shared/messages';
import { reportText, selfTestWords } from '../shared/selfTest';

export function appendSelfTest(pane: HTMLElement, actions: PaneActions, lang: Lang): void {
  const run = actions.selfTest;
  if (!run) return;
  const w = selfTestWords(lang);
  const box = document.createElement('div');
  box.setAttribute('data-self-test', '');
  box.innerHTML =
    '<button type="button" data-action="self-test"></button><textarea readonly rows="16" style="width:100%;display:none" data-self-test-report></textarea><button type="button" data-action="copy-report" style="display:none"></button>';
  pane.appendChild(box);
  const button = box.childNodes[0] as HTMLButtonElement;
  const area = box.childNodes[1] as HTMLTextAreaElement;
  const copy = box.childNodes[2] as HTMLElement;
  button.innerText = w.run;
  const show = (t: string): void => {
    area.value = t;
    area.style.display = copy.style.display = '';
    copy.innerText = w.copy;
    button.disabled = false;
  };
  button.onclick = () => {
    button.disabled = true;
    run().then(
      (r) => show(reportText(r, lang)),
      (e: unknown) => show(errorText(e, lang)),
    );
  };
  copy.onclick = () => {
    area.select();
    if (document.execCommand('copy')) copy.innerText = w.copied;
  };
}
