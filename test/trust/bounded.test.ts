/**
 * Issue 27, bounded work: hostile xlsx files, each made here (none committed), end in a clear zh/en message that names
 * the limit, without walking the declared dimension or inflating a bomb; years outside 1949–2100 are refused at
 * import; a table of 5000 rows imports and joins the plans in one pass over the catalogue.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PlanError } from '../../src/core/errors';
import { importPlanTable } from '../../src/core/exchange/import';
import { Plan } from '../../src/core/plan/plan';
import { dataset } from '../../src/data/index';
import { declaredZipSize, readSheetTable, XLSX_LIMITS } from '../../src/cli/planSheet';
import { planError } from '../fixture';

const GB = 1024 * 1024 * 1024;

/** The refusal `read` ends in, with the heap it grew by on the way. */
async function refusal(read: () => Promise<unknown>): Promise<{ e: PlanError; grew: number }> {
  const before = process.memoryUsage().heapUsed;
  let caught: unknown;
  try {
    await read();
  } catch (e) {
    caught = e;
  }
  const grew = process.memoryUsage().heapUsed - before;
  if (!(caught instanceof PlanError)) throw new Error(`expected a PlanError, got ${String(caught)}`);
  return { e: caught, grew };
}

async function xlsx(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('指标'));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('a small file with cells A1 and XFD1048576 is refused at the far cell, naming the rows and columns read', async () => {
  const bytes = await xlsx((ws) => {
    ws.getCell('A1').value = '指标名称';
    ws.getCell('XFD1048576').value = 'x';
  });
  expect(bytes.length).toBeLessThan(10 * 1024);
  const { e, grew } = await refusal(() => readSheetTable(bytes, '南昌.xlsx'));
  expect(e.message).toContain('南昌.xlsx!XFD1048576');
  expect(e.message).toContain(`${XLSX_LIMITS.rows} 行`);
  expect(e.messageEn).toContain(`at most ${XLSX_LIMITS.rows} rows and ${XLSX_LIMITS.columns} columns`);
  expect(grew).toBeLessThan(GB);
});

test('a zip bomb is refused by the sizes its directory declares, before anything is inflated', async () => {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(XLSX_LIMITS.unzipped + 1024 * 1024, 0x20));
  const bytes = new Uint8Array(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
  expect(bytes.length).toBeLessThan(1024 * 1024);
  expect(declaredZipSize(bytes)!.unzipped).toBeGreaterThan(XLSX_LIMITS.unzipped);
  const { e, grew } = await refusal(() => readSheetTable(bytes, 'bomb.xlsx'));
  expect(e.message).toContain('解压后的大小');
  expect(e.messageEn).toContain(`over the limit of ${XLSX_LIMITS.unzipped / 1024 / 1024} MB`);
  expect(grew).toBeLessThan(GB);
});

test('a file over the size limit is refused before it is opened', async () => {
  const bytes = new Uint8Array(XLSX_LIMITS.bytes + 1);
  bytes.set([0x50, 0x4b, 0x03, 0x04]);
  const { e } = await refusal(() => readSheetTable(bytes, 'big.xlsx'));
  expect(e.message).toContain('超过上限 20 MB');
  expect(e.messageEn).toContain('over the limit of 20 MB');
});

test("a cell over Excel's 32,767 characters is refused, naming the cell", async () => {
  const bytes = await xlsx((ws) => {
    ws.getCell('A1').value = '指标名称';
    ws.getCell('B3').value = '名'.repeat(40000);
  });
  const { e } = await refusal(() => readSheetTable(bytes, '南昌.xlsx'));
  expect(e.message).toContain('南昌.xlsx!B3');
  expect(e.messageEn).toContain("over Excel's limit of 32767");
});

test('a good sheet still reads, cell for cell, with a merged title', async () => {
  const bytes = await xlsx((ws) => {
    ws.getCell('A1').value = '表1 指标';
    ws.mergeCells('A1:C1');
    ws.getRow(2).values = ['指标名称', '2024年(基期)', '2030年目标'];
    ws.getRow(3).values = ['高新技术企业数（家）', 2500, '新增3000'];
  });
  const t = await readSheetTable(bytes, '南昌.xlsx');
  expect(t.rows).toEqual([
    ['表1 指标', '', ''],
    ['指标名称', '2024', '2030年目标'].map((c, i) => (i === 1 ? '2024年(基期)' : c)),
    ['高新技术企业数（家）', '2500', '新增3000'],
  ]);
});

const catalogue = dataset().catalogue;
const table = (header: string[], rows: string[][]): string[][] => [header, ...rows];

test.each(['0001年(基期)', '9999年目标', '1948年(基期)', '2101年目标'])('the year column %s is refused at import, naming the cell', (h) => {
  const header = ['指标名称', ...(h.includes('目标') ? ['2024年(基期)', h] : [h, '2030年目标'])];
  const e = planError(() => importPlanTable(table(header, [['高新技术企业数', '1', '2']]), { file: 't.csv', region: '南昌', catalogue }));
  expect(e.message).toMatch(/^t\.csv![BC]1：年份 \d+ 不在 1949–2100 之间$/);
  expect(e.messageEn).toMatch(/not between 1949 and 2100$/);
});

test('5000 rows import and join the plans (the catalogue is indexed once)', () => {
  const rows = Array.from({ length: 5000 }, (_, i) => [`指标${i}`, '万元', String(i), String(i + 1)]);
  const region = importPlanTable(table(['指标名称', '单位', '2024年(基期)', '2030年目标'], rows), {
    file: 'big.csv',
    region: '南昌',
    catalogue,
  });
  expect(region.entries).toHaveLength(5000);
  const plan = Plan.withImported(dataset(), [region]);
  expect(plan.dataset.catalogue.length).toBe(catalogue.length + 5000);
});
