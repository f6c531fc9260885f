/**
 * Issue 27, text is text: a plan table whose names, units, figures or notes would run as formulas is refused by import,
 * naming the cell; and where such text reaches a writer by another road (a dataset made here, a data package), the
 * portable workbook, the Excel and WPS adapters (on their fakes) and the package CSVs keep it as text.
 */
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { importedIndicator, importPlanTable } from '../../src/core/exchange/import';
import { readsAsFormula } from '../../src/core/exchange/formulaText';
import { buildPackage, readPackage } from '../../src/core/exchange/datapackage';
import type { Region } from '../../src/core/plan/model';
import { Plan } from '../../src/core/plan/plan';
import { regionLayout } from '../../src/core/sheet/layout';
import { dataset } from '../../src/data/index';
import { buildWorkbook } from '../../src/workbook/writer';
import { evalCsv } from '../../src/cli/eval';
import { insertOnNewSheets } from '../../src/hosts/excel/excel';
import { configureHost } from '../../src/hosts/excel/requirements';
import { insertOnNewSheets as insertInEt } from '../../src/hosts/wps/adapter';
import { FakeExcelNamespace, FakeHost } from '../fakes/fakeExcel';
import { FakeEt } from '../fakes/fakeEt';
import { planError } from '../fixture';
import { nanchangRows } from '../fixtures/nanchang';

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelNamespace;
beforeAll(() => configureHost(() => true));

const HOSTILE = ["=cmd|' /C calc'!A0", '=1+1', '@SUM(A1)', '+1+1', '-1+1', '=HYPERLINK("http://x","y")', '=WEBSERVICE("http://x")'];

const base = dataset();
// The test table with a 备注 (note) column added: its rows as the CSV reader gives them.
const clean = nanchangRows().map((r, i) => (i === 1 ? [...r, '备注'] : i > 1 ? [...r, ''] : r));
const read = (rows: string[][]): Region => importPlanTable(rows, { file: '南昌.csv', region: '南昌', catalogue: base.catalogue });

test('the one rule: = and @ always, + and - unless a number, full-width signs as ASCII; placeholders and numbers are text', () => {
  for (const h of HOSTILE) expect(readsAsFormula(h)).toBe(true);
  for (const t of ['＝1+1', '－A1', '\t=1', '-A1']) expect(readsAsFormula(t)).toBe(true);
  for (const t of ['-5', '+2.5%', '-1,200', '-1e3', '-', '--', '—', '高新技术企业数', ' =1', "'=1", '2.8以上'])
    expect(readsAsFormula(t)).toBe(false);
});

describe('import refuses a cell that would run as a formula, naming it', () => {
  // Row 4 of the table is "R&D经费投入强度（%）": B name, C unit, F the 2030 target as written, H the note.
  const places: [string, number][] = [
    ['B4', 1],
    ['C4', 2],
    ['F4', 5],
    ['H4', 7],
  ];
  test.each(HOSTILE)('%s', (h) => {
    expect(() => read(clean)).not.toThrow();
    for (const [cell, col] of places) {
      const rows = clean.map((r) => [...r]);
      rows[3][col] = h;
      const e = planError(() => read(rows));
      expect(e.message).toContain(`南昌.csv!${cell}`);
      expect(e.message).toContain('公式');
      expect(e.messageEn).toContain(`南昌.csv!${cell}`);
      expect(e.messageEn).toContain('formula');
    }
  });
});

/**
 * The plan of the table with hostile text put in by another road (a dataset or a package need not come through
 * import): each entry's name, unit, target as written, a baseline written in words, and note, and the plan's title.
 */
function hostileRegion(figures = true): Region {
  const r = read(clean);
  const entries = r.entries.map((e, i) => {
    const h = HOSTILE[i % HOSTILE.length];
    const baseline = Object.fromEntries(
      Object.entries(e.values).map(([y, v]) => [y, v && { ...v, value: null, raw: h, source: { ...v.source, quote: h } }]),
    );
    const name = i < HOSTILE.length ? h : `${h} ${i}`;
    const unit = HOSTILE[(i + 1) % HOSTILE.length];
    return {
      ...e,
      // An indicator the table defines is named by it (as the package reader checks); a catalogue one keeps its id.
      indicator: e.indicator.id.startsWith('imported:') ? importedIndicator(name, unit, e.target?.raw) : e.indicator,
      name,
      unit,
      values: figures && i % 2 ? baseline : e.values,
      target: !figures
        ? e.target
        : e.target && {
            ...e.target,
            raw: HOSTILE[(i + 2) % HOSTILE.length],
            source: { ...e.target.source, quote: HOSTILE[(i + 2) % HOSTILE.length] },
          },
      remark: HOSTILE[(i + 3) % HOSTILE.length],
    };
  });
  return { ...r, planTitle: '=WEBSERVICE("http://x")', entries };
}
const region = hostileRegion();
const plan = Plan.withImported(base, [region]);
const layout = regionLayout(plan.region('南昌'), 'plain', 'zh', plan.dataset.version);
const nameCol = layout.columns.findIndex((c) => c.key === 'name');
const hostileTexts = (): string[] => {
  const texts = new Set<string>();
  layout.rows.forEach((r) => r.cells.forEach((c, i) => typeof c === 'string' && !r.formulas[i] && readsAsFormula(c) && texts.add(c)));
  return [...texts];
};

test('the layout marks only its own formulas: every hostile text is a cell that is not one', () => {
  expect(hostileTexts().sort()).toEqual([...HOSTILE].sort());
  for (const r of layout.rows) expect(r.formulas[nameCol]).toBe(false);
  expect(layout.rows.some((r) => r.formulas.some(Boolean))).toBe(true);
});

test('the portable workbook holds no formula made of hostile text, and every hostile text as a string', async () => {
  const buffer = await buildWorkbook(plan.dataset, [plan.region('南昌')]).xlsx.writeBuffer();
  // The sheet XML itself: no <f> holds any of it.
  const zip = await JSZip.loadAsync(buffer);
  const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
  const formulas: string[] = [];
  for (const f of sheets) {
    const xml = await zip.file(f)!.async('string');
    for (const m of xml.matchAll(/<f[^>]*>([^<]*)<\/f>/g)) formulas.push(m[1]);
  }
  expect(formulas.length).toBeGreaterThan(0); // the layout's own formulas are there
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<');
  for (const f of formulas.map(unescape)) for (const h of HOSTILE) expect(`=${f}`).not.toBe(h);
  expect(formulas.map(unescape).filter((f) => /cmd\||WEBSERVICE|HYPERLINK|^SUM\(A1\)|^\+1\+1|^-1\+1|^1\+1$/.test(f))).toEqual([]);
  // Read back: the region sheet's cells hold the hostile texts as strings.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as ArrayBuffer);
  const seen = new Set<string>();
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula) expect(HOSTILE).not.toContain(`=${c.formula}`);
        if (typeof c.value === 'string' && HOSTILE.includes(c.value)) seen.add(c.value);
      }),
    ),
  );
  expect([...seen].sort()).toEqual([...HOSTILE].sort());
});

test('the Excel adapter writes them as text: each cell reads back as the same string, not a computed value', async () => {
  const host = new FakeHost();
  await insertOnNewSheets(host.context() as never, [layout]);
  const cells = [...host.snapshot().values()];
  const texts = new Set(cells.map((c) => c.value).filter((v): v is string => typeof v === 'string' && HOSTILE.includes(v)));
  expect([...texts].sort()).toEqual([...HOSTILE].sort());
  // The title, and every name cell, as written.
  expect(cells.some((c) => typeof c.value === 'string' && c.value.startsWith('=WEBSERVICE("http://x")'))).toBe(true);
  const body = cells.filter((c) => c.col === nameCol && c.row >= layout.headerRow);
  expect(body.map((c) => c.value)).toEqual(layout.rows.map((r) => r.cells[nameCol]));
  // Nothing computed 2 out of "=1+1" (the fake computes formulas as Excel does), and the built formulas still compute.
  expect(cells.some((c) => c.value === 2 && c.formula === '=1+1')).toBe(false);
  expect(cells.some((c) => typeof c.formula === 'string' && c.formula.startsWith('=') && !HOSTILE.includes(c.formula))).toBe(true);
});

test('the WPS adapter writes them as text: Value2 gives the same string, and no cell holds a hostile formula', () => {
  const et = new FakeEt();
  insertInEt(et, [layout]);
  const ws = et.wb.sheet(layout.sheetName);
  const cells = [...ws.cells.values()];
  expect(
    cells.filter(
      (c) => c.formula !== undefined && HOSTILE.some((h) => c.formula === h || c.formula === `=${h.slice(1)}` || c.formula === `=${h}`),
    ),
  ).toEqual([]);
  const values = new Set(cells.map((c) => c.value).filter((v): v is string => typeof v === 'string' && HOSTILE.includes(v)));
  expect([...values].sort()).toEqual([...HOSTILE].sort());
  expect(cells.some((c) => c.formula !== undefined)).toBe(true); // the layout's own formulas
  const name = ws.Range(`B${layout.headerRow + 1}`).Value2;
  expect(name).toBe(layout.rows[0].cells[nameCol]);
});

test('the package CSVs begin no cell with = + - @ unless a number, and read back exactly', () => {
  // The package reader reads every figure again by the seed rules (and refuses "@SUM(A1)" as a figure), so here only
  // the names, units, notes and title are hostile.
  const region = hostileRegion(false);
  const plan = Plan.withImported(base, [region]);
  const sha256 = (t: string): string => createHash('sha256').update(t, 'utf8').digest('hex');
  const files = buildPackage(plan.dataset, [], plan.dataset.version, new Date('2026-01-01T00:00:00Z'), sha256, (t) => Buffer.byteLength(t));
  let quoted = 0;
  for (const [name, text] of Object.entries(files)) {
    if (!name.endsWith('.csv')) continue;
    for (const row of parse(text, { relax_column_count: true }) as string[][])
      for (const cell of row) {
        if (/^[=+\-@\t\r＝＋－＠]/.test(cell)) expect(Number.isFinite(Number(cell))).toBe(true);
        if (/^'[=+\-@]/.test(cell)) quoted++;
      }
  }
  expect(quoted).toBeGreaterThan(0);
  const loaded = readPackage((p) => files[p], base.catalogue, sha256);
  const back = [...loaded.imported, ...loaded.dataset.regions].find((r) => r.name === '南昌')!;
  expect(back.planTitle).toBe(region.planTitle);
  expect(back.entries.map((e) => [e.name, e.unit, e.target?.raw, e.remark])).toEqual(
    plan.region('南昌').entries.map((e) => [e.name, e.unit, e.target?.raw, e.remark]),
  );
});

test('plan eval --csv keeps a computed text that would run as a formula behind its apostrophe; numbers stay numbers', () => {
  const out = evalCsv("'=1+1,=-5,'@SUM(A1),text,'-\n", 'en');
  const cells = (parse(out.csv) as string[][])[0];
  expect(cells).toEqual(["'=1+1", '-5', "'@SUM(A1)", 'text', "'-"]);
});
