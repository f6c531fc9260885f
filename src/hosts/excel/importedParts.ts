/* global Excel */
/**
 * The plan tables a person imported ("导入规划表"), kept in the workbook as custom XML parts (ExcelApi 1.5). Apart from
 * the adapter (./excel.ts re-exports them): the modern pane reads them before its first render, and loads the rest of
 * the adapter only when an action runs (./lazyActions.ts; issue 30: ready at once).
 */
import { IMPORTED_NS, parseImported, serializeImported, type ImportedPlanRecord } from '../../core/exchange/importedRecords';
import { supports } from './requirements';

type Context = Excel.RequestContext;

/**
 * Keep an imported plan table in the workbook (a custom XML part, ExcelApi 1.5), replacing an earlier one of the same
 * region read from the same range; everyone who opens the workbook with the add-in gets the plan back. Round trips: read
 * the parts, their XML, write.
 */
export async function saveImportedPlan(context: Context, record: ImportedPlanRecord): Promise<void> {
  if (!supports('ExcelApi 1.5')) {
    throw new Error(
      '此版本 Excel 不支持在工作簿中保存规划表（需 ExcelApi 1.5）/ This Excel cannot keep a plan table in the workbook (ExcelApi 1.5 needed)',
    );
  }
  const parts = context.workbook.customXmlParts.getByNamespace(IMPORTED_NS);
  parts.load('items/id');
  await context.sync();
  const xmls = parts.items.map((p) => ({ p, xml: p.getXml() }));
  await context.sync();
  for (const { p, xml } of xmls)
    if (parseImported(xml.value).region === record.region && parseImported(xml.value).source === record.source) p.delete();
  context.workbook.customXmlParts.add(serializeImported(record));
  await context.sync();
}

/** The plan tables kept in the workbook (none where the host has no custom XML parts). */
export async function loadImportedPlans(context: Context): Promise<ImportedPlanRecord[]> {
  if (!supports('ExcelApi 1.5')) return [];
  const parts = context.workbook.customXmlParts.getByNamespace(IMPORTED_NS);
  parts.load('items/id');
  await context.sync();
  const xmls = parts.items.map((p) => p.getXml());
  await context.sync();
  return xmls.map((x) => parseImported(x.value));
}
