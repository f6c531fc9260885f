/**
 * npm run bench: how long the PLAN functions take on hostile arguments (test/trust/hostile.ts, the fuzz test's
 * generator), against an ordinary warm PLAN.TARGET call on the same machine in the same run. Printed as ratios, never
 * asserted: a pathological case (quadratic work on a long string, say) shows as a large ratio.
 */
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { FUNCTIONS, setLanguage, type FunctionId } from '../src/functions/impl';
import { ARITY, hostile } from '../test/trust/hostile';

function time(call: () => unknown): number {
  const t0 = performance.now();
  try {
    call();
  } catch {
    // a refusal is an answer too
  }
  return performance.now() - t0;
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

setLanguage('zh-CN');
for (let i = 0; i < 20000; i++) FUNCTIONS.TARGET('赣州', '高新技术企业', 2023);
const ordinary = Array.from({ length: 20000 }, () => time(() => FUNCTIONS.TARGET('赣州', '高新技术企业', 2023))).sort((a, b) => a - b);
const unit = pct(ordinary, 50);
console.log(
  `PLAN functions on hostile arguments (1500 each), as multiples of an ordinary warm TARGET call (median ${(unit * 1000).toFixed(1)} µs):`,
);
console.log('function    p50×    p99×    max×   max ms');
for (const id of Object.keys(FUNCTIONS) as FunctionId[]) {
  const samples = fc.sample(fc.array(hostile, { minLength: 0, maxLength: ARITY[id] }), { numRuns: 1500, seed: 42 });
  const times = samples.map((args) => time(() => (FUNCTIONS[id] as (...a: unknown[]) => unknown)(...args))).sort((a, b) => a - b);
  const r = (ms: number): string => (ms / unit).toFixed(0).padStart(7);
  console.log(
    `${id.padEnd(10)} ${r(pct(times, 50))} ${r(pct(times, 99))} ${r(times[times.length - 1])}   ${times[times.length - 1].toFixed(2)}`,
  );
}
