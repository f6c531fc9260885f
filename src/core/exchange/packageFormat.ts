/** The published data package's format: names, Table Schemas, CSV (RFC 4180), its errors, and the `--actuals` file. */
import { PlanError } from '../errors';
import { csvQuote, csvUnquote } from './formulaText';
import type { Period } from '../plan/model';
import { periodText, SEED_PERIOD } from '../plan/model';

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

export type FieldType = 'string' | 'integer' | 'number' | 'date';
export interface Field {
  name: string;
  type: FieldType;
  description: string;
  required?: boolean;
  enum?: string[];
  /** A column added in a later version: a package written before it may leave the column out. */
  added?: boolean;
}

export const f = (name: string, type: FieldType, description: string, more: Partial<Field> = {}): Field => ({
  name,
  type,
  description,
  ...more,
});

/** What an official actual may say of its source beyond the one-line `source`, as data/actuals/actuals.csv has it. */
export const ACTUAL_DETAILS = ['caliber', 'publisher', 'title', 'date', 'url', 'quote', 'reprint', 'derived', 'conflict'] as const;
export type ActualDetail = (typeof ACTUAL_DETAILS)[number];
const ACTUAL_DETAIL_TEXT: Record<ActualDetail, string> = {
  caliber: 'Caliber the source states',
  publisher: 'Publisher',
  title: 'Title',
  date: 'Date published',
  url: 'URL',
  quote: 'The sentence with the figure, verbatim',
  reprint: 'Who reprinted it, if not the publisher',
  derived: 'How it was computed, if it was',
  conflict: 'A source that disagrees',
};

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
    f(
      'kind',
      'string',
      'Kind of measure: flow (added over the plan period: 新增, 新建, 引进, 累计 …), level, share, growth, rank or qualitative',
      {
        enum: ['flow', 'level', 'share', 'growth', 'rank', 'qualitative'],
        added: true,
      },
    ),
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
    // Where the figure can be checked (data/actuals/README.md); a package written before them has none.
    ...ACTUAL_DETAILS.map((d) => f(d, 'string', ACTUAL_DETAIL_TEXT[d], { added: true })),
  ],
};

export type ResourceName = keyof typeof SCHEMAS;
export const RESOURCES = Object.keys(SCHEMAS) as ResourceName[];
export const fileOf = (r: ResourceName): string => `${r}.csv`;

/** An official actual value: what `--actuals` reads and `actuals.csv` holds; the details only where given. */
export interface Actual extends Partial<Record<ActualDetail, string>> {
  region: string;
  indicator: string;
  year: number;
  value: number;
  source: string;
}

// ---------------------------------------------------------------- CSV (RFC 4180)

/**
 * CSV text: a field is quoted when it holds a comma, a quote, a line break or leading/trailing space. A text that a
 * spreadsheet opening the file would run (it begins with = + - @ and is not a number) gets a leading apostrophe first
 * (OWASP's CSV-injection advice; ./formulaText.ts), which `parseCsv` takes off again.
 */
export function toCsv(rows: string[][]): string {
  const cell = (text: string): string => {
    const s = csvQuote(text);
    return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/**
 * CSV records with the line each starts on, each cell's apostrophe added by `toCsv` taken off (a cell of no formula
 * character keeps a leading apostrophe as written). Throws on an unterminated quote.
 */
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
      cells.push(csvUnquote(cell));
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

export function packageError(
  file: string,
  line: number | undefined,
  field: string | undefined,
  what: readonly [string, string],
): PackageError {
  return new PackageError(file, line, field, what);
}

// ---------------------------------------------------------------- the --actuals file

/** Columns of an `--actuals` file, in any order; a header row is required. ACTUAL_DETAILS and `unit` may be added. */
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
    const a: Actual = { region: who.region, indicator: who.indicator, year, value, source: col(cells, 'source') };
    for (const d of ACTUAL_DETAILS) if (col(cells, d) !== '') a[d] = col(cells, d);
    return a;
  });
}

/** A row of a resource as read: its cells by field name, and the line it stands on. */
export type Row = Record<string, string> & { __line: string };

/**
 * What identifies a row of each resource: two rows with one key would let the last one win silently (two actual values
 * for one cell, a staged target of 600 and of 900 for one year). Second statements (conflicts, corroborations) may repeat.
 */
export const KEYS: Record<ResourceName, ((r: Row) => string | null) | null> = {
  regions: (r) => `${r.region}|${r.period}`,
  entries: (r) => `${r.region}|${r.period}|${r.indicator}`,
  values: (r) => (r.role === 'value' || r.role === 'milestone' ? `${r.region}|${r.period}|${r.indicator}|${r.role}|${r.field}` : null),
  actuals: (r) => `${r.region}|${r.indicator}|${r.year}`,
};

/** Refuses the second of two rows with one key, naming both lines. */
export function refuseDuplicates(file: string, rows: Row[], key: ((r: Row) => string | null) | null): void {
  if (!key) return;
  const seen = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const first = seen.get(k);
    if (first !== undefined)
      throw packageError(file, Number(r.__line), undefined, [
        `与第${first}行重复（${k.split('|').filter(Boolean).join('，')}）：每项只能有一行`,
        `repeats line ${first} (${k.split('|').filter(Boolean).join(', ')}): one row each`,
      ]);
    seen.set(k, Number(r.__line));
  }
}

/** The length of a text in UTF-8 bytes, as `bytes` in datapackage.json counts it. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
