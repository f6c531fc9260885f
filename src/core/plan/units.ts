/**
 * Exact conversion between the units the plans write: 万件 and 件, 万人 and 人, 亿元 and 万元 … A unit is a base
 * (件, 人, 个, 元 …) with a power of ten in front of it (万 = 10⁴, 亿 = 10⁸). Conversion shifts the decimal point
 * of the figure as written, so 8 万件 is 80000 件 exactly and 0.07 万件 is 700 件, not 700.0000000000001.
 */
import type { Entry, Lang } from './model';

/** Words for the same base: 名 and 人 both count people; 家 and 个 both count units (firms, platforms, institutions). */
const SAME_BASE: Record<string, string> = { 名: '人', 家: '个' };

/** Prefixes that multiply a base by a power of ten, longest first. */
const PREFIXES: [string, number][] = [
  ['亿', 8],
  ['万', 4],
  ['千', 3],
  ['百', 2],
];

/** Units that stand for "no unit written" (a rank in a table column headed "-"). */
const NO_UNIT = new Set(['', '-', '—', '/']);

export interface UnitParts {
  /** The counted thing: 件, 人, 元, 个, %, 位 … */
  base: string;
  /** Power of ten in front of it: 4 for 万, 8 for 亿. */
  exponent: number;
}

/** Splits a unit into its base and power of ten: 万件 → 件 × 10⁴, 亿元 → 元 × 10⁸, % → % × 10⁰. */
export function unitParts(unit: string): UnitParts {
  const u = unit.normalize('NFKC').trim();
  for (const [p, exponent] of PREFIXES) {
    if (u.length > p.length && u.startsWith(p)) {
      const base = u.slice(p.length);
      return { base: SAME_BASE[base] ?? base, exponent };
    }
  }
  return { base: SAME_BASE[u] ?? u, exponent: 0 };
}

/** Exactly `x × 10^k` as the nearest double to the decimal result (no binary noise from multiplying). */
export function shiftDecimal(x: number, k: number): number {
  if (k === 0 || !Number.isFinite(x)) return x;
  // The shortest decimal that names x, with its own exponent when it has one ("1e-8"): shift that exponent.
  const [mantissa, exponent = '0'] = String(x).split('e');
  return Number(`${mantissa}e${Number(exponent) + k}`);
}

/** True when a figure in `from` can be stated in `to` (same base, or either one is "no unit written"). */
export function convertible(from: string, to: string): boolean {
  if (NO_UNIT.has(from.trim()) || NO_UNIT.has(to.trim())) return true;
  return unitParts(from).base === unitParts(to).base;
}

/**
 * `value` written in `from`, stated in `to`: convert(8, '万件', '件') = 80000. Throws when the units count
 * different things (件 and 家), since such figures must never be put side by side.
 */
export function convert(value: number, from: string, to: string): number {
  if (NO_UNIT.has(from.trim()) || NO_UNIT.has(to.trim())) return value;
  const a = unitParts(from);
  const b = unitParts(to);
  if (a.base !== b.base) throw new Error(`单位“${from}”与“${to}”不可换算 / units "${from}" and "${to}" do not convert`);
  return shiftDecimal(value, a.exponent - b.exponent);
}

/**
 * A figure of `e` in the unit `plan compare` states the indicator in (its definition's): "3" 万个 → 30000 个. A figure
 * already in that unit, or in a unit that does not convert, is returned as it is.
 */
export function inCompareUnit(e: Entry, value: number): number {
  const to = e.indicator.definition?.unit ?? e.indicator.unit;
  return to && to !== e.unit && convertible(e.unit, to) ? convert(value, e.unit, to) : value;
}

/**
 * An indicator's unit in the pane's language. Chinese: the unit as the plan wrote it. English: the catalogue's
 * English unit (`unitEn`), scaled when the plan counts in 万 (10,000) or 亿 (100 million) of what the catalogue
 * counts one by one — 万个 企业 → "10,000 enterprises", 万件 → "10,000 patents" — in the catalogue's own style
 * ("10,000 people", "100 million yuan").
 */

const SCALES: [string, string][] = [
  ['万', '10,000'],
  ['亿', '100 million'],
];

/** Unit words the catalogue leaves as "-" (a qualitative position written as 位次). */
const WORDS: Record<string, string> = { 位: 'rank' };

export function unitLabel(e: Entry, lang: Lang): string {
  if (lang === 'zh') return e.unit;
  const en = e.indicator.unitEn === '-' ? (WORDS[e.unit] ?? '') : e.indicator.unitEn;
  if (e.unit === e.indicator.unit) return en;
  for (const [zh, scale] of SCALES) {
    if (e.unit.startsWith(zh) && !e.indicator.unit.startsWith(zh) && !en.startsWith(scale)) return en ? `${scale} ${en}` : scale;
  }
  return en;
}
