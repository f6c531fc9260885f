/**
 * Reading a value as the plan wrote it ("[0.63]", "1.25*", "2.5左右（力争达全国平均水平）", "新增 2-5", "突破10000家")
 * into a number, with everything the words said kept beside it.
 */

/** Words around a figure that change what it commits to. Longest first so "不低于" wins over "低于". */
export const QUALIFIERS = ['不低于', '不少于', '力争达到', '力争', '突破', '超过', '达到', '新增', '以上', '左右', '约', '达'] as const;

export interface ParsedValue {
  /** The text exactly as the plan wrote it. */
  raw: string;
  /** The number the text commits to, or null when the text has none (qualitative, "-"). */
  value: number | null;
  /** True when the plan marks the figure as an estimate or forecast ("[0.63]", "1.25*"). */
  estimate: boolean;
  /** Qualifying words found in the text, in the order of `QUALIFIERS`; the first is the main one. */
  qualifiers: string[];
  /** For ranges ("2-5"): both ends. The low end is the commitment, so `value === low`. */
  low?: number;
  high?: number;
  /** For increments ("新增10"): the amount added to the baseline. `value` is then baseline + increment. */
  increment?: { low: number; high: number };
  /** Text beside the figure that is neither number, unit nor qualifier, e.g. "力争达全国平均水平". */
  remark?: string;
  /** True when the text states no number at all ("全省中上游"). */
  qualitative: boolean;
}

const NUMBER = /(\d+(?:\.\d+)?)(?:\s*[-—~～至]\s*(\d+(?:\.\d+)?))?/;

/** Removes binary floating-point noise (1.51 + 0.1 = 1.6100000000000001) from computed figures. */
export function roundFigure(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A count written in Chinese numerals before a measure word ("千名", "百个", "万家", "十大", "一次"), read as a
 * match of NUMBER would be (only the first group). Null when the text holds no such count.
 */
function chineseNumeral(text: string): RegExpMatchArray | null {
  const m = text.match(/([零一二两三四五六七八九十百千万]+)(?=[名个家项人所条批位次大套])/);
  if (!m) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of m[1]) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch];
    else if (ch in CN_UNITS) {
      section += (digit ?? 1) * CN_UNITS[ch];
      digit = null;
    } else {
      total += (section + (digit ?? 0) || 1) * 10000;
      section = 0;
      digit = null;
    }
  }
  return [m[0], String(total + section + (digit ?? 0))] as unknown as RegExpMatchArray;
}

/** Half-width digits, letters and punctuation; the seeds mix both widths. */
function toHalfWidth(s: string): string {
  return s.normalize('NFKC');
}

/**
 * Parse one value. `baseline` is needed to turn an increment ("新增10") into a level; without it the
 * increment is kept and `value` is null.
 */
export function parseValue(raw: string, baseline: number | null = null): ParsedValue {
  const text = toHalfWidth(raw).trim();
  const result: ParsedValue = { raw, value: null, estimate: false, qualifiers: [], qualitative: false };
  if (text === '' || text === '-' || text === '—' || text === '/') return result;

  let body = text;
  if (/^\[.*\]$/.test(body)) {
    result.estimate = true;
    body = body.slice(1, -1);
  }
  if (/\*$/.test(body)) {
    result.estimate = true;
    body = body.slice(0, -1);
  }

  const remarkMatch = body.match(/\(([^)]*)\)/);
  if (remarkMatch) {
    result.remark = remarkMatch[1].trim();
    body = body.replace(remarkMatch[0], '');
  }

  let rest = body;
  for (const q of QUALIFIERS) {
    if (rest.includes(q)) {
      result.qualifiers.push(q);
      rest = rest.split(q).join(' ');
    }
  }

  const m = rest.match(NUMBER) ?? chineseNumeral(rest);
  if (!m) {
    result.qualitative = true;
    return result;
  }
  const low = Number(m[1]);
  const high = m[2] !== undefined ? Number(m[2]) : undefined;

  if (result.qualifiers.includes('新增')) {
    result.increment = { low, high: high ?? low };
    if (baseline !== null) {
      result.value = roundFigure(baseline + low);
      if (high !== undefined) {
        result.low = roundFigure(baseline + low);
        result.high = roundFigure(baseline + high);
      }
    }
    return result;
  }
  result.value = low;
  if (high !== undefined) {
    result.low = low;
    result.high = high;
  }
  return result;
}
