/** Writing the published data package: the dataset as Table Schema resources and CSV rows. */
import { measureKind } from '../plan/compare';
import { checksumOf } from '../plan/dataset';
import type { Dataset, Entry, IndicatorDef, Region, Source } from '../plan/model';
import { periodOf, periodText } from '../plan/model';

import {
  ACTUAL_DETAILS,
  baselineText,
  fileOf,
  RESOURCES,
  SCHEMAS,
  toCsv,
  type Actual,
  type ResourceName,
  type Sha256,
  PACKAGE_NAME,
} from './packageFormat';

// ---------------------------------------------------------------- writing

export const s = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

export function sourceCells(src: Source): string[] {
  return [src.seed, s(src.line), s(src.endLine), src.kind, src.quote];
}

/**
 * Every plan of a package as one dataset: the regions in package order (plans from the seeds first), the catalogue
 * followed by the indicators imported tables define, and the checksum over both. For the seed plans alone this is
 * the compiled-in dataset's checksum.
 */
export function packageDataset(catalogue: IndicatorDef[], regions: Region[], version: string): Dataset {
  const all = [...catalogue];
  const ids = new Set(all.map((d) => d.id));
  for (const r of regions)
    for (const e of r.entries)
      if (!ids.has(e.indicator.id)) {
        ids.add(e.indicator.id);
        all.push(e.indicator);
      }
  return { version, checksum: checksumOf(regions, all), regions, catalogue: all };
}

/** The rows of each resource (header first) for a dataset and its actuals. */
export function packageTables(d: Dataset, actuals: Actual[]): Record<ResourceName, string[][]> {
  const head = (r: ResourceName): string[] => SCHEMAS[r].map((x) => x.name);
  const regions = d.regions.map((r) => [
    r.name,
    r.fullName,
    r.en,
    r.level,
    periodText(periodOf(r)),
    baselineText(periodOf(r)),
    r.planTitle,
    s(r.issuingNumber),
    s(r.issuedOn),
    r.seed,
    s(r.table?.title),
    s(r.table?.line),
    s(r.table?.footnote),
    r.imported ? 'table' : 'seed',
  ]);
  const entries = d.regions.flatMap((r) =>
    r.entries.map((e) => [
      r.name,
      e.indicator.id,
      e.name,
      e.unit,
      s(e.row),
      s(e.remark),
      s(e.wording),
      s(e.attribute),
      periodText(periodOf(r)),
      measureKind(e.indicator),
    ]),
  );
  return {
    regions: [head('regions'), ...regions],
    entries: [head('entries'), ...entries],
    values: [head('values'), ...d.regions.flatMap((r) => r.entries.flatMap(valueRows))],
    actuals: [
      head('actuals'),
      ...actuals.map((a) => [a.region, a.indicator, s(a.year), s(a.value), a.source, ...ACTUAL_DETAILS.map((d) => s(a[d]))]),
    ],
  };
}

/** One row per figure of an entry, in the order `buildDataset` rebuilds them. */
export function valueRows(e: Entry): string[][] {
  const row = (
    role: string,
    field: string,
    year: number | undefined,
    v: { raw: string; value: number | null; high?: number },
    src: Source,
    note = '',
  ) => [e.region, e.indicator.id, role, field, s(year), v.raw, s(v.value), s(v.high), ...sourceCells(src), note, period, s(src.cell)];
  const period = periodText(periodOf(e));
  const rows: string[][] = [];
  for (const year of periodOf(e).baselines) {
    const v = e.values[year];
    if (v) rows.push(row('value', String(year), year, v, v.source));
  }
  if (e.target) rows.push(row('value', 'target', e.target.year, e.target, e.target.source));
  for (const m of e.milestones ?? []) rows.push(row('milestone', String(m.year), m.year, m, m.source));
  for (const c of e.conflicts) rows.push(row('conflict', c.field, fieldYear(c.field), c, c.source, c.note));
  for (const c of e.corroborations ?? []) rows.push(row('corroboration', c.field, fieldYear(c.field), c, c.source));
  return rows;
}

export const fieldYear = (field: string): number | undefined => (/^\d{4}$/.test(field) ? Number(field) : undefined);

/** The package version: the dataset's version, then "+" and the publication stamp (UTC, YYYYMMDDTHHMMSSZ). */
export function packageVersion(dataVersion: string, published: Date): string {
  return `${dataVersion}+${published
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`;
}

/** `datapackage.json` and the CSV files of a package, ready to write. */
export function buildPackage(
  d: Dataset,
  actuals: Actual[],
  dataVersion: string,
  published: Date,
  sha256: Sha256,
  byteLength: (text: string) => number,
  /** The version of the official actuals (data/actuals), when they are the compiled-in ones. */
  actualsVersion?: string,
): Record<string, string> {
  const tables = packageTables(d, actuals);
  const files: Record<string, string> = {};
  const resources = RESOURCES.map((name) => {
    const text = toCsv(tables[name]);
    files[fileOf(name)] = text;
    return {
      name,
      path: fileOf(name),
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      bytes: byteLength(text),
      hash: `sha256:${sha256(text)}`,
      schema: {
        fields: SCHEMAS[name].map((x) => ({
          name: x.name,
          type: x.type,
          description: x.description,
          ...(x.required || x.enum
            ? { constraints: { ...(x.required ? { required: true } : {}), ...(x.enum ? { enum: x.enum } : {}) } }
            : {}),
        })),
      },
    };
  });
  const descriptor = {
    profile: 'tabular-data-package',
    name: PACKAGE_NAME,
    title: '江西省及九江、吉安、上饶、赣州“十四五”科技创新规划指标 / Jiangxi S&T plan indicators, 14th Five-Year Plan',
    version: packageVersion(dataVersion, published),
    created: published.toISOString().replace(/\.\d+Z$/, 'Z'),
    dataVersion,
    datasetChecksum: d.checksum,
    ...(actualsVersion ? { actualsVersion } : {}),
    resources,
  };
  files['datapackage.json'] = JSON.stringify(descriptor, null, 2) + '\n';
  return files;
}
