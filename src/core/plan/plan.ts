/**
 * The questions every door asks (task pane, PLAN functions, `plan` command, workbook), answered from one dataset.
 * Arguments are already typed here; turning cell contents or command-line words into them is each door's job.
 */
import { PlanError, quoteInput } from '../errors';
import type { PeriodType } from '../../data/types';
import {
  baseYearOf,
  describePeriod,
  firstYearOf,
  periodOf,
  type Conflict,
  type Corroboration,
  type Dataset,
  type Entry,
  type Region,
  type Value,
} from './model';
import { Resolver } from './resolve';
import { figureText } from './parse';
import { measureKind } from './compare';
import { checksumOf } from './dataset';
import {
  assess,
  judge,
  progress,
  required,
  STATUS_LABELS,
  type Assessment,
  type MethodId,
  type Required,
  type TrendAssessment,
} from '../progress/status';
import { milestoneAt } from '../progress/milestones';
import { checkYear, expectedValue, targetOf, trajectory, type PathMethod } from '../progress/trajectory';

export type { Lang } from './model';
import type { Lang } from './model';

export const INFO_FIELDS = [
  'unit',
  'name',
  'indicator',
  'en',
  'qualifier',
  'raw',
  'source',
  'seed',
  'line',
  'quote',
  'conflicts',
  'path',
  'direction',
  'kind',
  'estimate',
  'remark',
  'version',
  'definition',
  'range',
] as const;
export type InfoField = (typeof INFO_FIELDS)[number];

const INFO_ALIASES: Record<string, InfoField> = {
  单位: 'unit',
  名称: 'name',
  原文名称: 'name',
  指标: 'indicator',
  英文: 'en',
  限定词: 'qualifier',
  目标原文: 'raw',
  来源: 'source',
  文件: 'seed',
  行: 'line',
  行号: 'line',
  引文: 'quote',
  原文: 'quote',
  冲突: 'conflicts',
  路径: 'path',
  方向: 'direction',
  类型: 'kind',
  预计: 'estimate',
  备注: 'remark',
  版本: 'version',
  定义: 'definition',
  范围: 'range',
  区间: 'range',
  口径: 'definition',
};

const PERIOD_LABELS: Record<PeriodType, { zh: string; en: string }> = {
  stock: { zh: '年末存量', en: 'level at year end' },
  annual: { zh: '当年流量', en: 'flow within one year' },
  period_total: { zh: '规划期内累计（新增）', en: 'total over the plan period (added)' },
  annual_growth: { zh: '逐年增长率', en: 'yearly growth rate' },
  average_annual_growth: { zh: '规划期年均增长率', en: 'average annual growth over the period' },
  position: { zh: '位次', en: 'rank' },
  qualitative: { zh: '定性', en: 'qualitative' },
};

/**
 * What an entry's indicator counts, over which period, in which unit (and of what, for a share; by which national
 * statistic, where one defines it), then how this plan's wording differs, when it does.
 */
export function describeDefinition(e: Pick<Entry, 'indicator' | 'wording'>, lang: Lang): string {
  const d = e.indicator.definition;
  const zh = lang === 'zh';
  const unit = !zh && d.unit === e.indicator.unit ? e.indicator.unitEn : d.unit;
  const parts = [zh ? d.zh : d.en, PERIOD_LABELS[d.period][lang], `${zh ? '单位：' : 'unit: '}${unit}`];
  if (d.denominator)
    parts.push(
      zh ? `分母：${d.denominator}` : `denominator: ${/[\u3400-\u9fff]/.test(d.denominator) ? `“${d.denominator}”` : d.denominator}`,
    );
  // The statistic and the plan's wording are the sources' own words: quoted in English.
  if (d.statistic) parts.push(zh ? `统计口径：${d.statistic}` : `statistic: “${d.statistic}”`);
  const text = parts.join(zh ? '；' : '; ');
  return e.wording ? `${text}${zh ? `。本规划表述：${e.wording}` : `. This plan's wording: “${e.wording}”`}` : text;
}

export function describeSource(v: { source: Value['source'] }): string {
  const s = v.source;
  if (s.cell) return `${s.seed}!${s.cell} (${s.kind}) “${s.quote}”`;
  const lines = s.endLine ? `${s.line}-${s.endLine}` : `${s.line}`;
  return `${s.seed}:${lines} (${s.kind}) “${s.quote}”`;
}

export function describeConflict(c: Conflict, lang: Lang): string {
  const field = c.field === 'target' ? (lang === 'zh' ? '目标' : 'target') : c.field;
  // The note is our reading, written in Chinese; in English the conflict is said from its fields, the quote kept.
  if (lang === 'en')
    return `${field}: elsewhere the plan states “${c.raw}”, which differs from the figure used [${c.source.seed}:${c.source.line}]`;
  return `${field}: “${c.raw}” — ${c.note} [${c.source.seed}:${c.source.line}]`;
}

/** Another place the plan states the same figure: field, raw text, file:line and quote. */
export function describeCorroboration(c: Corroboration, lang: Lang): string {
  const field = c.field === 'target' ? (lang === 'zh' ? '目标' : 'target') : c.field;
  return `${lang === 'zh' ? '另见' : 'also stated'} ${field}: “${c.raw}” — ${describeSource(c)}`;
}

/** The value whose source stands for the entry: the 2025 target, else the first stated value or staged target. */
function primary(e: Entry): Value {
  return (e.target ?? Object.values(e.values)[0] ?? e.milestones?.[0]) as Value;
}

export class Plan {
  readonly resolver: Resolver;
  /** Plans whose region repeats a region name of this one in another period (an imported 赣州 2024→2030 beside the seed 赣州). */
  private readonly others: Plan[];

  constructor(
    readonly dataset: Dataset,
    others: Dataset[] = [],
  ) {
    this.resolver = new Resolver(dataset);
    this.others = others.map((d) => new Plan(d));
  }

  /**
   * The seed plans with plans loaded from tables (see ./import.ts). An imported plan whose region name is already
   * taken by a plan of another period is kept beside it and chosen by the year asked; one of the same period is refused.
   * The version says so (`1.2.0+1 imported`), unless the plans come from one published package, whose version it keeps.
   */
  static withImported(base: Dataset, imported: Region[], version = `${base.version}+${imported.length} imported`): Plan {
    if (!imported.length) return new Plan(base);
    // The catalogue indexed once: linear in the entries, however many a table brings.
    const catalogue = [...base.catalogue];
    const known = new Set(catalogue.map((d) => d.id));
    for (const r of imported)
      for (const e of r.entries)
        if (!known.has(e.indicator.id)) {
          known.add(e.indicator.id);
          catalogue.push(e.indicator);
        }
    const main = [...base.regions];
    const others: Region[][] = [];
    for (const r of imported) {
      const layers = [main, ...others];
      const clash = layers.flatMap((l) => l.filter((x) => x.name === r.name));
      const same = clash.find((x) => describePeriod(periodOf(x)) === describePeriod(periodOf(r)));
      if (same) {
        throw new PlanError(
          'BAD_ARGUMENT',
          `已有${r.name}的规划（${describePeriod(periodOf(r))}），不能再加载同一时期的规划表`,
          `A plan of ${r.en} for ${describePeriod(periodOf(r))} is already loaded; a second table of the same period is refused`,
        );
      }
      const free = layers.find((l) => !l.some((x) => x.name === r.name));
      if (free) free.push(r);
      else others.push([r]);
    }
    const ds = (regions: Region[]): Dataset => ({ version, checksum: checksumOf(regions, catalogue), regions, catalogue });
    return new Plan(ds(main), others.map(ds));
  }

  regions(): Region[] {
    return this.dataset.regions;
  }

  /** Every plan's regions, including those that repeat a name in another period. */
  allRegions(): Region[] {
    return [...this.dataset.regions, ...this.others.flatMap((p) => p.regions())];
  }

  /**
   * How the pane and the host adapters name one plan: its region's name, or `name@target year` where plans of several
   * periods share the name (the seed 赣州 and an imported 赣州@2030).
   */
  refOf(r: Region): string {
    return this.allRegions().filter((x) => x.name === r.name).length > 1 ? `${r.name}@${periodOf(r).target}` : r.name;
  }

  /** The plan a reference from `refOf` names (a plain region name works as `region` does). */
  regionByRef(ref: string): Region {
    const m = /^(.+)@(\d{4})$/.exec(ref);
    if (!m) {
      const named = this.allRegions().filter((r) => r.name === ref.trim());
      if (named.length > 1) {
        const refs = named.map((r) => this.refOf(r));
        throw new PlanError(
          'AMBIGUOUS_REGION',
          `“${quoteInput(ref)}”有多个时期的规划（${named.map((r) => describePeriod(periodOf(r))).join('、')}），请写作 ${refs.join(' 或 ')}`,
          `"${quoteInput(ref)}" has plans of several periods (${named.map((r) => describePeriod(periodOf(r))).join(', ')}); write ${refs.join(' or ')}`,
          refs,
        );
      }
      return this.region(ref);
    }
    const found = this.allRegions().filter((r) => r.name === m[1] && periodOf(r).target === Number(m[2]));
    if (found.length === 1) return found[0];
    return this.region(m[1], Number(m[2])); // none or several: the same answer or error as a year asked
  }

  /** The region named `name`; where plans of several periods share the name, the one whose period holds `year`. */
  region(name: string, year?: number): Region {
    return this.planFor(name, year).resolver.region(name);
  }

  entry(region: string, indicator: string, year?: number): Entry {
    return this.planFor(region, year).resolver.lookup(region, indicator);
  }

  private planFor(region: string, year?: number): Plan {
    if (!this.others.length) return this;
    const found: { p: Plan; r: Region }[] = [];
    for (const p of [this as Plan, ...this.others]) {
      try {
        found.push({ p, r: p.resolver.region(region) });
      } catch (e) {
        if (!(e instanceof PlanError)) throw e;
      }
    }
    if (found.length <= 1) return found[0]?.p ?? this;
    const covering = year === undefined ? found : found.filter(({ r }) => year >= firstYearOf(periodOf(r)) && year <= periodOf(r).target);
    if (covering.length === 1) return covering[0].p;
    // A year that is one plan's own baseline or target year (2024 of a 2024→2030 plan, 2025 of the seeds) names that plan.
    const anchored = covering.filter(
      ({ r }) => year !== undefined && (periodOf(r).baselines.includes(year) || periodOf(r).target === year),
    );
    if (anchored.length === 1) return anchored[0].p;
    const periods = (covering.length ? covering : found).map(({ r }) => describePeriod(periodOf(r)));
    const asked = year === undefined ? '' : `${year}年`;
    throw new PlanError(
      'AMBIGUOUS_REGION',
      `“${quoteInput(region)}”有多个时期的规划（${periods.join('、')}），${asked ? `${asked}不能确定是哪一个` : '请填写年份以确定是哪一个'}`,
      `"${quoteInput(region)}" has plans of several periods (${periods.join(', ')}); ${
        year === undefined ? 'give a year to choose one' : `${year} does not tell which`
      }`,
      periods,
    );
  }

  /**
   * The target (the plan's target year, or omitted), the expected value on the path (the years between) or the
   * stated baseline (the plan's baseline years; 2019, 2020 for the seeds).
   */
  target(region: string, indicator: string, year?: number, method: PathMethod = 'linear'): number | string {
    const e = this.entry(region, indicator, year);
    const p = periodOf(e);
    year ??= p.target;
    const staged = milestoneAt(e, year);
    if (staged) return staged.value ?? staged.raw;
    checkYear(year, e);
    if (year === p.target) {
      const t = e.target;
      if (t && t.value === null && !t.increment) return t.raw;
      return targetOf(e).value;
    }
    if (year <= baseYearOf(p)) return this.baseline(region, indicator, year);
    return expectedValue(e, year, method);
  }

  /** The value the plan states for a baseline year (the last baseline year by default: 2020 for the seeds). */
  baseline(region: string, indicator: string, year?: number): number {
    const e = this.entry(region, indicator, year);
    const p = periodOf(e);
    year ??= baseYearOf(p);
    if (!p.baselines.includes(year)) {
      const ys = p.baselines.join('或');
      throw new PlanError('BAD_YEAR', `基期年份只能是${ys}，而不是${year}`, `A baseline year is ${p.baselines.join(' or ')}, not ${year}`);
    }
    const v = e.values[year];
    if (!v || v.value === null) {
      const said = v ? `（原文为“${v.raw}”）` : '';
      throw new PlanError(
        'NO_BASELINE',
        `${e.region}的规划未给出“${e.name}”${year}年的数值${said}`,
        `The plan of ${e.regionEn} states no ${year} value for "${e.indicator.en}"${v ? ` (it says "${v.raw}")` : ''}`,
      );
    }
    return v.value;
  }

  /** Progress towards the target by a method (linear, cagr or eurostat); see ./methods.ts. */
  assess(region: string, indicator: string, year: number, actual: number, method: MethodId = 'linear'): Assessment {
    return assess(this.entry(region, indicator, year), year, actual, method);
  }

  /** The status by any method: progress, or a trend (method trend; eurostat without a numeric target). */
  judge(region: string, indicator: string, year: number, actual: number, method: MethodId = 'linear'): Assessment | TrendAssessment {
    return judge(this.entry(region, indicator, year), year, actual, method);
  }

  statusLabel(a: Assessment | TrendAssessment, lang: Lang): string {
    return STATUS_LABELS[a.status][lang];
  }

  progress(region: string, indicator: string, actual: number, method: MethodId = 'linear', year?: number): number {
    return progress(this.entry(region, indicator, year), actual, method, year);
  }

  required(region: string, indicator: string, year: number, actual: number): Required {
    return required(this.entry(region, indicator, year), year, actual);
  }

  info(region: string, indicator: string, field: string, lang: Lang = 'zh'): string | number {
    const e = this.entry(region, indicator);
    const f = parseInfoField(field);
    const t = e.target;
    switch (f) {
      case 'unit':
        return e.unit;
      case 'name':
        return e.name;
      case 'indicator':
        return lang === 'zh' ? e.indicator.zh : e.indicator.id;
      case 'en':
        return e.indicator.en;
      case 'qualifier':
        return t?.qualifiers.join(' ') ?? '';
      case 'raw':
        return t?.raw ?? '';
      case 'range':
        // The target as the plan commits to it: both ends of a range ("36–39"), else the number, else the words.
        return t ? (t.value === null ? t.raw : figureText(t)) : '';
      case 'source':
        return [describeSource(primary(e)), ...(e.corroborations ?? []).map((c) => describeCorroboration(c, lang))].join('\n');
      case 'seed':
        return primary(e).source.seed;
      case 'line':
        return primary(e).source.line;
      case 'quote':
        return primary(e).source.quote;
      case 'conflicts':
        return e.conflicts.length ? e.conflicts.map((c) => describeConflict(c, lang)).join('\n') : lang === 'zh' ? '无' : 'none';
      case 'path':
        return trajectory(e)
          .map(([y, v]) => `${y}: ${v}`)
          .join('; ');
      case 'direction':
        return e.indicator.direction === 'up'
          ? lang === 'zh'
            ? '越高越好'
            : 'higher is better'
          : lang === 'zh'
            ? '越低越好'
            : 'lower is better';
      case 'kind':
        return measureKind(e.indicator);
      case 'estimate': {
        const est = [...Object.values(e.values), t].filter((v): v is Value => !!v && v.estimate).map((v) => `${v.year}: ${v.raw}`);
        return est.join('; ') || (lang === 'zh' ? '无' : 'none');
      }
      case 'remark':
        return e.remark ?? '';
      case 'version':
        return `${this.dataset.version} (${this.dataset.checksum})`;
      case 'definition':
        return describeDefinition(e, lang);
    }
  }
}

export function parseInfoField(field: string): InfoField {
  const f = field.trim().toLowerCase();
  if ((INFO_FIELDS as readonly string[]).includes(f)) return f as InfoField;
  const alias = INFO_ALIASES[field.trim()];
  if (alias) return alias;
  throw new PlanError(
    'BAD_ARGUMENT',
    `未知字段“${quoteInput(field)}”；可选：${INFO_FIELDS.join(', ')}`,
    `Unknown field "${quoteInput(field)}"; use one of: ${INFO_FIELDS.join(', ')}`,
    [...INFO_FIELDS],
  );
}
