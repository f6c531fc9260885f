/*
 * While editing a region's data: checks one authored region file against its seed — every quote is in the seed at its
 * line(s), every raw is in its quote, every indicator id is in the catalogue. (npm test checks all regions the same way.)
 * Run: npx tsx scripts/verify-region.ts src/data/regions/ganzhou.ts
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AuthoredRegion, AuthoredValue } from '../src/data/types';
import { CATALOGUE } from '../src/data/catalogue';
import { rawInQuote } from '../src/core/plan/parse';

async function main(): Promise<void> {
  const file = resolve(process.argv[2]);
  const mod = await import(file);
  const region: AuthoredRegion = mod.region;
  const ids = new Set(CATALOGUE.map((d) => d.id));
  const lines = readFileSync(join(__dirname, '..', 'seeds', region.seed), 'utf8').split('\n');
  let problems = 0;
  const check = (where: string, v: AuthoredValue): void => {
    const text = lines.slice(v.line - 1, v.endLine ?? v.line).join('');
    if (!text.includes(v.quote)) {
      problems++;
      console.log(`${where}: quote not on line ${v.line}${v.endLine ? '-' + v.endLine : ''}: ${v.quote}`);
    }
    if (!rawInQuote(v.raw, v.quote)) {
      problems++;
      console.log(`${where}: raw "${v.raw}" not in quote`);
    }
  };
  for (const e of region.entries) {
    if (!ids.has(e.indicator)) {
      problems++;
      console.log(`${e.name}: unknown indicator id ${e.indicator}`);
    }
    for (const [y, v] of Object.entries(e.values)) if (v) check(`${e.name} ${y}`, v);
    if (e.target) check(`${e.name} target`, e.target);
    for (const c of e.conflicts ?? []) check(`${e.name} conflict ${c.field}`, c);
    for (const m of e.milestones ?? []) check(`${e.name} milestone ${m.year}`, m);
  }
  for (const c of region.corroborations ?? []) {
    if (!region.entries.some((e) => e.indicator === c.indicator)) {
      problems++;
      console.log(`corroboration line ${c.line}: no entry with indicator ${c.indicator}`);
    }
    check(`corroboration ${c.indicator} ${c.field}`, c);
  }
  console.log(`${region.name}: ${region.entries.length} entries, ${problems} problems`);
  process.exit(problems ? 1 : 0);
}
void main();
