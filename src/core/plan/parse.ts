/**
 * Reading a value as the plan wrote it ("[0.63]", "1.25*", "2.5左右（力争达全国平均水平）", "新增 2-5", "突破10000家")
 * into a number, with everything the words said kept beside it.
 */

/** Words around a figure that change what it commits to. Longest first so "不低于" wins over "低于". */
export const QUALIFIERS = [
  '不低于',
  '不少于',
  '至少',
  '力争达到',
  '力争',
  '争取',
  '突破',
  '超过',
  '达到',
  '新增',
  '新建',
  '以上',
  '左右',
  '约',
  '达',
] as const;

/** 力争, 争取: the plan strives for the figure; it is an aspiration, not a firm commitment. */
export const ASPIRATION_WORDS: readonly string[] = ['力争达到', '力争', '争取'];
/** 新增, 新建: the figure is added over the plan period, not a level at its end. */
export const INCREMENT_WORDS: readonly string[] = ['新增', '新建'];

/**
 * How the figure bounds the value the plan wants: `at_least` (以上, 不低于, 不少于: reaching the figure meets it),
 * `above` (突破, 超过: more than the figure), `about` (左右, 约), `range` ("2-5", "3～4家": from the low end to the high end,
 * the low end being the commitment), `exact` (none of these; 达/达到 only say "reach").
 */
export type Bound = 'at_least' | 'above' | 'about' | 'exact' | 'range';

const BOUND_WORDS: [Bound, readonly string[]][] = [
  ['at_least', ['以上', '不低于', '不少于', '至少']],
  ['above', ['突破', '超过']],
  ['about', ['左右', '约']],
];

export interface ParsedValue {
  /** The text exactly as the plan wrote it. */
  raw: string;
  /** The number the text commits to, or null when the text has none (qualitative, "-"). */
  value: number | null;
  /** True when the plan marks the figure as an estimate or forecast ("[0.63]", "1.25*"). */
  estimate: boolean;
  /** Qualifying words found in the text, in the order of `QUALIFIERS`; the first is the main one. */
  qualifiers: string[];
  /** 力争/争取 in the text: an aspiration, shown apart from a firm target. */
  aspiration: boolean;
  /** How the figure bounds the value (以上 → at_least, 突破 → above, 左右 → about, else exact). */
  bound: Bound;
  /** 达/达到 in the text: the figure is a level to be reached. */
  reach: boolean;
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

/**
 * True when `raw` is made of `quote`: as one piece, or, where the raw keeps a governing word from further back in
 * the sentence ("力争…新增…10 家"), as pieces separated by "…" that occur in the quote in this order.
 */
export function rawInQuote(raw: string, quote: string): boolean {
  let from = 0;
  for (const piece of raw.split('…')) {
    if (piece === '') return false;
    const at = quote.indexOf(piece, from);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}

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

/** A date inside the words ("争取2025年达…", "到2025年底"): not the figure. */
const DATE = /(?:到|至)?\s*(?:19|20)\d{2}\s*年(?:底|末)?/g;

export interface ParseOptions {
  /**
   * The measure itself is a flow (counted over the plan period): "新增10" is then the figure, 10, not an
   * increment on a baseline.
   */
  flow?: boolean;
}

/**
 * Parse one value. `baseline` is needed to turn an increment ("新增10") into a level; without it the
 * increment is kept and `value` is null. Raw text may keep the words that govern the figure from further
 * back in the sentence, with "…" for the words left out ("力争…新增…10 家", "争取…达…7个").
 */
export function parseValue(raw: string, baseline: number | null = null, options: ParseOptions = {}): ParsedValue {
  const text = toHalfWidth(raw).trim();
  const result: ParsedValue = {
    raw,
    value: null,
    estimate: false,
    qualifiers: [],
    aspiration: false,
    bound: 'exact',
    reach: false,
    qualitative: false,
  };
  if (text === '' || text === '-' || text === '—' || text === '/') return result;

  let body = text.replace(/…+|\.{3,}/g, ' ');
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
    // "新增1家独角兽企业（总数达3家）": the plan states the total itself, so the total is the figure and the increment
    // the remark; a level is never tagged 新增 when its total is written.
    if (/^(?:总数|总量|累计|合计)达到?\s*\d/.test(result.remark)) [body, result.remark] = [result.remark, body.trim()];
  }
  // "省级以上" / "国家级以上": 以上 qualifies the level of the body, not the figure.
  body = body.replace(/级以上/g, '级');

  let rest = body;
  for (const q of QUALIFIERS) {
    if (rest.includes(q)) {
      result.qualifiers.push(q);
      rest = rest.split(q).join(' ');
    }
  }

  result.aspiration = result.qualifiers.some((q) => ASPIRATION_WORDS.includes(q));
  result.reach = result.qualifiers.some((q) => q === '达' || q === '达到' || q === '力争达到');
  for (const [bound, words] of BOUND_WORDS) {
    if (result.qualifiers.some((q) => words.includes(q))) {
      result.bound = bound;
      break;
    }
  }

  const figures = rest.replace(DATE, ' ');
  const m = figures.match(NUMBER) ?? chineseNumeral(rest);
  if (!m) {
    result.qualitative = true;
    return result;
  }
  // A minus sign written right before the figure, at the start ("-0.5", "−1.2以上" in a table): a negative number, not a
  // dash to drop. Words of direction ("下降5%") keep the figure positive: the indicator's direction says which way.
  const negative = m.index !== undefined && /^\s*[-−]\s*$/.test(figures.slice(0, m.index));
  const low = negative ? -Number(m[1]) : Number(m[1]);
  const high = m[2] !== undefined ? Number(m[2]) : undefined;

  if (high !== undefined && high !== low && result.bound === 'exact') result.bound = 'range';
  if (!options.flow && result.qualifiers.some((q) => INCREMENT_WORDS.includes(q))) {
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

/** Both ends of a range the plan states ("2-5", "新增 2-5" on a baseline of 34 → [36, 39]); null for a single figure. */
export function rangeOf(v: Pick<ParsedValue, 'low' | 'high'> | undefined): [number, number] | null {
  return v && v.low !== undefined && v.high !== undefined && v.low !== v.high ? [v.low, v.high] : null;
}

/** A figure as the plan commits to it: "36–39" for a range, else the number. */
export function figureText(v: Pick<ParsedValue, 'low' | 'high' | 'value'>): string {
  const r = rangeOf(v);
  return r ? `${r[0]}–${r[1]}` : String(v.value);
}
