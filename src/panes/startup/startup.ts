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
 * Either pane, and the dataset beside it, is asked for once the static screen has painted its first frame (loadPane.ts).
 * The modern static screen's style rules are made live only for the modern pane (firstScreenStyles.ts).
 *
 * It runs in <head>, before the body (and the static screen) is parsed: it listens on the document.
 */
import { DATA_FILE } from '../../data/dataFile';
import { choosePane } from './choose';
import { installEarly, LEGACY_SCREEN_ATTR } from './early';
import { adoptFirstScreenStyles } from './firstScreenStyles';
import { loadPane } from './loadPane';

if (choosePane(navigator.userAgent, window) === 'legacy') {
  document.documentElement.className += ' legacy-start';
  (window as any).__planEarly = installEarly(window, document, LEGACY_SCREEN_ATTR);
  loadPane(window, document, 'legacy/legacy.js', DATA_FILE);
} else {
  adoptFirstScreenStyles(document);
  (window as any).__planEarly = installEarly(window, document);
  loadPane(window, document, 'taskpane.js', DATA_FILE);
}
