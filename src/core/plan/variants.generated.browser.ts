// The browser panes' stand-in for variants.generated.ts (webpack swaps it in, scripts/data-json.js): the same string
// of pairs, filled from data.<hash>.json by src/data/index.browser.ts before any name is compared. It is 13 KB of
// the first script gzipped; as data it downloads beside the scripts instead (issue 30: ready at once).
export let VARIANT_PAIRS = '';

export function setVariantPairs(pairs: string): void {
  VARIANT_PAIRS = pairs;
}
