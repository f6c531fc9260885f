/**
 * The first screen is in the page itself (taskpane.html, rendered at build time: scripts/first-screen.js), so it is
 * shown before any pane script has run: the modern pane's (Fluent markup, [data-first-screen]) or, when startup.js
 * chose the legacy pane, the legacy pane's (plain HTML, [data-legacy-screen]). startup.js watches the one it chose.
 * This keeps what the person does on it until the pane takes over:
 *
 * - a click on one of its buttons (insert, insert here, insert all, refresh) is recorded with the region, mode and
 *   method chosen at that moment; the buttons then wait (disabled) and a short notice says the pane is getting
 *   ready. Only the first click is kept: the app would have been busy with it, as it is after any click.
 * - the pane, once rendered, asks `take()` for that click and performs it: `take()` answers it once, then never again,
 *   so the recorded action runs exactly once however often it is asked.
 * - `choice()` reads what is chosen on the static screen now, so the pane starts with the person's region.
 *
 * ES5 and no polyfills, like the rest of startup.js: it runs in every webview Office uses (no Element.closest in IE11).
 */

/** A click on the static screen before the pane took over. */
export interface EarlyClick {
  /** The button's data-action: insert, insert-here, insert-all or refresh. */
  action: string;
  /** The region chosen then (the select's value, Plan.refOf), the insert mode and the progress method. */
  region: string;
  mode: string;
  method: string;
}

/** What the static screen shows chosen now (any of them may be missing). */
export interface EarlyChoice {
  region?: string;
  mode?: string;
  method?: string;
}

/** window.__planEarly, installed by startup.js, read by the pane (src/panes/modern/index.tsx, src/panes/legacy/index.ts). */
export interface EarlyQueue {
  choice(): EarlyChoice;
  take(): EarlyClick | null;
}

/** The buttons whose clicks are kept; the first screen's others (tabs) do nothing until the pane runs. */
export const EARLY_ACTIONS = ['insert', 'insert-here', 'insert-all', 'refresh'];

/** The attribute on the static screen's outer element (the pane replaces the element, and with it the listener's scope). */
export const STATIC_ATTR = 'data-first-screen';
/** The same for the legacy pane's static screen (src/panes/legacy/firstScreen.ts). */
export const LEGACY_SCREEN_ATTR = 'data-legacy-screen';

const NOTICE = { zh: '正在准备…点击已记下，准备好后自动执行。', en: 'Getting ready… your click is kept and runs when ready.' };

function known(action: string | null): boolean {
  for (let i = 0; i < EARLY_ACTIONS.length; i++) if (EARLY_ACTIONS[i] === action) return true;
  return false;
}

/** The nearest element from `node` up that matches `test`, stopping at the document. */
function up(node: any, test: (e: any) => boolean): any {
  for (let n = node; n && n.nodeType === 1; n = n.parentNode) if (test(n)) return n;
  return null;
}

/** The static screen, if the page still shows it. */
function staticScreen(doc: Document, attr: string): Element | null {
  return doc.querySelector('[' + attr + ']');
}

/** What the static screen (the one marked with `attr`) shows chosen now. */
export function readChoice(doc: Document, attr?: string): EarlyChoice {
  const out: EarlyChoice = {};
  const screen = staticScreen(doc, attr || STATIC_ATTR);
  if (!screen) return out;
  const region = screen.querySelector('select[data-region]') as HTMLSelectElement | null;
  const method = screen.querySelector('select[data-action="method"]') as HTMLSelectElement | null;
  const radios = screen.querySelectorAll('input[type="radio"]');
  if (region) out.region = region.value;
  if (method) out.method = method.value;
  for (let i = 0; i < radios.length; i++) if ((radios[i] as HTMLInputElement).checked) out.mode = (radios[i] as HTMLInputElement).value;
  return out;
}

/**
 * The language of the notice: the host's display language once Office knows it (the rule of setLanguage in
 * src/functions/impl.ts: Chinese for zh-*, English otherwise), else the page's.
 */
export function earlyLang(w: any, doc: Document): 'zh' | 'en' {
  let lang: string | undefined;
  try {
    lang = w.Office && w.Office.context && w.Office.context.displayLanguage;
  } catch (_e) {
    lang = undefined;
  }
  if (!lang) lang = doc.documentElement.getAttribute('lang') || 'zh';
  return lang.toLowerCase().indexOf('zh') === 0 ? 'zh' : 'en';
}

/** Shows the notice under the static buttons and makes them wait, as the pane does while it works. */
function wait(doc: Document, attr: string, button: Element, lang: 'zh' | 'en'): void {
  const screen = staticScreen(doc, attr);
  if (!screen) return;
  const buttons = screen.querySelectorAll('button[data-action]');
  for (let i = 0; i < buttons.length; i++) {
    buttons[i].setAttribute('disabled', '');
    buttons[i].setAttribute('aria-busy', 'true');
  }
  const notice = doc.createElement('div');
  notice.className = 'early-notice';
  notice.setAttribute('role', 'status');
  notice.setAttribute('data-early-notice', '');
  notice.appendChild(doc.createTextNode(NOTICE[lang]));
  const row = up(button, (e) => e.className && String(e.className).indexOf('buttons') >= 0) || button;
  if (row.parentNode) row.parentNode.insertBefore(notice, row.nextSibling);
}

/**
 * The queue itself, without the page: the first click offered is kept (later ones are refused, as the pane refuses
 * clicks while busy); take() answers it once, and once it has been asked nothing more is kept.
 */
export function earlyQueue(): { offer(click: EarlyClick): boolean; take(): EarlyClick | null } {
  let click: EarlyClick | null = null;
  let taken = false;
  return {
    offer: function (c: EarlyClick): boolean {
      if (click || taken || !known(c.action)) return false;
      click = c;
      return true;
    },
    take: function (): EarlyClick | null {
      if (taken) return null;
      taken = true;
      return click;
    },
  };
}

/**
 * Listens for clicks on the buttons of the static screen marked with `attr` (STATIC_ATTR, the modern pane's, unless
 * told); returns the queue the pane reads. Installed before the body is parsed: it listens on the document.
 */
export function installEarly(w: any, doc: Document, attr?: string): EarlyQueue {
  const screenAttr = attr || STATIC_ATTR;
  const queue = earlyQueue();
  doc.addEventListener(
    'click',
    function (ev: Event) {
      const button = up(ev.target, (e) => e.tagName === 'BUTTON' && known(e.getAttribute('data-action')));
      if (!button || !up(button, (e) => e.hasAttribute && e.hasAttribute(screenAttr))) return;
      if (button.disabled) return;
      const c = readChoice(doc, screenAttr);
      const click = { action: button.getAttribute('data-action'), region: c.region || '', mode: c.mode || '', method: c.method || '' };
      if (queue.offer(click)) wait(doc, screenAttr, button, earlyLang(w, doc));
    },
    true,
  );
  return {
    choice: function () {
      return readChoice(doc, screenAttr);
    },
    take: queue.take,
  };
}
