/**
 * The addresses the official actuals cite (data/actuals/*.csv: the url column and any address in a note). The
 * compiled-in actuals carry them as text, so they stand in the bundles; they are citations shown to people, never
 * requested. The bundle tests let exactly these through, and any text a bundle runs on after one (a comma, a note).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '..', 'data', 'actuals');
const URL_CHARS = /[A-Za-z0-9/_%?=&#.:~+-]/;

export const CITED: string[] = [
  ...new Set(
    ['actuals.csv', 'conflicts.csv'].flatMap((f) =>
      [...readFileSync(join(DIR, f), 'utf8').matchAll(/\bhttps?:\/\/[A-Za-z0-9/_%?=&#.:~+-]+/g)].map((m) => m[0].replace(/[.,:]+$/, '')),
    ),
  ),
];

/** Whether an address found in a bundle is one the actuals cite (followed by something that is not part of an address). */
export function isCited(found: string): boolean {
  return CITED.some((c) => found.startsWith(c) && (found.length === c.length || !URL_CHARS.test(found[c.length])));
}
