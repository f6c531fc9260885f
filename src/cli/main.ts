/**
 * `plan …`: the same core for the terminal. `run` takes the arguments and an output sink and returns the exit
 * code, so tests call it directly; bin/plan.js wires it to the process.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evalCsv, evalFormulas, show } from './eval';
import { ACTUAL, numberArg, setLanguage, YEAR } from '../functions/impl';
import { buildWorkbook } from '../workbook/writer';
import { dataset } from '../data/index';
import { PlanError } from '../core/errors';
import { exportDataset } from '../core/export';
import { acrossRegions, resolveAcross } from '../core/compare';
import { describeDefinition, Plan, type Lang } from '../core/plan';
import { regionRows } from '../core/rows';
import { parseMethod } from '../core/trajectory';
import { METHODS, parseMethodId } from '../core/methods';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const USAGE = `用法 / usage: plan <command> [arguments] [--lang zh|en]

  regions                                   列出地区 / list regions
  table <地区>                               指标表 / a region's indicator table
  indicators [地区]                          指标列表 / indicators (of a region, or the catalogue)
  target <地区> <指标> [年份] [--path cagr]   目标值或轨迹值 / target or trajectory value
  baseline <地区> <指标> [年份]               基期值 / baseline (2020 by default)
  status <地区> <指标> <年份> <实际值> [--method linear|cagr|eurostat|trend]   进度评估 / status of an actual value
  gap | required <地区> <指标> <年份> <实际值> [--method …]  差距 / annual change still needed
  progress <地区> <指标> <实际值> [年份] [--method …]   完成进度 / share of the way, or the method's ratio in a year
  info <地区> <指标> <字段>                   指标信息 / unit, source, conflicts, …
  compare <指标>                             各地区同一指标对比 / one indicator across regions (same id, one unit)
  export --json                             导出全部数据 / the whole dataset as JSON
  eval '<公式>' ['<公式>' …]                  计算公式 / evaluate formulas (HyperFormula)
  workbook [-o 文件.xlsx] [--region 地区] [--method …]   生成便携工作簿 / write the portable workbook
  eval --csv <文件|->                        计算CSV表 / evaluate a CSV sheet whose cells reference each other
`;

class UsageError extends Error {}

function need(args: string[], n: number, what: string): void {
  if (args.length < n) throw new UsageError(`缺少参数 / missing arguments: ${what}`);
}

function yearArg(text: string): number {
  return numberArg(text, YEAR);
}

function actualArg(text: string): number {
  return numberArg(text, ACTUAL);
}

/** Columns a terminal gives the text: CJK and full-width characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
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

export function run(argv: string[], io: Io): number | Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        lang: { type: 'string', default: 'zh' },
        path: { type: 'string' },
        method: { type: 'string' },
        json: { type: 'boolean', default: false },
        csv: { type: 'string' },
        output: { type: 'string', short: 'o' },
        region: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const lang: Lang = values.lang === 'en' ? 'en' : 'zh';
  const [command, ...args] = positionals;
  if (values.help || !command) {
    (command ? io.out : io.err)(USAGE);
    return command || values.help ? 0 : 2;
  }
  const plan = new Plan(dataset());
  try {
    switch (command) {
      case 'regions':
        io.out(
          formatTable(
            plan.regions().map((r) => [r.name, r.en, r.level, r.planTitle, r.issuingNumber ?? '', r.seed, `${r.entries.length}`]),
          ),
        );
        return 0;
      case 'table': {
        need(args, 1, '<地区>');
        const region = plan.region(args[0]);
        const rows = regionRows(region, lang);
        io.out(`${region.planTitle}${region.issuingNumber ? `（${region.issuingNumber}）` : ''}\n`);
        io.out(formatTable([rows.header, ...rows.rows.map((r) => r.map((c) => (c === null ? '' : String(c))))]));
        if (rows.notes.length) io.out(`\n${rows.notes.join('\n')}`);
        return 0;
      }
      case 'indicators': {
        if (args[0]) {
          const region = plan.region(args[0]);
          io.out(formatTable(region.entries.map((e) => [e.indicator.id, e.name, e.unit, e.indicator.en])));
        } else {
          io.out(formatTable(plan.dataset.catalogue.map((d) => [d.id, d.zh, d.unit, d.en])));
        }
        return 0;
      }
      case 'target': {
        need(args, 2, '<地区> <指标> [年份]');
        const year = args[2] !== undefined ? yearArg(args[2]) : undefined;
        io.out(String(plan.target(args[0], args[1], year, parseMethod(values.path))));
        return 0;
      }
      case 'baseline': {
        need(args, 2, '<地区> <指标> [年份]');
        io.out(String(plan.baseline(args[0], args[1], args[2] !== undefined ? yearArg(args[2]) : undefined)));
        return 0;
      }
      case 'status':
      case 'gap': {
        need(args, 4, '<地区> <指标> <年份> <实际值>');
        // --path (linear|cagr) is the older spelling of --method.
        const method = parseMethodId(values.method ?? values.path);
        if (command === 'gap') {
          io.out(String(plan.assess(args[0], args[1], yearArg(args[2]), actualArg(args[3]), method).gap));
          return 0;
        }
        const a = plan.judge(args[0], args[1], yearArg(args[2]), actualArg(args[3]), method);
        const name = lang === 'zh' ? METHODS[a.method].zh : METHODS[a.method].en;
        const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
        if (a.kind === 'trend') {
          io.out(
            lang === 'zh'
              ? `${plan.statusLabel(a, lang)}（方法：${name}；${a.year}年实际${a.actual}，基期${a.baseline}（${a.baseYear}年），年均变化${pct(a.rate)}）`
              : `${plan.statusLabel(a, lang)} (method: ${name}; ${a.year} actual ${a.actual}, baseline ${a.baseline} (${a.baseYear}), annual change ${pct(a.rate)})`,
          );
          return 0;
        }
        const ratio = a.ratio === null ? '-' : a.ratio.toFixed(2);
        const growth =
          a.observed !== undefined && a.required !== undefined
            ? lang === 'zh'
              ? `，实际年均增长${pct(a.observed)}，所需年均增长${pct(a.required)}`
              : `, observed growth ${pct(a.observed)} a year, required ${pct(a.required)}`
            : '';
        io.out(
          lang === 'zh'
            ? `${plan.statusLabel(a, lang)}（方法：${name}；${a.year}年实际${a.actual}，应达${a.expected}，差距${a.gap}，进度比${ratio}${growth}，基期${a.baseline}，目标${a.target}）`
            : `${plan.statusLabel(a, lang)} (method: ${name}; ${a.year} actual ${a.actual}, expected ${a.expected}, gap ${a.gap}, progress ratio ${ratio}${growth}, baseline ${a.baseline}, target ${a.target})`,
        );
        return 0;
      }
      case 'progress': {
        need(args, 3, '<地区> <指标> <实际值>');
        const method = parseMethodId(values.method ?? values.path);
        io.out(String(plan.progress(args[0], args[1], actualArg(args[2]), method, args[3] !== undefined ? yearArg(args[3]) : undefined)));
        return 0;
      }
      case 'required': {
        need(args, 4, '<地区> <指标> <年份> <实际值>');
        const r = plan.required(args[0], args[1], yearArg(args[2]), actualArg(args[3]));
        io.out(
          `${r.value} ${r.unit === 'rate' ? (lang === 'zh' ? '（年均增长率）' : '(annual growth rate)') : lang === 'zh' ? '（每年变化量）' : '(change per year)'}`,
        );
        return 0;
      }
      case 'info': {
        need(args, 3, '<地区> <指标> <字段>');
        io.out(String(plan.info(args[0], args[1], args[2], lang)));
        return 0;
      }
      case 'compare': {
        need(args, 1, '<指标>');
        const def = resolveAcross(plan.dataset, plan.resolver, args[0]);
        const view = acrossRegions(plan.dataset, def.id);
        const zh = lang === 'zh';
        const cell = (n: number | null) => (n === null ? '' : String(n));
        const head = zh
          ? ['地区', '原文名称', '原文单位', '2019年', '2020年', '2025年目标', '目标原文', '来源', '表述差异']
          : ['Region', 'Name as written', 'Unit as written', '2019', '2020', '2025 target', 'Target as written', 'Source', 'Wording'];
        io.out(`${zh ? def.zh : def.en} (${def.id})\n${describeDefinition({ indicator: def }, lang)}\n`);
        io.out(
          formatTable([
            head,
            ...view.rows.map((r) => [
              zh ? r.region : r.regionEn,
              r.name,
              r.unitAsWritten,
              cell(r[2019]),
              cell(r[2020]),
              cell(r.target),
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
      }
      case 'export': {
        if (!values.json) throw new UsageError('export 目前只支持 --json / export needs --json');
        io.out(JSON.stringify(exportDataset(plan.dataset), null, 2));
        return 0;
      }
      case 'workbook': {
        const regions = values.region ? [plan.region(values.region)] : plan.regions();
        const file = values.output ?? (lang === 'zh' ? '江西科技规划指标.xlsx' : 'jiangxi-plan-indicators.xlsx');
        if (!file.toLowerCase().endsWith('.xlsx'))
          throw new UsageError(`输出文件应以 .xlsx 结尾 / the output file should end in .xlsx: ${file}`);
        return buildWorkbook(plan.dataset, regions, lang, parseMethodId(values.method))
          .xlsx.writeFile(file)
          .then(
            () => {
              io.out(`${lang === 'zh' ? '已写入' : 'written'}: ${file} (${regions.map((r) => r.name).join(', ')})`);
              return 0;
            },
            (e: Error) => {
              io.err(`无法写入文件 / cannot write the file: ${e.message}`);
              return 2;
            },
          );
      }
      case 'eval': {
        setLanguage(lang);
        if (values.csv !== undefined) {
          const text = readFileSync(values.csv === '-' ? 0 : values.csv, 'utf8');
          const r = evalCsv(text);
          io.out(r.csv.replace(/\n$/, ''));
          if (r.errors.length) io.err(r.errors.join('\n'));
          return r.errors.length ? 1 : 0;
        }
        need(args, 1, "'<公式>'");
        const r = evalFormulas(args);
        for (const rows of r.results) io.out(rows.map((row) => row.map(show).join('\t')).join('\n'));
        if (r.errors.length) io.err(r.errors.join('\n'));
        return r.errors.length ? 1 : 0;
      }
      default:
        throw new UsageError(`未知命令 / unknown command: ${command}`);
    }
  } catch (e) {
    if (e instanceof PlanError) {
      io.err(`${e.text(lang)}`);
      return 1;
    }
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      io.err(`无法读取文件 / cannot read the file: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
}
