/**
 * 自检 in the legacy pane (IE11, EdgeHTML): a button, the report in a read-only text area, and 复制报告, which copies
 * through the clipboard API where there is one, else by selecting the text area and execCommand('copy') (IE11).
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
    '<p class="hint"></p><button type="button" data-action="self-test"></button><textarea readonly rows="13" style="width:100%;display:none" data-self-test-report></textarea><button type="button" data-action="copy-report" style="display:none"></button>';
  pane.appendChild(box);
  const [hint, button, area, copy] = [0, 1, 2, 3].map((i) => box.childNodes[i] as HTMLElement);
  const text = area as HTMLTextAreaElement;
  hint.appendChild(document.createTextNode(w.hint));
  button.appendChild(document.createTextNode(w.run));
  copy.appendChild(document.createTextNode(w.copy));
  const show = (t: string): void => {
    text.value = t;
    text.style.display = copy.style.display = '';
    copy.firstChild!.nodeValue = w.copy;
    (button as HTMLButtonElement).disabled = false;
  };
  button.addEventListener('click', () => {
    (button as HTMLButtonElement).disabled = true;
    run().then(
      (r) => show(reportText(r, lang)),
      (e: unknown) => show(errorText(e, lang)),
    );
  });
  copy.addEventListener('click', () => {
    const done = (): void => {
      copy.firstChild!.nodeValue = w.copied;
    };
    const clip = (navigator as { clipboard?: { writeText?: (t: string) => Promise<void> } }).clipboard;
    const fallback = (): void => {
      text.select();
      if (document.execCommand('copy')) done();
    };
    if (clip && clip.writeText) clip.writeText(text.value).then(done, fallback);
    else fallback();
  });
}
