/**
 * Plan tables a person imported in the pane ("导入规划表"), as they are kept in the workbook: one custom XML part per
 * plan, holding the cell texts as read and where they were read (./importedPlans.ts rebuilds the plan from them with
 * the table parser). Apart from the parser, so the hosts read and write the records without bundling it: the modern
 * pane loads the parser only when a workbook holds a record or a table is imported (issue 30: ready at once).
 * Pure: no Office, no DOM.
 */
import { PlanError } from '../errors';

export const IMPORTED_NS = 'urn:plan-indicators:imported-plan:1';

export interface ImportedPlanRecord {
  /** The region's short name as the person gave it: 南昌. */
  region: string;
  /** Where the table was read: "Sheet1!A1:G9". */
  source: string;
  /** The cell texts as read. */
  rows: string[][];
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescapeXml = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');

export function serializeImported(r: ImportedPlanRecord): string {
  return `<importedPlan xmlns="${IMPORTED_NS}" region="${escapeXml(r.region)}" source="${escapeXml(r.source)}">${escapeXml(JSON.stringify(r.rows))}</importedPlan>`;
}

export function parseImported(xml: string): ImportedPlanRecord {
  const m = /<importedPlan\b[^>]*\bregion="([^"]*)"[^>]*\bsource="([^"]*)"[^>]*>([\s\S]*)<\/importedPlan>/.exec(xml);
  if (!m) throw new PlanError('BAD_ARGUMENT', '工作簿中保存的规划表记录无法读取', 'A plan table saved in the workbook cannot be read');
  const rows = JSON.parse(unescapeXml(m[3])) as unknown;
  if (!Array.isArray(rows) || !rows.every((r) => Array.isArray(r) && r.every((c) => typeof c === 'string')))
    throw new PlanError('BAD_ARGUMENT', '工作簿中保存的规划表记录无法读取', 'A plan table saved in the workbook cannot be read');
  return { region: unescapeXml(m[1]), source: unescapeXml(m[2]), rows: rows as string[][] };
}

/** A selected range's values as the cell texts a plan table is read from (numbers as Excel shows them). */
export function cellTexts(values: unknown[][]): string[][] {
  return values.map((row) => row.map((v) => (v === null || v === undefined ? '' : String(v).trim())));
}
