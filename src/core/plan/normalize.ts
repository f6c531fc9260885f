import { VARIANT_PAIRS } from './variants.generated';

let variants: Map<string, string> | undefined;
/** The pairs the map was made from: in the browser panes they arrive with the data (variants.generated.browser.ts). */
let madeFrom: string | undefined;

function variantMap(): Map<string, string> {
  if (!variants || madeFrom !== VARIANT_PAIRS) {
    madeFrom = VARIANT_PAIRS;
    variants = new Map();
    const chars = [...VARIANT_PAIRS];
    for (let i = 0; i + 1 < chars.length; i += 2) variants.set(chars[i], chars[i + 1]);
  }
  return variants;
}

/** Traditional and regional variant characters to simplified (贛州 → 赣州, 高新技術企業 → 高新技术企业). */
export function toSimplified(s: string): string {
  const map = variantMap();
  let out = '';
  for (const ch of s) out += map.get(ch) ?? ch;
  return out;
}

/** Spellings of the same thing that the plans and their readers use interchangeably; applied after lower-casing. */
const SYNONYMS: [RegExp, string][] = [
  [/研究与试验发展|研究开发|研究与开发|研发/g, 'r&d'],
  [/r\s*(?:&|＆|and)\s*d/g, 'r&d'],
  [/规上/g, '规模以上'],
  [/国内生产总值|地区生产总值/g, 'gdp'],
  [/高企/g, '高新技术企业'],
  // 国家统计局 counts 营业收入 since 2019; earlier tables (and some plans) say 主营业务收入 for the same denominator.
  [/主营业务收入/g, '营业收入'],
  [/占比/g, '比重'],
  [/比例|之比/g, '比重'],
  [/的/g, ''],
  [/r&d\(r&d\)/g, 'r&d'],
  [/gdp\(gdp\)/g, 'gdp'],
];

/**
 * The form names are compared in: full-width to half-width (NFKC), lower case, simplified characters,
 * no spaces or punctuation that people add or drop, synonyms unified.
 */
export function normalizeName(input: string): string {
  let s = toSimplified(input.normalize('NFKC').toLowerCase());
  s = s.replace(/[\s\u00a0\u3000·•"'“”‘’「」『』《》、，,。.：:；;！!？?_]+/g, '');
  for (const [re, to] of SYNONYMS) s = s.replace(re, to);
  return s;
}

/** A name without a trailing unit in brackets, as tables write them: "高新技术企业数(家)" → "高新技术企业数". */
export function stripUnit(name: string): string {
  return name.replace(/\s*[(（][^()（）]*[)）]\s*$/, '');
}
