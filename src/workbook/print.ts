/**
 * The printed report's measures: how wide a text or a number shows, in the column-width units of a spreadsheet (the
 * width of a digit of the workbook's 11 pt font), so that columns are sized to what they hold and rows are tall
 * enough for their wrapped lines. Estimates on the generous side: a column a little wide costs a little scale, a text
 * cut short costs the reader a figure.
 */

/** Full-width characters (CJK ideographs and punctuation, fullwidth forms): one em, about two digits at 11 pt. */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f\u2014\u2026\u201c\u201d\u2018\u2019]/;

/** Width of `text` in column units at `size` pt (a digit of 11 pt is one unit, a CJK character two). */
export function textUnits(text: string, size = 11): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 2 : /[A-Z%@#&mw]/.test(ch) ? 1.3 : 1;
  return (n * size) / 11;
}

/**
 * Width of a Latin word or label in column units, closer than `textUnits` (which counts every letter as a digit): the
 * narrow letters and marks of Calibri (i, l, t, f, r, s, brackets, stops) at what they take, still on the generous
 * side. For header words and status labels, which set a column's least width; "(baseline)" is 8.25 here, 10 there.
 */
export function wordUnits(text: string, size = 11): number {
  let n = 0;
  for (const ch of text) {
    if (WIDE.test(ch)) n += 2;
    else if (/[ijl.,:;'!|]/.test(ch)) n += 0.5;
    else if (/[ftr()[\]/\- ]/.test(ch)) n += 0.7;
    else if (/[sz]/.test(ch)) n += 0.85;
    else if (/[mw]/.test(ch)) n += 1.55;
    else if (/[A-Z%@#&]/.test(ch)) n += 1.3;
    else n += 1;
  }
  return (n * size) / 11;
}

/** Punctuation a line may not begin with: it goes with the character before it (kinsoku). */
const CLOSING = '，。、；：？！）》」』”’%,.;:)';

/**
 * Lines `text` wraps into in a column `width` units wide, wrapped as a spreadsheet does: between any two CJK
 * characters (closing punctuation kept with the one before), at spaces between Latin words, and inside a Latin word
 * only when it is longer than a line. A cell keeps about half a unit for its margins.
 */
export function linesIn(text: string, width: number, size = 11): number {
  const usable = Math.max(1, width - 0.5);
  let lines = 0;
  for (const part of text.split('\n')) {
    const tokens = part.match(new RegExp(`${WIDE.source}[${CLOSING}]*|[^\\s\\u2e80-\\u9fff\\uff00-\\uffef]+[${CLOSING}]*|\\s+`, 'g')) ?? [];
    let n = 1;
    let used = 0;
    for (const token of tokens) {
      const w = textUnits(token, size) * 1.02;
      if (/^\s+$/.test(token)) {
        used += w;
        continue;
      }
      if (used + w <= usable) used += w;
      else if (w <= usable) {
        n++;
        used = w;
      } else {
        // A word longer than a line breaks where it must.
        const total = used + w;
        n += Math.ceil(total / usable) - 1;
        used = total - (Math.ceil(total / usable) - 1) * usable;
      }
    }
    lines += n;
  }
  return lines;
}

/** Height in points of `lines` lines of `size` pt text (CJK fonts stand taller than Latin ones). */
export function heightOf(lines: number, size = 11): number {
  return Math.ceil(lines * size * 1.45 + 4);
}

/**
 * A number as a cell with number format `format` shows it, for the formats the layout uses (0, 0.0, 0.00, #,##0
 * with decimals, 0%, 0.0%, and a range's "–39" suffix); any other format, the number as JavaScript writes it.
 */
export function shown(value: number, format = 'General'): string {
  const suffix = /"([^"]*)"$/.exec(format)?.[1] ?? '';
  const core = format.replace(/"[^"]*"$/, '');
  const percent = core.endsWith('%');
  const decimals = (/\.(0+)/.exec(core)?.[1] ?? '').length;
  const v = percent ? value * 100 : value;
  if (!/^[#,0.]+%?$/.test(core)) return String(value);
  let s = v.toFixed(decimals);
  if (core.includes(',')) {
    const [int, frac] = s.split('.');
    s = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
  }
  return `${s}${percent ? '%' : ''}${suffix}`;
}

/** Room between a column's widest content and its border, so that a number never meets the next column's text. */
export const PAD = 1.3;

/** What one indent takes of a column's width (units). */
export const INDENT = 1.6;
