/** What went wrong, in words a person can act on. Every door maps these codes to its own form of error. */
export type PlanErrorCode =
  | 'UNKNOWN_REGION'
  | 'AMBIGUOUS_REGION'
  | 'NO_PLAN'
  | 'UNKNOWN_INDICATOR'
  | 'AMBIGUOUS_INDICATOR'
  | 'NOT_IN_PLAN'
  | 'BAD_YEAR'
  | 'BAD_NUMBER'
  | 'BAD_ARGUMENT'
  | 'NO_BASELINE'
  | 'NO_TARGET'
  | 'QUALITATIVE'
  | 'NO_ACTUAL';

/** Codes that mean "no such thing" (Excel: #N/A) rather than "that argument is malformed" (Excel: #VALUE!). */
export const NOT_FOUND_CODES: ReadonlySet<PlanErrorCode> = new Set([
  'UNKNOWN_REGION',
  'AMBIGUOUS_REGION',
  'NO_PLAN',
  'UNKNOWN_INDICATOR',
  'AMBIGUOUS_INDICATOR',
  'NOT_IN_PLAN',
  'NO_BASELINE',
  'NO_TARGET',
  'QUALITATIVE',
  'NO_ACTUAL',
]);

export class PlanError extends Error {
  readonly code: PlanErrorCode;
  /** The same message in English. `message` is Chinese. */
  readonly messageEn: string;
  /** The closest valid inputs, best first, when there are any. */
  readonly candidates: string[];

  constructor(code: PlanErrorCode, zh: string, en: string, candidates: string[] = []) {
    super(zh);
    this.name = 'PlanError';
    this.code = code;
    this.messageEn = en;
    this.candidates = candidates;
  }

  /** The message in the given language ("zh" or anything else for English). */
  text(lang: string): string {
    return lang.startsWith('zh') ? this.message : this.messageEn;
  }
}

/** Shortens input quoted back in a message so that a 10,000-character argument does not become the message. */
export function quoteInput(input: string, max = 24): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  const clean = input.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
