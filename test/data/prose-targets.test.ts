/**
 * Issue 13: the prose targets of every seed. The inventory in docs/prose-targets.md and the dataset are checked
 * against each other: every item the inventory marks as added (A) or corroborated (C) is in the region's data at the
 * line it names, and the examples the issue named are there with their figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE } from '../../src/data/catalogue';
import { dataset } from '../../src/data/index';

const d = dataset();
const region = (name: string) => d.regions.find((r) => r.name === name)!;
const entry = (r: string, id: string) => {
  const e = region(r).entries.find((x) => x.indicator.id === id);
  if (!e) throw new Error(`${r} has no ${id}`);
  return e;
};

const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'prose-targets.md'), 'utf8');
const SEED_REGION: Record<string, string> = { '000': '九江', '001': '江西', '002': '吉安', '003': '上饶', '004': '赣州' };

/** Rows of the per-seed tables: region, line, indicator ids, status. */
function inventory(): { region: string; line: number; ids: string[]; status: string; items: number }[] {
  const rows: { region: string; line: number; ids: string[]; status: string; items: number }[] = [];
  let current = '';
  for (const l of doc.split('\n')) {
    const h = l.match(/^## (\d{3}) /);
    if (h) current = SEED_REGION[h[1]];
    const m = l.match(/^\| (\d+)(?:–(\d+))? \| (\d+) \| .* \| ([a-z_0-9/*]+) \| ([EKAC])\b/);
    if (m && current) {
      const items = m[2] ? Number(m[2]) - Number(m[1]) + 1 : 1;
      rows.push({ region: current, line: Number(m[3]), ids: [m[4]], status: m[5], items });
    }
  }
  return rows;
}

test('the inventory has a table for each seed, and its coverage table matches its rows', () => {
  const rows = inventory();
  for (const [seed, r] of Object.entries(SEED_REGION)) {
    const mine = rows.filter((x) => x.region === r);
    const count = (statuses: string) => mine.filter((x) => statuses.includes(x.status)).reduce((n, x) => n + x.items, 0);
    const line = doc.split('\n').find((l) => l.startsWith(`| ${seed} | ${r} |`))!;
    const [total, before, now] = line
      .split('|')
      .slice(3, 6)
      .map((c) => Number(c.trim().split(' ')[0]));
    expect({ r, total, before, now }).toEqual({ r, total: count('EKAC'), before: count('EK'), now: count('EKAC') });
    expect(now / total).toBeGreaterThanOrEqual(0.9);
  }
});

test('every item the inventory marks as added (A) or corroborated (C) is in the dataset at its line', () => {
  const rows = inventory().filter((x) => x.status === 'A' || x.status === 'C');
  expect(rows.length).toBeGreaterThan(60);
  for (const { region: r, line, ids, status } of rows) {
    const e = entry(r, ids[0]);
    const lines =
      status === 'A'
        ? [e.target?.source.line, ...(e.milestones ?? []).map((m) => m.source.line)]
        : (e.corroborations ?? []).map((c) => c.source.line);
    expect({ r, id: ids[0], line, found: lines.includes(line) }).toEqual({ r, id: ids[0], line, found: true });
  }
});

test('every item the inventory marks as a conflict (K) is a conflict of that entry at its line', () => {
  const rows = inventory().filter((x) => x.status === 'K');
  expect(rows.length).toBeGreaterThan(20);
  for (const { region: r, line, ids } of rows) {
    const lines = entry(r, ids[0]).conflicts.map((c) => c.source.line);
    expect({ r, id: ids[0], line, found: lines.includes(line) }).toEqual({ r, id: ids[0], line, found: true });
  }
});

test("the issue's examples: 九江 110亿元, 上饶 line 387 platforms, 赣州 赣江创新研究院 and talent programmes", () => {
  expect(entry('九江', 'rd_expenditure').corroborations?.map((c) => [c.field, c.value, c.source.line])).toContainEqual(['target', 110, 60]);
  const sr = (id: string) => entry('上饶', id).target;
  expect([sr('new_national_tech_innovation_centers'), sr('new_provincial_key_labs')].map((t) => [t?.value, t?.source.line])).toEqual([
    [1, 387],
    [1, 387],
  ]);
  expect(sr('new_national_enterprise_tech_centers')).toMatchObject({ value: 1, low: 1, high: 2 });
  expect(sr('new_provincial_engineering_research_centers')?.value).toBe(10);
  expect(sr('new_provincial_enterprise_tech_centers')?.value).toBe(20);
  expect(entry('赣州', 'gjiri_basic_disciplines').target?.value).toBe(10);
  expect(entry('赣州', 'new_gjiri_incubated_core_technologies').target).toMatchObject({ value: 100, qualifiers: ['以上'] });
  expect(entry('赣州', 'new_gjiri_rd_products').target).toMatchObject({ value: 200, qualifiers: ['以上'] });
  const talents = ['new_industry_leading_talents', 'new_high_level_talents_all_fields', 'new_industry_shortage_talents'];
  expect(talents.map((id) => entry('赣州', id).target?.value)).toEqual([200, 2000, 10000]);
  expect(
    ['academician_candidates', 'academician_candidates_tier1', 'academician_candidates_tier2'].map((id) => entry('赣州', id).target?.value),
  ).toEqual([10, 3, 7]);
});

test('every catalogue id added by issue 13 has a definition; flows named new_* are period totals or yearly', () => {
  const start = CATALOGUE.findIndex((c) => c.id === 'national_htz_rank_rise');
  expect(start).toBeGreaterThan(0);
  const added = CATALOGUE.slice(start);
  expect(added.length).toBeGreaterThan(40);
  for (const c of added) {
    expect({ id: c.id, zh: !!c.definition?.zh, en: !!c.definition?.en, unit: c.definition?.unit }).toEqual({
      id: c.id,
      zh: true,
      en: true,
      unit: c.unit,
    });
    if (c.id.startsWith('new_'))
      expect({ id: c.id, period: ['period_total', 'annual'].includes(c.definition!.period) }).toEqual({ id: c.id, period: true });
  }
  expect(new Set(CATALOGUE.map((c) => c.id)).size).toBe(CATALOGUE.length);
});
