/** Reading a published data package back into a dataset: refused whole at the first fault, naming file, line and field. */
import { buildDataset } from '../plan/dataset';
import { PlanError } from '../errors';
import { importedIndicator, tableEntry, tableRegion, type TableFigure } from './import';
import type { Dataset, Entry, IndicatorDef, Period, Region } from '../plan/model';
import { baseYearOf, SEED_PERIOD } from '../plan/model';
import { Plan } from '../plan/plan';
import type { AuthoredEntry, AuthoredRegion, AuthoredValue } from '../../data/types';

import {
  ACTUAL_DETAILS,
  ACTUAL_YEARS,
  baselineText,
  fileOf,
  parseCsv,
  PERIOD,
  packageError,
  PLAN_YEARS,
  RESOURCES,
  SCHEMAS,
  type Actual,
  type Field,
  type ResourceName,
  type Sha256,
  KEYS,
  refuseDuplicates,
  utf8Length,
  type Row,
} from './packageFormat';
import { packageDataset, valueRows } from './packageWriter';

// ---------------------------------------------------------------- reading

/** Check one CSV file against its schema: the header, then each cell's type, required-ness and enum. */
function readTable(file: string, text: string, fields: Field[]): Row[] {
  const records = parseCsv(text, file);
  const all = fields.map((x) => x.name);
  // A package written before a column was added (Field.added) may leave it out; every other column is required.
  const older = fields.filter((x) => !x.added);
  const header = records.length ? records[0].cells.join(',') : '';
  if (header !== all.join(',') && header !== older.map((x) => x.name).join(',')) {
    throw packageError(file, 1, undefined, [`表头应为 ${all.join(',')}`, `the header should be ${all.join(',')}`]);
  }
  if (header !== all.join(',')) fields = older;
  const names = fields.map((x) => x.name);
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
  resources?: { name?: unknown; path?: unknown; hash?: unknown; bytes?: unknown }[];
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
        `校验和不符：datapackage.json 记为 ${m[1]}，文件实为 ${actual}；文件在发布后被改动过，或校验和未更新；编辑后请运行 plan seal <目录> 重新封存`,
        `checksum mismatch: datapackage.json says ${m[1]}, the file's is ${actual}; the file changed after publication, or its checksum was not updated; after an edit, run plan seal <dir> to seal the package again`,
      ]);
    }
    // The declared size is checked after the checksum: a file edited with its hash updated and its size not is refused.
    if (res.bytes !== undefined && res.bytes !== utf8Length(text)) {
      throw packageError(fileOf(name), undefined, 'bytes', [
        `大小不符：datapackage.json 记为 ${String(res.bytes)} 字节，文件实为 ${utf8Length(text)} 字节；编辑后请运行 plan seal <目录> 重新封存（它同时更新 bytes 与 hash）`,
        `size mismatch: datapackage.json says ${String(res.bytes)} bytes, the file has ${utf8Length(text)}; after an edit, run plan seal <dir> (it updates both bytes and hash)`,
      ]);
    }
    texts[name] = text;
  }
  const t = {} as Record<ResourceName, Row[]>;
  for (const name of RESOURCES) t[name] = readTable(fileOf(name), texts[name], SCHEMAS[name]);
  for (const name of RESOURCES) refuseDuplicates(fileOf(name), t[name], KEYS[name]);

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
    const a: Actual = { region: r.region, indicator: r.indicator, year, value: Number(r.value), source: r.source };
    for (const d of ACTUAL_DETAILS) if (r[d]) a[d] = r[d];
    return a;
  });
  const created = typeof desc.created === 'string' ? desc.created : undefined;
  return { dataset, base, imported, actuals, version: desc.version, ...(created ? { created } : {}) };
}
