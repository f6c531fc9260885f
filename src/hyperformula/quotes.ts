/**
 * Formulas as people type them with a Chinese input method: “curly” or ＂full-width＂ quotes around text, and
 * full-width commas, brackets and equals signs around them. Outside a string none of these is valid formula
 * syntax, so reading them as their ASCII forms changes only formulas that would otherwise not parse. Text
 * inside straight quotes ("“十四五”规划") is left exactly as typed.
 */

/** Double quotes an input method may produce. */
const CURLY = new Set(['“', '”', '＂', '〝', '〞', '„', '‟']);
/** Full-width punctuation read as its ASCII form outside strings. */
const PUNCTUATION: Record<string, string> = { '，': ',', '（': '(', '）': ')', '＝': '=', '；': ';' };
/** Single quotes that cannot be read: in a formula, ' marks a sheet name, not text. */
const SINGLE = /[‘’＇]/;

export interface ReadFormula {
  /** The formula with the quotes and punctuation above read as straight ones (the input when nothing changed). */
  formula: string;
  /** True when a curly or full-width character was read as its ASCII form. */
  changed: boolean;
  /**
   * True when the formula has quotes that could not be read as straight ones: a text opened by a curly quote
   * that never closes, or single quotes (‘’, ＇, or ' around text). The message then says "use straight quotes".
   */
  unreadable: boolean;
}

export function readFormula(input: string): ReadFormula {
  let out = '';
  let state: 'outside' | 'straight' | 'curly' = 'outside';
  let changed = false;
  const chars = [...input];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (state === 'straight') {
      out += ch;
      if (ch === '"') {
        if (chars[i + 1] === '"') out += chars[++i];
        else state = 'outside';
      }
    } else if (state === 'curly') {
      // A text opened by a curly quote ends at the next quote of any kind, as the person meant it.
      if (CURLY.has(ch) || ch === '"') {
        out += '"';
        state = 'outside';
      } else out += ch;
    } else if (ch === '"') {
      out += ch;
      state = 'straight';
    } else if (CURLY.has(ch)) {
      out += '"';
      state = 'curly';
      changed = true;
    } else if (PUNCTUATION[ch] && (ch !== '＝' || out.trim() === '')) {
      out += PUNCTUATION[ch];
      changed = true;
    } else out += ch;
  }
  if (state === 'curly') return { formula: input, changed: false, unreadable: true };
  const bare = outsideStrings(out);
  return { formula: changed ? out : input, changed, unreadable: SINGLE.test(bare) || /'[^'!]*'(?!!)/.test(bare) };
}

/** The formula with the contents of straight-quoted strings removed. */
export function outsideStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"?/g, '""');
}
