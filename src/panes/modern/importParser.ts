/**
 * The table parser that rebuilds imported plans (src/core/exchange/importedPlans.ts), a chunk of its own: only a
 * workbook that holds imported plans, or a table being imported, needs it (issue 30: ready at once). Once loaded it
 * is kept here, so the pane builds the plans at its first render when start-up loaded it already (index.tsx).
 */
type Parser = typeof import('../../core/exchange/importedPlans');

let loaded: Parser | undefined;

export function importParser(): Promise<Parser> {
  return import('../../core/exchange/importedPlans').then((m) => (loaded = m));
}

/** The parser if it is loaded, else undefined. */
export function importParserNow(): Parser | undefined {
  return loaded;
}
