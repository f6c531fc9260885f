#!/usr/bin/env node
// `npm test`: every step runs, even after one fails, and the run ends with one line per step, the wall time and
// the ten slowest jest files, so a failure is never hidden behind `&&` and the next slowdown is seen.
//   npm test -- <jest args>   passes the arguments to jest (e.g. a path pattern); the other steps still run.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const results = join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const jestReport = join(results, 'jest.json');
const npx = (bin) => join(root, 'node_modules', '.bin', bin);

// Stages run one after another; the steps of a stage run side by side (this machine has two cores, and a type check
// or a browser waiting on its page leaves one idle). Steps in one lane run in order. Only a stage's first lane writes
// to the terminal as it runs; the others' output is kept and printed, whole, when they end.
const stages = [
  [
    [
      ['build:cli', process.execPath, [join(__dirname, 'build-cli.js')]],
      ['build:test', 'npm', ['run', '--silent', 'build:test']],
      ['syntax (es-check)', process.execPath, [join(__dirname, 'check-syntax.js'), 'dist-test']],
    ],
    [['typecheck', npx('tsc'), ['--noEmit', '-p', 'tsconfig.json']]],
  ],
  // The end-to-end runs wait on their browser about half the time: beside jest, they fill what its workers leave.
  [
    [['jest', npx('jest'), ['--json', `--outputFile=${jestReport}`, ...process.argv.slice(2)]]],
    [
      ['e2e (Excel panes)', npx('tsx'), [join(root, 'test/e2e/run.ts')]],
      ['e2e (WPS pane)', npx('tsx'), [join(root, 'test/panes/wps/render.ts')]],
    ],
  ],
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const started = Date.now();
const summary = [];

/** Run one step; `quiet` keeps its output and hands it back instead of writing it as it comes. */
function run([name, cmd, args], quiet) {
  return new Promise((resolve) => {
    const t = Date.now();
    let out = '';
    if (!quiet) console.log(`\n▶ ${name}`);
    const child = spawn(cmd, args, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (quiet) for (const s of [child.stdout, child.stderr]) s.on('data', (b) => (out += b));
    const done = (why, ok) => resolve({ name, ok, ms: Date.now() - t, why, out });
    child.on('error', (e) => done(e.message, false));
    child.on('close', (code, signal) => done(signal || `exit ${code}`, code === 0));
  });
}

async function main() {
  for (const lanes of stages) {
    const ran = await Promise.all(
      lanes.map(async (lane, i) => {
        const done = [];
        for (const step of lane) done.push(await run(step, i > 0));
        return done;
      }),
    );
    for (const [i, lane] of ran.entries()) {
      for (const r of lane) {
        if (i > 0) process.stdout.write(`\n▶ ${r.name} (beside the above)\n${r.out}`);
        summary.push(r);
      }
    }
  }
  console.log('\n── npm test ──');
  for (const s of summary)
    console.log(`${s.ok ? '✓' : '✗'} ${s.name.padEnd(20)} ${seconds(s.ms).padStart(8)}${s.ok ? '' : `  (${s.why})`}`);
  console.log(`wall time ${seconds(Date.now() - started)}`);
  try {
    const report = JSON.parse(fs.readFileSync(jestReport, 'utf8'));
    const files = report.testResults
      .map((f) => ({ file: f.name.slice(root.length + 1), ms: f.endTime - f.startTime }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 10);
    console.log(`slowest jest files (${report.numTotalTests} tests in ${report.testResults.length} files):`);
    for (const f of files) console.log(`  ${seconds(f.ms).padStart(8)}  ${f.file}`);
  } catch (_) {
    console.log('slowest jest files: no jest report');
  }
  process.exit(summary.every((s) => s.ok) ? 0 : 1);
}

main();
