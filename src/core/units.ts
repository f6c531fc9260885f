/**
 * An indicator's unit in the pane's language. Chinese: the unit as the plan wrote it. English: the catalogue's
 * English unit (`unitEn`), scaled when the plan counts in 万 (10,000) or 亿 (100 million) of what the catalogue
 * counts one by one — 万个 企业 → "10,000 enterprises", 万件 → "10,000 patents" — in the catalogue's own style
 * ("10,000 people", "100 million yuan").
 */
import type { Entry } from './model';
import type { Lang } from './plan';

const SCALES: [string, string][] = [
  ['万', '10,000'],
  ['亿', '100 million'],
];

/** Unit words the catalogue leaves as "-" (a qualitative position written as 位次). */
const WORDS: Record<string, string> = { 位: 'rank' };

export function unitLabel(e: Entry, lang: Lang): string {
  if (lang === 'zh') return e.unit;
  const en = e.indicator.unitEn === '-' ? (WORDS[e.unit] ?? '') : e.indicator.unitEn;
  if (e.unit === e.indicator.unit) return en;
  for (const [zh, scale] of SCALES) {
    if (e.unit.startsWith(zh) && !e.indicator.unit.startsWith(zh) && !en.startsWith(scale)) return en ? `${scale} ${en}` : scale;
  }
  return en;
}
