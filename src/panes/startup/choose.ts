/** Which pane a webview gets. Pure, so it is tested without a browser. */
export type PaneKind = 'modern' | 'legacy';

/** Trident (IE11's engine, in Office 2016/2019 volume-licensed) and EdgeHTML (`Edge/` in retail 2016/2019 on Windows 10). */
const OLD_ENGINE = /Trident\/|MSIE |\bEdge\/\d/;

/**
 * Features the modern bundle relies on that arrived with the ES2020 engines (Chrome 80, Safari 13.1, Firefox 74):
 * a webview without them cannot be trusted to parse its syntax either.
 */
export function modernFeatures(w: any): boolean {
  try {
    return (
      typeof w.Promise === 'function' &&
      typeof w.Promise.allSettled === 'function' &&
      typeof w.Symbol === 'function' &&
      typeof w.Symbol.asyncIterator === 'symbol' &&
      typeof w.globalThis === 'object' &&
      typeof w.String.prototype.matchAll === 'function' &&
      typeof w.Array.prototype.flatMap === 'function' &&
      typeof w.Object.fromEntries === 'function'
    );
  } catch (_e) {
    return false;
  }
}

export function choosePane(userAgent: string, w: any): PaneKind {
  if (OLD_ENGINE.test(userAgent)) return 'legacy';
  return modernFeatures(w) ? 'modern' : 'legacy';
}
