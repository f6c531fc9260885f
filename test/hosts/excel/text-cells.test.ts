/**
 * Excel reads a string written to `values` (or `formulas`) as if typed: 1-2 and 3/4 become dates, 4:28 and 004:228
 * times, 5% 0.05, (100) -100, 1E5 and 004 numbers, TRUE a boolean. The fake host does the same (`asTyped`), and the
 * adapter writes every text (names, raw targets, units, sources, notes, titles, headers) in cells with the text
 * format first, so each reads back as written.
 */
import { cellTexts, planWithImported } from '../../../src/core/exchange/importedPlans';
import { regionLayout, type SheetLayout } from '../../../src/core/sheet/layout';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { configureHost } from '../../../src/hosts/excel/requirements';
import { officeActions } from '../../../src/hosts/excel/actions';

/** A layout cell that is text (not empty, not a formula). */
const isText = (v: unknown): v is string => typeof v === 'string' && v !== '' && !v.startsWith('=');
import { FakeExcelNamespace, FakeHost, type FakeWorksheet } from '../../fakes/fakeExcel';

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelNamespace;
const base = new Plan(dataset());
beforeAll(() => configureHost(() => true));

const TYPED: [string, unknown][] = [
  ['1-2', 'number'],
  ['3/4', 'number'],
  ['2-5', 'number'],
  ['4:28', 'number'],
  ['004:228', 'number'],
  ['5%', 'number'],
  ['(100)', 'number'],
  ['1E5', 'number'],
  ['004', 'number'],
  ['TRUE', 'boolean'],
];

test('the fake reads a string written to values as Excel reads it typed; the text format keeps it as written', async () => {
  const host = new FakeHost();
  await host.run(async (ctx: any) => {
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    ws.getRange(`A1:A${TYPED.length}`).values = TYPED.map(([s]) => [s]);
    const text = ws.getRange(`B1:B${TYPED.length}`);
    text.numberFormat = TYPED.map(() => ['@']);
    text.values = TYPED.map(([s]) => [s]);
    await ctx.sync();
  });
  const s = host.sheet('Sheet1');
  expect(TYPED.map((_t, i) => typeof s.value(i, 0))).toEqual(TYPED.map(([, type]) => type));
  expect(TYPED.map(([str], i) => [str, s.value(i, 0)])).toContainEqual(['004:228', 0.325]); // 4 h 228 min: 7:48
  expect(TYPED.map(([str], i) => [str, s.value(i, 0)])).toContainEqual(['(100)', -100]);
  expect(TYPED.map((_t, i) => s.value(i, 1))).toEqual(TYPED.map(([str]) => str));
});

/** Every text cell of a layout, by 0-based sheet position: title, subtitle, legend, header, body. */
function texts(l: SheetLayout): { row: number; col: number; text: string }[] {
  const out: { row: number; col: number; text: string }[] = [];
  const c0 = l.origin.col;
  const add = (row: number, col: number, v: unknown): void => {
    if (isText(v)) out.push({ row: row - 1, col: c0 + col, text: v });
  };
  add(l.origin.row, 0, l.title);
  add(l.origin.row + 1, 0, l.subtitle);
  l.legend.forEach((x, i) => add(l.origin.row + 2, i * 2, x.text));
  l.header.forEach((h, j) => add(l.headerRow, j, h));
  l.rows.forEach((r, i) => r.cells.forEach((v, j) => add(l.headerRow + 1 + i, j, v)));
  return out;
}

function readBack(sheet: FakeWorksheet, l: SheetLayout): { wrote: string[]; read: unknown[] } {
  const cells = texts(l);
  return { wrote: cells.map((c) => c.text), read: cells.map((c) => sheet.value(c.row, c.col)) };
}

test('every seed string the add-in writes (region and entry names, raw targets, units, sources) reads back as written', async () => {
  const host = new FakeHost();
  const actions = officeActions(base, 'zh', host.run);
  const regions = base.allRegions();
  const sheets = (
    await actions.insertNew(
      regions.map((r) => base.refOf(r)),
      'plain',
    )
  ).split('、');
  const all = new Set<string>();
  regions.forEach((region, i) => {
    const l = regionLayout(region, 'plain', 'zh', base.dataset.version);
    const { wrote, read } = readBack(host.sheet(sheets[i]), l);
    expect(read).toEqual(wrote);
    wrote.forEach((t) => all.add(t));
  });
  // What the dataset holds is among what was written and read back.
  for (const r of base.dataset.regions) {
    expect([...all].some((t) => t.includes(r.name))).toBe(true); // in the title
    for (const e of r.entries) {
      expect(all).toContain(e.name);
      if (e.unit) expect(all).toContain(e.unit);
      if (e.target && isText(e.target.raw) && Number.isNaN(Number(e.target.raw))) expect(all).toContain(e.target.raw);
    }
  }
  expect(all).toContain('004:228');
  expect(all).toContain('新增 2-5');
});

test('an imported plan whose target is a bare 2-5 keeps it as text, also after a refresh', async () => {
  const rows = [
    ['指标', '单位', '2025年基数', '2030年目标'],
    ['高新技术企业', '家', '2500', '2-5'],
  ];
  const plan = planWithImported(base.dataset, [{ region: '南昌', source: 'Sheet1!A1:D2', rows: cellTexts(rows) }]);
  const nc = plan.allRegions().find((r) => r.imported)!;
  const host = new FakeHost();
  const actions = officeActions(plan, 'zh', host.run);
  const [sheet] = (await actions.insertNew([plan.refOf(nc)], 'plain')).split('、');
  const l = regionLayout(nc, 'plain', 'zh', plan.dataset.version);
  const before = readBack(host.sheet(sheet), l);
  expect(before.read).toEqual(before.wrote);
  expect(before.wrote).toContain('2-5');
  expect((await actions.refresh()).edits).toEqual([]);
  expect(readBack(host.sheet(sheet), l).read).toEqual(before.wrote);
});

test.each(['1.2', '1.4'])('rows a refresh adds back (ExcelApi %s) keep their sources as text', async (level) => {
  const host = new FakeHost();
  host.excelApi = level;
  configureHost(host.isSetSupported);
  try {
    const actions = officeActions(base, 'zh', host.run);
    await actions.insertNew(['赣州'], 'plain');
    const t = host.tables[0];
    host.deleteRows('赣州指标', t.top + 1, 2); // no record below ExcelApi 1.5: the rows are added back
    expect((await actions.refresh()).blocked).toEqual([]);
    const l = regionLayout(base.region('赣州'), 'plain', 'zh', base.dataset.version);
    const col = l.columns.findIndex((c) => c.key === 'source');
    const sources = Array.from({ length: t.height - 1 }, (_r, i) => host.sheet('赣州指标').value(t.top + 1 + i, t.left + col));
    const expected = l.rows.map((r) => r.cells[col]);
    expect([...sources].sort()).toEqual([...expected].sort());
    expect(host.aboveLevel).toEqual([]);
  } finally {
    configureHost(() => true);
  }
});
