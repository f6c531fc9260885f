/**
 * The printed report (issue 33): the portable workbook rendered to PDF by LibreOffice, read back word by word with
 * `pdftotext -bbox`, and checked as a reader would: no word made of two cells' texts (`1,0002000`), no two words of
 * different cells touching or overlapping, every printed cell's text whole, no font under 8 pt, helper columns not
 * printed, the header row on every page, and a long sheet broken by rows over several pages instead of shrunk.
 * For the workbook `npx plan workbook` writes, for one by cagr with an imported 十五五 plan (other legend and
 * headers, other years), and for the English one (`--lang en`: wider headers, longer labels).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataset } from '../../src/data/index';
import { nanchangRegion } from '../fixtures/nanchang';
import { buildWorkbook } from '../../src/workbook/writer';
import { regionLayout } from '../../src/core/sheet/layout';
import type { Region } from '../../src/core/plan/model';
import type { Lang } from '../../src/core/plan/plan';
import type { MethodId } from '../../src/core/progress/methods';
import { checkPrints, type PrintCheck } from './pdfwords';

const d = dataset();
const nanchang = nanchangRegion(d.catalogue);

const cases: [string, Region[], Lang, MethodId][] = [
  ['the workbook as written (zh, linear)', d.regions, 'zh', 'linear'],
  ['by cagr, with an imported 十五五 plan', [...d.regions, nanchang], 'zh', 'cagr'],
  // English headers and labels are wider ("2020 (baseline)", "qualitative / no target value"): the same checks.
  ['the workbook in English (linear)', d.regions, 'en', 'linear'],
];

// The three workbooks are rendered and read by LibreOffice together (two starts of it, not six).
let prints: PrintCheck[] = [];
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-print-'));
  const files = cases.map((_c, i) => join(dir, `report-${i}.xlsx`));
  for (const [i, [, regions, lang, method]] of cases.entries()) await buildWorkbook(d, regions, lang, method).xlsx.writeFile(files[i]);
  prints = await checkPrints(files, dir);
});

describe.each(cases.map((c, i) => [...c, i] as const))('%s', (_name, regions, lang, method, i) => {
  let print: PrintCheck;
  const layouts = regions.map((r) => regionLayout(r, 'plain', lang, d.version, undefined, method));
  const pagesOf = (sheet: string): number[] => [...print.sheetOf].filter(([, s]) => s === sheet).map(([p]) => p);

  beforeAll(() => {
    print = prints[i];
  });

  test('every page is one sheet’s, named in its footer', () => {
    expect(print.pages).toBeGreaterThan(regions.length + 2);
    expect(print.sheetOf.size).toBe(print.pages);
  });

  // At 8 pt or more, with rows as tall as their wrapped text, the report is about 60 pages (12 when it was shrunk to
  // one page wide at 4 pt): 来源与冲突 alone is over half of it. The bound catches a layout that runs away (a column
  // printed once a page, rows of blank lines). English words are longer, so its sheets run to more pages.
  test('the whole workbook prints in a bounded number of pages', () => {
    expect(print.pages).toBeLessThanOrEqual(lang === 'zh' ? 70 : 90);
  });

  test('no word runs two cells together, and no two words of different cells touch or overlap', () => {
    expect(print.merged.map((w) => `p${w.page} ${w.text}`)).toEqual([]);
    expect(print.touching.map(([a, b]) => `p${a.page} ${a.text} | ${b.text}`)).toEqual([]);
  });

  test('every printed cell’s text is there whole', () => {
    expect(print.cut).toEqual([]);
  });

  test('no text under 8 pt on any page', () => {
    expect(print.smallest.size).toBe(print.pages);
    for (const [page, size] of print.smallest) expect([page, size >= 7.95]).toEqual([page, true]);
  });

  test('region sheets: header row on every page, helper columns not printed, expected values headed as such', () => {
    for (const layout of layouts) {
      const pages = pagesOf(layout.sheetName);
      expect(pages.length).toBeGreaterThan(0);
      const first = layout.header[0]; // 序号 / No.
      for (const p of pages) expect([p, print.words.some((w) => w.page === p && w.text === first)]).toEqual([p, true]);
      const words = new Set(print.words.filter((w) => pages.includes(w.page)).map((w) => w.text));
      for (const i of layout.helperColumns) expect([layout.header[i], words.has(layout.header[i])]).toEqual([layout.header[i], false]);
      // Indicator ids (a helper column) are not printed either.
      for (const row of layout.rows) expect(words.has(row.id)).toBe(false);
    }
    const expected = print.words.filter((w) => (lang === 'zh' ? w.text.includes('应达值') : w.text === 'expected'));
    expect(expected.length).toBeGreaterThan(0);
    expect(print.words.some((w) => /序时进度$|复合路径值$/.test(w.text) && /^\d{4}年/.test(w.text))).toBe(false);
  });

  test('a long sheet breaks by rows over pages instead of shrinking onto one', () => {
    const longest = layouts.reduce((a, b) => (b.rows.length > a.rows.length ? b : a));
    expect(longest.rows.length).toBeGreaterThanOrEqual(50);
    expect(pagesOf(longest.sheetName).length).toBeGreaterThanOrEqual(2);
  });
});
