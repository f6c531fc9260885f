/**
 * Plan tables a person imported in the WPS pane ("导入规划表"), kept in the workbook exactly as the Excel adapter keeps
 * them (src/hosts/excel/excel.ts): one custom XML part per plan in the namespace IMPORTED_NS, written by
 * src/core/exchange/importedPlans.ts. A workbook imported in Excel therefore brings its plans to WPS, and the other way round.
 *
 * Why custom XML parts: wps-jsapi declares `Workbook.CustomXMLParts` (Kso.KsoCustomXMLParts: Add, Item, Count,
 * SelectByNamespace, Delete) for ET, the adapter already keeps its table records there, and they are invisible to
 * the person and saved in .xlsx files. The alternatives are worse: ET has no document variables (WPS 文字 has);
 * custom document properties and `Names` keep text only as values or formula constants of at most 255 characters,
 * while a plan table is a few kilobytes; a very hidden sheet would be a sheet every formula, sheet index and the
 * adapter's own walks over the sheets could see. A WPS without custom XML parts
 * is told so in plain words and nothing is stored.
 */
import { IMPORTED_NS, parseImported, serializeImported, type ImportedPlanRecord } from '../../core/exchange/importedPlans';
import { partsIn } from './adapter';
import type { EtApplication, EtWorkbook } from './et';

const UNSUPPORTED =
  '此版本的 WPS 无法在工作簿中保存规划表（工作簿没有自定义 XML 部件），未保存 / this WPS cannot keep a plan table in the workbook (no custom XML parts); nothing was stored';

function workbook(app: EtApplication): EtWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb) throw new Error('没有打开的工作簿 / no workbook is open');
  return wb;
}

/**
 * Keep `record` in the active workbook, replacing an earlier record of the same region read from the same range.
 * The new part is added before the old one is deleted, so a failure leaves the earlier record in place.
 */
export function saveImportedPlan(app: EtApplication, record: ImportedPlanRecord): void {
  const wb = workbook(app);
  if (!wb.CustomXMLParts) throw new Error(UNSUPPORTED);
  const earlier = partsIn(wb, (ns) => ns === IMPORTED_NS).filter((p) => {
    try {
      const r = parseImported(p.XML);
      return r.region === record.region && r.source === record.source;
    } catch {
      return false; // a record that no longer reads is not ours to delete here
    }
  });
  wb.CustomXMLParts.Add(serializeImported(record));
  for (const p of earlier) p.Delete();
}

/** The plan tables kept in the active workbook (none without a workbook or custom XML parts). */
export function loadImportedPlans(app: EtApplication): ImportedPlanRecord[] {
  const wb = app.ActiveWorkbook;
  if (!wb || !wb.CustomXMLParts) return [];
  return partsIn(wb, (ns) => ns === IMPORTED_NS).map((p) => parseImported(p.XML));
}

/**
 * What identifies the imported plans of the active workbook at a glance: the ids of their parts (a new import adds
 * a part, so the key changes; another workbook has other parts). "" when there are none. Asked before every PLAN
 * call, so it asks ET for the namespace's parts only (SelectByNamespace): 2 calls and 2 per imported plan.
 */
export function importedKey(app: EtApplication): string {
  const wb = app.ActiveWorkbook;
  if (!wb || !wb.CustomXMLParts) return '';
  const mine = wb.CustomXMLParts.SelectByNamespace(IMPORTED_NS);
  const ids: string[] = [];
  for (let i = 1; i <= mine.Count; i++) ids.push(mine.Item(i).Id);
  return ids.join('|');
}
