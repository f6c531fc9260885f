#!/usr/bin/env node
// `npm run test:load [-- N]`: `npm test` N times in a row (3 unless told) while a CPU-bound process runs beside it on
// every core, as on a busy machine. It stops at the first red run and ends with one line per run and its wall time.
// A test that passes idle and fails here depends on the machine's speed, which no test may (issue 32).
const { spawn, spawnSync } = require('node:child_process');
const os = require('node:os');
const { join } = require('node:path');

const runs = Number(process.argv[2] || 3);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`test:load：次数须为正整数，收到 ${process.argv[2]} / the number of runs must be a positive integer`);
  process.exit(2);
}
const cores = os.availableParallelism ? os.availableParallelism() : os.cpus().length;
// One busy loop per core: the tests share every core with work that never yields.
const burners = Array.from({ length: cores }, () =>
  spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore', detached: process.platform !== 'win32' }),
);
const stop = () => burners.forEach((b) => b.kill('SIGKILL'));
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));

const root = join(__dirname, '..');
const results = [];
for (let i = 1; i <= runs; i++) {
  console.log(`\n══ test:load run ${i}/${runs}, ${cores} busy loop(s) beside it ══`);
  const t = Date.now();
  const r = spawnSync('npm', ['test'], { cwd: root, stdio: 'inherit' });
  results.push({ i, ok: r.status === 0, s: ((Date.now() - t) / 1000).toFixed(0) });
  if (r.status !== 0) break;
}
stop();
console.log('\n── test:load ──');
for (const r of results) console.log(`${r.ok ? '✓' : '✗'} run ${r.i}  ${r.s} s`);
const ok = results.length === runs && results.every((r) => r.ok);
console.log(ok ? `${runs} runs in a row passed under load` : 'a run failed under load');
process.exit(ok ? 0 : 1);
