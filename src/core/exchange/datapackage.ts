/**
 * The published data package: the dataset as a Frictionless Tabular Data Package (https://specs.frictionlessdata.io/),
 * a `datapackage.json` with a Table Schema per resource plus four CSV files, and the way back from such a package
 * to a dataset. Pure: no file system, no hashing library; the caller hands in file texts and a sha256 function.
 *
 *   regions.csv   one row per plan: region, period and baseline years, title, issuing number, seed file, origin …
 *   entries.csv   one row per indicator of a plan: the name and unit as written, table row, remark, 属性
 *   values.csv    one row per figure as written: role, field, year, raw text, parsed number, seed, line, quote, cell
 *   actuals.csv   official actual values by year with their source (publication, table, page or URL)
 *
 * A plan is keyed by its region and period, so a region may have plans of two periods (the seed 赣州 2021-2025 and
 * an imported 赣州 2026-2030). Plans from the seeds (origin `seed`) are rebuilt by the seed rules (./dataset.ts) and
 * have the seed period; plans imported from a table (origin `table`, ./import.ts) are rebuilt by the table rules with
 * their own period and keep their file and cell as provenance.
 *
 * Reading a package refuses it whole at the first fault, naming the file, the line and the field.
 */
import { buildDataset, checksumOf } from '../plan/dataset';
import { PlanError } from '../errors';
import { importedIndicator, tableEntry, tableRegion, type TableFigure } from './import';
import type { Dataset, Entry, IndicatorDef, Period, Region, Source } from '../plan/model';
import { baseYearOf, periodOf, periodText, SEED_PERIOD } from '../plan/model';
import { Plan } from '../plan/plan';
import type { AuthoredEntry, AuthoredRegion, AuthoredValue } from '../../data/types';

export const PACKAGE_NAME = 'jiangxi-plan-indicators';
/** The period of the plans built from the seeds (十四五): the only one the seed rules read. */
export const PERIOD = periodText(SEED_PERIOD);
/** The years a plan's period may speak of. */
export const PLAN_YEARS = { min: 1949, max: 2100 };

/** The baseline years as the package writes them: "2019;2020". */
export const baselineText = (p: Period): string => p.baselines.join(';');
export const ACTUAL_YEARS = { min: 2000, max: 2100 };

/** sha256 of a text's UTF-8 bytes, as lower-case hex. */
export type Sha256 = (text: string) => string;

type FieldType = 'string' | 'integer' | 'number' | 'date';
interface Field {
  name: string;
  type: FieldType;
  description: string;
  required?: boolean;
  enum?: string[];
}

const f = (name: string, type: FieldType, description: string, more: Partial<Field> = {}): Field => ({ name, type, description, ...more });

/** The Table Schema of each resource, in the order the resources are listed. */
export const SCHEMAS: Record<'regions' | 'entries' | 'values' | 'actuals', Field[]> = {
  regions: [
    f('region', 'string', 'Short Chinese name users type: 江西, 九江 …', { required: true }),
    f('full_name', 'string', 'Official full name', { required: true }),
    f('name_en', 'string', 'English name', { required: true }),
    f('level', 'string', 'province or city', { required: true, enum: ['province', 'city'] }),
    f('period', 'string', 'Plan period, first year-last year: the year after the last baseline, and the target year (2021-2025)', {
      required: true,
    }),
    f('baseline_years', 'string', 'Baseline years of the plan, ascending, separated by ";" (2019;2020)', { required: true }),
    f('plan_title', 'string', 'Title of the plan as written', { required: true }),
    f('issuing_number', 'string', 'Issuing document number (文号)'),
    f('issued_on', 'date', 'Date of issue'),
    f('seed', 'string', 'Seed file the figures are quoted from', { required: true }),
    f('table_title', 'string', 'Title of the indicator table as written'),
    f('table_line', 'integer', 'Line of the table title in the seed'),
    f('table_footnote', 'string', 'Footnote of the table as written'),
    f('origin', 'string', 'seed: a plan quoted from the seeds; table: a plan imported from an indicator table (CSV or xlsx)', {
      required: true,
      enum: ['seed', 'table'],
    }),
  ],
  entries: [
    f('region', 'string', 'Region (regions.csv)', { required: true }),
    f('indicator', 'string', 'Catalogue id of the indicator, or imported:<name> for one an imported table defines', { required: true }),
    f('name', 'string', 'Indicator name as the plan wrote it', { required: true }),
    f('unit', 'string', 'Unit as the plan wrote it (empty when it gives none, as for a qualitative target)'),
    f('row', 'integer', 'Row number (序号) in the plan table'),
    f('remark', 'string', 'Remark from the plan or the editors'),
    f('wording', 'string', "Where the plan's wording differs from the catalogue definition"),
    f('attribute', 'string', '属性 of an imported table: 预期性 (expected) or 约束性 (binding)', { enum: ['预期性', '约束性'] }),
    f('period', 'string', "The plan's period (regions.csv)", { required: true }),
  ],
  values: [
    f('region', 'string', 'Region (regions.csv)', { required: true }),
    f('indicator', 'string', 'Indicator id (entries.csv)', { required: true }),
    f('role', 'string', 'value: a baseline or the target; milestone: a staged target; conflict or corroboration: a second statement', {
      required: true,
      enum: ['value', 'milestone', 'conflict', 'corroboration'],
    }),
    f('field', 'string', 'A baseline year (2019, 2020), target, or a staged target year: which figure the row states or speaks of', {
      required: true,
    }),
    f('year', 'integer', 'Year the figure is for (empty for a second statement of the target)'),
    f('raw', 'string', 'The value exactly as written', { required: true }),
    f('value', 'number', 'The number read from raw (empty when raw states none)'),
    f('high', 'number', 'Upper end when raw states a range'),
    f('seed', 'string', 'Seed file', { required: true }),
    f('line', 'integer', '1-based line in the seed where the quote starts', { required: true }),
    f('end_line', 'integer', 'Last line of the quote when it spans lines'),
    f('source_kind', 'string', 'table or prose', { required: true, enum: ['table', 'prose'] }),
    f('quote', 'string', 'Exact text of the seed containing raw', { required: true }),
    f('note', 'string', 'For a conflict: what disagrees'),
    f('period', 'string', "The plan's period (regions.csv)", { required: true }),
    f('cell', 'string', 'For a plan imported from a table: the cell (A1 style) in the seed file or sheet'),
  ],
  actuals: [
    f('region', 'string', 'Region (regions.csv)', { required: true }),
    f('indicator', 'string', 'Indicator id (entries.csv)', { required: true }),
    f('year', 'integer', 'Year of the actual value', { required: true }),
    f('value', 'number', 'The official actual value, in the unit of the plan entry', { required: true }),
    f('source', 'string', 'Publication, table, page or URL', { required: true }),
  ],
};

export type ResourceName = keyof typeof SCHEMAS;
export const RESOURCES = Object.keys(SCHEMAS) as ResourceName[];
export const fileOf = (r: ResourceName): string => `${r}.csv`;

/** An official actual value: what `--actuals` reads and `actuals.csv` holds. */
export interface Actual {
  region: string;
  indicator: string;
  year: number;
  value: number;
  source: string;
}

// ---------------------------------------------------------------- CSV (RFC 4180)

/** CSV text: a field is quoted when it holds a comma, a quote, a line break or leading/trailing space. */
export function toCsv(rows: string[][]): string {
  const cell = (s: string): string => (/[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/** CSV records with the line each starts on. Throws on an unterminated quote. */
export function parseCsv(text: string, file: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) throw packageError(file, start, undefined, ['引号没有闭合', 'a quote is not closed']);
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (text[i] === '\n') line++;
          cell += text[i++];
        }
      }
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      cells.push(cell);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    if (!(cells.length === 1 && cells[0] === '')) out.push({ line: start, cells });
  }
  return out;
}

// ---------------------------------------------------------------- errors

/** A package or actuals file refused: the file, the line, the field and what is wrong, in zh and en. */
export class PackageError extends PlanError {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly field: string | undefined,
    what: readonly [string, string],
  ) {
    const where = (zh: boolean): string =>
      [
        file,
        line !== undefined ? (zh ? `第${line}行` : `line ${line}`) : '',
        field !== undefined ? (zh ? `字段 ${field}` : `field ${field}`) : '',
      ]
        .filter(Boolean)
        .join(zh ? '，' : ', ');
    super('BAD_ARGUMENT', `${where(true)}：${what[0]}`, `${where(false)}: ${what[1]}`);
    this.name = 'PackageError';
  }
}

function packageError(file: string, line: number | undefined, field: string | undefined, what: readonly [string, string]): PackageError {
  return new PackageError(file, line, field, what);
}

// ---------------------------------------------------------------- writing

const s = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

function sourceCells(src: Source): string[] {
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
    ]),
  );
  return {
    regions: [head('regions'), ...regions],
    entries: [head('entries'), ...entries],
    values: [head('values'), ...d.regions.flatMap((r) => r.entries.flatMap(valueRows))],
    actuals: [head('actuals'), ...actuals.map((a) => [a.region, a.indicator, s(a.year), s(a.value), a.source])],
  };
}

/** One row per figure of an entry, in the order `buildDataset` rebuilds them. */
function valueRows(e: Entry): string[][] {
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

const fieldYear = (field: string): number | undefined => (/^\d{4}$/.test(field) ? Number(field) : undefined);

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
    resources,
  };
  files['datapackage.json'] = JSON.stringify(descriptor, null, 2) + '\n';
  return files;
}

// ---------------------------------------------------------------- reading

type Row = Record<string, string> & { __line: string };

/** Check one CSV file against its schema: the header, then each cell's type, required-ness and enum. */
function readTable(file: string, text: string, fields: Field[]): Row[] {
  const records = parseCsv(text, file);
  const names = fields.map((x) => x.name);
  if (!records.length || records[0].cells.join(',') !== names.join(',')) {
    throw packageError(file, 1, undefined, [`表头应为 ${names.join(',')}`, `the header should be ${names.join(',')}`]);
  }
  return records.slice(1).map(({ line, cells }) => {
    if (cells.length !== names.length) {
      throw packageError(file, line, undefined, [
        `应有 ${names.length} 列，实有 ${cells.length} 列`,
        `${names.length} columns expected, ${cells.length} found`,
      ]);
    }
    const row = { __line: String(line) } as Row;
    fields.forEach((x, k) => {
      const v = cells[k];
      row[x.name] = v;
      const fail = (zh: string, en: string): never => {
        throw packageError(file, line, x.name, [zh, en]);
      };
      if (v === '') {
        if (x.required) fail('不能为空', 'must not be empty');
        return;
      }
      if (x.type === 'integer' && !/^-?\d+$/.test(v)) fail(`“${v}”不是整数`, `"${v}" is not a whole number`);
      if (x.type === 'number' && !(/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v) && Number.isFinite(Number(v))))
        fail(`“${v}”不是数值`, `"${v}" is not a number`);
      if (x.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(v)) fail(`“${v}”不是日期 YYYY-MM-DD`, `"${v}" is not a date YYYY-MM-DD`);
      if (x.enum && !x.enum.includes(v)) fail(`“${v}”应为 ${x.enum.join('、')} 之一`, `"${v}" should be one of ${x.enum.join(', ')}`);
    });
    return row;
  });
}

export interface LoadedPackage {
  /** Every plan of the package: those built from the seeds and, beside them, those imported from tables. */
  dataset: Dataset;
  /** The plans built by the seed rules only (no imported table). */
  base: Dataset;
  /** The plans imported from tables, in package order, each with its own period and cell provenance. */
  imported: Region[];
  actuals: Actual[];
  version: string;
  created?: string;
}

interface Descriptor {
  version?: unknown;
  created?: unknown;
  resources?: { name?: unknown; path?: unknown; hash?: unknown }[];
}

/** A plan imported from a table, as its rows of regions.csv, entries.csv and values.csv are read. */
interface TablePlan {
  region: Pick<Region, 'name' | 'fullName' | 'en' | 'level' | 'seed' | 'planTitle' | 'table'> & { period: Period };
  entries: TableEntrySpec[];
}
interface TableEntrySpec {
  line: number;
  indicator: string;
  name: string;
  unit: string;
  row: number;
  remark?: string;
  attribute?: Entry['attribute'];
  baselines: TableFigure[];
  target?: TableFigure;
  milestones: TableFigure[];
}

/** A plan's period from its `period` ("2026-2030") and `baseline_years` ("2025", "2019;2020"), checked against each other. */
function readPeriod(r: Row, fail: (field: string, what: [string, string]) => never): Period {
  const inRange = (y: number): boolean => y >= PLAN_YEARS.min && y <= PLAN_YEARS.max;
  const m = /^(\d{4})-(\d{4})$/.exec(r.period);
  if (!m || !inRange(Number(m[1])) || !inRange(Number(m[2])) || Number(m[1]) > Number(m[2]))
    fail('period', [`“${r.period}”应为“起始年-目标年”，如 2026-2030`, `"${r.period}" should be "first year-target year", e.g. 2026-2030`]);
  const years = r.baseline_years.split(';').map((y) => (/^\d{4}$/.test(y.trim()) ? Number(y.trim()) : NaN));
  if (years.some((y) => !inRange(y)) || years.some((y, i) => i > 0 && y <= years[i - 1]))
    fail('baseline_years', [
      `“${r.baseline_years}”应为由“;”分隔的递增年份，如 2019;2020`,
      `"${r.baseline_years}" should be years in ascending order separated by ";", e.g. 2019;2020`,
    ]);
  const period: Period = { baselines: years, target: Number(m![2]) };
  if (baseYearOf(period) + 1 !== Number(m![1]))
    fail('baseline_years', [
      `最后一个基期年 ${baseYearOf(period)} 应为时期“${r.period}”起始年的前一年`,
      `the last baseline year ${baseYearOf(period)} should be the year before the period "${r.period}" starts`,
    ]);
  return period;
}

/**
 * A dataset from a package's files (name → text): the descriptor, each resource's checksum, each table against its
 * schema, each indicator against the catalogue, each parsed number against its raw text. The whole package or
 * nothing: the first fault throws a PackageError.
 */
export function readPackage(files: (path: string) => string | undefined, catalogue: IndicatorDef[], sha256: Sha256): LoadedPackage {
  const DESC = 'datapackage.json';
  const descText = files(DESC);
  if (descText === undefined) throw packageError(DESC, undefined, undefined, ['找不到文件', 'file not found']);
  let desc: Descriptor;
  try {
    desc = JSON.parse(descText) as Descriptor;
  } catch (e) {
    throw packageError(DESC, undefined, undefined, [`不是有效的 JSON：${(e as Error).message}`, `not valid JSON: ${(e as Error).message}`]);
  }
  if (!desc || typeof desc !== 'object' || !Array.isArray(desc.resources)) {
    throw packageError(DESC, undefined, 'resources', ['缺少资源列表', 'no list of resources']);
  }
  if (typeof desc.version !== 'string' || !desc.version) throw packageError(DESC, undefined, 'version', ['缺少版本', 'no version']);
  const texts = {} as Record<ResourceName, string>;
  for (const name of RESOURCES) {
    const res = desc.resources.find((r) => r && r.name === name);
    if (!res) throw packageError(DESC, undefined, 'resources', [`缺少资源 ${name}`, `resource ${name} is missing`]);
    if (res.path !== fileOf(name)) {
      throw packageError(DESC, undefined, `resources.${name}.path`, [`应为 ${fileOf(name)}`, `should be ${fileOf(name)}`]);
    }
    const text = files(fileOf(name));
    if (text === undefined) throw packageError(fileOf(name), undefined, undefined, ['找不到文件', 'file not found']);
    const m = typeof res.hash === 'string' ? /^sha256:([0-9a-f]{64})$/i.exec(res.hash) : null;
    if (!m)
      throw packageError(DESC, undefined, `resources.${name}.hash`, ['应为 sha256:<64位十六进制>', 'should be sha256:<64 hex digits>']);
    const actual = sha256(text);
    if (actual !== m[1].toLowerCase()) {
      throw packageError(fileOf(name), undefined, 'hash', [
        `校验和不符：datapackage.json 记为 ${m[1]}，文件实为 ${actual}；文件在发布后被改动过，或校验和未更新`,
        `checksum mismatch: datapackage.json says ${m[1]}, the file's is ${actual}; the file changed after publication, or its checksum was not updated`,
      ]);
    }
    texts[name] = text;
  }
  const t = {} as Record<ResourceName, Row[]>;
  for (const name of RESOURCES) t[name] = readTable(fileOf(name), texts[name], SCHEMAS[name]);

  const byId = new Map(catalogue.map((d) => [d.id, d]));
  const line = (r: Row): number => Number(r.__line);
  const planKey = (region: string, period: string): string => `${region}\u0000${period}`;
  const seedPlans = new Map<string, AuthoredRegion>();
  const tablePlans = new Map<string, TablePlan>();
  for (const r of t.regions) {
    const fail = (field: string, what: [string, string]): never => {
      throw packageError(fileOf('regions'), line(r), field, what);
    };
    const period = readPeriod(r, fail);
    const key = planKey(r.region, r.period);
    if (seedPlans.has(key) || tablePlans.has(key))
      fail('period', [`地区“${r.region}”${r.period}期的规划重复`, `region "${r.region}" has two plans for ${r.period}`]);
    if (r.origin === 'table') {
      if (!r.table_title || !r.table_line)
        fail(r.table_title ? 'table_line' : 'table_title', [
          '从表格导入的规划须写明表格及表头行',
          'a plan from a table needs its table and header line',
        ]);
      for (const field of ['issuing_number', 'issued_on'] as const)
        if (r[field]) fail(field, ['只有来自种子的规划有文号和日期', 'only a plan from the seeds has an issuing number and date']);
      const table: NonNullable<Region['table']> = { title: r.table_title, line: Number(r.table_line) };
      if (r.table_footnote) table.footnote = r.table_footnote;
      tablePlans.set(key, {
        region: {
          name: r.region,
          fullName: r.full_name,
          en: r.name_en,
          level: r.level as Region['level'],
          seed: r.seed,
          planTitle: r.plan_title,
          table,
          period,
        },
        entries: [],
      });
      continue;
    }
    if (r.period !== PERIOD || r.baseline_years !== baselineText(SEED_PERIOD))
      fail(r.period !== PERIOD ? 'period' : 'baseline_years', [
        `来自种子的规划（origin 为 seed）本版本只读 ${PERIOD} 期、基期 ${baselineText(SEED_PERIOD)}，而不是“${r.period}”、基期“${r.baseline_years}”`,
        `a plan from the seeds (origin seed) is read for ${PERIOD} with baselines ${baselineText(SEED_PERIOD)} only, not "${r.period}" with "${r.baseline_years}"`,
      ]);
    const a: AuthoredRegion = {
      name: r.region,
      fullName: r.full_name,
      en: r.name_en,
      level: r.level as 'province' | 'city',
      seed: r.seed,
      planTitle: r.plan_title,
      meta: { titleLine: 0 }, // where the title stands in the seed is not part of the package
      entries: [],
      corroborations: [],
    };
    if (r.issuing_number) a.issuingNumber = r.issuing_number;
    if (r.issued_on) a.issuedOn = r.issued_on;
    if (r.table_title) {
      a.table = { title: r.table_title, line: Number(r.table_line) };
      if (r.table_footnote) a.table.footnote = r.table_footnote;
    }
    seedPlans.set(key, a);
  }
  /** The plan a row of entries, values or actuals belongs to: by region and period. */
  const planOf = (file: ResourceName, r: Row): { seed?: AuthoredRegion; table?: TablePlan } => {
    const key = planKey(r.region, r.period);
    if (seedPlans.has(key)) return { seed: seedPlans.get(key) };
    if (tablePlans.has(key)) return { table: tablePlans.get(key) };
    const known =
      [...seedPlans.values()].some((a) => a.name === r.region) || [...tablePlans.values()].some((p) => p.region.name === r.region);
    throw known
      ? packageError(fileOf(file), line(r), 'period', [
          `${r.region}没有${r.period}期的规划（regions.csv 中没有）`,
          `${r.region} has no plan for ${r.period} (not in regions.csv)`,
        ])
      : packageError(fileOf(file), line(r), 'region', [
          `未知地区“${r.region}”（regions.csv 中没有）`,
          `unknown region "${r.region}" (not in regions.csv)`,
        ]);
  };
  const known = (file: ResourceName, r: Row): void => {
    if (!byId.has(r.indicator)) {
      throw packageError(fileOf(file), line(r), 'indicator', [
        `未知指标“${r.indicator}”（不在指标目录中）`,
        `unknown indicator "${r.indicator}" (not in the catalogue)`,
      ]);
    }
  };
  const entries = new Map<string, AuthoredEntry>();
  const tableEntries = new Map<string, TableEntrySpec>();
  for (const r of t.entries) {
    const plan = planOf('entries', r);
    const key = `${planKey(r.region, r.period)}\u0000${r.indicator}`;
    if (entries.has(key) || tableEntries.has(key))
      throw packageError(fileOf('entries'), line(r), 'indicator', [
        `“${r.indicator}”在${r.region}重复`,
        `"${r.indicator}" appears twice for ${r.region}`,
      ]);
    if (plan.table) {
      const fail = (field: string, what: [string, string]): never => {
        throw packageError(fileOf('entries'), line(r), field, what);
      };
      if (r.indicator.startsWith('imported:')) {
        if (r.indicator !== `imported:${r.name}`)
          fail('indicator', [
            `导入表定义的指标应为“imported:${r.name}”`,
            `an indicator an imported table defines should be "imported:${r.name}"`,
          ]);
      } else known('entries', r);
      if (!r.row) fail('row', ['从表格导入的指标须写明表格行', 'an indicator from a table needs its table row']);
      if (r.wording) fail('wording', ['只用于来自种子的规划', 'for plans from the seeds only']);
      const spec: TableEntrySpec = {
        line: line(r),
        indicator: r.indicator,
        name: r.name,
        unit: r.unit,
        row: Number(r.row),
        baselines: [],
        milestones: [],
      };
      if (r.remark) spec.remark = r.remark;
      if (r.attribute) spec.attribute = r.attribute as Entry['attribute'];
      plan.table.entries.push(spec);
      tableEntries.set(key, spec);
      continue;
    }
    known('entries', r);
    if (r.attribute)
      throw packageError(fileOf('entries'), line(r), 'attribute', ['只用于从表格导入的规划', 'for plans imported from a table only']);
    const e: AuthoredEntry = { indicator: r.indicator, name: r.name, unit: r.unit, values: {} };
    if (r.row) e.row = Number(r.row);
    if (r.remark) e.remark = r.remark;
    if (r.wording) e.wording = r.wording;
    plan.seed!.entries.push(e);
    entries.set(key, e);
  }
  /** The line in values.csv of each figure of a plan from a table, for a refusal of its raw text. */
  const figureLine = new Map<TableFigure, number>();
  for (const r of t.values) {
    const plan = planOf('values', r);
    const key = `${planKey(r.region, r.period)}\u0000${r.indicator}`;
    const fail = (field: string, what: [string, string]): never => {
      throw packageError(fileOf('values'), line(r), field, what);
    };
    if (plan.seed || !r.indicator.startsWith('imported:')) known('values', r);
    if (!entries.has(key) && !tableEntries.has(key))
      fail('indicator', [
        `${r.region}没有指标“${r.indicator}”（entries.csv 中没有）`,
        `${r.region} has no entry "${r.indicator}" (not in entries.csv)`,
      ]);
    const seedFile = plan.seed ? plan.seed.seed : plan.table!.region.seed;
    if (r.seed !== seedFile) fail('seed', [`应为该规划的种子文件 ${seedFile}`, `should be the plan's seed file ${seedFile}`]);
    const field = r.field;
    if (plan.table) {
      const spec = tableEntries.get(key)!;
      const period = plan.table.region.period;
      if (r.source_kind !== 'table') fail('source_kind', ['从表格导入的数值应为 table', 'a figure from a table should be table']);
      for (const extra of ['end_line', 'note'] as const)
        if (r[extra]) fail(extra, ['只用于来自种子的规划', 'for plans from the seeds only']);
      if (r.quote !== r.raw) fail('quote', ['从表格导入的数值，quote 应与 raw 相同', 'for a figure from a table, quote should be raw']);
      const ref = /^[A-Z]{1,3}(\d+)$/.exec(r.cell);
      if (!ref || ref[1] !== r.line)
        fail('cell', [
          `“${r.cell}”应为第${r.line}行的单元格，如 C${r.line}`,
          `"${r.cell}" should be a cell of row ${r.line}, e.g. C${r.line}`,
        ]);
      const year = Number(r.year);
      const lastBase = baseYearOf(period);
      const expected = field === 'target' ? period.target : /^\d{4}$/.test(field) ? Number(field) : NaN;
      if (r.role === 'value' && !(field === 'target' || period.baselines.includes(expected)))
        fail('field', [
          `role 为 value 时应为基期年份 ${period.baselines.join('、')} 或 target`,
          `with role value, should be a baseline year (${period.baselines.join(', ')}) or target`,
        ]);
      if (r.role === 'milestone' && !(expected > lastBase && expected < period.target))
        fail('field', [
          `分阶段目标应为 ${lastBase + 1}–${period.target - 1} 之间的年份`,
          `a staged target should be a year in ${lastBase + 1}–${period.target - 1}`,
        ]);
      if (r.role !== 'value' && r.role !== 'milestone')
        fail('role', ['从表格导入的规划只有 value 和 milestone', 'a plan from a table has value and milestone rows only']);
      if (year !== expected) fail('year', [`应为 ${expected}`, `should be ${expected}`]);
      const figure: TableFigure = { year, raw: r.raw, line: Number(r.line), cell: r.cell };
      const taken = field === 'target' ? spec.target : (r.role === 'value' ? spec.baselines : spec.milestones).find((f) => f.year === year);
      if (taken) fail('field', [`${field} 的值重复`, `the ${field} figure appears twice`]);
      if (field === 'target') spec.target = figure;
      else (r.role === 'value' ? spec.baselines : spec.milestones).push(figure);
      figureLine.set(figure, line(r));
      continue;
    }
    if (r.cell) fail('cell', ['只用于从表格导入的规划', 'for plans imported from a table only']);
    const a = plan.seed!;
    const entry = entries.get(key)!;
    const v: AuthoredValue = { raw: r.raw, line: Number(r.line), kind: r.source_kind as 'table' | 'prose', quote: r.quote };
    if (r.end_line) v.endLine = Number(r.end_line);
    const fieldOk = field === '2019' || field === '2020' || field === 'target' || /^\d{4}$/.test(field);
    if (!fieldOk) fail('field', [`“${field}”应为 2019、2020、target 或年份`, `"${field}" should be 2019, 2020, target or a year`]);
    if (r.role === 'value') {
      if (field === 'target') {
        if (entry.target) fail('field', ['目标重复', 'the target appears twice']);
        entry.target = v;
      } else if (field === '2019' || field === '2020') {
        if (entry.values[field]) fail('field', [`${field}年的值重复`, `the ${field} value appears twice`]);
        entry.values[field] = v;
      } else fail('field', [`role 为 value 时应为 2019、2020 或 target`, 'with role value, should be 2019, 2020 or target']);
    } else if (r.role === 'milestone') {
      if (!/^\d{4}$/.test(field)) fail('field', ['分阶段目标应写年份', 'a staged target needs a year']);
      (entry.milestones ??= []).push({ ...v, year: Number(field) });
    } else if (r.role === 'conflict') {
      (entry.conflicts ??= []).push({ ...v, field, note: r.note });
    } else {
      (a.corroborations as NonNullable<AuthoredRegion['corroborations']>).push({ ...v, field, indicator: r.indicator });
    }
  }
  for (const a of seedPlans.values()) if (!a.corroborations?.length) delete a.corroborations;
  const base = buildDataset([...seedPlans.values()], catalogue, desc.version);
  const imported = [...tablePlans.values()].map((p) =>
    tableRegion({
      ...p.region,
      entries: p.entries.map((spec) =>
        tableEntry(
          {
            file: p.region.seed,
            region: p.region.name,
            en: p.region.en,
            indicator: byId.get(spec.indicator) ?? importedIndicator(spec.name, spec.unit, spec.target?.raw),
            name: spec.name,
            unit: spec.unit,
            period: p.region.period,
            row: spec.row,
            ...(spec.remark ? { remark: spec.remark } : {}),
            ...(spec.attribute ? { attribute: spec.attribute } : {}),
            baselines: [...spec.baselines].sort((x, y) => x.year - y.year),
            ...(spec.target ? { target: spec.target } : {}),
            milestones: spec.milestones,
          },
          (f) => {
            throw packageError(fileOf('values'), figureLine.get(f), 'raw', [
              `“${f.raw}”无法读取（千位分隔符或多个数字？）`,
              `"${f.raw}" cannot be read (a thousands separator or several numbers?)`,
            ]);
          },
        ),
      ),
    }),
  );
  const all = packageDataset(catalogue, [...base.regions, ...imported], desc.version);
  let dataset = base;
  if (imported.length) {
    try {
      dataset = { ...Plan.withImported(base, imported).dataset, version: desc.version, checksum: all.checksum };
    } catch (e) {
      if (!(e instanceof PlanError)) throw e;
      throw packageError(fileOf('regions'), undefined, 'period', [e.message, e.messageEn]);
    }
  }

  // Each parsed number must be what its raw text reads as: an edit to one without the other is refused.
  const rebuilt = all.regions.flatMap((r) => r.entries.flatMap(valueRows));
  const keyOf = (b: string[]): string => [b[0], b[1], b[2], b[3], b[5], b[8], b[9], b[12], b[14]].join('\u0000');
  const parsed = new Map(rebuilt.map((b) => [keyOf(b), b]));
  t.values.forEach((r) => {
    const b = parsed.get(keyOf([r.region, r.indicator, r.role, r.field, '', r.raw, '', '', r.seed, r.line, '', '', r.quote, '', r.period]));
    for (const [field, k] of [
      ['value', 6],
      ['high', 7],
    ] as const) {
      if (b && r[field] !== '' && Number(r[field]) !== Number(b[k])) {
        throw packageError(fileOf('values'), line(r), field, [
          `${r[field]} 与原文“${r.raw}”读出的 ${b[k] || '（无数值）'} 不符；改数时请同时改 raw 和 ${field}`,
          `${r[field]} does not match ${b[k] || '(no number)'}, which the raw text "${r.raw}" reads as; edit raw and ${field} together`,
        ]);
      }
      if (b && r[field] === '' && b[k] !== '') {
        throw packageError(fileOf('values'), line(r), field, [
          `为空，但原文“${r.raw}”读出 ${b[k]}`,
          `is empty, but the raw text "${r.raw}" reads as ${b[k]}`,
        ]);
      }
    }
  });

  const regionNames = new Set(all.regions.map((r) => r.name));
  const entryIds = new Set(all.regions.flatMap((r) => r.entries.map((e) => `${r.name}\u0000${e.indicator.id}`)));
  const actuals = t.actuals.map((r) => {
    if (!regionNames.has(r.region))
      throw packageError(fileOf('actuals'), line(r), 'region', [
        `未知地区“${r.region}”（regions.csv 中没有）`,
        `unknown region "${r.region}" (not in regions.csv)`,
      ]);
    if (!r.indicator.startsWith('imported:')) known('actuals', r);
    if (!entryIds.has(`${r.region}\u0000${r.indicator}`)) {
      throw packageError(fileOf('actuals'), line(r), 'indicator', [
        `${r.region}的规划中没有指标“${r.indicator}”`,
        `${r.region}'s plan has no indicator "${r.indicator}"`,
      ]);
    }
    const year = Number(r.year);
    if (year < ACTUAL_YEARS.min || year > ACTUAL_YEARS.max)
      throw packageError(fileOf('actuals'), line(r), 'year', [
        `年份 ${year} 不在 ${ACTUAL_YEARS.min}–${ACTUAL_YEARS.max}`,
        `year ${year} is outside ${ACTUAL_YEARS.min}–${ACTUAL_YEARS.max}`,
      ]);
    return { region: r.region, indicator: r.indicator, year, value: Number(r.value), source: r.source };
  });
  const created = typeof desc.created === 'string' ? desc.created : undefined;
  return { dataset, base, imported, actuals, version: desc.version, ...(created ? { created } : {}) };
}

// ---------------------------------------------------------------- the --actuals file

/** Columns of an `--actuals` file, in any order; a header row is required. */
export const ACTUALS_COLUMNS = ['region', 'indicator', 'year', 'value', 'source'] as const;

/**
 * Rows of an `--actuals` CSV, checked: each region and indicator resolved by `resolve` (names as users type them,
 * or catalogue ids), each year a whole number in range, each value a number ("1,200" and "1 200" are read).
 */
export function readActuals(
  file: string,
  text: string,
  resolve: (region: string, indicator: string, year: number) => { region: string; indicator: string },
): Actual[] {
  const records = parseCsv(text, file);
  if (!records.length) throw packageError(file, undefined, undefined, ['文件为空', 'the file is empty']);
  const head = records[0].cells.map((c) => c.trim().toLowerCase());
  for (const c of ACTUALS_COLUMNS) {
    if (!head.includes(c))
      throw packageError(file, 1, c, [
        `表头缺少列 ${c}（应有 ${ACTUALS_COLUMNS.join(',')}）`,
        `the header has no column ${c} (needs ${ACTUALS_COLUMNS.join(',')})`,
      ]);
  }
  const col = (cells: string[], c: string): string => (cells[head.indexOf(c)] ?? '').trim();
  const seen = new Set<string>();
  return records.slice(1).map(({ line, cells }) => {
    const fail = (field: string, what: [string, string]): never => {
      throw packageError(file, line, field, what);
    };
    for (const c of ACTUALS_COLUMNS) if (col(cells, c) === '') fail(c, ['不能为空', 'must not be empty']);
    const yearText = col(cells, 'year').replace(/年$/, '');
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= ACTUAL_YEARS.min && year <= ACTUAL_YEARS.max)) {
      fail('year', [
        `“${col(cells, 'year')}”不是 ${ACTUAL_YEARS.min}–${ACTUAL_YEARS.max} 之间的年份`,
        `"${col(cells, 'year')}" is not a year in ${ACTUAL_YEARS.min}–${ACTUAL_YEARS.max}`,
      ]);
    }
    let who: { region: string; indicator: string };
    try {
      who = resolve(col(cells, 'region'), col(cells, 'indicator'), year);
    } catch (e) {
      if (!(e instanceof PlanError)) throw e;
      const field = /REGION|NO_PLAN/.test(e.code) ? 'region' : 'indicator';
      return fail(field, [e.message, e.messageEn]);
    }
    const valueText = col(cells, 'value').replace(/[,\s，]/g, '');
    const value = /^-?(\d+\.?\d*|\.\d+)$/.test(valueText) ? Number(valueText) : NaN;
    if (!Number.isFinite(value)) fail('value', [`“${col(cells, 'value')}”不是数值`, `"${col(cells, 'value')}" is not a number`]);
    const key = `${who.region}\u0000${who.indicator}\u0000${year}`;
    if (seen.has(key))
      fail('year', [`${who.region} ${who.indicator} ${year}年已有一行`, `${who.region} ${who.indicator} ${year} already has a row`]);
    seen.add(key);
    return { region: who.region, indicator: who.indicator, year, value, source: col(cells, 'source') };
  });
}
