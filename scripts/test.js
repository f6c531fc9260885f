#!/usr/bin/env node
// `npm test`: every step runs, even after one fails, and the run ends with one line per step, the wall time and
// the ten slowest jest files, so a failure is never hidden behind `&&` and the next slowdown is seen.
//   npm test -- <jest args>   passes the arguments to jest (e.g. a path pattern); the other steps still run.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const results = join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });
const jestReport = join(results, 'jest.json');
const npx = (bin) => join(root, 'node_modules', '.bin', bin);

const steps = [
  ['typecheck', npx('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['build:cli', process.execPath, [join(__dirname, 'build-cli.js')]],
  ['build:test', 'npm', ['run', '--silent', 'build:test']],
  ['syntax (es-check)', process.execPath, [join(__dirname, 'check-syntax.js'), 'dist-test']],
  ['jest', npx('jest'), ['--json', `--outputFile=${jestReport}`, ...process.argv.slice(2)]],
  ['e2e (Excel panes)', npx('tsx'), [join(root, 'test/e2e/run.ts')]],
  ['e2e (WPS pane)', npx('tsx'), [join(root, 'test/panes/wps/render.ts')]],
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const started = Date.now();
const summary = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  summary.push({ name, ok: r.status === 0, ms: Date.now() - t, why: r.error ? r.error.message : r.signal || `exit ${r.status}` });
}

console.log('\n── npm test ──');
for (const s of summary) console.log(`${s.ok ? '✓' : '✗'} ${s.name.padEnd(20)} ${seconds(s.ms).padStart(8)}${s.ok ? '' : `  (${s.why})`}`);
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
