/** What every command of `plan` is made of: its arguments, options, context and the shared text helpers. */
import { ACTUAL_VALUE, numberArg, YEAR } from '../functions/impl';
import { Plan, type Lang } from '../core/plan/plan';
import { parseMethodId, type MethodId } from '../core/progress/methods';
import type { Actual } from '../core/exchange/packageFormat';
import { ACTUALS_VERSION, officialActuals } from '../data/actuals';
import { readActualsFile } from './datapackage';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The environment the system locale is read from; process.env when absent. */
  env?: Record<string, string | undefined>;
}

export type Text = readonly [zh: string, en: string];

/** A positional argument: its name, what a right value looks like, and whether it may be left out. */
export interface ArgSpec {
  name: Text;
  hint: Text;
  optional?: boolean;
  /** Takes every remaining argument (`eval`'s formulas). */
  rest?: boolean;
}

export const REGION: ArgSpec = {
  name: ['地区', 'region'],
  hint: ['江西、九江、吉安、上饶或赣州', 'Jiangxi, Jiujiang, Ji’an, Shangrao or Ganzhou'],
};
export const INDICATOR: ArgSpec = {
  name: ['指标', 'indicator'],
  hint: ['指标名称，如“高新技术企业”“高企”', 'an indicator name, e.g. 高新技术企业 or "high-tech enterprises"'],
};
export const YEAR_ARG: ArgSpec = {
  name: ['年份', 'year'],
  hint: ['规划时期内的年份（十四五为2019–2025）', "a year of the plan's period (2019–2025 for the seeds)"],
};
export const ACTUAL_ARG: ArgSpec = { name: ['实际值', 'actual'], hint: ['当年的实际数值', 'the figure for that year'] };

export interface Ctx {
  args: string[];
  values: Record<string, string | boolean | undefined>;
  lang: Lang;
  plan: Plan;
  io: Io;
  /** The official actuals of the published package given with --data (undefined without --data). */
  packageActuals?: Actual[];
}

export interface CommandSpec {
  args: ArgSpec[];
  help: Text;
  /** A line that works, shown in this command's usage (and run by test/cli). */
  example: string;
  run: (c: Ctx) => number | Promise<number>;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** How the value is written in the usage. */
  value?: Text;
  help: Text;
  /** The commands that take this option. */
  commands: readonly string[];
}

/** The commands that load plan tables (--plan, --sheet; --region names a table's region, and workbook's one region). */
const TABLE_COMMANDS = [
  'eval',
  'target',
  'baseline',
  'status',
  'table',
  'workbook',
  'publish',
  'regions',
  'indicators',
  'compare',
  'gap',
  'progress',
  'required',
  'info',
  'assess',
  'actual',
];

/** Options by name. Adding one is one line: its type, what it means and the commands that take it. */
export const OPTIONS: Record<string, OptionSpec> = {
  path: {
    type: 'string',
    value: ['linear|cagr', 'linear|cagr'],
    help: [
      '轨迹：linear（线性，默认）或 cagr（复合增长）；status、gap 中同 --method',
      'path: linear (default) or cagr; for status and gap the same as --method',
    ],
    commands: ['target', 'status', 'gap'],
  },
  method: {
    type: 'string',
    value: ['linear|cagr|eurostat|trend', 'linear|cagr|eurostat|trend'],
    help: [
      '进度方法：linear（序时进度，默认）、cagr、eurostat（增长率比）、trend（无目标趋势）',
      'method: linear (time-elapsed, default), cagr, eurostat (growth-rate ratio), trend',
    ],
    commands: ['status', 'gap', 'progress', 'workbook', 'assess'],
  },
  json: { type: 'boolean', help: ['以 JSON 输出', 'as JSON'], commands: ['export'] },
  csv: {
    type: 'string',
    value: ['文件|-', 'file|-'],
    help: ['计算一个 CSV 表（- 为标准输入），格式见 docs/cli.md', 'evaluate a CSV sheet (- for stdin); format in docs/cli.md'],
    commands: ['eval'],
  },
  output: {
    type: 'string',
    short: 'o',
    value: ['文件.xlsx', 'file.xlsx'],
    help: ['输出文件', 'the file to write'],
    commands: ['workbook'],
  },
  region: {
    type: 'string',
    value: ['地区', 'region'],
    help: ['只写这一个地区；与 --plan 同用时为规划表的地区', 'only this region; with --plan, the region of the plan table'],
    commands: ['workbook', ...TABLE_COMMANDS.filter((c) => c !== 'workbook')],
  },
  plan: {
    type: 'string',
    value: ['规划表.csv|.xlsx', 'plan.csv|.xlsx'],
    help: [
      '加载一个规划指标表（CSV 或 xlsx，可重复），格式见 docs/plans-from-tables.md',
      'load a plan indicator table (CSV or xlsx; repeatable); format in docs/plans-from-tables.md',
    ],
    commands: TABLE_COMMANDS,
  },
  sheet: {
    type: 'string',
    value: ['工作表', 'sheet'],
    help: ['xlsx 规划表所在的工作表（默认第一个）', 'the worksheet of an xlsx plan table (the first by default)'],
    commands: TABLE_COMMANDS,
  },
  data: {
    type: 'string',
    value: ['目录', 'dir'],
    help: ['用这个已发布的数据包代替内置数据（plan publish 写出）', 'use this published data package instead of the compiled-in data'],
    commands: [
      'eval',
      'target',
      'baseline',
      'status',
      'gap',
      'progress',
      'required',
      'info',
      'compare',
      'table',
      'indicators',
      'regions',
      'export',
      'workbook',
      'assess',
      'actual',
    ],
  },
  out: {
    type: 'string',
    value: ['目录', 'dir'],
    help: ['数据包写到这个目录', 'the directory to write the package to'],
    commands: ['publish'],
  },
  actuals: {
    type: 'string',
    value: ['文件.csv', 'file.csv'],
    help: [
      '官方实际值：列 region,indicator,year,value,source（见 docs/assessment.md），代替内置的公开实际值',
      'official actuals: columns region,indicator,year,value,source (docs/assessment.md), instead of the compiled-in ones',
    ],
    commands: ['publish', 'workbook', 'assess', 'actual', 'info'],
  },
  format: {
    type: 'string',
    value: ['text|csv|md', 'text|csv|md'],
    help: ['输出格式：text（默认）、csv 或 md（Markdown 表格）', 'output format: text (default), csv or md (a Markdown table)'],
    commands: ['assess'],
  },
  source: {
    type: 'boolean',
    help: ['显示出处：发布者、标题、日期、网址和原文', 'show the source: publisher, title, date, URL and the quote'],
    commands: ['actual'],
  },
  note: {
    type: 'string',
    value: ['说明', 'text'],
    help: [
      '改动的依据（文件、文号或网址），写入经编辑数值的引文',
      'why the figures changed (document, number or URL), written into their quote',
    ],
    commands: ['seal'],
  },
  editor: { type: 'string', value: ['姓名', 'name'], help: ['编辑人', 'who edited the package'], commands: ['seal'] },
};

/** Options every command takes. */
export const GLOBAL: Record<string, OptionSpec> = {
  lang: {
    type: 'string',
    value: ['zh|en', 'zh|en'],
    help: ['输出语言（默认随系统语言）', 'language (default: the system locale)'],
    commands: [],
  },
  help: { type: 'boolean', short: 'h', help: ['显示用法', 'show the usage'], commands: [] },
};

export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    /** The command whose usage follows the message; none for the list of commands. */
    readonly command?: string,
  ) {
    super(zh);
  }
}

/**
 * The official actuals a command uses: an --actuals file replaces the others; else, with --data, the published
 * package's; else the compiled-in ones (data/actuals/, with their version).
 */
export function actualsInUse(c: Pick<Ctx, 'values' | 'plan' | 'packageActuals'>): { actuals: Actual[]; version?: string } {
  if (c.values.actuals !== undefined) return { actuals: readActualsFile(c.values.actuals as string, c.plan) };
  if (c.packageActuals) return { actuals: c.packageActuals };
  return { actuals: officialActuals(), version: ACTUALS_VERSION };
}

/** The progress method: --method, or --path (its older spelling for linear|cagr). */
export const methodOf = (values: Record<string, unknown>): MethodId => parseMethodId((values.method ?? values.path) as string | undefined);

/** A value for a command-line word that must be a number: "1,200", "19.5", "2025年". */
export const yearArg = (text: string): number => numberArg(text, YEAR);
export const actualArg = (text: string): number => numberArg(text, ACTUAL_VALUE);

/** Wide characters (East Asian Width W and F): CJK, Hangul, kana, full-width forms. “”…· are narrow in terminals. */
export const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Columns a terminal gives the text: wide characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

export function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** Rows of text as aligned columns. */
export function formatTable(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]))).join('  ')).join('\n');
}

export const t = (text: Text, lang: Lang): string => text[lang === 'zh' ? 0 : 1];

/** A note when a name was read by its common meaning (a bare "R&D" as R&D intensity). */
export function readingNote(c: Ctx): void {
  const [region, indicator] = c.args;
  try {
    const note = c.plan.resolver.reading(c.plan.region(region), indicator);
    if (note) c.io.err(t([note.zh, note.en], c.lang));
  } catch {
    // the command has already answered; a name that does not resolve has no note
  }
}

export function withNote(c: Ctx, answer: string): number {
  c.io.out(answer);
  readingNote(c);
  return 0;
}

/** A CSV file that cannot be read as CSV: where, and why, in the user's language. */
export class CsvFormatError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(zh);
  }
}
