/**
 * npm run bench: how long one `plan` answer takes from a cold process, as a multiple of a bare `node -e 0` measured in
 * the same run, alternating the two so that a busy machine slows both alike. Printed, never asserted (goal ≤ 3×).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = join(__dirname, '..');
execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.js')]);
const RUNS = 15;
const time = (args: string[]): number => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return performance.now() - t0;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bare: number[] = [];
const plan: number[] = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(time(['-e', '0']));
  plan.push(time([join(root, 'bin', 'plan.js'), 'target', '赣州', '高新技术企业', '2025']));
}
const ratio = median(plan) / median(bare);
console.log(
  `plan target 赣州 高新技术企业 2025: median ${median(plan).toFixed(0)} ms over ${RUNS} cold starts; bare node -e 0: ${median(bare).toFixed(0)} ms; ratio ${ratio.toFixed(2)}× (goal ≤ 3×)`,
);
