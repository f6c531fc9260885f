/**
 * `plan assess` (the 十四五 final assessment on the official public actuals) and `plan actual` (one official figure,
 * with its source and quote). The actuals in use: --actuals, else a --data package's, else the compiled-in ones
 * (spec.ts `actualsInUse`). Status and met/not met are the core's (src/core/progress/assessment.ts), as 总览 counts them.
 */
import { actualsOf, describeActual, findActual, sourceLine } from '../core/exchange/actuals';
import { toCsv, type Actual } from '../core/exchange/packageFormat';
import { periodOf, type Entry, type Region } from '../core/plan/model';
import { figureText } from '../core/plan/parse';
import type { Lang } from '../core/plan/plan';
import {
  finalAssessment,
  MET_LABELS,
  numericTarget,
  ROW_STATUS_LABELS,
  rowStatus,
  statusMethod,
  type Actuals,
} from '../core/progress/assessment';
import { METHODS, type MethodId } from '../core/progress/methods';
import {
  actualsInUse,
  formatTable,
  INDICATOR,
  methodOf,
  REGION,
  t,
  UsageError,
  withNote,
  YEAR_ARG,
  yearArg,
  type CommandSpec,
} from './spec';

const NO_FIGURE: Record<Lang, string> = { zh: '无公开数据', en: 'no public figure' };
/** Marks a status judged on a figure whose caliber the source states (it may differ from the plan's). */
const CALIBER_MARK = '*';

/** One row of the assessment: the cells, in the order of `header`. */
function row(e: Entry, actuals: readonly Actual[], method: MethodId, lang: Lang): string[] {
  const found = actualsOf(actuals, e);
  const latest = found[0];
  const T = periodOf(e).target;
  const tv = e.target;
  const target = !tv ? '' : tv.value === null ? tv.raw : figureText(tv);
  const name = lang === 'zh' ? e.name : e.indicator.en;
  if (!latest) return [name, e.unit, NO_FIGURE[lang], '', target, NO_FIGURE[lang], '', '', ''];
  const byYear: Actuals = Object.fromEntries(found.map((a) => [a.year, a.value]));
  const code = rowStatus(e, byYear, statusMethod(method));
  // A judgement on a figure of a stated caliber is marked, never made silently (the notes say why).
  const status = ROW_STATUS_LABELS[code][lang] + (latest.caliber && code !== 'qualitative' ? CALIBER_MARK : '');
  const final = found.find((a) => a.year === T);
  const met = final && numericTarget(e) !== null ? MET_LABELS[finalAssessment(e, final.value).met ? 'met' : 'not_met'][lang] : '';
  return [name, e.unit, String(latest.value), String(latest.year), target, status, met, latest.caliber ?? '', sourceLine(latest)];
}

function header(region: Region, method: MethodId, lang: Lang): string[] {
  const T = periodOf(region).target;
  const m = METHODS[statusMethod(method)][lang === 'zh' ? 'zh' : 'en'];
  return lang === 'zh'
    ? ['指标', '单位', '最新实际值', '年份', `${T}年目标`, `状态（${m}）`, `${T}年达标`, '口径', '来源']
    : ['Indicator', 'Unit', 'Latest actual', 'Year', `${T} target`, `Status (${m})`, `${T} met`, 'Caliber', 'Source'];
}

/** The assessment of each region: its header and rows, in the plan's order of indicators. */
export function assessment(
  regions: Region[],
  actuals: readonly Actual[],
  method: MethodId,
  lang: Lang,
): { region: Region; header: string[]; rows: string[][] }[] {
  return regions.map((region) => ({
    region,
    header: header(region, method, lang),
    rows: region.entries.map((e) => row(e, actuals, method, lang)),
  }));
}

const FORMATS = ['text', 'csv', 'md'] as const;

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export const ACTUAL_COMMANDS: Record<string, CommandSpec> = {
  assess: {
    args: [{ ...REGION, optional: true, hint: ['江西、九江、吉安、上饶或赣州；省略为全部地区', 'a region; all regions when left out'] }],
    help: ['终期评估：各指标最新公开实际值、目标、状态与出处', 'the final assessment: latest public actual, target, status and source'],
    example: 'plan assess 江西',
    run: (c) => {
      const { plan, args, values, lang, io } = c;
      const format = ((values.format as string | undefined) ?? 'text').toLowerCase();
      if (!(FORMATS as readonly string[]).includes(format))
        throw new UsageError(
          `--format 只能是 text、csv 或 md，而不是“${format}”`,
          `--format must be text, csv or md, not "${format}"`,
          'assess',
        );
      const regions = args[0] !== undefined ? [plan.regionByRef(args[0])] : plan.allRegions();
      const { actuals, version } = actualsInUse(c);
      const method = methodOf(values);
      const parts = assessment(regions, actuals, method, lang);
      const zh = lang === 'zh';
      if (format === 'csv') {
        const head = [zh ? '地区' : 'Region', ...parts[0].header];
        io.out(toCsv([head, ...parts.flatMap((p) => p.rows.map((r) => [p.region.name, ...r]))]).replace(/\n$/, ''));
        return 0;
      }
      const counted = (p: (typeof parts)[number]): string => {
        const n = p.rows.filter((r) => r[3] !== '').length;
        return zh ? `${n}/${p.rows.length} 项有公开实际值` : `${n} of ${p.rows.length} with a public actual`;
      };
      const blocks = parts.map((p) => {
        const title = `${p.region.planTitle}（${p.region.name}）— ${counted(p)}`;
        if (format === 'md') {
          const lines = [p.header, p.header.map(() => '---'), ...p.rows].map((r) => `| ${r.map(mdCell).join(' | ')} |`);
          return `### ${title}\n\n${lines.join('\n')}`;
        }
        return `${title}\n${formatTable([p.header, ...p.rows])}`;
      });
      const from = version
        ? zh
          ? `公开实际值数据版本 ${version}（data/actuals/）`
          : `official actuals version ${version} (data/actuals/)`
        : values.actuals !== undefined
          ? `${zh ? '实际值文件' : 'actuals file'}: ${values.actuals as string}`
          : `${zh ? '数据包' : 'package'}: ${values.data as string}`;
      const notes = zh
        ? [
            `${CALIBER_MARK} 来源注明了统计口径（见“口径”列），可能与规划口径不同；状态按公开数值直接计算，未作口径换算。`,
            `状态按最新年份的实际值判断；“${NO_FIGURE.zh}”表示尚未收录该指标的官方公开数。${from}。`,
          ]
        : [
            `${CALIBER_MARK} the source states a caliber (see Caliber), which may differ from the plan's; the status compares the public figure as it is, unconverted.`,
            `Status at the latest year with an actual; "${NO_FIGURE.en}": no official public figure collected yet. ${from}.`,
          ];
      io.out(`${blocks.join('\n\n')}\n\n${notes.join('\n')}`);
      return 0;
    },
  },
  actual: {
    args: [
      REGION,
      INDICATOR,
      { ...YEAR_ARG, optional: true, hint: ['实际值所属年份，省略为最新的一年', 'the year of the figure; the latest when left out'] },
    ],
    help: ['官方公开实际值（--source 显示出处与原文）', 'an official public actual (--source: its source and quote)'],
    example: 'plan actual 江西 研发经费投入强度 2023',
    run: (c) => {
      const { plan, args, values, lang, io } = c;
      const year = args[2] !== undefined ? yearArg(args[2]) : undefined;
      const { entry, actual } = findActual(plan, actualsInUse(c).actuals, args[0], args[1], year);
      if (values.source) return withNote(c, describeActual(entry, actual, lang));
      if (year === undefined) io.err(t([`${actual.year}年（最新的公开实际值）`, `${actual.year} (the latest public actual)`], lang));
      return withNote(c, String(actual.value));
    },
  },
};
