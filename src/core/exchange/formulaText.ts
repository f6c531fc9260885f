/**
 * Text is text: the one place that decides whether a text would be taken for a formula by a spreadsheet, and how each
 * writer keeps such a text a text (issue 27). Pure; imports nothing.
 *
 * What counts as formula text (`readsAsFormula`), decided once for import, the hosts and the CSVs:
 * - it begins with `=` or `@` (Excel, WPS and LibreOffice start a formula, or an implicit-intersection one, there);
 * - it begins with `+` or `-` and is not a number ("+1+1", "-1+1", "-A1" become formulas when typed; "-5", "+2.5%",
 *   "-1,200" stay numbers). A lone sign or a run of dashes ("-", "--", "－") is a placeholder, not a formula;
 * - the full-width ＝ ＠ ＋ － count as their ASCII forms: Excel and WPS with a Chinese or Japanese input method may turn
 *   them into the ASCII sign on entry, and a plan never starts a name or a figure with one;
 * - a leading tab or carriage return (OWASP's CSV advice: some readers drop it and read what follows) counts as what
 *   follows it; other leading white space makes a cell text in every spreadsheet, so " =1" is not formula text.
 */

const SIGNS: Record<string, string> = { '＝': '=', '＠': '@', '＋': '+', '－': '-' };

/** A number as a spreadsheet reads one typed with a sign: "-5", "+2.5", "-1,200", "-3.5%", "-1e3". */
const SIGNED_NUMBER = /^[+-]\s*(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?(e[+-]?\d+)?\s*%?$/i;

function isSignedNumber(t: string): boolean {
  return SIGNED_NUMBER.test(t) && /\d/.test(t);
}

/** The first character that decides, and the text from it: leading tabs and CRs dropped, full-width signs made ASCII. */
function lead(text: string): string {
  const t = text.replace(/^[\t\r]+/, '');
  const first = t.charAt(0);
  return (SIGNS[first] ?? first) + t.slice(1);
}

/** True when a spreadsheet would read `text` as a formula (see above). */
export function readsAsFormula(text: string): boolean {
  const t = lead(text);
  const first = t.charAt(0);
  if (first === '=' || first === '@') return true;
  if (first !== '+' && first !== '-') return false;
  if (/^[+\-－＋\s]*$/.test(t)) return false; // "-", "--", "+": placeholders
  return !isSignedNumber(t);
}

/**
 * What to hand a spreadsheet host's cell setter (Office.js `values`, ET `Value2`) so that it stores `text` as that very
 * text: a text the host would parse as a formula, or one beginning with an apostrophe (which the host would take as the
 * text prefix and drop), goes behind one apostrophe. The host keeps the apostrophe as the cell's prefix, not in its value.
 */
export function hostText(text: string): string {
  return readsAsFormula(text) || text.charAt(0) === "'" ? `'${text}` : text;
}

/** True when a CSV cell must be quoted: it begins with = + - @, a tab or CR (full-width too) and is not a number. */
function csvHostile(text: string): boolean {
  const t = lead(text);
  const first = t.charAt(0);
  if (/^[\t\r]/.test(text)) return true;
  if (first === '=' || first === '@') return true;
  if (first === '+' || first === '-') return !isSignedNumber(t);
  return false;
}

/**
 * A text as a CSV we write carries it (OWASP, CSV injection): a cell that begins with = + - @ (or a tab, CR, a
 * full-width sign) and is not a number gets one leading apostrophe, so no spreadsheet opening the file runs it. So that
 * the round trip is lossless, a text that already begins with apostrophes followed by such a character gets one more.
 * `csvUnquote` undoes exactly this.
 */
export function csvQuote(text: string): string {
  return csvHostile(text.replace(/^'+/, '')) ? `'${text}` : text;
}

/** The text a CSV cell written by `csvQuote` carried: one leading apostrophe dropped where `csvQuote` added it. */
export function csvUnquote(cell: string): string {
  return cell.charAt(0) === "'" && csvHostile(cell.replace(/^'+/, '')) ? cell.slice(1) : cell;
}
