/**
 * The compiled-in data as one JSON document, for the browser panes: webpack writes it beside the page as
 * data.<hash>.json (scripts/data-json.js) and the panes read it at start (index.browser.ts) instead of carrying it
 * in their scripts — JSON parses faster than the same data as JavaScript, and the browser caches it apart from the
 * code. The CLI, the tests and the PLAN functions' own script keep importing the TypeScript modules.
 */
import { ACTUALS_CSV, CONFLICTS_CSV } from './actuals.generated';
import { VARIANT_PAIRS } from '../core/plan/variants.generated';
import { CATALOGUE } from './catalogue';
import { AUTHORED_REGIONS, DATA_VERSION } from './index';
import type { AuthoredRegion, IndicatorDef } from './types';

export interface DataPayload {
  version: string;
  regions: AuthoredRegion[];
  catalogue: IndicatorDef[];
  /** data/actuals/actuals.csv and conflicts.csv, as actuals.generated.ts holds them. */
  actualsCsv: string;
  conflictsCsv: string;
  /** The traditional-to-simplified pairs names are compared with (src/core/plan/variants.generated.ts). */
  variantPairs: string;
}

export function dataPayload(): DataPayload {
  return {
    version: DATA_VERSION,
    regions: AUTHORED_REGIONS,
    catalogue: CATALOGUE,
    actualsCsv: ACTUALS_CSV,
    conflictsCsv: CONFLICTS_CSV,
    variantPairs: VARIANT_PAIRS,
  };
}
