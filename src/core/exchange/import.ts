/**
 * A plan's indicator table as a statistician has it (a CSV file, a sheet, a selected range), read into a plan with
 * its own period. Pure: the table arrives as rows of cell texts; reading the file is the caller's job.
 *
 * The header row has a name column (指标 / 指标名称 / 名称 / 项目; the unit in parentheses, or its own 单位 column),
 * year columns whose header says the year ("2024年", "2024年(基期)", "2030年目标") and optionally 属性
 * (预期性/约束性) and 备注. The target year is the column marked 目标, else the latest year; the baselines are the
 * columns marked 基期, else every other year up to the latest marked baseline; years between the last baseline and
 * the target are staged targets (milestones). Values are parsed by the seed plans' rules (./parse.ts) and kept as
 * written; each keeps its file and cell as provenance ("南昌.csv!C4"). A table that cannot be read is refused
 * whole, with the row and cell that stopped it.
 */
import type { IndicatorDef, IndicatorKind, PeriodType } from '../../data/types';
import { isFlow } from '../plan/compare';
import { PlanError } from '../errors';
import type { Entry, Milestone, Period, Region, Source, Value } from '../plan/model';
import { parseValue } from '../plan/parse';
import { Resolver } from '../plan/resolve';
import { readsAsFormula } from './formulaText';
import { a1 } from '../sheet/cells';
import { PLAN_YEARS } from './packageFormat';

export interface ImportOptions {
  /** The table's file name (or sheet and range), the provenance of every value: "南昌.csv". */
  file: string;
  /** The region's short name: 南昌. */
  region: string;
  /** Its English name, for messages in English; else that of the region of this name in `regions`, else the Chinese name. */
  en?: string;
  /** The regions the data already has: a table of one of them (a 十五五 table of 赣州) keeps its English name. */
  regions?: Region[];
  /** The catalogue that names resolve against (a name that matches none gets an `imported:` indicator). */
  catalogue: IndicatorDef[];
}

type Role = 'number' | 'name' | 'unit' | 'attribute' | 'remark' | 'year' | 'other';
interface Column {
  index: number;
  role: Role;
  year?: number;
  mark?: 'baseline' | 'target';
}

const EMPTY = new Set(['', '-', '—', '－', '/', '／', '——']);
const ATTRIBUTES = ['预期性', '约束性'] as const;

/** "A", "B", … "AA": the column letter of a 0-based index. */
function letter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function clean(text: string | undefined): string {
  return (text ?? '').replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/\s+/g, ' ').trim();
}

function fail(zh: string, en: string): never {
  throw new PlanError('BAD_ARGUMENT', zh, en);
}

function readHeader(cells: string[]): Column[] {
  return cells.map((raw, index) => {
    const h = clean(raw).replace(/\s/g, '');
    const y = /^(\d{4})年?(.*)$/.exec(h);
    if (y) {
      const rest = y[2];
      const mark = /目标/.test(rest) ? 'target' : /基期|基数|基准/.test(rest) ? 'baseline' : undefined;
      return { index, role: 'year', year: Number(y[1]), mark };
    }
    if (/^(序号|编号)$/.test(h)) return { index, role: 'number' };
    if (/单位/.test(h)) return { index, role: 'unit' };
    if (/属性/.test(h)) return { index, role: 'attribute' };
    if (/备注|说明/.test(h)) return { index, role: 'remark' };
    if (/指标|名称|项目/.test(h)) return { index, role: 'name' };
    return { index, role: 'other' };
  });
}

/** A cell as a message quotes it: at most 40 characters. */
function quoted(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Refuse a cell a spreadsheet would read as a formula (core/exchange/formulaText.ts), naming it: a plan table never
 * needs one, and a formula that came in as a name or a figure must not reach a sheet.
 */
function refuseFormula(text: string, at: string): void {
  if (!readsAsFormula(text)) return;
  fail(
    `${at}：单元格“${quoted(text)}”会被电子表格当作公式读取；规划表不需要公式，请删去开头的 = + - @ 后再导入`,
    `${at}: the cell "${quoted(text)}" would be read as a formula by a spreadsheet; a plan table needs none: remove the leading = + - @ and import again`,
  );
}

/** The period the year columns declare, and which column holds which role. */
function periodOf(years: Column[], file: string, headerRow: number): { period: Period; milestones: Column[] } {
  const seen = new Set<number>();
  for (const c of years) {
    if (c.year! < PLAN_YEARS.min || c.year! > PLAN_YEARS.max) {
      fail(
        `${file}!${letter(c.index)}${headerRow}：年份 ${c.year} 不在 ${PLAN_YEARS.min}–${PLAN_YEARS.max} 之间`,
        `${file}!${letter(c.index)}${headerRow}: the year ${c.year} is not between ${PLAN_YEARS.min} and ${PLAN_YEARS.max}`,
      );
    }
    if (seen.has(c.year!)) {
      fail(
        `${file}第${headerRow}行：${c.year}年的列出现两次（${letter(c.index)}${headerRow}）`,
        `${file} row ${headerRow}: the year ${c.year} has two columns (${letter(c.index)}${headerRow})`,
      );
    }
    seen.add(c.year!);
  }
  const marked = years.filter((c) => c.mark === 'target');
  if (marked.length > 1) {
    fail(
      `${file}第${headerRow}行：有多个目标列（${marked.map((c) => `${letter(c.index)}${headerRow}`).join('、')}）`,
      `${file} row ${headerRow}: more than one target column (${marked.map((c) => `${letter(c.index)}${headerRow}`).join(', ')})`,
    );
  }
  const target = marked[0]?.year ?? Math.max(...years.map((c) => c.year!));
  const markedBase = years.filter((c) => c.mark === 'baseline').map((c) => c.year!);
  const lastBase = markedBase.length ? Math.max(...markedBase) : Math.max(...years.filter((c) => c.year! < target).map((c) => c.year!));
  if (!Number.isFinite(lastBase) || lastBase >= target) {
    fail(
      `${file}第${headerRow}行：找不到早于目标年（${target}年）的基期列；请在表头写明年份，如“2024年(基期)”“2030年目标”`,
      `${file} row ${headerRow}: no baseline column before the target year (${target}); write the years in the header, e.g. "2024年(基期)", "2030年目标"`,
    );
  }
  const baselines = years
    .map((c) => c.year!)
    .filter((y) => y <= lastBase)
    .sort((a, b) => a - b);
  const milestones = years.filter((c) => c.year! > lastBase && c.year! < target);
  return { period: { baselines, target }, milestones };
}

/** The name and the unit in parentheses at its end: "高新技术企业数(家)" → ["高新技术企业数", "家"]. */
function splitUnit(name: string): [string, string] {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(name);
  return m && m[1] ? [m[1].trim(), m[2].trim()] : [name, ''];
}

/** A cell whose figures the seed rules would read only in part ("1,200", "2.8.1"): refused rather than misread. */
function unreadable(raw: string, parsed: ReturnType<typeof parseValue>): boolean {
  const numbers = raw.match(/\d+(?:\.\d+)?/g) ?? [];
  if (numbers.length > 2) return true;
  if (numbers.length === 2) return parsed.high === undefined && parsed.increment?.high === parsed.increment?.low;
  if (numbers.length === 1) return parsed.value === null && !parsed.increment;
  return false;
}

/** An indicator of the imported plan that no catalogue name matches: defined by its name, unit and target. */
export function importedIndicator(name: string, unit: string, target: string | undefined): IndicatorDef {
  const down = /下降|降低|减少|能耗/.test(name);
  const rank = /^(位|名|位次)$/.test(unit) || /位次|排名/.test(name);
  const qualitative = target !== undefined && !/\d/.test(target);
  const kind: IndicatorKind = qualitative
    ? 'qualitative'
    : rank
      ? 'rank'
      : /增长|增速/.test(name) && unit === '%'
        ? 'growth'
        : unit === '%'
          ? 'share'
          : 'level';
  const period: PeriodType =
    kind === 'qualitative' ? 'qualitative' : kind === 'rank' ? 'position' : kind === 'growth' ? 'annual_growth' : 'stock';
  return {
    id: `imported:${name}`,
    zh: name,
    en: name,
    unit,
    unitEn: unit,
    direction: down || rank ? 'down' : 'up',
    kind,
    aliases: [],
    note: '由导入的规划表定义 / defined by an imported plan table',
    definition: { zh: name, en: name, period, unit },
  };
}

/** A figure of an imported table as written: its year, its text, and where (table row, A1 cell). */
export interface TableFigure {
  year: number;
  raw: string;
  line: number;
  cell: string;
}

/** What an imported table states of one indicator: everything its entry is built from. */
export interface TableRow {
  /** The table's provenance: "南昌.csv", "[南昌.xlsx]指标". */
  file: string;
  region: string;
  en: string;
  indicator: IndicatorDef;
  name: string;
  unit: string;
  period: Period;
  row: number;
  remark?: string;
  attribute?: Entry['attribute'];
  /** In year order. */
  baselines: TableFigure[];
  target?: TableFigure;
  milestones: TableFigure[];
}

/**
 * The entry of one row of an imported table, its figures parsed by the seed rules (a target or staged target on the
 * last stated baseline). Shared by the table reader and the data package reader, so both build the same entry.
 * `refuse` is called for a figure the rules would read only in part ("1,200").
 */
export function tableEntry(t: TableRow, refuse: (f: TableFigure) => never): Entry {
  const flow = { flow: isFlow(t.indicator) };
  const read = (f: TableFigure, base: number | null): Value => {
    const parsed = parseValue(f.raw, base, flow);
    if (unreadable(f.raw, parsed)) refuse(f);
    const source: Source = { seed: t.file, line: f.line, kind: 'table', quote: f.raw, cell: f.cell };
    return { ...parsed, year: f.year, source };
  };
  const values: Entry['values'] = {};
  for (const f of t.baselines) values[f.year] = read(f, null);
  let base: number | null = null;
  for (const y of [...t.period.baselines].reverse()) if (base === null && values[y]?.value != null) base = values[y]!.value;
  const entry: Entry = {
    region: t.region,
    regionEn: t.en,
    indicator: t.indicator,
    name: t.name,
    unit: t.unit,
    values,
    conflicts: [],
    period: t.period,
  };
  if (t.target) entry.target = read(t.target, base);
  const ms: Milestone[] = t.milestones.map((f) => read(f, base));
  if (ms.length) entry.milestones = ms.sort((a, b) => a.year - b.year);
  entry.row = t.row;
  if (t.remark) entry.remark = t.remark;
  if (t.attribute) entry.attribute = t.attribute;
  return entry;
}

/** The region of an imported table, its fields in the order the table reader gives them. */
export function tableRegion(
  r: Pick<Region, 'name' | 'fullName' | 'en' | 'level' | 'seed' | 'planTitle' | 'table' | 'period' | 'entries'>,
): Region {
  return {
    name: r.name,
    fullName: r.fullName,
    en: r.en,
    level: r.level,
    seed: r.seed,
    planTitle: r.planTitle,
    table: r.table,
    period: r.period,
    imported: true,
    entries: r.entries,
  };
}

/** What a plan table may hold: a plan has tens of rows (100,000 is the most the import is measured at, `npm run bench`), and a
 * cell holds at most what an Excel cell does. */
export const TABLE_LIMITS = { rows: 100000, cellLength: 32767 };

/** Refuses a table over TABLE_LIMITS before any of it is read, naming the limit and, for a cell, the cell. */
function checkSize(rows: string[][], file: string): void {
  if (rows.length > TABLE_LIMITS.rows)
    fail(
      `${file}：表有 ${rows.length} 行，规划表最多 ${TABLE_LIMITS.rows} 行`,
      `${file}: the table has ${rows.length} rows; a plan table has at most ${TABLE_LIMITS.rows}`,
    );
  rows.forEach((r, i) =>
    r.forEach((cell, j) => {
      if (cell.length > TABLE_LIMITS.cellLength)
        fail(
          `${file}!${a1(i, j)}：单元格有 ${cell.length} 个字符，Excel 的单元格最多 ${TABLE_LIMITS.cellLength} 个`,
          `${file}!${a1(i, j)}: the cell has ${cell.length} characters; an Excel cell holds at most ${TABLE_LIMITS.cellLength}`,
        );
    }),
  );
}

/** Read a plan's indicator table (rows of cell texts, as in the file) into a region with its own period. */
export function importPlanTable(rows: string[][], opts: ImportOptions): Region {
  const { file } = opts;
  checkSize(rows, file);
  const region = opts.region.trim();
  const en = opts.en?.trim() || opts.regions?.find((r) => r.name === region)?.en || region;
  if (!region) fail(`${file}：未给出地区名称`, `${file}: no region name given`);
  const headerAt = rows.findIndex((r) => {
    const cols = readHeader(r);
    return cols.some((c) => c.role === 'name') && cols.some((c) => c.role === 'year');
  });
  if (headerAt < 0) {
    fail(
      `${file}：找不到表头行（需要“指标名称”列和写明年份的列，如“2024年(基期)”“2030年目标”）`,
      `${file}: no header row found (it needs an indicator name column and columns whose header says the year, e.g. "2024年(基期)", "2030年目标")`,
    );
  }
  const headerRow = headerAt + 1;
  const cols = readHeader(rows[headerAt]);
  const nameCol = cols.find((c) => c.role === 'name')!;
  const unitCol = cols.find((c) => c.role === 'unit');
  const attrCol = cols.find((c) => c.role === 'attribute');
  const remarkCol = cols.find((c) => c.role === 'remark');
  const numberCol = cols.find((c) => c.role === 'number');
  const years = cols.filter((c) => c.role === 'year');
  const { period, milestones: milestoneCols } = periodOf(years, file, headerRow);
  const baseCols = years.filter((c) => period.baselines.includes(c.year!)).sort((a, b) => a.year! - b.year!);
  const targetCol = years.find((c) => c.year === period.target)!;

  const resolver = new Resolver({ version: '', checksum: '', regions: [], catalogue: opts.catalogue });
  const entries: Entry[] = [];
  const used = new Set<string>();
  for (let i = headerAt + 1; i < rows.length; i++) {
    const row = rows[i];
    const rowNo = i + 1;
    const cell = (c: Column | undefined): string => (c ? clean(row[c.index]) : '');
    const at = (c: Column): string => `${file}!${letter(c.index)}${rowNo}`;
    for (const c of cols) if (c.role !== 'other') refuseFormula(cell(c), at(c));
    const filled = years.filter((c) => !EMPTY.has(cell(c)));
    const written = cell(nameCol);
    if (!written) {
      if (filled.length === 0) continue; // an empty row
      fail(`${at(nameCol)}：第${rowNo}行有数值但没有指标名称`, `${at(nameCol)}: row ${rowNo} has values but no indicator name`);
    }
    if (filled.length === 0 && !cell(unitCol)) continue; // a heading row ("一、创新投入")
    const [name, unitInName] = splitUnit(written);
    const unit = cell(unitCol) || unitInName;
    const attribute = cell(attrCol);
    if (attribute && !(ATTRIBUTES as readonly string[]).includes(attribute)) {
      fail(
        `${at(attrCol!)}：属性“${attribute}”无法识别，应为“预期性”或“约束性”`,
        `${at(attrCol!)}: attribute "${attribute}" is not recognised; use 预期性 (expected) or 约束性 (binding)`,
      );
    }
    const match = resolver.catalogueMatch(name);
    const indicator = match && !used.has(match.id) ? match : importedIndicator(name, unit, cell(targetCol) || undefined);
    if (used.has(indicator.id)) {
      fail(`${at(nameCol)}：指标“${name}”在表中出现两次`, `${at(nameCol)}: the indicator "${name}" appears twice in the table`);
    }
    used.add(indicator.id);
    const figure = (c: Column): TableFigure | undefined => {
      const raw = cell(c);
      return EMPTY.has(raw) ? undefined : { year: c.year!, raw, line: rowNo, cell: `${letter(c.index)}${rowNo}` };
    };
    const present = (f: TableFigure | undefined): f is TableFigure => f !== undefined;
    const entry = tableEntry(
      {
        file,
        region,
        en,
        indicator,
        name,
        unit,
        period,
        // 序号 as the table writes it (1, 2, …), else the indicator's place in the table.
        row: /^\d+$/.test(cell(numberCol)) ? Number(cell(numberCol)) : entries.length + 1,
        remark: cell(remarkCol) || undefined,
        attribute: (attribute || undefined) as Entry['attribute'],
        baselines: baseCols.map(figure).filter(present),
        target: figure(targetCol),
        milestones: milestoneCols.map(figure).filter(present),
      },
      (f) =>
        fail(
          `${file}!${f.cell}：第${rowNo}行“${name}”${f.year}年的数值“${f.raw}”无法读取（千位分隔符或多个数字？请写成如“2.8以上”“600左右”“[310]”“新增3000”“1.8-2.0”）`,
          `${file}!${f.cell}: row ${rowNo}, "${name}", ${f.year}: the value "${f.raw}" cannot be read (a thousands separator or several numbers? write e.g. "2.8以上", "600左右", "[310]", "新增3000", "1.8-2.0")`,
        ),
    );
    entries.push(entry);
  }
  if (!entries.length) fail(`${file}：表头下没有指标行`, `${file}: no indicator rows under the header`);
  // The table's own title, when a row above the header holds one text ("表1 南昌市“十五五”科技创新规划主要指标").
  const titleAt = rows.slice(0, headerAt).findIndex((r) => r.filter((c) => clean(c) !== '').length === 1);
  const title = titleAt < 0 ? '' : (rows[titleAt].find((c) => clean(c) !== '') ?? '').replace(/\s+/g, ' ').trim(); // as written
  if (title) refuseFormula(title, `${file}!${letter(rows[titleAt].findIndex((c) => clean(c) !== ''))}${titleAt + 1}`);
  return tableRegion({
    name: region,
    fullName: region,
    en,
    level: 'city',
    seed: file,
    planTitle: title ? title.replace(/^(附)?表\s*\d+\s*/, '') : `${region}规划指标表（${file}）`,
    table: title ? { title, line: titleAt + 1 } : { title: file, line: headerRow },
    period,
    entries,
  });
}
