/**
 * Plan tables a person imported in the pane ("导入规划表"), as they are kept in the workbook: one custom XML part per
 * plan, holding the cell texts as read and where they were read, so the plan is rebuilt by the same parser
 * (src/core/exchange/import.ts) whenever the workbook is opened with the add-in. The records and their XML are in
 * ./importedRecords.ts (re-exported here), apart from the parser. Pure: no Office, no DOM.
 */
import { importPlanTable } from './import';
import type { Dataset, Region } from '../plan/model';
import { Plan } from '../plan/plan';

export { IMPORTED_NS, cellTexts, parseImported, serializeImported, type ImportedPlanRecord } from './importedRecords';
import type { ImportedPlanRecord } from './importedRecords';

/** The region a record describes, read by the same parser as a CSV table; its provenance is the cell range. */
export function regionOf(base: Dataset, r: ImportedPlanRecord): Region {
  return importPlanTable(r.rows, { file: r.source, region: r.region, catalogue: base.catalogue, regions: base.regions });
}

/** The seed (or published) plans with the imported ones beside them. A record that no longer reads is refused whole. */
export function planWithImported(base: Dataset, records: ImportedPlanRecord[]): Plan {
  return Plan.withImported(
    base,
    records.map((r) => regionOf(base, r)),
  );
}
