/**
 * The one start-up script taskpane.html names (with Office.js). It must parse and run in every webview Office
 * uses — IE11 (Trident), EdgeHTML, Safari's WKWebView, WebView2 — so it is compiled to ES5 and uses nothing that
 * IE11 lacks. It decides which pane to load, and keeps the static first screen's clicks:
 *
 * - the legacy pane (legacy/legacy.js: plain DOM, ES5, polyfilled) in IE11 and EdgeHTML, as Microsoft's
 *   "Browsers and webview controls used by Office Add-ins" says to detect them (`Trident` / `Edge/` in the user
 *   agent), and in any webview that lacks what the modern bundle's ES2020 code needs. The page holds two static first
 *   screens: the class on <html> shows the legacy pane's (plain HTML) and hides the modern one's (Fluent's markup, CSS
 *   variables, which IE11 cannot show; IE11 and EdgeHTML never show it whatever the class: taskpane.html's style). A
 *   click on the legacy screen before legacy.js has rendered is kept the same way and performed by the legacy pane;
 * - the modern pane (taskpane.js: React + Fluent UI, and the PLAN functions in the shared runtime) elsewhere; a click
 *   on the static first screen before it has taken over is kept (early.ts) and performed by the pane once.
 *
 * It runs in <head>, before the body (and the static screen) is parsed: it listens on the document.
 */
import { choosePane } from './choose';
import { installEarly, LEGACY_SCREEN_ATTR } from './early';

/**
 * A script element for `src`, not yet in the page. Internet Explorer (up to 10 at least, by its documented script
 * readyState behaviour) starts the download once `src` is set, before insertion; other engines fetch at insertion.
 */
function script(src: string): HTMLScriptElement {
  const el = document.createElement('script');
  el.src = src;
  return el;
}

function insert(el: HTMLScriptElement): void {
  document.getElementsByTagName('head')[0].appendChild(el);
}

/**
 * A pane's script is asked for now (a preload: the download runs beside the page's parsing; IE11 and EdgeHTML ignore
 * preload, so there it may start only when the page is parsed) but run only once the page is parsed: a script added from
 * here runs as soon as it arrives, and evaluating it (taskpane.js: React DOM and Fluent, ≈ 500 ms at 4× CPU;
 * legacy/legacy.js: core-js and the pane, ≈ 300 ms) would otherwise hold up the parsing and first paint of the static
 * screen it replaces.
 */
function loadAfterParse(src: string): void {
  const el = script(src);
  const link = document.createElement('link');
  link.rel = 'preload';
  link.href = src;
  link.setAttribute('as', 'script');
  document.getElementsByTagName('head')[0].appendChild(link);
  if (document.readyState !== 'loading') insert(el);
  else
    document.addEventListener('DOMContentLoaded', function () {
      insert(el);
    });
}

if (choosePane(navigator.userAgent, window) === 'legacy') {
  document.documentElement.className += ' legacy-start';
  (window as any).__planEarly = installEarly(window, document, LEGACY_SCREEN_ATTR);
  loadAfterParse('legacy/legacy.js');
} else {
  (window as any).__planEarly = installEarly(window, document);
  loadAfterParse('taskpane.js');
}
