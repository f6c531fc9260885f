/**
 * The words of a name that fix which kind of measure it is, and the words that may be left over without changing
 * it. Both work on normalised names (`normalizeName`: 占比, 比例 and 之比 are already 比重; 研发 is already r&d).
 */
import type { IndicatorDef } from './model';

/** ratio: a share in % (强度, 比重, 率); amount: money (额, 经费, 支出); growth: a growth rate (增速, 增长). */
export type Measure = 'ratio' | 'amount' | 'growth';

/** What a name says about the measure it means; absent fields say nothing. */
export interface Asked {
  measure?: Measure;
  /** The name speaks of a flow over the period: 新增, 新建. */
  flow: boolean;
  /** The word that fixed `measure` (or 新增/新建), as it stands in the name, for messages. */
  word?: string;
}

const GROWTH = /增速|增长|增幅|递增/;
const RATIO = /强度|比重|比率|率/;
const AMOUNT = /额|经费|支出/;
const FLOW = /新增|新建/;

/**
 * What the words of a normalised name say. A growth word wins over a ratio word (增长率 is a growth rate), and a
 * ratio word over an amount word (经费支出占GDP比重 is a ratio of an amount).
 */
export function askedOf(key: string): Asked {
  const flow = FLOW.exec(key)?.[0];
  for (const [measure, re] of [
    ['growth', GROWTH],
    ['ratio', RATIO],
    ['amount', AMOUNT],
  ] as const) {
    const word = re.exec(key)?.[0];
    if (word) return { measure, flow: !!flow, word };
  }
  return flow ? { flow: true, word: flow } : { flow: false };
}

/** The measure an indicator is, in the same terms (undefined for counts, ranks and qualitative goals). */
export function measureOf(def: IndicatorDef): Measure | undefined {
  if (def.kind === 'share') return 'ratio';
  if (def.kind === 'growth') return 'growth';
  if (def.kind === 'level' && /元/.test(def.definition?.unit ?? def.unit)) return 'amount';
  return undefined;
}

/** True when nothing the name says contradicts the indicator: its measure word, and 新增/新建 for a flow. */
export function agrees(asked: Asked, def: IndicatorDef): boolean {
  if (asked.measure && measureOf(def) !== asked.measure) return false;
  if (asked.flow && def.definition?.period !== 'period_total') return false;
  return true;
}

/** How a measure is named in messages. */
export const MEASURE_WORDS: Record<Measure | 'flow', { zh: string; en: string }> = {
  ratio: { zh: '比重（%）', en: 'a ratio (%)' },
  amount: { zh: '金额', en: 'an amount of money' },
  growth: { zh: '增长速度', en: 'a growth rate' },
  flow: { zh: '规划期内的新增数', en: 'a flow over the plan period' },
};

/** Units a name may carry in brackets. */
const UNIT = '%|‰|亿元|万元|元|家|个|件|项|人|名|位|所|次|人年|万人|万人次|人次|万套|门|套';
const IGNORABLE: RegExp[] = [new RegExp(`\\((?:r&d|gdp|${UNIT})\\)`, 'g'), /(?:19|20)\d{2}年(?:度|末|底)?/g, /全市|全省|全社会/g];
/** What may end a name without changing it: 数, 数量, 总数 (but not 指数, 系数), a percent sign, a sum of money. */
const TRAILING = /(?:总数|数量|%|亿元|万元)$/;

/**
 * `key` without what may be left over without changing the measure: the region (`regions`: their names and full names, normalised, longest first; 吉安市级… keeps its 市级),
 * a year, a unit, 数/数量/总数 (unless `trailing` is false), 全市/全省/全社会, and brackets around R&D, GDP or a unit.
 */
export function stripIgnorable(key: string, regions: readonly string[], trailing = true): string {
  let s = key;
  for (const r of regions) if (r && s.includes(r)) s = s.replace(new RegExp(`${r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!级)`, 'g'), '');
  for (const re of IGNORABLE) s = s.replace(re, '');
  for (let i = 0; trailing && i < 2; i++) {
    s = s.replace(TRAILING, '');
    if (s.endsWith('数') && !/[指系]数$/.test(s)) s = s.slice(0, -1);
  }
  return s;
}
