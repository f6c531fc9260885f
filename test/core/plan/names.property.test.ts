/**
 * Issue 28, as properties over every entry of every region: a name of an entry's indicator (and the entry's own
 * name) finds an entry of the same unit and kind; a name with a word of another measure never finds an entry of
 * another kind; what may be left over (region, year, unit) changes nothing.
 */
import fc from 'fast-check';
import { dataset } from '../../../src/data/index';
import { Resolver } from '../../../src/core/plan/resolve';
import { PlanError } from '../../../src/core/errors';
import { agrees, askedOf } from '../../../src/core/plan/measure';
import { normalizeName, stripUnit } from '../../../src/core/plan/normalize';
import type { Entry, Region } from '../../../src/core/plan/model';

const d = dataset();
const r = new Resolver(d);

/** The entry a name finds, or the PlanError it is refused with. */
function find(region: Region, name: string): Entry | PlanError {
  try {
    return r.entry(region, name);
  } catch (e) {
    if (e instanceof PlanError) return e;
    throw e;
  }
}

const pairs: { region: Region; entry: Entry; name: string }[] = [];
for (const region of d.regions) {
  for (const entry of region.entries) {
    const i = entry.indicator;
    for (const name of new Set([entry.name, i.zh, i.en, i.id, ...i.aliases])) pairs.push({ region, entry, name });
  }
}
const pair = fc.constantFrom(...pairs.map((p, i) => ({ ...p, toString: () => `#${i} ${p.region.name} ${p.name}` })));

test('every name of an entry finds an entry of its unit and kind (or is refused), and its own name finds it', () => {
  fc.assert(
    fc.property(pair, ({ region, entry, name }) => {
      const found = find(region, name);
      if (name === entry.name) return found === entry;
      return found instanceof PlanError || (found.unit === entry.unit && found.indicator.kind === entry.indicator.kind);
    }),
    { numRuns: pairs.length * 2 },
  );
});

test('and exhaustively: no name of an entry finds an entry of another kind', () => {
  const wrong = pairs
    .map((p) => ({ ...p, found: find(p.region, p.name) }))
    .filter(
      ({ entry, found }) => !(found instanceof PlanError) && (found.unit !== entry.unit || found.indicator.kind !== entry.indicator.kind),
    )
    .map(({ region, name, found }) => `${region.name} ${name} → ${(found as Entry).name}`);
  expect(wrong).toEqual([]);
});

/** Words that name a measure, put where people put them. */
const WORDS: ((n: string) => string)[] = [
  (n) => `${n}强度`,
  (n) => `${n}占GDP比重`,
  (n) => `${n}比例`,
  (n) => `${n}增速`,
  (n) => `${n}年均增长`,
  (n) => `${n}支出`,
  (n) => `${n}金额`,
  (n) => `新增${n}`,
  (n) => `新建${n}`,
];

test('a name with a word of another measure never finds an entry of another kind', () => {
  fc.assert(
    fc.property(pair, fc.constantFrom(...WORDS), ({ region, entry, name }, word) => {
      const input = word(stripUnit(name));
      const asked = askedOf(normalizeName(input));
      // a word of the entry's own measure is not "another"; a name that already says as much is not changed
      fc.pre(!agrees(asked, entry.indicator));
      const found = find(region, input);
      return found instanceof PlanError || agrees(asked, found.indicator);
    }),
    { numRuns: 3000 },
  );
});

/** What may be left over: the region, a year, a unit in brackets. */
const DECORATIONS: ((n: string, region: Region) => string)[] = [
  (n, region) => `${region.fullName}${n}`,
  (n, region) => `${region.name}${n}`,
  (n) => `2025年${n}`,
  (n) => `${n}（%）`,
  (n) => `全市${n}`,
];

test('what may be left over changes nothing', () => {
  fc.assert(
    fc.property(pair, fc.constantFrom(...DECORATIONS), ({ region, entry, name }, decorate) => {
      const plain = find(region, name);
      fc.pre(plain === entry);
      const found = find(region, decorate(name, region));
      return found === entry;
    }),
    { numRuns: 3000 },
  );
});
