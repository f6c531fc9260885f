/** The dataset as plain JSON: what `plan export --json` prints and what others can load without this code. */
import { measureKind } from '../plan/compare';
import { periodOf, type Conflict, type Corroboration, type Dataset, type Entry, type Source, type Value } from '../plan/model';
import type { ParsedValue } from '../plan/parse';

/** A value as exported: everything parsed from its text, its main qualifier, and its source. */
type ExportedValue = ParsedValue & { qualifier: string | null; source: Source };

function exportValue(v: Value | Conflict | Corroboration): ExportedValue {
  const { raw, value, estimate, qualifiers, aspiration, bound, reach, low, high, increment, remark, qualitative, source } = v;
  // Optional fields left undefined are dropped by JSON.stringify.
  return {
    raw,
    value,
    estimate,
    qualifier: qualifiers[0] ?? null,
    qualifiers,
    aspiration,
    bound,
    reach,
    low,
    high,
    increment,
    remark,
    qualitative,
    source,
  };
}

function exportEntry(e: Entry): Record<string, unknown> {
  const values: Record<string, ExportedValue> = {};
  for (const [year, v] of Object.entries(e.values)) if (v) values[year] = exportValue(v);
  const first = e.target ?? Object.values(e.values)[0] ?? e.milestones?.[0];
  return {
    region: e.region,
    indicator: e.indicator.id,
    indicatorZh: e.indicator.zh,
    indicatorEn: e.indicator.en,
    name: e.name,
    unit: e.unit,
    direction: e.indicator.direction,
    kind: measureKind(e.indicator),
    definition: e.indicator.definition,
    row: e.row ?? null,
    remark: e.remark ?? null,
    wording: e.wording ?? null,
    values,
    target: e.target ? { year: periodOf(e).target, ...exportValue(e.target) } : null,
    source: first ? first.source : null,
    conflicts: e.conflicts.map((c) => ({ field: c.field, note: c.note, ...exportValue(c) })),
    milestones: (e.milestones ?? []).map((m) => ({ year: m.year, ...exportValue(m) })),
    corroborations: (e.corroborations ?? []).map((c) => ({ field: c.field, ...exportValue(c) })),
  };
}

export function exportDataset(d: Dataset): Record<string, unknown> {
  return {
    version: d.version,
    checksum: d.checksum,
    regions: d.regions.map((r) => ({
      name: r.name,
      fullName: r.fullName,
      en: r.en,
      level: r.level,
      seed: r.seed,
      planTitle: r.planTitle,
      issuingNumber: r.issuingNumber ?? null,
      issuedOn: r.issuedOn ?? null,
      table: r.table ?? null,
      entries: r.entries.length,
    })),
    catalogue: d.catalogue,
    entries: d.regions.flatMap((r) => r.entries.map(exportEntry)),
  };
}
