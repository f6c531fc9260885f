import type { AuthoredRegion, AuthoredValue, IndicatorDef } from '../../data/types';
import {
  isSeedPeriod,
  SEED_PERIOD,
  type Conflict,
  type Corroboration,
  type Dataset,
  type Entry,
  type Period,
  type Region,
  type Source,
  type Value,
} from './model';
import { isFlow } from './compare';
import { parseValue, type ParsedValue } from './parse';

function sourceOf(seed: string, v: AuthoredValue): Source {
  const s: Source = { seed, line: v.line, kind: v.kind, quote: v.quote };
  if (v.endLine !== undefined) s.endLine = v.endLine;
  return s;
}

/** The figure a value or increment is measured from: the latest baseline the plan states. */
function baselineNumber(values: Entry['values']): number | null {
  return values[2020]?.value ?? values[2019]?.value ?? null;
}

/**
 * FNV-1a, 64-bit, over UTF-16 code units; pure so that every door computes the same checksum. The 64-bit
 * product is computed on four 16-bit limbs (no BigInt: the legacy pane runs in IE11, which has none).
 */
export function fnv1a64(text: string): string {
  // Offset basis 0xcbf29ce484222325, least significant limb first; the prime 0x100000001b3 has limbs 0x01b3 (0) and
  // 0x0100 (2), so each limb of the product is at most two terms plus the carry, all well inside 2^31.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    h0 ^= text.charCodeAt(i);
    let s = h0 * 0x1b3;
    const n0 = s & 0xffff;
    s = h1 * 0x1b3 + (s >>> 16);
    const n1 = s & 0xffff;
    s = h2 * 0x1b3 + h0 * 0x100 + (s >>> 16);
    const n2 = s & 0xffff;
    s = h3 * 0x1b3 + h1 * 0x100 + (s >>> 16);
    h3 = s & 0xffff;
    h2 = n2;
    h1 = n1;
    h0 = n0;
  }
  const limb = (n: number): string => ('000' + n.toString(16)).slice(-4);
  return limb(h3) + limb(h2) + limb(h1) + limb(h0);
}

/**
 * Turn the authored regions (raw text with sources) into the dataset every door reads: each value parsed,
 * each source given its seed file, each entry linked to its catalogue indicator.
 */
export function buildDataset(authored: AuthoredRegion[], catalogue: IndicatorDef[], version: string): Dataset {
  const byId = new Map(catalogue.map((d) => [d.id, d]));
  const regions: Region[] = authored.map((a) => {
    const entries: Entry[] = a.entries.map((e) => {
      const indicator = byId.get(e.indicator);
      if (!indicator) throw new Error(`${a.name}: entry "${e.name}" names unknown indicator "${e.indicator}"`);
      // For a flow measure ("新增…" over the period) the figure is the flow itself, not an increment on a level.
      const opts = { flow: isFlow(indicator) };
      const values: Entry['values'] = {};
      for (const year of [2019, 2020] as const) {
        const v = e.values[String(year) as '2019' | '2020'];
        if (v) values[year] = { ...parseValue(v.raw, null, opts), year, source: sourceOf(a.seed, v) };
      }
      const base = baselineNumber(values);
      const target: Value | undefined = e.target
        ? { ...parseValue(e.target.raw, base, opts), year: 2025, source: sourceOf(a.seed, e.target) }
        : undefined;
      const conflicts: Conflict[] = (e.conflicts ?? []).map((c) => ({
        ...parseValue(c.raw, c.field === 'target' ? base : null, opts),
        field: c.field,
        note: c.note,
        source: sourceOf(a.seed, c),
      }));
      const entry: Entry = {
        region: a.name,
        regionEn: a.en,
        indicator,
        name: e.name,
        unit: e.unit,
        values,
        conflicts,
        period: SEED_PERIOD,
      };
      if (target) entry.target = target;
      if (e.milestones?.length) {
        entry.milestones = e.milestones
          .map((m) => ({ ...parseValue(m.raw, base), year: m.year, source: sourceOf(a.seed, m) }))
          .sort((x, y) => x.year - y.year);
      }
      const corroborations: Corroboration[] = (a.corroborations ?? [])
        .filter((c) => c.indicator === e.indicator)
        .map((c) => ({
          ...parseValue(c.raw, c.field === '2019' || c.field === '2020' ? null : base),
          field: c.field,
          source: sourceOf(a.seed, c),
        }));
      if (corroborations.length) entry.corroborations = corroborations;
      if (e.row !== undefined) entry.row = e.row;
      if (e.remark !== undefined) entry.remark = e.remark;
      if (e.wording !== undefined) entry.wording = e.wording;
      return entry;
    });
    // A rate the plan states for the same measure ("年均增长17%") makes the level's expected path the plan's own.
    for (const rate of entries) {
      const of = rate.indicator.definition.rateOf;
      const level = of ? entries.find((x) => x.indicator.id === of) : undefined;
      if (level && rate.target && rate.target.value !== null) level.pathRate = { name: rate.name, target: rate.target };
    }
    for (const c of a.corroborations ?? []) {
      if (!a.entries.some((e) => e.indicator === c.indicator)) {
        throw new Error(`${a.name}: corroboration on line ${c.line} names indicator "${c.indicator}", which has no entry in this region`);
      }
    }
    const region: Region = {
      name: a.name,
      fullName: a.fullName,
      en: a.en,
      level: a.level,
      seed: a.seed,
      planTitle: a.planTitle,
      period: SEED_PERIOD,
      entries,
    };
    if (a.issuingNumber) region.issuingNumber = a.issuingNumber;
    if (a.issuedOn) region.issuedOn = a.issuedOn;
    if (a.table) region.table = a.table;
    return region;
  });
  // The checksum (a hash of the whole dataset as JSON) is computed when first read: every pane builds the dataset at
  // start, and only a workbook being written or a package being compared reads it (issue 30: ready at once).
  let checksum: string | undefined;
  return {
    version,
    get checksum(): string {
      return (checksum ??= checksumOf(regions, catalogue));
    },
    regions,
    catalogue,
  };
}

/**
 * The checksum of regions and catalogue. The seed plans' period (2019/2020→2025) is left out, so that the seed data's
 * checksum is what it was before plans carried a period; any other period counts.
 */
export function checksumOf(regions: Region[], catalogue: IndicatorDef[]): string {
  return fnv1a64(JSON.stringify({ regions, catalogue }, (k, v: unknown) => (k === 'period' && isSeedPeriod(v as Period) ? undefined : v)));
}

/** The entry's value that a corroboration or conflict speaks of: "2019", "2020", "target" or a staged target's year. */
export function valueForField(e: Entry, field: string): Value | undefined {
  if (field === '2019' || field === '2020') return e.values[Number(field) as 2019 | 2020];
  if (field === 'target') return e.target;
  return e.milestones?.find((m) => String(m.year) === field);
}

/** True when a second statement commits to the same figure as the entry's value (same number, same range). */
export function sameFigure(entryValue: ParsedValue, other: ParsedValue): boolean {
  if (entryValue.value === null || other.value === null) return false;
  return entryValue.value === other.value && (entryValue.high ?? entryValue.value) === (other.high ?? other.value);
}
