/**
 * `plan …`: the same core for the terminal. `run` takes the arguments and an output sink and returns the exit
 * code, so tests call it directly; bin/plan.js wires it to the process.
 *
 * Strict: an unknown option, a missing or extra argument exits 2 with the usage of that one command, every
 * message in the user's language (`--lang`, else the system locale). Arguments are read by Node's
 * `util.parseArgs`; COMMANDS and OPTIONS below are the whole grammar.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { distance } from 'fastest-levenshtein';
import { CsvFormatError, evalCsv, evalFormulas, show } from './eval';
import { ACTUAL, numberArg, setLanguage, usePlan, YEAR } from '../functions/impl';
import { loadPackageDir, publicationDate, publish, readActualsFile } from './datapackage';
import { join } from 'node:path';
import { planWithTables, readPlanFile, type PlanFile } from './plans';
import { buildWorkbook } from '../workbook/writer';
import { dataset } from '../data/index';
import { PlanError } from '../core/errors';
import { exportDataset } from '../core/exchange/export';
import { Plan, type Lang } from '../core/plan/plan';
import { describePeriod, periodOf } from '../core/plan/model';
import { regionRows } from '../core/plan/rows';
import { parseMethod } from '../core/progress/trajectory';
import { METHODS, parseMethodId, type MethodId } from '../core/progress/methods';
import { acrossRegions, resolveAcross } from '../core/plan/compare';
import { describeDefinition } from '../core/plan/plan';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The environment the system locale is read from; process.env when absent. */
  env?: Record<string, string | undefined>;
}

type Text = readonly [zh: string, en: string];

/** A positional argument: its name, what a right value looks like, and whether it may be left out. */
interface ArgSpec {
  name: Text;
  hint: Text;
  optional?: boolean;
  /** Takes every remaining argument (`eval`'s formulas). */
  rest?: boolean;
}

const REGION: ArgSpec = {
  name: ['地区', 'region'],
  hint: ['江西、九江、吉安、上饶或赣州', 'Jiangxi, Jiujiang, Ji’an, Shangrao or Ganzhou'],
};
const INDICATOR: ArgSpec = {
  name: ['指标', 'indicator'],
  hint: ['指标名称，如“高新技术企业”“高企”', 'an indicator name, e.g. 高新技术企业 or "high-tech enterprises"'],
};
const YEAR_ARG: ArgSpec = {
  name: ['年份', 'year'],
  hint: ['规划时期内的年份（十四五为2019–2025）', "a year of the plan's period (2019–2025 for the seeds)"],
};
const ACTUAL_ARG: ArgSpec = { name: ['实际值', 'actual'], hint: ['当年的实际数值', 'the figure for that year'] };

interface Ctx {
  args: string[];
  values: Record<string, string | boolean | undefined>;
  lang: Lang;
  plan: Plan;
  io: Io;
}

interface CommandSpec {
  args: ArgSpec[];
  help: Text;
  /** A line that works, shown in this command's usage (and run by test/cli). */
  example: string;
  run: (c: Ctx) => number | Promise<number>;
}

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** How the value is written in the usage. */
  value?: Text;
  help: Text;
  /** The commands that take this option. */
  commands: readonly string[];
}

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
    commands: ['status', 'gap', 'progress', 'workbook'],
  },
  json: { type: 'boolean', help: ['以 JSON 输出', 'as JSON'], commands: ['export'] },
  csv: {
    type: 'string',
    value: ['文件|-', 'file|-'],
    help: ['计算一个 CSV 表（- 为标准输入），格式见 README', 'evaluate a CSV sheet (- for stdin); format in README'],
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
    commands: ['workbook', 'eval', 'target', 'baseline', 'status', 'table', 'publish', 'regions', 'indicators', 'compare'],
  },
  plan: {
    type: 'string',
    value: ['规划表.csv|.xlsx', 'plan.csv|.xlsx'],
    help: [
      '加载一个规划指标表（CSV 或 xlsx，可重复），格式见 README',
      'load a plan indicator table (CSV or xlsx; repeatable); format in README',
    ],
    commands: ['eval', 'target', 'baseline', 'status', 'table', 'workbook', 'publish', 'regions', 'indicators', 'compare'],
  },
  sheet: {
    type: 'string',
    value: ['工作表', 'sheet'],
    help: ['xlsx 规划表所在的工作表（默认第一个）', 'the worksheet of an xlsx plan table (the first by default)'],
    commands: ['eval', 'target', 'baseline', 'status', 'table', 'workbook', 'publish', 'regions', 'indicators', 'compare'],
  },
  data: {
    type: 'string',
    value: ['目录', 'dir'],
    help: ['用这个已发布的数据包代替内置数据（plan publish 写出）', 'use this published data package instead of the compiled-in data'],
    commands: ['eval', 'target', 'baseline', 'status', 'table', 'workbook'],
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
      '官方实际值：列 region,indicator,year,value,source（见 README）',
      'official actuals: columns region,indicator,year,value,source (see README)',
    ],
    commands: ['publish'],
  },
};

/** Options every command takes. */
const GLOBAL: Record<string, OptionSpec> = {
  lang: {
    type: 'string',
    value: ['zh|en', 'zh|en'],
    help: ['输出语言（默认随系统语言）', 'language (default: the system locale)'],
    commands: [],
  },
  help: { type: 'boolean', short: 'h', help: ['显示用法', 'show the usage'], commands: [] },
};

class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    /** The command whose usage follows the message; none for the list of commands. */
    readonly command?: string,
  ) {
    super(zh);
  }
}

/** The progress method: --method, or --path (its older spelling for linear|cagr). */
const methodOf = (values: Record<string, unknown>): MethodId => parseMethodId((values.method ?? values.path) as string | undefined);

/** A value for a command-line word that must be a number: "1,200", "19.5", "2025年". */
const yearArg = (text: string): number => numberArg(text, YEAR);
const actualArg = (text: string): number => numberArg(text, ACTUAL);

/** Wide characters (East Asian Width W and F): CJK, Hangul, kana, full-width forms. “”…· are narrow in terminals. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Columns a terminal gives the text: wide characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** Rows of text as aligned columns. */
export function formatTable(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(c))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i]))).join('  ')).join('\n');
}

const t = (text: Text, lang: Lang): string => text[lang === 'zh' ? 0 : 1];

function argName(a: ArgSpec, lang: Lang): string {
  const n = t(a.name, lang);
  return a.optional ? `[${n}]${a.rest ? '…' : ''}` : `<${n}>${a.rest ? '…' : ''}`;
}

function optionsOf(command: string): [string, OptionSpec][] {
  return Object.entries(OPTIONS).filter(([, o]) => o.commands.includes(command));
}

function optionText(name: string, o: OptionSpec, lang: Lang): string {
  return `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${t(o.value, lang)}` : ''}`;
}

/** The usage of one command: its line, what each argument and option means, and an example. */
export function commandUsage(name: string, lang: Lang): string {
  const c = COMMANDS[name];
  const opts = optionsOf(name);
  const line = [
    'plan',
    name,
    ...c.args.map((a) => argName(a, lang)),
    ...opts.map(([n, o]) => `[${optionText(n, o, lang)}]`),
    '[--lang zh|en]',
  ];
  const rows = [
    ...c.args.map((a) => ['  ' + argName(a, lang), t(a.hint, lang)]),
    ...opts.map(([n, o]) => ['  ' + optionText(n, o, lang), t(o.help, lang)]),
  ];
  return [
    `${lang === 'zh' ? '用法' : 'usage'}: ${line.join(' ')}`,
    `  ${t(c.help, lang)}`,
    ...(rows.length ? [formatTable(rows)] : []),
    `${lang === 'zh' ? '例如' : 'example'}: ${c.example}`,
  ].join('\n');
}

/** The list of commands. */
export function usage(lang: Lang): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => [`  ${name} ${c.args.map((a) => argName(a, lang)).join(' ')}`, t(c.help, lang)]);
  return [
    lang === 'zh' ? '用法: plan <命令> [参数] [--lang zh|en]' : 'usage: plan <command> [arguments] [--lang zh|en]',
    '',
    formatTable(rows),
    '',
    lang === 'zh' ? '每个命令的详细用法：plan <命令> --help' : 'Each command in detail: plan <command> --help',
  ].join('\n');
}

/** The language of messages when --lang is not given: the system locale (LC_ALL, LC_MESSAGES, LANG). */
export function systemLang(env: Record<string, string | undefined>, platform: string = process.platform): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const unset = locale === '' || /^(C|POSIX)([._@]|$)/i.test(locale);
  if (!unset) {
    const first = (env.LANGUAGE || locale).split(':')[0];
    return /^zh/i.test(first) ? 'zh' : 'en';
  }
  // Windows has no LANG; its display language is what Intl reports. Elsewhere an unset or C locale: Chinese first.
  if (platform === 'win32') return /^zh/i.test(Intl.DateTimeFormat().resolvedOptions().locale) ? 'zh' : 'en';
  return 'zh';
}

function parseLang(value: string): Lang | undefined {
  if (/^zh([-_].*)?$/i.test(value)) return 'zh';
  if (/^en([-_].*)?$/i.test(value)) return 'en';
  return undefined;
}

/** A note when a name was read by its common meaning (a bare "R&D" as R&D intensity). */
function readingNote(c: Ctx): void {
  const [region, indicator] = c.args;
  try {
    const note = c.plan.resolver.reading(c.plan.region(region), indicator);
    if (note) c.io.err(t([note.zh, note.en], c.lang));
  } catch {
    // the command has already answered; a name that does not resolve has no note
  }
}

function withNote(c: Ctx, answer: string): number {
  c.io.out(answer);
  readingNote(c);
  return 0;
}

const COMMANDS: Record<string, CommandSpec> = {
  regions: {
    args: [],
    help: ['列出地区', 'list the regions'],
    example: 'plan regions',
    run: ({ plan, io }) => {
      io.out(
        formatTable(
          plan
            .allRegions()
            .map((r) => [
              plan.refOf(r),
              r.en,
              r.level,
              describePeriod(periodOf(r)),
              r.planTitle,
              r.issuingNumber ?? '',
              r.seed,
              `${r.entries.length}`,
            ]),
        ),
      );
      return 0;
    },
  },
  table: {
    args: [REGION],
    help: ['一个地区的指标表', "a region's indicator table"],
    example: 'plan table 赣州',
    run: ({ plan, io, args, lang }) => {
      const region = plan.regionByRef(args[0]);
      const rows = regionRows(region, lang);
      io.out(`${region.planTitle}${region.issuingNumber ? `（${region.issuingNumber}）` : ''}\n`);
      io.out(formatTable([rows.header, ...rows.rows.map((r) => r.map((c) => (c === null ? '' : String(c))))]));
      if (rows.notes.length) io.out(`\n${rows.notes.join('\n')}`);
      return 0;
    },
  },
  indicators: {
    args: [{ ...REGION, optional: true }],
    help: ['指标列表（一个地区的，或全部目录）', "indicators (a region's, or the whole catalogue)"],
    example: 'plan indicators 九江',
    run: ({ plan, io, args }) => {
      if (args[0]) {
        const region = plan.regionByRef(args[0]);
        io.out(formatTable(region.entries.map((e) => [e.indicator.id, e.name, e.unit, e.indicator.en])));
      } else io.out(formatTable(plan.dataset.catalogue.map((d) => [d.id, d.zh, d.unit, d.en])));
      return 0;
    },
  },
  target: {
    args: [
      REGION,
      INDICATOR,
      {
        ...YEAR_ARG,
        optional: true,
        hint: [
          '规划时期内的年份，默认目标年（十四五为2025）',
          "a year of the plan's period; the target year (2025 for the seeds) by default",
        ],
      },
    ],
    help: ['目标值，或某年的轨迹值', 'the target, or the value on the path in a year'],
    example: 'plan target 赣州 高新技术企业 2025',
    run: (c) => {
      const { plan, args, values } = c;
      const year = args[2] !== undefined ? yearArg(args[2]) : undefined;
      return withNote(c, String(plan.target(args[0], args[1], year, parseMethod(values.path as string | undefined))));
    },
  },
  baseline: {
    args: [
      REGION,
      INDICATOR,
      {
        ...YEAR_ARG,
        optional: true,
        hint: ['基期年份，默认最后的基期年（十四五为2020）', 'a baseline year; the last one (2020 for the seeds) by default'],
      },
    ],
    help: ['基期值', 'the baseline'],
    example: 'plan baseline 九江 高企',
    run: (c) => withNote(c, String(c.plan.baseline(c.args[0], c.args[1], c.args[2] !== undefined ? yearArg(c.args[2]) : undefined))),
  },
  status: {
    args: [REGION, INDICATOR, YEAR_ARG, ACTUAL_ARG],
    help: ['实际值的进度评估（默认序时进度）', 'how an actual value stands (time-elapsed progress by default)'],
    example: 'plan status 赣州 高新技术企业 2024 1720 --method eurostat',
    run: (c) => {
      const { plan, args, lang } = c;
      const a = plan.judge(args[0], args[1], yearArg(args[2]), actualArg(args[3]), methodOf(c.values));
      const name = lang === 'zh' ? METHODS[a.method].zh : METHODS[a.method].en;
      const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
      if (a.kind === 'trend') {
        return withNote(
          c,
          lang === 'zh'
            ? `${plan.statusLabel(a, lang)}（方法：${name}；${a.year}年实际${a.actual}，基期${a.baseline}（${a.baseYear}年），年均变化${pct(a.rate)}）`
            : `${plan.statusLabel(a, lang)} (method: ${name}; ${a.year} actual ${a.actual}, baseline ${a.baseline} (${a.baseYear}), annual change ${pct(a.rate)})`,
        );
      }
      const ratio = a.ratio === null ? '-' : a.ratio.toFixed(2);
      const growth =
        a.observed !== undefined && a.required !== undefined
          ? lang === 'zh'
            ? `，实际年均增长${pct(a.observed)}，所需年均增长${pct(a.required)}`
            : `, observed growth ${pct(a.observed)} a year, required ${pct(a.required)}`
          : '';
      return withNote(
        c,
        lang === 'zh'
          ? `${plan.statusLabel(a, lang)}（方法：${name}；${a.year}年实际${a.actual}，应达${a.expected}，差距${a.gap}，进度比${ratio}${growth}，基期${a.baseline}，目标${a.target}）`
          : `${plan.statusLabel(a, lang)} (method: ${name}; ${a.year} actual ${a.actual}, expected ${a.expected}, gap ${a.gap}, progress ratio ${ratio}${growth}, baseline ${a.baseline}, target ${a.target})`,
      );
    },
  },
  gap: {
    args: [REGION, INDICATOR, YEAR_ARG, ACTUAL_ARG],
    help: ['与轨迹的差距（负数为落后）', 'the gap to the path (negative = behind)'],
    example: 'plan gap 赣州 高新技术企业 2023 1500',
    run: (c) => {
      const { plan, args, values } = c;
      return withNote(c, String(plan.assess(args[0], args[1], yearArg(args[2]), actualArg(args[3]), methodOf(values)).gap));
    },
  },
  progress: {
    args: [
      REGION,
      INDICATOR,
      ACTUAL_ARG,
      {
        ...YEAR_ARG,
        optional: true,
        hint: ['实际值所属年份（eurostat、trend 必填）', 'year of the actual value (needed by eurostat and trend)'],
      },
    ],
    help: [
      '完成进度：从基期到目标走了多少；给出年份时为该方法的判断比率',
      'the share of the way from baseline to target; with a year, the ratio the method judges',
    ],
    example: 'plan progress 赣州 高新技术企业 1500',
    run: (c) =>
      withNote(
        c,
        String(
          c.plan.progress(
            c.args[0],
            c.args[1],
            actualArg(c.args[2]),
            methodOf(c.values),
            c.args[3] !== undefined ? yearArg(c.args[3]) : undefined,
          ),
        ),
      ),
  },
  required: {
    args: [REGION, INDICATOR, YEAR_ARG, ACTUAL_ARG],
    help: ['为达到目标此后每年还需的变化', 'the annual change still needed to reach the target'],
    example: 'plan required 赣州 高新技术企业 2024 1600',
    run: (c) => {
      const { plan, args, lang } = c;
      const r = plan.required(args[0], args[1], yearArg(args[2]), actualArg(args[3]));
      const what: Text = r.unit === 'rate' ? ['（年均增长率）', '(annual growth rate)'] : ['（每年变化量）', '(change per year)'];
      return withNote(c, `${r.value} ${t(what, lang)}`);
    },
  },
  info: {
    args: [REGION, INDICATOR, { name: ['字段', 'field'], hint: ['unit、source、conflicts、quote…', 'unit, source, conflicts, quote, …'] }],
    help: ['指标信息：单位、来源、冲突…', 'unit, source, conflicts, …'],
    example: 'plan info 赣州 高新技术企业 conflicts',
    run: (c) => withNote(c, String(c.plan.info(c.args[0], c.args[1], c.args[2], c.lang))),
  },
  compare: {
    args: [INDICATOR],
    help: ['同一指标在各地区的对比（同一编号，换算为同一单位）', 'one indicator across regions (same id, one unit)'],
    example: 'plan compare 专利授权量',
    run: ({ plan, args, io, lang }) => {
      const def = resolveAcross(plan.dataset, plan.resolver, args[0]);
      const view = acrossRegions(plan.dataset, def.id, plan.allRegions());
      const zh = lang === 'zh';
      const cell = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
      // A column per baseline year and per target year any of the plans states (2019, 2020, 2025 for the seeds).
      const years = (f: (r: (typeof view.rows)[number]) => number[]) => [...new Set(view.rows.flatMap(f))].sort((x, y) => x - y);
      const baseYears = years((r) => r.period.baselines);
      const targetYears = years((r) => [r.period.target]);
      const head = [
        ...(zh ? ['地区', '原文名称', '原文单位'] : ['Region', 'Name as written', 'Unit as written']),
        ...baseYears.map((y) => (zh ? `${y}年` : String(y))),
        ...targetYears.map((y) => (zh ? `${y}年目标` : `${y} target`)),
        ...(zh ? ['目标原文', '来源', '表述差异'] : ['Target as written', 'Source', 'Wording']),
      ];
      io.out(`${zh ? def.zh : def.en} (${def.id})\n${describeDefinition({ indicator: def }, lang)}\n`);
      io.out(
        formatTable([
          head,
          ...view.rows.map((r) => [
            zh ? r.region : r.regionEn,
            r.name,
            r.unitAsWritten,
            ...baseYears.map((y) => cell(r.baselines[y])),
            ...targetYears.map((y) => (y === r.period.target ? cell(r.target) : '')),
            r.targetRaw ?? '',
            r.source,
            r.wording ? '*' : '',
          ]),
        ]),
      );
      io.out(
        zh
          ? `\n数值均已换算为“${def.definition.unit}”；只列同一指标编号的条目；“*”表示该地区表述与定义不同，见 plan info <地区> <指标> definition。`
          : `\nFigures in ${def.definition.unit}; only entries under this one id; "*": the region's wording differs from the definition, see plan info <region> <indicator> definition.`,
      );
      return 0;
    },
  },
  export: {
    args: [],
    help: ['导出全部数据', 'the whole dataset'],
    example: 'plan export --json',
    run: ({ plan, io, values }) => {
      if (!values.json)
        throw new UsageError('export 需要 --json（目前唯一的格式）', 'export needs --json (the only format so far)', 'export');
      io.out(JSON.stringify(exportDataset(plan.dataset), null, 2));
      return 0;
    },
  },
  eval: {
    args: [
      {
        name: ['公式', 'formula'],
        hint: ['如 \'=PLAN.TARGET("赣州","高企")\'', 'e.g. \'=PLAN.TARGET("Ganzhou","high-tech enterprises")\''],
        optional: true,
        rest: true,
      },
    ],
    help: ['用 HyperFormula 计算公式或 CSV 表', 'evaluate formulas, or a CSV sheet, with HyperFormula'],
    example: `plan eval '=PLAN.TARGET("赣州","高新技术企业",2025)'`,
    run: ({ io, args, values, lang }) => {
      setLanguage(lang);
      if (values.csv !== undefined) {
        if (args.length)
          throw new UsageError(
            `--csv 与公式不能同时给出：${args.join(' ')}`,
            `give --csv or formulas, not both: ${args.join(' ')}`,
            'eval',
          );
        const text = readFileSync(values.csv === '-' ? 0 : (values.csv as string), 'utf8');
        const r = evalCsv(text, lang);
        io.out(r.csv.replace(/\n$/, ''));
        for (const m of [...r.notes, ...r.errors]) io.err(m);
        return r.errors.length ? 1 : 0;
      }
      if (!args.length)
        throw new UsageError('缺少参数 <公式>（或用 --csv 文件）', 'missing argument <formula> (or use --csv file)', 'eval');
      const r = evalFormulas(args, lang);
      for (const rows of r.results) io.out(rows.map((row) => row.map(show).join('\t')).join('\n'));
      for (const m of [...r.notes, ...r.errors]) io.err(m);
      return r.errors.length ? 1 : 0;
    },
  },
  workbook: {
    args: [],
    help: ['生成便携工作簿 .xlsx', 'write the portable workbook (.xlsx)'],
    example: 'plan workbook -o 江西科技规划指标.xlsx',
    run: ({ plan, io, values, lang }) => {
      const regions = values.region ? [plan.regionByRef(values.region as string)] : plan.allRegions();
      const file = (values.output as string | undefined) ?? (lang === 'zh' ? '江西科技规划指标.xlsx' : 'jiangxi-plan-indicators.xlsx');
      if (!file.toLowerCase().endsWith('.xlsx')) {
        throw new UsageError(`输出文件应以 .xlsx 结尾：${file}`, `the output file should end in .xlsx: ${file}`, 'workbook');
      }
      return buildWorkbook(plan.dataset, regions, lang, methodOf(values))
        .xlsx.writeFile(file)
        .then(
          () => {
            io.out(`${lang === 'zh' ? '已写入' : 'written'}: ${file} (${regions.map((r) => r.name).join(', ')})`);
            return 0;
          },
          (e: Error) => {
            io.err(`${lang === 'zh' ? '无法写入文件' : 'cannot write the file'}: ${e.message}`);
            return 2;
          },
        );
    },
  },
  publish: {
    args: [],
    help: ['发布数据包（Frictionless Data Package）', 'publish the data package (Frictionless Data Package)'],
    example: 'plan publish --out data',
    run: ({ plan, io, values, lang }) => {
      if (values.out === undefined) throw new UsageError('publish 需要 --out 目录', 'publish needs --out dir', 'publish');
      const actuals = values.actuals !== undefined ? readActualsFile(values.actuals as string, plan) : [];
      const dir = values.out as string;
      const files = publish(dir, plan, actuals, publicationDate(io.env ?? process.env));
      io.out(`${lang === 'zh' ? '已写入' : 'written'}: ${files.map((f) => join(dir, f)).join(', ')}`);
      return 0;
    },
  },
  help: {
    args: [{ name: ['命令', 'command'], hint: ['要查看用法的命令', 'the command to explain'], optional: true }],
    help: ['显示用法', 'show the usage'],
    example: 'plan help target',
    run: ({ io, args, lang }) => {
      if (args[0] && !isCommand(args[0])) throw unknownCommand(args[0]);
      io.out(args[0] ? commandUsage(args[0], lang) : usage(lang));
      return 0;
    },
  },
};

/** An own key of a table: "__proto__" and "constructor" are not options or commands. */
function has(table: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, key);
}

/** A command's name: own keys only, so "__proto__" or "constructor" is an unknown command like any other. */
function isCommand(word: string): boolean {
  return has(COMMANDS, word);
}

function closest(word: string, among: string[]): string | undefined {
  const ranked = among.map((w) => ({ w, d: distance(w, word) })).sort((a, b) => a.d - b.d);
  return ranked[0] && ranked[0].d <= Math.max(2, Math.floor(word.length / 3)) ? ranked[0].w : undefined;
}

function unknownCommand(word: string): UsageError {
  const guess = closest(word.toLowerCase(), Object.keys(COMMANDS));
  return new UsageError(
    `未知命令“${word}”${guess ? `；是否指 ${guess}？` : ''}`,
    `unknown command "${word}"${guess ? `; did you mean ${guess}?` : ''}`,
  );
}

interface Parsed {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  /** Options as typed, in order, for checking against the command. */
  given: { name: string; raw: string; value?: string; known: boolean }[];
}

/** Every word read by util.parseArgs (all options declared, so values are taken); the command's rules come after. */
function read(argv: string[]): Parsed {
  const options = Object.fromEntries(
    Object.entries({ ...OPTIONS, ...GLOBAL }).map(([name, o]) => [name, o.short ? { type: o.type, short: o.short } : { type: o.type }]),
  );
  const { tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const positionals: string[] = [];
  const values: Parsed['values'] = {};
  const given: Parsed['given'] = [];
  const seen = new Set<number>();
  for (const tok of tokens) {
    if (tok.kind === 'positional') positionals.push(tok.value);
    else if (tok.kind === 'option') {
      // A negative number ("-5", "-0.5") is a value, not an option.
      if (/^-\d|^-\.\d/.test(argv[tok.index]) && !tok.rawName.startsWith('--')) {
        if (!seen.has(tok.index)) positionals.push(argv[tok.index]);
        seen.add(tok.index);
        continue;
      }
      const known = has(OPTIONS, tok.name) || has(GLOBAL, tok.name);
      given.push({ name: tok.name, raw: tok.rawName, value: tok.value, known });
      if (known) values[tok.name] = tok.value ?? true;
    }
  }
  return { positionals, values, given };
}

function checkOptions(command: string, p: Parsed): void {
  for (const g of p.given) {
    const allowed = [...optionsOf(command).map(([n]) => n), ...Object.keys(GLOBAL)];
    if (!allowed.includes(g.name)) {
      const guess = g.known ? undefined : (closest(g.name, allowed) ?? closest(g.name, Object.keys(OPTIONS)));
      const elsewhere = (n: string): string[] => (has(OPTIONS, n) ? OPTIONS[n].commands.filter((c) => c !== command) : []);
      const where = guess && !allowed.includes(guess) ? elsewhere(guess) : g.known ? elsewhere(g.name) : [];
      const also: Text = where.length
        ? [`（--${guess ?? g.name} 用于 ${where.join('、')}）`, ` (--${guess ?? g.name} is for ${where.join(', ')})`]
        : ['', ''];
      throw new UsageError(
        g.known ? `${command} 没有选项 ${g.raw}${also[0]}` : `未知选项 ${g.raw}${guess ? `；是否指 --${guess}？` : ''}${also[0]}`,
        g.known
          ? `${command} has no option ${g.raw}${also[1]}`
          : `unknown option ${g.raw}${guess ? `; did you mean --${guess}?` : ''}${also[1]}`,
        command,
      );
    }
    const spec = has(OPTIONS, g.name) ? OPTIONS[g.name] : GLOBAL[g.name];
    if (spec.type === 'string' && (g.value === undefined || g.value === '')) {
      throw new UsageError(
        `选项 ${g.raw} 需要一个值：${t(spec.value ?? ['值', 'value'], 'zh')}`,
        `option ${g.raw} needs a value: ${t(spec.value ?? ['值', 'value'], 'en')}`,
        command,
      );
    }
    if (spec.type === 'boolean' && g.value !== undefined) {
      throw new UsageError(`选项 ${g.raw} 不带值`, `option ${g.raw} takes no value`, command);
    }
  }
}

function checkArgs(command: string, args: string[]): void {
  const specs = COMMANDS[command].args;
  const missing = specs.filter((a, i) => !a.optional && args[i] === undefined);
  if (missing.length) {
    const list = (lang: Lang): string => formatTable(missing.map((a) => [`  ${argName(a, lang)}`, t(a.hint, lang)]));
    throw new UsageError(`缺少参数：\n${list('zh')}`, `missing ${missing.length > 1 ? 'arguments' : 'argument'}:\n${list('en')}`, command);
  }
  const rest = specs.some((a) => a.rest);
  if (!rest && args.length > specs.length) {
    const extra = args.slice(specs.length);
    const brackets = extra.some((a) => /^\[|\]$/.test(a));
    throw new UsageError(
      `多余的参数：${extra.join(' ')}${brackets ? '\n（用法中的方括号 [ ] 表示可以省略，不要照抄）' : ''}`,
      `unexpected ${extra.length > 1 ? 'arguments' : 'argument'}: ${extra.join(' ')}${brackets ? '\n(square brackets [ ] in the usage mark what may be left out; do not type them)' : ''}`,
      command,
    );
  }
}

export function run(argv: string[], io: Io): number | Promise<number> {
  const env = io.env ?? process.env;
  let lang = systemLang(env);
  /** A refusal in the user's language: 1 for bad data, 2 for a bad command line or an unreadable file. */
  const failed = (e: unknown): number => {
    if (e instanceof PlanError) {
      io.err(e.text(lang));
      return 1;
    }
    if (e instanceof CsvFormatError) {
      io.err(t([e.zh, e.en], lang));
      return 2;
    }
    if (e instanceof UsageError) {
      const more = e.command ? commandUsage(e.command, lang) : lang === 'zh' ? '全部命令：plan --help' : 'All commands: plan --help';
      io.err(`${t([e.zh, e.en], lang)}\n\n${more}`);
      return 2;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      io.err(`${lang === 'zh' ? '无法读取文件' : 'cannot read the file'}: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  };
  try {
    const p = read(argv);
    const [command] = p.positionals;
    if (typeof p.values.lang === 'string') {
      const l = parseLang(p.values.lang);
      const known = command && isCommand(command) ? command : undefined;
      if (!l)
        throw new UsageError(`--lang 只能是 zh 或 en，而不是“${p.values.lang}”`, `--lang must be zh or en, not "${p.values.lang}"`, known);
      lang = l;
    }
    const args = p.positionals.slice(1);
    if (!command) {
      checkOptions('help', p);
      if (p.values.help) {
        io.out(usage(lang));
        return 0;
      }
      io.err(usage(lang));
      return 2;
    }
    if (!isCommand(command)) throw unknownCommand(command);
    checkOptions(command, p);
    if (p.values.help) {
      io.out(commandUsage(command, lang));
      return 0;
    }
    checkArgs(command, args);
    const files = p.given.filter((g) => g.name === 'plan').map((g) => g.value as string);
    if (!files.length && p.values.region !== undefined && command !== 'workbook') {
      throw new UsageError('--region 需与 --plan 同用', '--region goes with --plan', command);
    }
    if (!files.length && p.values.sheet !== undefined) {
      throw new UsageError('--sheet 需与 --plan 文件.xlsx 同用', '--sheet goes with --plan FILE.xlsx', command);
    }
    // The data: a published package (--data) or the compiled-in dataset, with any plan tables (--plan) beside it.
    const loaded = p.values.data !== undefined ? loadPackageDir(p.values.data as string) : undefined;
    const go = (tables: PlanFile[]): number | Promise<number> => {
      const base = loaded ? loaded.base : dataset();
      const plan = planWithTables(
        base,
        tables,
        tables.length ? (p.values.region as string | undefined) : undefined,
        loaded?.imported,
        p.values.sheet as string | undefined,
      );
      usePlan(files.length || loaded ? plan : undefined);
      return COMMANDS[command].run({ args, values: p.values, lang, plan, io });
    };
    const tables = files.map((f) => readPlanFile(f, p.values.sheet as string | undefined));
    if (tables.some((t) => t instanceof Promise)) return Promise.all(tables).then(go).catch(failed);
    return go(tables as PlanFile[]);
  } catch (e) {
    return failed(e);
  }
}
