/**
 * What changed between two versions of the data, figure by figure: what refresh lists before it applies a new
 * version. Pure. A figure is a baseline (2019, 2020), the target or a staged target of one region's indicator;
 * it changed when its raw text, its number or its upper bound differs, or when it is new or gone.
 */
import { periodOf, type Dataset, type Entry, type Value } from '../plan/model';

export interface FigureChange {
  region: string;
  regionEn: string;
  /** Catalogue id. */
  indicator: string;
  /** The indicator as the plan names it (the new data's name, or the old one's when the entry is gone). */
  name: string;
  nameEn: string;
  /** "2019", "2020", "target" or a staged target's year. */
  field: string;
  /** The figure as written, null when absent on that side. */
  old: string | null;
  new: string | null;
  oldValue: number | null;
  newValue: number | null;
  /** Where the new figure is quoted from (seed:line), or the old one when it is gone. */
  source: string;
}

function figures(e: Entry): Map<string, Value> {
  const m = new Map<string, Value>();
  for (const y of periodOf(e).baselines) {
    const v = e.values[y];
    if (v) m.set(String(y), v);
  }
  if (e.target) m.set('target', e.target);
  for (const s of e.milestones ?? []) m.set(String(s.year), s);
  return m;
}

const sourceOf = (v: Value): string => `${v.source.seed}:${v.source.endLine ? `${v.source.line}-${v.source.endLine}` : v.source.line}`;

/** Every figure that differs between `old` and `next`, in the new data's order (regions, entries, fields). */
export function diffDatasets(old: Dataset, next: Dataset): FigureChange[] {
  const entriesOf = (d: Dataset): Map<string, Entry> =>
    // A region may have plans of two periods (a 十四五 seed and an imported 十五五 table): keyed by the target year too.
    new Map(d.regions.flatMap((r) => r.entries.map((e) => [`${r.name}\u0000${periodOf(r).target}\u0000${e.indicator.id}`, e] as const)));
  const before = entriesOf(old);
  const after = entriesOf(next);
  const keys = [...after.keys(), ...[...before.keys()].filter((k) => !after.has(k))];
  const out: FigureChange[] = [];
  for (const key of keys) {
    const a = before.get(key);
    const b = after.get(key);
    const fa = a ? figures(a) : new Map<string, Value>();
    const fb = b ? figures(b) : new Map<string, Value>();
    const fields = [...fb.keys(), ...[...fa.keys()].filter((f) => !fb.has(f))];
    for (const field of fields) {
      const va = fa.get(field);
      const vb = fb.get(field);
      if (va && vb && va.raw === vb.raw && va.value === vb.value && va.high === vb.high) continue;
      const e = (b ?? a) as Entry;
      out.push({
        region: e.region,
        regionEn: e.regionEn,
        indicator: e.indicator.id,
        name: e.name,
        nameEn: e.indicator.en,
        field,
        old: va ? va.raw : null,
        new: vb ? vb.raw : null,
        oldValue: va ? va.value : null,
        newValue: vb ? vb.value : null,
        source: sourceOf((vb ?? va) as Value),
      });
    }
  }
  return out;
}

/** One change as a line: "赣州 高新技术企业 目标：2000 → 2100（ganzhou.txt:288）". */
export function describeChange(c: FigureChange, lang: 'zh' | 'en'): string {
  const none = lang === 'zh' ? '（无）' : '(none)';
  const field = c.field === 'target' ? (lang === 'zh' ? '目标' : 'target') : c.field;
  return lang === 'zh'
    ? `${c.region} ${c.name} ${field}：${c.old ?? none} → ${c.new ?? none}（${c.source}）`
    : `${c.regionEn} ${c.nameEn} ${field}: ${c.old ?? none} → ${c.new ?? none} (${c.source})`;
}

/** A table the add-in inserted, as its record in the workbook says: its region and the data version it used. */
export interface RecordedTable {
  /** Region name, null when the table name names none. */
  region: string | null;
  /** The plan's reference (Plan.refOf), so a pane can tell which plans are in the workbook already. */
  ref?: string;
  /** Absent when the record was written before versions were kept. */
  dataVersion?: string;
}

export interface RefreshPreview {
  /** Changed figures of the regions whose tables used an older version, per old version. */
  changes: { from: string; list: FigureChange[] }[];
  /** Versions the tables recorded whose figures are not at hand (a package no longer served); "" when unrecorded. */
  unknown: string[];
}

/**
 * What refreshing the tables with `inUse` would change: null when every table already used it. `known` are the
 * datasets at hand (the compiled-in one, the one in use) to compare an older version against.
 */
export function changesSince(tables: RecordedTable[], inUse: Dataset, known: Dataset[]): RefreshPreview | null {
  const stale = tables.filter((t) => t.dataVersion !== inUse.version);
  if (!stale.length) return null;
  const versions = [...new Set(stale.map((t) => t.dataVersion ?? ''))];
  const preview: RefreshPreview = { changes: [], unknown: [] };
  for (const v of versions) {
    const old = v ? known.find((d) => d.version === v) : undefined;
    if (!old) {
      preview.unknown.push(v);
      continue;
    }
    const regions = new Set(stale.filter((t) => (t.dataVersion ?? '') === v).map((t) => t.region));
    preview.changes.push({ from: v, list: diffDatasets(old, inUse).filter((c) => regions.has(c.region)) });
  }
  return preview;
}

/**
 * Order of data versions: `DATA_VERSION` (SemVer) first, then the publication stamp after `+` (YYYYMMDDTHHMMSSZ, so
 * text order is time order); the compiled-in data, with no stamp, comes before any package published from it.
 */
export function compareDataVersions(a: string, b: string): number {
  const [av, as = ''] = a.split('+');
  const [bv, bs = ''] = b.split('+');
  const an = av.split('.').map(Number);
  const bn = bv.split('.').map(Number);
  for (let i = 0; i < Math.max(an.length, bn.length); i++) {
    const d = (an[i] || 0) - (bn[i] || 0);
    if (d) return Math.sign(d);
  }
  return as === bs ? 0 : as < bs ? -1 : 1;
}

/** The newest data version a table of the workbook was written with, when it is newer than the data in use; else null. */
export function newerThanInUse(tables: RecordedTable[], inUse: string): string | null {
  const newer = tables.map((t) => t.dataVersion).filter((v): v is string => !!v && compareDataVersions(v, inUse) > 0);
  return newer.length ? newer.sort(compareDataVersions)[newer.length - 1] : null;
}
