/**
 * Looking up an official actual value (`plan actual`, PLAN.ACTUAL, `plan assess`): by region and indicator as users
 * name them, the year given or the latest, and the fields of its source. Pure: the caller hands in the actuals in use
 * (an --actuals file, a published package's, or the compiled-in data/actuals).
 */
import { PlanError, quoteInput } from '../errors';
import type { Entry } from '../plan/model';
import type { Plan } from '../plan/plan';
import { ACTUAL_DETAILS, type Actual, type ActualDetail } from './packageFormat';

/** The actuals of one entry of a plan, latest year first. */
export function actualsOf(actuals: readonly Actual[], e: Pick<Entry, 'region' | 'indicator'>): Actual[] {
  return actuals.filter((a) => a.region === e.region && a.indicator === e.indicator.id).sort((x, y) => y.year - x.year);
}

/**
 * The official actual of `region`'s `indicator` in `year`, or in the latest year with one. Unknown names are refused
 * as everywhere (Plan.entry); no figure is NO_ACTUAL, naming the years that have one.
 */
export function findActual(
  plan: Plan,
  actuals: readonly Actual[],
  region: string,
  indicator: string,
  year?: number,
): { entry: Entry; actual: Actual } {
  const entry = plan.entry(region, indicator, year);
  const found = actualsOf(actuals, entry);
  const who = `${entry.region}“${entry.name}”`;
  const whoEn = `${entry.region} "${entry.indicator.en}"`;
  if (!found.length) {
    throw new PlanError(
      'NO_ACTUAL',
      `${who}没有公开实际值（官方实际值数据中没有这一项；可用 --actuals 文件提供）`,
      `${whoEn} has no public actual value (none in the official actuals; an --actuals file can give one)`,
    );
  }
  if (year === undefined) return { entry, actual: found[0] };
  const actual = found.find((a) => a.year === year);
  if (!actual) {
    const years = found.map((a) => a.year).sort((x, y) => x - y);
    throw new PlanError(
      'NO_ACTUAL',
      `${who}${year}年没有公开实际值；有公开实际值的年份：${years.join('、')}`,
      `${whoEn} has no public actual value for ${year}; years with one: ${years.join(', ')}`,
      years.map(String),
    );
  }
  return { entry, actual };
}

/** The fields PLAN.ACTUAL and `plan actual` give: the value, its year, the one-line source and its details. */
export const ACTUAL_FIELDS = ['value', 'year', 'unit', 'source', ...ACTUAL_DETAILS] as const;
export type ActualField = (typeof ACTUAL_FIELDS)[number];

/** Chinese names of the fields, as a person may type them. */
const ACTUAL_ALIASES: Record<string, ActualField> = {
  值: 'value',
  数值: 'value',
  实际值: 'value',
  年份: 'year',
  年: 'year',
  单位: 'unit',
  来源: 'source',
  出处: 'source',
  口径: 'caliber',
  发布者: 'publisher',
  发布机构: 'publisher',
  标题: 'title',
  日期: 'date',
  发布日期: 'date',
  网址: 'url',
  链接: 'url',
  原文: 'quote',
  原句: 'quote',
  转载: 'reprint',
  推算: 'derived',
  冲突: 'conflict',
  分歧: 'conflict',
};

export function parseActualField(field: string): ActualField {
  const f = field.trim().toLowerCase();
  if ((ACTUAL_FIELDS as readonly string[]).includes(f)) return f as ActualField;
  const alias = ACTUAL_ALIASES[field.trim()];
  if (alias) return alias;
  throw new PlanError(
    'BAD_ARGUMENT',
    `未知字段“${quoteInput(field)}”；可选：${ACTUAL_FIELDS.join(', ')}`,
    `Unknown field "${quoteInput(field)}"; use one of: ${ACTUAL_FIELDS.join(', ')}`,
    [...ACTUAL_FIELDS],
  );
}

/** One field of an actual: a number for value and year, text otherwise ('' where the source states nothing). */
export function actualField(entry: Entry, a: Actual, field: ActualField): string | number {
  if (field === 'value') return a.value;
  if (field === 'year') return a.year;
  if (field === 'unit') return entry.unit;
  if (field === 'source') return a.source;
  return a[field as ActualDetail] ?? '';
}

/** The source of an actual as lines of "label: text", for `plan actual --source`: only the fields it has. */
export function describeActual(entry: Entry, a: Actual, lang: 'zh' | 'en'): string {
  const labels: Record<Exclude<ActualField, 'unit'>, [string, string]> = {
    value: ['数值', 'value'],
    year: ['年份', 'year'],
    source: ['来源', 'source'],
    caliber: ['口径', 'caliber'],
    publisher: ['发布者', 'publisher'],
    title: ['标题', 'title'],
    date: ['日期', 'date'],
    url: ['网址', 'URL'],
    quote: ['原文', 'quote'],
    reprint: ['转载', 'reprint'],
    derived: ['推算', 'derived'],
    conflict: ['分歧', 'conflict'],
  };
  const zh = lang === 'zh';
  const rows: [string, string][] = [
    [labels.value[zh ? 0 : 1], `${a.value} ${entry.unit}`.trim()],
    [labels.year[zh ? 0 : 1], String(a.year)],
  ];
  // With the details given, the one-line source repeats them; without (a plain --actuals file), it is all there is.
  const detailed = a.publisher || a.url || a.quote;
  for (const f of (detailed ? ACTUAL_DETAILS : (['source', ...ACTUAL_DETAILS] as const)) as readonly (keyof typeof labels)[]) {
    const v = actualField(entry, a, f);
    // The reprint column says "转载：<who>" itself.
    if (v !== '') rows.push([labels[f][zh ? 0 : 1], String(v).replace(/^转载：/, '')]);
  }
  return rows.map(([k, v]) => `${k}${zh ? '：' : ': '}${v}`).join('\n');
}

/** A source in one line: publisher《title》date URL, or the `source` column when the details are not given. */
export function sourceLine(a: Actual): string {
  return a.publisher ? `${a.publisher}《${a.title ?? ''}》${a.date ?? ''} ${a.url ?? ''}`.trim() : a.source;
}

/**
 * The disagreements between public sources of an entry's actuals (data/actuals/conflicts.csv), one line each: the
 * figure in use and the other source's, for `plan info … conflicts` and PLAN.INFO(…, "conflicts").
 */
export function actualConflictLines(e: Entry, inUse: readonly Actual[], conflicts: readonly Actual[], lang: 'zh' | 'en'): string[] {
  return actualsOf(conflicts, e)
    .reverse()
    .map((other) => {
      const used = actualsOf(inUse, e).find((a) => a.year === other.year);
      const zh = lang === 'zh';
      const head = zh ? `实际值来源分歧（${other.year}年）：` : `actual sources disagree (${other.year}): `;
      const mine = used ? (zh ? `采用 ${used.value}（${sourceLine(used)}）；` : `in use ${used.value} (${sourceLine(used)}); `) : '';
      const theirs = zh ? `另一来源 ${other.value}（${sourceLine(other)}）` : `other source ${other.value} (${sourceLine(other)})`;
      return head + mine + theirs;
    });
}

/** The plan's own answer to "conflicts" (`none` when it has none) with the actual-source disagreements after it. */
export function withActualConflicts(answer: string, more: string[], lang: 'zh' | 'en'): string {
  const none = lang === 'zh' ? '无' : 'none';
  return [...(answer === none && more.length ? [] : [answer]), ...more].join('\n');
}
