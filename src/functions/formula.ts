/** Writing a PLAN formula from the pane's choices: text quoted as Excel wants, an actual as a cell or a number. */
export const BUILDABLE = ['TARGET', 'BASELINE', 'STATUS', 'GAP', 'PROGRESS', 'REQUIRED', 'INFO'] as const;
export type Buildable = (typeof BUILDABLE)[number];

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** An actual given as a cell reference (A1, $B$7, Sheet1!C3) stays a reference; anything else is a number or quoted. */
function actualArg(actual: string): string {
  const a = actual.trim();
  if (/^(?:'[^']+'!|[A-Za-z0-9_\u4e00-\u9fff]+!)?\$?[A-Za-z]{1,3}\$?\d{1,7}$/.test(a)) return a;
  if (a !== '' && Number.isFinite(Number(a))) return String(Number(a));
  return quote(a);
}

export function buildFormula(fn: Buildable, region: string, indicator: string, year: number, actual = '', field = 'source'): string {
  const head = [quote(region), quote(indicator)];
  switch (fn) {
    case 'TARGET':
    case 'BASELINE':
      return `=PLAN.${fn}(${[...head, String(year)].join(',')})`;
    case 'STATUS':
    case 'GAP':
    case 'REQUIRED':
      return `=PLAN.${fn}(${[...head, String(year), actualArg(actual)].join(',')})`;
    case 'PROGRESS':
      return `=PLAN.PROGRESS(${[...head, actualArg(actual)].join(',')})`;
    case 'INFO':
      return `=PLAN.INFO(${[...head, quote(field)].join(',')})`;
  }
}
