/**
 * The portable workbook as a report: a clerk's actual values typed in with ExcelJS, the workbook recalculated by
 * LibreOffice (soffice --headless), and the 总览 sheet's live counts, each row's status and the 2025 final
 * assessment compared with the core's answers — for a workbook made by linear (序时进度), and for workbooks made by
 * cagr and by eurostat, whose status columns and 总览 counts follow their method (with the imported 十五五 table).
 * Then printing: page setup read back, and the PDF page count.
 */
import { rangeOf } from '../../src/core/plan/parse';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { dataset } from '../../src/data/index';
import { nanchangRegion } from '../fixtures/nanchang';
import { madeDataset } from '../fixture';
import { actualYears, colIndex, SEED_COLUMNS, regionLayout, sheetNameFor } from '../../src/core/sheet/layout';
import {
  finalAssessment,
  MET_LABELS,
  numericTarget,
  ROW_STATUSES,
  ROW_STATUS_LABELS,
  rowStatus,
  type Actuals,
} from '../../src/core/progress/assessment';
import { overviewCounts, type RegionActuals } from '../../src/core/sheet/overview';
import { baselineOf, expectedValue } from '../../src/core/progress/trajectory';
import type { Entry } from '../../src/core/plan/model';
import { recalculatedWorkbooks } from './libreoffice';
import { buildWorkbook } from '../../src/workbook/writer';
import { periodOf, SEED_PERIOD, type Region } from '../../src/core/plan/model';
import type { MethodId } from '../../src/core/progress/methods';

const SEED_YEARS = actualYears(SEED_PERIOD);

const d = dataset();
const dir = mkdtempSync(join(tmpdir(), 'plan-report-'));

/**
 * Actual values that walk every branch of the status: for row i a year and a ratio of the expected progress
 * (ahead, on track, slightly behind, behind, moving away, meeting the target), some rows left empty.
 */
function actualsFor(e: Entry, i: number, years: number[] = SEED_YEARS): Actuals {
  const target = numericTarget(e);
  const year = years[(i * 3) % years.length];
  const ratio = [1.3, 0.97, 0.8, 0.3, -0.25, 1, 0.6, 0.95, null][i % 9];
  if (ratio === null) return {};
  if (target === null) return { [year]: 7 }; // a number typed against a qualitative target: still qualitative
  let value: number;
  try {
    const base = baselineOf(e).value;
    const expected = e.indicator.kind === 'growth' ? target : expectedValue(e, year);
    value = e.indicator.kind === 'growth' ? target * ratio : base + (expected - base) * ratio;
  } catch {
    value = target * ratio; // no baseline: below or above the target
  }
  const out: Actuals = { [year]: Math.round(value * 1000) / 1000 };
  if (i % 4 === 0 && year !== years[0]) out[years[0]] = 1; // an earlier year too: the latest one counts
  return out;
}

/** A number as LibreOffice's CSV gives it (per cent cells keep their % sign). */
function num(s: string): number {
  return s.endsWith('%') ? Number(s.slice(0, -1)) / 100 : Number(s.replace(/,/g, ''));
}

let readCsv: (sheet: string) => string[][];

const typed: Record<string, RegionActuals> = {};

const METHODS: MethodId[] = ['cagr', 'eurostat'];
const nanchang = nanchangRegion(d.catalogue);
const methodRegions: Region[] = [...d.regions, nanchang];
/** For each method: the actuals typed into its workbook, and its sheets as LibreOffice computed them. */
const byMethod = new Map<MethodId, { entered: Record<string, RegionActuals>; csv: (sheet: string) => string[][] }>();
let kindsCsv: (sheet: string) => string[][];

/**
 * For the direction-aware test below: a made-up plan (not the dataset), each row a kind of target the seeds hold or
 * might hold, and its workbook with several actuals each typed in.
 */
function kindsWorkbook() {
  const cell = (raw: string) => ({ raw, line: 1, kind: 'table' as const, quote: raw });
  const rows: [string, string | null, string][] = [
    ['innovation_rank', '16', '10'], // a rank: lower is better
    ['high_tech_enterprises', null, '2000家以上'], // a lower bound, no baseline
    ['rd_intensity', '1.5', '2.5-2.8'], // a range
    ['national_innovation_platforms', '20', '新增10'], // an increment
    ['rd_growth', null, '12'], // a growth rate without a baseline
  ];
  const scenarios: Actuals[] = [
    { 2025: 10 },
    { 2023: 13 },
    { 2025: 12 },
    { 2024: 18 },
    { 2025: 2000 },
    { 2022: 1500 },
    { 2025: 2.5 },
    { 2023: 1.6 },
    { 2025: 25 },
    { 2022: 22 },
    { 2025: 12 },
    { 2024: 9 },
    { 2023: -1 },
  ];
  const which = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 4];
  const authored = scenarios.map((_s, k) => {
    const [indicator, base, target] = rows[which[k]];
    return { indicator, name: `${indicator}-${k}`, unit: '', values: base ? { '2020': cell(base) } : {}, target: cell(target) };
  });
  // Entries need distinct ids for refresh, not for the sheet: the layout reads rows in order.
  const made = madeDataset(authored);
  const region = made.regions[0];
  const layout = regionLayout(region, 'plain', 'zh', made.version);
  const wb = buildWorkbook(made, [region]);
  const ws = wb.getWorksheet(layout.sheetName)!;
  scenarios.forEach((a, i) => {
    for (const [y, v] of Object.entries(a)) ws.getRow(layout.headerRow + 1 + i).getCell(colIndex(`actual${y}` as never) + 1).value = v!;
  });
  return { region, layout, scenarios, wb };
}
const kinds = kindsWorkbook();

beforeAll(async () => {
  const wb = buildWorkbook(d, d.regions);
  let k = 0;
  for (const region of d.regions) {
    const layout = regionLayout(region, 'plain', 'zh', d.version);
    const ws = wb.getWorksheet(layout.sheetName)!;
    typed[region.name] = {};
    region.entries.forEach((e, i) => {
      const a = actualsFor(e, k++);
      typed[region.name][e.indicator.id] = a;
      for (const [y, v] of Object.entries(a)) ws.getRow(layout.headerRow + 1 + i).getCell(colIndex(`actual${y}` as never) + 1).value = v!;
    });
  }
  await wb.xlsx.writeFile(join(dir, 'typed.xlsx'));
  const files = [join(dir, 'typed.xlsx')];
  const entered: Record<string, RegionActuals>[] = [];
  for (const method of METHODS) {
    const typedFor: Record<string, RegionActuals> = {};
    const wb = buildWorkbook(d, methodRegions, 'zh', method);
    let k = 0;
    for (const region of methodRegions) {
      const layout = regionLayout(region, 'plain', 'zh', d.version, undefined, method);
      const ws = wb.getWorksheet(layout.sheetName)!;
      typedFor[region.name] = {};
      region.entries.forEach((e, i) => {
        const a = actualsFor(e, k++, actualYears(periodOf(region)));
        typedFor[region.name][e.indicator.id] = a;
        for (const [y, v] of Object.entries(a))
          ws.getRow(layout.headerRow + 1 + i).getCell(colIndex(`actual${y}` as never, layout.columns) + 1).value = v!;
      });
    }
    entered.push(typedFor);
    files.push(join(dir, `${method}.xlsx`));
    await wb.xlsx.writeFile(files[files.length - 1]);
  }
  files.push(join(dir, 'kinds.xlsx'));
  await kinds.wb.xlsx.writeFile(files[files.length - 1]);
  // The four workbooks in one start of LibreOffice.
  const reads = recalculatedWorkbooks(files, dir);
  readCsv = reads[0];
  METHODS.forEach((m, i) => byMethod.set(m, { entered: entered[i], csv: reads[1 + i] }));
  kindsCsv = reads[reads.length - 1];
});

test('the typed actuals walk every status', () => {
  const seen = new Set(d.regions.flatMap((r) => r.entries.map((e) => rowStatus(e, typed[r.name][e.indicator.id]))));
  expect([...seen].sort()).toEqual([...ROW_STATUSES].sort());
});

test('each row: status, 2025 met and share of target, as LibreOffice computes them, are the core’s', () => {
  let compared = 0;
  for (const region of d.regions) {
    const layout = regionLayout(region, 'plain', 'zh', d.version);
    const rows = readCsv(sheetNameFor(region));
    region.entries.forEach((e, i) => {
      const cells = rows[layout.headerRow + i];
      const a = typed[region.name][e.indicator.id];
      expect([e.indicator.id, cells[colIndex('status')]]).toEqual([e.indicator.id, ROW_STATUS_LABELS[rowStatus(e, a)].zh]);
      const x = a[2025];
      if (typeof x === 'number' && numericTarget(e) !== null) {
        const f = finalAssessment(e, x);
        expect(cells[colIndex('met2025')]).toBe(MET_LABELS[f.met ? 'met' : 'not_met'].zh);
        if (f.reached !== null) expect(num(cells[colIndex('reached2025')])).toBeCloseTo(f.reached, 6);
        compared++;
      } else {
        expect(cells[colIndex('met2025')] ?? '').toBe('');
      }
    });
  }
  expect(compared).toBeGreaterThan(10);
});

test('总览: the live counts LibreOffice computes are the core’s counts, region by region', () => {
  const rows = readCsv('总览');
  const header = rows[3];
  expect(header.slice(0, 2)).toEqual(['地区', '指标数']);
  expect(header.slice(2, 2 + ROW_STATUSES.length)).toEqual(ROW_STATUSES.map((s) => ROW_STATUS_LABELS[s].zh));
  const totals: number[] = new Array(header.length - 2).fill(0);
  d.regions.forEach((region, i) => {
    const c = overviewCounts(region, typed[region.name]);
    const want = [c.indicators, ...ROW_STATUSES.map((s) => c.byStatus[s]), c.assessedFinal, c.metFinal, c.notMetFinal];
    const got = rows[4 + i];
    expect(got[0]).toBe(region.name);
    expect(got.slice(1, 1 + want.length).map(Number)).toEqual(want);
    want.forEach((v, j) => (totals[j] += v));
    const share = got[1 + want.length];
    if (c.assessedFinal) expect(num(share)).toBeCloseTo(c.metFinal / c.assessedFinal, 9);
    else expect(share).toBe('');
  });
  expect(rows[4 + d.regions.length][0]).toBe('合计');
  expect(rows[4 + d.regions.length].slice(1, 1 + totals.length).map(Number)).toEqual(totals);
  // Every indicator is counted once: the statuses add up to the number of indicators.
  const sum = totals.slice(1, 1 + ROW_STATUSES.length).reduce((a, b) => a + b, 0);
  expect(sum).toBe(totals[0]);
});

describe.each<MethodId>(METHODS)('a workbook made by %s: status column and 总览 follow the method', (method) => {
  const regions = methodRegions;
  let entered: Record<string, RegionActuals>;
  let csv: (sheet: string) => string[][];
  beforeAll(() => ({ entered, csv } = byMethod.get(method)!));

  test('each row’s status, as LibreOffice computes it, is the core’s rowStatus by the method', () => {
    const seen = new Set<string>();
    let differs = 0;
    for (const region of regions) {
      const layout = regionLayout(region, 'plain', 'zh', d.version, undefined, method);
      expect(layout.subtitle).toContain('“进展状态”列按');
      const rows = csv(layout.sheetName);
      region.entries.forEach((e, i) => {
        const a = entered[region.name][e.indicator.id];
        const want = rowStatus(e, a, method);
        expect([region.name, e.indicator.id, rows[layout.headerRow + i][colIndex('status', layout.columns)]]).toEqual([
          region.name,
          e.indicator.id,
          ROW_STATUS_LABELS[want].zh,
        ]);
        seen.add(want);
        if (want !== rowStatus(e, a)) differs++;
      });
    }
    // The method matters for some rows, and the rows walk the statuses of progress.
    expect(differs).toBeGreaterThan(0);
    for (const s of ['achieved', 'on_track', 'slightly_behind', 'behind', 'moving_away']) expect([...seen]).toContain(s);
  });

  test('总览 counts by the method, region by region, the 十五五 table included', () => {
    const rows = csv('总览');
    regions.forEach((region, i) => {
      const c = overviewCounts(region, entered[region.name], method);
      const want = [c.indicators, ...ROW_STATUSES.map((s) => c.byStatus[s]), c.assessedFinal, c.metFinal, c.notMetFinal];
      expect(rows[4 + i][0]).toBe(region.name);
      expect(rows[4 + i].slice(1, 1 + want.length).map(Number)).toEqual(want);
    });
  });
});

test('print setup: landscape, one page wide, header rows repeated, footer with sheet, page and version', async () => {
  const file = join(dir, 'plain.xlsx');
  await buildWorkbook(d, d.regions).xlsx.writeFile(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name).indexOf('总览')).toBeLessThanOrEqual(1);
  for (const region of d.regions) {
    const ws = wb.getWorksheet(sheetNameFor(region))!;
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:5' });
    for (const code of ['&A', '&P', '&N', d.version]) expect(ws.headerFooter.oddFooter).toContain(code);
    // Helper columns are hidden (so they neither print nor widen the page); the rest are not.
    SEED_COLUMNS.forEach((c, i) => expect([c.key, ws.getColumn(i + 1).hidden]).toEqual([c.key, !!c.helper]));
  }
  const cover = wb.getWorksheet('说明')!;
  expect(cover.getCell('A4').alignment).toMatchObject({ wrapText: true });
});

test('number formats follow the kind: counts and ranks whole, shares with the plan’s decimals', async () => {
  const wb = buildWorkbook(d, d.regions);
  const fmt = (region: string, id: string): string => {
    const r = d.regions.find((x) => x.name === region)!;
    const layout = regionLayout(r, 'plain', 'zh', d.version);
    const i = r.entries.findIndex((e) => e.indicator.id === id);
    return String(
      wb
        .getWorksheet(layout.sheetName)!
        .getRow(layout.headerRow + 1 + i)
        .getCell(colIndex('target') + 1).numFmt,
    );
  };
  expect(fmt('赣州', 'high_tech_enterprises')).toBe('#,##0');
  for (const r of d.regions)
    for (const e of r.entries) {
      // A range target shows its high end beside its low end ("36–39"): the format is the kind's, then that suffix.
      const range = e.target ? rangeOf(e.target) : null;
      const shown = fmt(r.name, e.indicator.id);
      if (range) expect(shown.endsWith(`"–${range[1]}"`)).toBe(true);
      const f = range ? shown.slice(0, -`"–${range[1]}"`.length) : shown;
      if (e.indicator.kind === 'rank') expect(f).toBe('0');
      if (e.indicator.kind === 'share' || e.indicator.kind === 'growth') expect(f).toMatch(/^0\.00?$/);
      const figures = [e.values[2019], e.values[2020], e.target].flatMap((v) => (v && v.value !== null ? [v.value] : []));
      if (e.indicator.kind === 'level' && figures.every(Number.isInteger)) expect(f).toBe('#,##0');
    }
  // R&D intensity is written with two decimals (1.47, 2.3 …) in 吉安's plan.
  expect(fmt('吉安', 'rd_intensity')).toBe('0.00');
});

test('direction-aware in LibreOffice too: ranks, lower bounds, ranges, increments, rates without a baseline', () => {
  const { region, layout, scenarios } = kinds;
  const csv = kindsCsv(layout.sheetName);
  const got = region.entries.map((_e, i) => {
    const c = csv[layout.headerRow + i];
    return [
      c[colIndex('status')],
      c[colIndex('met2025')],
      c[colIndex('reached2025')] ? Math.round(num(c[colIndex('reached2025')]) * 1e6) / 1e6 : null,
    ];
  });
  const want = region.entries.map((e, i) => {
    const x = scenarios[i][2025];
    const f = typeof x === 'number' ? finalAssessment(e, x) : null;
    return [
      ROW_STATUS_LABELS[rowStatus(e, scenarios[i])].zh,
      f ? MET_LABELS[f.met ? 'met' : 'not_met'].zh : '',
      f?.reached != null ? Math.round(f.reached * 1e6) / 1e6 : null,
    ];
  });
  expect(got).toEqual(want);
  // And the answers themselves, for the record: rank 10 met, rank 12 not (83 %), a lower bound met at the number.
  expect(want[0]).toEqual(['已完成', '达标', 1]);
  expect(want[2]).toEqual([expect.any(String), '未达标', 0.833333]);
  expect(want[4]).toEqual(['已完成', '达标', 1]);
  expect(want[8]).toEqual(['滞后', '未达标', 0.5]); // 新增10 on 20: 25 is half the increment
});
