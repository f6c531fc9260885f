/**
 * What Excel and WPS 表格 make of a string typed into a cell, or written to a range's values (Office.js `values` and
 * `formulas`, ET `Value2` and `Formula`), when the cell is not in the text format "@". Shared by both fakes
 * (./fakeExcel.ts, ./fakeEt.ts); pure, so the in-page fakes bundle it too.
 */
type Raw = string | number | boolean | null;

const DAY_MS = 86_400_000;
/** Excel's serial number of a date (days since 1899-12-30), or null when there is no such day. */
function serial(y: number, m: number, d: number): number | null {
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (m < 1 || m > 12 || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / DAY_MS);
}

/** A plain number as Excel reads one typed: digits (leading zeros dropped), thousands commas, a decimal point, 1E5. */
function plainNumber(s: string): number | null {
  if (!/\d/.test(s) || !/^[+-]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?(?:[eE][+-]?\d+)?$/.test(s)) return null;
  return Number(s.replace(/,/g, ''));
}

/**
 * What Excel makes of a string typed into a cell of General format, or written to `Range.values` or `formulas`
 * (the Office JS reference: a string is entered as if typed; one starting with "=", "+" or "-" is read as a
 * formula; locale-shaped dates are read in the host's locale, modelled here as en-US):
 * - TRUE / FALSE in any case → a boolean; 1E5, 004, 1,000, +5 → numbers (leading zeros dropped);
 * - 5% → 0.05; (100) → -100;
 * - times 4:28, 4:28:30, 004:228 → the fraction of a day (hours and minutes may run over, as Excel allows);
 * - dates 1-2, 3/4 (month-day of this year), 3/4/2025, 2025-3-4 → the date's serial number;
 * - another string starting with "+" or "-" → a formula (often an error); a leading apostrophe → the rest as text;
 * - anything else stays text.
 */
export function asTyped(s: string): Raw {
  if (s === '' || s.startsWith('=')) return s;
  if (s.startsWith("'")) return s.slice(1);
  // "@SUM(A1)": Excel reads a leading @ as the start of a formula (it adds the "=").
  if (s.length > 1 && s.startsWith('@')) return `=${s.slice(1)}`;
  const t = s.trim();
  if (/^(true|false)$/i.test(t)) return t.toUpperCase() === 'TRUE';
  const n = plainNumber(t);
  if (n !== null) return n;
  const neg = t.match(/^\((.+)\)$/);
  if (neg && !/^[+-]/.test(neg[1]) && plainNumber(neg[1]) !== null) return -plainNumber(neg[1])!;
  const pct = t.match(/^(.+?)\s*%$/);
  if (pct && plainNumber(pct[1]) !== null) return plainNumber(pct[1])! / 100;
  const time = t.match(/^(\d+):(\d+)(?::(\d+(?:\.\d+)?))?$/);
  if (time) return (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86400;
  const thisYear = new Date().getFullYear();
  const md = t.match(/^(\d{1,2})[-/](\d{1,2})$/);
  const mdy = t.match(/^(\d{1,2})[-/](\d{1,2})[-/](\d{4}|\d{2})$/);
  const ymd = t.match(/^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/);
  const date = md
    ? serial(thisYear, Number(md[1]), Number(md[2]))
    : mdy
      ? serial(mdy[3].length === 2 ? 2000 + Number(mdy[3]) : Number(mdy[3]), Number(mdy[1]), Number(mdy[2]))
      : ymd
        ? serial(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]))
        : null;
  if (date !== null) return date;
  if (/^[+-]/.test(t)) return `=${t}`;
  return s;
}
