/** `plan` commands that answer a question about one plan: regions, table, indicators, target … compare. */
import { baseYearOf, describePeriod, periodOf } from '../core/plan/model';
import { rangeOf } from '../core/plan/parse';
import { inCompareUnit, unitLabel } from '../core/plan/units';
import { regionRows } from '../core/plan/rows';
import { parseMethod, pathRateNote } from '../core/progress/trajectory';
import { METHODS } from '../core/progress/methods';
import { acrossRegions, resolveAcross } from '../core/plan/compare';
import { describeDefinition, parseInfoField } from '../core/plan/plan';
import { actualConflictLines, withActualConflicts } from '../core/exchange/actuals';
import { actualConflicts } from '../data/actuals';
import {
  actualArg,
  actualsInUse,
  formatTable,
  INDICATOR,
  methodOf,
  REGION,
  t,
  withNote,
  YEAR_ARG,
  yearArg,
  ACTUAL_ARG,
  type CommandSpec,
  type Text,
} from './spec';

/** Where the path follows a growth rate the plan states (the linear method's own path for that measure), say so. */
function ownPathNote(c: Parameters<CommandSpec['run']>[0]): void {
  if (methodOf(c.values) !== 'linear') return;
  const note = pathRateNote(c.plan.entry(c.args[0], c.args[1], yearArg(c.args[2])));
  if (note) c.io.err(t([note.zh, note.en], c.lang));
}

/**
 * Where the plan counts in 万 or 亿 of what the indicator counts one by one, a bare figure in its unit (a gap of -0.5
 * for "3万个") is said with its unit, so that it is never read as -0.5 enterprises.
 */
function scaledUnitNote(c: Parameters<CommandSpec['run']>[0]): void {
  const e = c.plan.entry(c.args[0], c.args[1], yearArg(c.args[2]));
  if (inCompareUnit(e, 1) !== 1) c.io.err(t([`单位：${e.unit}`, `unit: ${unitLabel(e, 'en')}`], c.lang));
}

export const QUERY_COMMANDS: Record<string, CommandSpec> = {
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
      const answer = plan.target(args[0], args[1], year, parseMethod(values.path as string | undefined));
      // At the target year, a range target is shown with both ends (the number above is its low end).
      const e = plan.entry(args[0], args[1], year);
      const atTarget = year === undefined || year === periodOf(e).target;
      // A figure the plan writes in 万 or 亿 of what the indicator counts one by one is answered in compare's unit
      // ("新增注册企业 3万个" → 30000), never as a bare 3.
      const r = atTarget && e.target ? rangeOf(e.target) : null;
      const range = r ? `${inCompareUnit(e, r[0])}–${inCompareUnit(e, r[1])}` : undefined;
      // Between baseline and target, the expected value of a measure whose growth rate the plan states follows that path.
      const own = !atTarget && year !== undefined && year > baseYearOf(periodOf(e)) ? pathRateNote(e) : undefined;
      if (own) c.io.err(t([own.zh, own.en], c.lang));
      return withNote(c, range ?? String(typeof answer === 'number' ? inCompareUnit(e, answer) : answer));
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
    run: (c) => {
      const year = c.args[2] !== undefined ? yearArg(c.args[2]) : undefined;
      return withNote(c, String(inCompareUnit(c.plan.entry(c.args[0], c.args[1], year), c.plan.baseline(c.args[0], c.args[1], year))));
    },
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
      ownPathNote(c);
      const ratio = a.ratio === null ? '-' : a.ratio.toFixed(2);
      // The figures above are in the plan's own unit (万个 for "3万个"): said, so that 3 is never read as 3.
      const unit = unitLabel(plan.entry(args[0], args[1], yearArg(args[2])), lang);
      const growth =
        a.observed !== undefined && a.required !== undefined
          ? lang === 'zh'
            ? `，实际年均增长${pct(a.observed)}，所需年均增长${pct(a.required)}`
            : `, observed growth ${pct(a.observed)} a year, required ${pct(a.required)}`
          : '';
      return withNote(
        c,
        lang === 'zh'
          ? `${plan.statusLabel(a, lang)}（方法：${name}；${a.year}年实际${a.actual}，应达${a.expected}，差距${a.gap}，进度比${ratio}${growth}，基期${a.baseline}，目标${a.target}；单位：${unit}）`
          : `${plan.statusLabel(a, lang)} (method: ${name}; ${a.year} actual ${a.actual}, expected ${a.expected}, gap ${a.gap}, progress ratio ${ratio}${growth}, baseline ${a.baseline}, target ${a.target}; unit: ${unit})`,
      );
    },
  },
  gap: {
    args: [REGION, INDICATOR, YEAR_ARG, ACTUAL_ARG],
    help: ['与轨迹的差距（负数为落后）', 'the gap to the path (negative = behind)'],
    example: 'plan gap 赣州 高新技术企业 2023 1500',
    run: (c) => {
      const { plan, args, values } = c;
      const gap = plan.assess(args[0], args[1], yearArg(args[2]), actualArg(args[3]), methodOf(values)).gap;
      ownPathNote(c);
      scaledUnitNote(c);
      return withNote(c, String(gap));
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
      if (r.unit !== 'rate') scaledUnitNote(c);
      return withNote(c, `${r.value} ${t(what, lang)}`);
    },
  },
  info: {
    args: [REGION, INDICATOR, { name: ['字段', 'field'], hint: ['unit、source、conflicts、quote…', 'unit, source, conflicts, quote, …'] }],
    help: ['指标信息：单位、来源、冲突…', 'unit, source, conflicts, …'],
    example: 'plan info 赣州 高新技术企业 conflicts',
    run: (c) => {
      const answer = String(c.plan.info(c.args[0], c.args[1], c.args[2], c.lang));
      if (parseInfoField(c.args[2]) !== 'conflicts') return withNote(c, answer);
      // Beside the plan's own conflicts, the public sources of its actual values that disagree (data/actuals/conflicts.csv).
      const more = actualConflictLines(c.plan.entry(c.args[0], c.args[1]), actualsInUse(c).actuals, actualConflicts(), c.lang);
      return withNote(c, withActualConflicts(answer, more, c.lang));
    },
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
};
