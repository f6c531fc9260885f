/**
 * The one start-up script taskpane.html names (with Office.js). It must parse and run in every webview Office
 * uses — IE11 (Trident), EdgeHTML, Safari's WKWebView, WebView2 — so it is compiled to ES5 and uses nothing that
 * IE11 lacks. It decides which pane to load, and nothing else:
 *
 * - the legacy pane (legacy/legacy.js: plain DOM, ES5, polyfilled) in IE11 and EdgeHTML, as Microsoft's
 *   "Browsers and webview controls used by Office Add-ins" says to detect them (`Trident` / `Edge/` in the user
 *   agent), and in any webview that lacks what the modern bundle's ES2020 code needs;
 * - the modern pane (taskpane.js: React + Fluent UI, and the PLAN functions in the shared runtime) elsewhere.
 */
import { choosePane } from './choose';

function load(src: string): void {
  const script = document.createElement('script');
  script.src = src;
  document.getElementsByTagName('head')[0].appendChild(script);
}

load(choosePane(navigator.userAgent, window) === 'legacy' ? 'legacy/legacy.js' : 'taskpane.js');
