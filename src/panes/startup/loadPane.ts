/**
 * How startup.js loads the pane it chose (ES5, no polyfills, like the rest of startup.js).
 *
 * Once the static first screen has been painted (the page parsed, then one frame), the dataset and the pane's script
 * are asked for, the dataset first (a preload the pane's XMLHttpRequest then takes: same origin, credentials as the
 * pane's request; IE11 and EdgeHTML ignore preload, and their pane asks when it runs). Not sooner (issue 30: ready at
 * once): in Chromium at 4× CPU the two downloads arriving while the page was parsed and laid out (206 KB of JSON, 474 KB
 * of script, 364 KB for the legacy pane) held up the static screen's first frame (Office.js + startup.js + one button:
 * 1.78× a one-button page, 1.19× without them; docs/startup.md, step seven), and the pane did not take over any sooner
 * for them. A pane's script also runs only after that frame: evaluating it (taskpane.js: React DOM and Fluent, ≈ 500 ms
 * at 4× CPU; legacy/legacy.js: core-js and the pane, ≈ 300 ms) would otherwise hold up the first paint of the screen it
 * replaces.
 *
 * A page no one sees paints no frame (the shared runtime's, before its pane is shown; a hidden webview may not run
 * animation frames at all): a hidden page does not wait, and no page waits more than FRAME_WAIT ms.
 */
export const FRAME_WAIT = 1000;

/** Runs `run` once, after the page is parsed and its first frame is out (or at once if hidden, or after FRAME_WAIT). */
export function afterFirstFrame(w: Window, doc: Document, run: () => void): void {
  let ran = false;
  const once = function (): void {
    if (ran) return;
    ran = true;
    run();
  };
  const parsed = function (): void {
    w.setTimeout(once, FRAME_WAIT);
    if (doc.visibilityState === 'hidden' || typeof w.requestAnimationFrame !== 'function') once();
    // The frame's callback runs before its paint; the task after it runs once the frame is out.
    else
      w.requestAnimationFrame(function () {
        w.setTimeout(once, 0);
      });
  };
  if (doc.readyState !== 'loading') parsed();
  else doc.addEventListener('DOMContentLoaded', parsed);
}

/** Asks for `dataFile` (a preload the pane's own request takes) and then runs the pane's script `src`, after the first frame. */
export function loadPane(w: Window, doc: Document, src: string, dataFile: string): void {
  afterFirstFrame(w, doc, function () {
    const head = doc.getElementsByTagName('head')[0];
    const link = doc.createElement('link');
    link.rel = 'preload';
    link.href = dataFile;
    link.setAttribute('as', 'fetch');
    link.setAttribute('crossorigin', 'anonymous');
    head.appendChild(link);
    const script = doc.createElement('script');
    script.src = src;
    head.appendChild(script);
  });
}
