/**
 * Data is sacred: every value in the dataset is checked against its seed file here, at its line, word for word.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataset } from '../../src/data/index';
import { AUTHORED_REGIONS } from '../../src/data/index';
import type { Source } from '../../src/core/plan/model';
import { rawInQuote } from '../../src/core/plan/parse';
import { sameFigure, valueForField } from '../../src/core/plan/dataset';

const seedLines = new Map<string, string[]>();
function lines(seed: string): string[] {
  let l = seedLines.get(seed);
  if (!l) {
    l = readFileSync(join(__dirname, '..', '..', 'seeds', seed), 'utf8').split('\n');
    seedLines.set(seed, l);
  }
  return l;
}
function textAt(s: Source): string {
  return lines(s.seed)
    .slice(s.line - 1, s.endLine ?? s.line)
    .join('');
}

const d = dataset();
const all = d.regions.flatMap((r) =>
  r.entries.flatMap((e) => [
    ...Object.values(e.values).map((v) => ({ where: `${r.name} ${e.name} ${v!.year}`, v: v! })),
    ...(e.target ? [{ where: `${r.name} ${e.name} target`, v: e.target }] : []),
    ...e.conflicts.map((c) => ({ where: `${r.name} ${e.name} conflict ${c.field}`, v: c })),
    ...(e.milestones ?? []).map((m) => ({ where: `${r.name} ${e.name} milestone ${m.year}`, v: m })),
    ...(e.corroborations ?? []).map((c) => ({ where: `${r.name} ${e.name} corroboration ${c.field}`, v: c })),
  ]),
);

test('the seeds in seeds/ are the shared seeds, unchanged', () => {
  const shared = join(__dirname, '..', '..', '..', 'shared', 'seeds');
  for (const r of d.regions) {
    let original: string;
    try {
      original = readFileSync(join(shared, r.seed), 'utf8');
    } catch {
      continue; // ../shared is not beside every clone; the copy in seeds/ is then the reference
    }
    expect(readFileSync(join(__dirname, '..', '..', 'seeds', r.seed), 'utf8')).toBe(original);
  }
});

test('the dataset holds values to check', () => {
  expect(all.length).toBeGreaterThan(150);
});

const inQuote = rawInQuote;

test('raw text with "…" must still be made of the quote, in order', () => {
  expect(inQuote('力争…新增…10 家', '力争国家、省、市工程技术研究中心分别新增 1 家、10 家和 50 家')).toBe(true);
  expect(inQuote('新增…力争…10 家', '力争国家、省、市工程技术研究中心分别新增 1 家、10 家和 50 家')).toBe(false);
  expect(inQuote('力争…20 家', '力争国家、省、市工程技术研究中心分别新增 1 家、10 家和 50 家')).toBe(false);
  expect(inQuote('力争……10 家', '力争 10 家')).toBe(false);
});

test.each(all.map((x) => [x.where, x.v] as const))('%s: raw text is in its quote, and the quote at its line', (_w, v) => {
  expect(v.source.line).toBeGreaterThan(0);
  expect(inQuote(v.raw, v.source.quote)).toBe(true);
  expect(textAt(v.source)).toContain(v.source.quote);
});

test('table values are whole cells of their row, not pieces of other text', () => {
  for (const { where, v } of all) {
    if (v.source.kind !== 'table') continue;
    const text = textAt(v.source);
    const cells = text.split('\t').map((c) => c.trim());
    const parts = cells.flatMap((c) => [c, ...c.split('/')]);
    expect({ where, ok: parts.includes(v.raw.trim()) }).toEqual({ where, ok: true });
  }
});

test('each region names its own seed, and its title is on the line it says', () => {
  for (const a of AUTHORED_REGIONS) {
    expect(lines(a.seed)[a.meta.titleLine - 1]).toContain(a.planTitle);
    if (a.issuingNumber) expect(lines(a.seed)[(a.meta.issuingNumberLine ?? 0) - 1]).toContain(a.issuingNumber);
    if (a.table) expect(lines(a.seed)[a.table.line - 1]).toContain(a.table.title.trim());
  }
});

test("a corroborating statement repeats the entry's own figure; a different figure would be a conflict", () => {
  const checked: string[] = [];
  for (const r of d.regions) {
    for (const e of r.entries) {
      for (const c of e.corroborations ?? []) {
        const v = valueForField(e, c.field);
        const where = `${r.name} ${e.name} ${c.field} line ${c.source.line}`;
        expect({ where, stated: v?.raw, same: v ? sameFigure(v, c) : false }).toEqual({ where, stated: v?.raw, same: true });
        checked.push(where);
      }
    }
  }
  expect(checked.length).toBeGreaterThan(10);
});

test('staged targets carry their own year, not 2025, and none repeats a year', () => {
  for (const r of d.regions) {
    for (const e of r.entries) {
      const years = (e.milestones ?? []).map((m) => m.year);
      expect(years.every((y) => Number.isInteger(y) && y !== 2025 && y > 2020)).toBe(true);
      expect(new Set(years).size).toBe(years.length);
    }
  }
});
