/**
 * The status column follows the sheet's method: the core's `rowStatus(e, actuals, method)` is `assess(…, method)` at
 * the latest actual (with its fallbacks), and the sheet's status formula, evaluated by HyperFormula (as the fake Excel
 * host does), gives the same label for every row of every plan (the seeds, an imported 十五五 table with a staged
 * target, and made-up rows with a zero or unchanged baseline or target), every year, and a spread of values down to
 * below zero.
 */
import { ROW_STATUS_LABELS, ROW_STATUSES, rowStatus, type Actuals, type RowStatus } from '../../../src/core/progress/assessment';
import { actualYears, colIndex, regionLayout, type SheetLayout } from '../../../src/core/sheet/layout';
import type { MethodId } from '../../../src/core/progress/methods';
import { numericMilestones } from '../../../src/core/progress/milestones';
import { periodOf, type Entry, type Region } from '../../../src/core/plan/model';
import { overviewCounts } from '../../../src/core/sheet/overview';
import { assess } from '../../../src/core/progress/status';
import { baselineOf, expectedValue, holdsEveryYear, ownPath } from '../../../src/core/progress/trajectory';
import { dataset } from '../../../src/data/index';
import { nanchangRegion } from '../../fixtures/nanchang';
import { madeDataset } from '../../fixture';
import { createEngine } from '../../../src/hyperformula/engine';

const d = dataset();
const nanchang = nanchangRegion(d.catalogue);

/** Made-up rows (not the dataset): each an edge of a method — a zero or unchanged baseline or target, a rank, a range… */
const cell = (raw: string) => ({ raw, line: 1, kind: 'table' as const, quote: raw });
const edges: [string, string | null, string][] = [
  ['high_tech_enterprises', '0', '100'], // eurostat: 0 → 0.001; cagr: no compound path → linear
  ['high_tech_enterprises', '100', '0'], // a target of 0 (higher is better, so moving away from the baseline)
  ['high_tech_enterprises', '100', '200'], // an actual below 0 has no growth rate: eurostat → linear
  ['high_tech_enterprises', '50', '50'], // the plan expects no change
  ['innovation_rank', '16', '10'], // a rank: lower is better
  ['innovation_rank', '5', '5'],
  ['rd_intensity', '1.5', '2.5-2.8'], // a range, low end
  ['national_innovation_platforms', '20', '新增10'], // an increment
  ['rd_growth', '10', '12'], // a growth rate: the same under every method
  ['rd_growth', null, '12'],
  ['high_tech_enterprises', null, '2000家以上'], // no baseline: no path
  ['innovation_rank', '16', '全省中上游'], // qualitative
];
const made = madeDataset(
  edges.map(([indicator, base, target], k) => ({
    indicator,
    name: `${indicator}-${k}`,
    unit: '',
    values: base ? { '2020': cell(base) } : {},
    target: cell(target),
  })),
).regions[0];

const regions: Region[] = [...d.regions, nanchang, made];

/** Values that walk every branch in `year`: shares of the way expected on both paths, the target, 0 and below. */
function valuesFor(e: Entry, year: number): number[] {
  const t = e.target?.value;
  if (t === null || t === undefined) return [7];
  const out = new Set<number>([t, t * 1.01, 0, -1]);
  let base: number | null;
  try {
    base = baselineOf(e).value;
  } catch {
    base = null;
  }
  const fractions = [-0.3, 0.3, 0.59, 0.61, 0.8, 0.94, 0.96, 1.2];
  if (holdsEveryYear(e) || base === null) for (const f of fractions) out.add(t * f);
  else {
    for (const path of ['linear', 'cagr'] as const) {
      let expected: number;
      try {
        expected = expectedValue(e, year, path);
      } catch {
        continue;
      }
      for (const f of fractions) out.add(Math.round((base + (expected - base) * f) * 1e6) / 1e6);
    }
  }
  return [...out];
}

function grid(layout: SheetLayout): (string | number | null)[][] {
  const rows: (string | number | null)[][] = Array.from({ length: layout.headerRow }, () => []);
  rows[layout.headerRow - 1] = layout.header;
  // The columns the status formula does not read are left out (they would be recalculated at every case for nothing;
  // were one of them read, the status would differ from the core's and the test fail).
  const unread = new Set(layout.columns.flatMap((c, j) => (/^(progress|met\d+|reached\d+)$/.test(c.key) ? [j] : [])));
  for (const r of layout.rows) rows.push(r.cells.map((c, j) => (unread.has(j) ? null : c)));
  return rows;
}

const label = (s: RowStatus): string => ROW_STATUS_LABELS[s].zh;

describe('rowStatus follows the method', () => {
  const e = made.entries[0]; // high_tech_enterprises 0 → 100
  test('cagr and eurostat give assess’s status at the latest actual; linear and trend the linear one', () => {
    const g = d.regions.find((r) => r.name === '赣州')!.entries.find((x) => x.indicator.id === 'high_tech_enterprises')!;
    for (const v of [1400, 1600, 1720, 1900, 2500]) {
      for (const m of ['linear', 'cagr', 'eurostat'] as const)
        expect(rowStatus(g, { 2021: 1, 2024: v }, m)).toBe(assess(g, 2024, v, m).status);
      expect(rowStatus(g, { 2024: v }, 'trend')).toBe(assess(g, 2024, v).status);
      expect(rowStatus(g, { 2024: v })).toBe(assess(g, 2024, v).status);
    }
    // The example: 1720 in 2024 is slightly behind the straight line, on track by growth rate.
    expect([rowStatus(g, { 2024: 1720 }), rowStatus(g, { 2024: 1720 }, 'eurostat')]).toEqual(['slightly_behind', 'on_track']);
  });
  test('where a method cannot judge, the row is judged as linear; eurostat reads a zero baseline as 0.001', () => {
    expect(() => assess(e, 2023, 50, 'cagr')).toThrow();
    expect(rowStatus(e, { 2023: 50 }, 'cagr')).toBe(assess(e, 2023, 50).status);
    expect(rowStatus(e, { 2023: 50 }, 'eurostat')).toBe(assess(e, 2023, 50, 'eurostat').status);
    expect(assess(e, 2023, 50, 'eurostat').replaced).toEqual(['baseline']);
    const zeroTarget = made.entries[1];
    expect(() => assess(zeroTarget, 2023, 80, 'cagr')).toThrow();
    expect(rowStatus(zeroTarget, { 2023: 80 }, 'cagr')).toBe(assess(zeroTarget, 2023, 80).status);
    const ordinary = made.entries[2];
    expect(() => assess(ordinary, 2023, -3, 'eurostat')).toThrow();
    expect(rowStatus(ordinary, { 2023: -3 }, 'eurostat')).toBe('moving_away');
    expect(rowStatus(ordinary, { 2023: -3 }, 'eurostat')).toBe(assess(ordinary, 2023, -3).status);
  });
  test('qualitative, no data and no path stay as they are', () => {
    for (const m of ['linear', 'cagr', 'eurostat', 'trend'] as const) {
      expect(rowStatus(made.entries[11], { 2023: 3 }, m)).toBe('qualitative');
      expect(rowStatus(e, {}, m)).toBe('no_data');
      expect(rowStatus(made.entries[10], { 2023: 1500 }, m)).toBe('no_path');
    }
  });
  test('the overview counts by the method', () => {
    const g = d.regions.find((r) => r.name === '赣州')!;
    const a = { high_tech_enterprises: { 2024: 1720 } };
    expect(overviewCounts(g, a).byStatus.slightly_behind - overviewCounts(g, a, 'eurostat').byStatus.slightly_behind).toBe(1);
    expect(overviewCounts(g, a, 'eurostat').byStatus.on_track - overviewCounts(g, a).byStatus.on_track).toBe(1);
    expect(overviewCounts(g, a, 'trend')).toEqual(overviewCounts(g, a));
  });
});

test('linear and trend sheets have the same status formulas as before methods reached the column', () => {
  for (const region of regions) {
    const plain = regionLayout(region, 'plain', 'zh', d.version);
    const c = colIndex('status', plain.columns);
    for (const m of ['linear', 'trend'] as const) {
      const l = regionLayout(region, 'plain', 'zh', d.version, undefined, m);
      expect(l.rows.map((r) => r.cells[c])).toEqual(plain.rows.map((r) => r.cells[c]));
    }
    // Rates, rows without a baseline or a numeric target: the same formula under every method.
    for (const m of ['cagr', 'eurostat'] as const) {
      const l = regionLayout(region, 'plain', 'zh', d.version, undefined, m);
      region.entries.forEach((e, i) => {
        let path = !holdsEveryYear(e) && e.target?.value != null;
        try {
          baselineOf(e);
        } catch {
          path = false;
        }
        // A level whose growth rate the plan states follows the compound path under linear already (ownPath): the cagr
        // sheet then has its linear formula.
        if (m === 'cagr' && ownPath(e, 'linear') === 'cagr') path = false;
        if (!path) expect(l.rows[i].cells[c]).toBe(plain.rows[i].cells[c]);
        else expect(l.rows[i].cells[c]).not.toBe(plain.rows[i].cells[c]);
      });
    }
  }
  const subtitle = (m: MethodId): string => regionLayout(d.regions[0], 'plain', 'zh', d.version, undefined, m).subtitle;
  expect(subtitle('eurostat')).toContain('“进展状态”列按Eurostat');
  expect(subtitle('trend')).toContain('按序时进度判断');
  expect(regionLayout(d.regions[0], 'plain', 'en', d.version, undefined, 'cagr').subtitle).toContain('Status column judge by the compound');
});

describe.each<MethodId>(['linear', 'cagr', 'eurostat'])(
  '%s: the sheet’s status formula is the core’s rowStatus (HyperFormula)',
  (method) => {
    test('every plan, row, year and a spread of values', () => {
      const seen = new Map<string, Set<RowStatus>>();
      let checked = 0;
      const wrong: object[] = [];
      for (const region of regions) {
        const layout = regionLayout(region, 'plain', 'zh', d.version, undefined, method);
        const hf = createEngine({ S: grid(layout) });
        const years = actualYears(periodOf(region));
        const status = colIndex('status', layout.columns);
        region.entries.forEach((e, i) => {
          const row = layout.headerRow + i; // zero-based
          // The actual columns stand side by side: one write per case, so HyperFormula recalculates once, not per year.
          const first = colIndex(`actual${years[0]}`, layout.columns);
          expect(years.map((y) => colIndex(`actual${y}`, layout.columns))).toEqual(years.map((_, k) => first + k));
          const put = (a: Actuals): void => {
            hf.setCellContents({ sheet: 0, row, col: first }, [years.map((y) => a[y] ?? null)]);
          };
          for (const y of years) {
            for (const v of valuesFor(e, y)) {
              // Sometimes an earlier year too: the latest one counts.
              const a: Actuals = y > years[0] && checked % 3 === 0 ? { [years[0]]: 1, [y]: v } : { [y]: v };
              put(a);
              const want = rowStatus(e, a, method);
              const got = hf.getCellValue({ sheet: 0, row, col: status });
              // Collected, not asserted one by one: ~15,000 expect() calls cost more than the formulas they check.
              if (got !== label(want)) wrong.push({ region: region.name, id: e.indicator.id, i, a, got, want: label(want) });
              seen.set(region.name, (seen.get(region.name) ?? new Set()).add(want));
              checked++;
            }
          }
          put({});
          expect(hf.getCellValue({ sheet: 0, row, col: status })).toBe(label(rowStatus(e, {}, method)));
        });
      }
      expect(wrong.slice(0, 20)).toEqual([]);
      expect(checked).toBeGreaterThan(5000);
      // Every status is walked, in the seeds and in the made-up rows.
      const all = new Set([...seen.values()].flatMap((s) => [...s]));
      expect([...all].sort()).toEqual([...ROW_STATUSES].filter((s) => s !== 'no_data').sort());
      // The 十五五 table (2025–2030) is judged too, staged target included.
      expect(seen.get('南昌')?.size).toBeGreaterThanOrEqual(4);
      expect(nanchang.entries.some((e) => numericMilestones(e).length > 0)).toBe(true);
    });
  },
);
