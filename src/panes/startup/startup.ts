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
import { DATA_FILE } from '../../data/dataFile';
import { choosePane } from './choose';
import { installEarly, LEGACY_SCREEN_ATTR } from './early';

function appendToHead(el: HTMLElement): void {
  document.getElementsByTagName('head')[0].appendChild(el);
}

/**
 * Once the static first screen has been painted (the page parsed, then one frame), the dataset and the pane's script
 * are asked for, the dataset first (a preload the pane's XMLHttpRequest then takes: same origin, credentials as the
 * pane's request; IE11 and EdgeHTML ignore preload, and their pane asks when it runs). Not sooner (issue 30: ready at
 * once): measured in Chromium at 4× CPU, the two downloads arriving while the page was parsed and laid out (206 KB of
 * JSON, 474 KB of script, 364 KB for the legacy pane) put the static screen's first frame off by ≈ 15 %, and the pane
 * did not take over any sooner for them. A pane's script also runs only after that frame: evaluating it (taskpane.js:
 * React DOM and Fluent, ≈ 500 ms at 4× CPU; legacy/legacy.js: core-js and the pane, ≈ 300 ms) would otherwise hold up
 * the first paint of the screen it replaces.
 *
 * A page no one sees paints no frame (the shared runtime's, before its pane is shown; a hidden webview may not run
 * animation frames at all): there the wait is at most FRAME_WAIT ms.
 */
const FRAME_WAIT = 1000;

function afterFirstFrame(run: () => void): void {
  let ran = false;
  const once = function (): void {
    if (ran) return;
    ran = true;
    run();
  };
  const parsed = function (): void {
    setTimeout(once, FRAME_WAIT);
    if (document.visibilityState === 'hidden' || typeof requestAnimationFrame !== 'function') once();
    // The frame's callback runs before its paint; the task after it runs once the frame is out.
    else
      requestAnimationFrame(function () {
        setTimeout(once, 0);
      });
  };
  if (document.readyState !== 'loading') parsed();
  else document.addEventListener('DOMContentLoaded', parsed);
}

function preloadData(): void {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.href = DATA_FILE;
  link.setAttribute('as', 'fetch');
  link.setAttribute('crossorigin', 'anonymous');
  appendToHead(link);
}

function loadPane(src: string): void {
  afterFirstFrame(function () {
    preloadData();
    const el = document.createElement('script');
    el.src = src;
    appendToHead(el);
  });
}

if (choosePane(navigator.userAgent, window) === 'legacy') {
  document.documentElement.className += ' legacy-start';
  (window as any).__planEarly = installEarly(window, document, LEGACY_SCREEN_ATTR);
  loadPane('legacy/legacy.js');
} else {
  (window as any).__planEarly = installEarly(window, document);
  loadPane('taskpane.js');
}
