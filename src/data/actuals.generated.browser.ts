// The browser panes' stand-in for actuals.generated.ts (webpack swaps it in): the same two texts, filled from
// data.<hash>.json by index.browser.ts before anything reads them.
export let ACTUALS_CSV = '';
export let CONFLICTS_CSV = '';

export function setActualsCsv(actuals: string, conflicts: string): void {
  ACTUALS_CSV = actuals;
  CONFLICTS_CSV = conflicts;
}
