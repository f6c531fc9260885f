/**
 * The questions every door asks (task pane, PLAN functions, `plan` command, workbook), answered from one dataset.
 * Arguments are already typed here; turning cell contents or command-line words into them is each door's job.
 */
import { PlanError, quoteInput } from './errors';
import { BASELINE_YEAR, TARGET_YEAR, type Conflict, type Corroboration, type Dataset, type Entry, type Region, type Value } from './model';
import { Resolver } from './resolve';
import { assess, progress, required, STATUS_LABELS, type Assessment, type Required } from './status';
import { milestoneAt } from './milestones';
import { checkYear, expectedValue, targetOf, trajectory, type PathMethod } from './trajectory';

export type Lang = 'zh' | 'en';

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
};

export function describeSource(v: { source: Value['source'] }): string {
  const s = v.source;
  const lines = s.endLine ? `${s.line}-${s.endLine}` : `${s.line}`;
  return `${s.seed}:${lines} (${s.kind}) “${s.quote}”`;
}

export function describeConflict(c: Conflict, lang: Lang): string {
  const field = c.field === 'target' ? (lang === 'zh' ? '目标' : 'target') : c.field;
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

  constructor(readonly dataset: Dataset) {
    this.resolver = new Resolver(dataset);
  }

  regions(): Region[] {
    return this.dataset.regions;
  }

  region(name: string): Region {
    return this.resolver.region(name);
  }

  entry(region: string, indicator: string): Entry {
    return this.resolver.lookup(region, indicator);
  }

  /** The target (2025 or omitted), the expected value on the path (2021–2024) or the stated baseline (2019, 2020). */
  target(region: string, indicator: string, year: number = TARGET_YEAR, method: PathMethod = 'linear'): number | string {
    const e = this.entry(region, indicator);
    const staged = milestoneAt(e, year);
    if (staged) return staged.value ?? staged.raw;
    checkYear(year);
    if (year === TARGET_YEAR) {
      const t = e.target;
      if (t && t.value === null && !t.increment) return t.raw;
      return targetOf(e).value;
    }
    if (year <= BASELINE_YEAR) return this.baseline(region, indicator, year);
    return expectedValue(e, year, method);
  }

  /** The value the plan states for 2019 or 2020 (2020 by default). */
  baseline(region: string, indicator: string, year: number = BASELINE_YEAR): number {
    const e = this.entry(region, indicator);
    if (year !== 2019 && year !== 2020) {
      throw new PlanError('BAD_YEAR', `基期年份只能是2019或2020，而不是${year}`, `A baseline year is 2019 or 2020, not ${year}`);
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

  assess(region: string, indicator: string, year: number, actual: number, method: PathMethod = 'linear'): Assessment {
    return assess(this.entry(region, indicator), year, actual, method);
  }

  statusLabel(a: Assessment, lang: Lang): string {
    return STATUS_LABELS[a.status][lang];
  }

  progress(region: string, indicator: string, actual: number): number {
    return progress(this.entry(region, indicator), actual);
  }

  required(region: string, indicator: string, year: number, actual: number): Required {
    return required(this.entry(region, indicator), year, actual);
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
        return e.indicator.kind;
      case 'estimate': {
        const est = [...Object.values(e.values), t].filter((v): v is Value => !!v && v.estimate).map((v) => `${v.year}: ${v.raw}`);
        return est.join('; ') || (lang === 'zh' ? '无' : 'none');
      }
      case 'remark':
        return e.remark ?? '';
      case 'version':
        return `${this.dataset.version} (${this.dataset.checksum})`;
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
