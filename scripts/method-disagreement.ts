/**
 * How often do the linear ratio (序时进度) and Eurostat's growth-rate ratio put an actual value in different status
 * categories? Over every rising indicator of the dataset with a numeric baseline and target, years 2021–2024, and
 * actual values on a grid of 0–120 % (step 1 %). Two readings of "x % of the linear path" are measured:
 *
 *   level:    actual = x · expected(y)                    (x % of the value the linear path expects)
 *   progress: actual = B + x · (expected(y) − B)          (x % of the progress the linear path expects)
 *
 * Run: npx tsx scripts/method-disagreement.ts
 */
import { dataset } from '../src/data/index';
import { assess } from '../src/core/progress/status';
import { baselineOf, expectedValue, targetOf } from '../src/core/progress/trajectory';
import type { Entry } from '../src/core/plan/model';

const entries: Entry[] = [];
for (const r of dataset().regions) {
  for (const e of r.entries) {
    if (e.indicator.direction !== 'up' || e.indicator.kind === 'growth') continue;
    try {
      const b = baselineOf(e).value;
      const t = targetOf(e).value;
      if (t > b && b > 0) entries.push(e);
    } catch {
      /* no numeric path */
    }
  }
}

const RANK = ['moving_away', 'behind', 'slightly_behind', 'on_track', 'achieved'];

function measure(kinds: string[], reading: 'level' | 'progress'): { n: number; cases: number; differ: number; lenient: number } {
  const set = entries.filter((e) => kinds.includes(e.indicator.kind));
  let cases = 0;
  let differ = 0;
  let lenient = 0;
  for (const e of set) {
    const b = baselineOf(e).value;
    for (const y of [2021, 2022, 2023, 2024]) {
      const ex = expectedValue(e, y);
      for (let pct = 0; pct <= 120; pct++) {
        const x = pct / 100;
        const actual = reading === 'level' ? x * ex : b + x * (ex - b);
        const l = assess(e, y, actual, 'linear').status;
        const s = assess(e, y, actual, 'eurostat').status;
        cases++;
        if (l !== s) differ++;
        if (RANK.indexOf(s) > RANK.indexOf(l)) lenient++;
      }
    }
  }
  return { n: set.length, cases, differ, lenient };
}

const out: string[] = [];
for (const kinds of [['level'], ['level', 'share']]) {
  for (const reading of ['level', 'progress'] as const) {
    const m = measure(kinds, reading);
    out.push(
      `${kinds.join('+').padEnd(11)} ${reading.padEnd(8)} indicators ${String(m.n).padStart(2)}  cases ${String(m.cases).padStart(5)}  differ ${String(m.differ).padStart(5)}  ${((100 * m.differ) / m.cases).toFixed(1)}%  (eurostat kinder in ${m.lenient})`,
    );
  }
}
process.stdout.write(`${out.join('\n')}\n`);
