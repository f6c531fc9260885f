#!/usr/bin/env node
// The `plan` command: runs build/cli/plan.js, the CLI compiled into one file (scripts/build-cli.js), so that an answer
// starts fast. `npm ci`, `npm test`, `npm start` and `npm run build:cli` (after editing src/) build it; where it is
// missing, it is built here first.
const fs = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const built = join(root, 'build', 'cli', 'plan.js');

if (!fs.existsSync(built)) {
  try {
    require('../scripts/build-cli').buildCli();
  } catch (e) {
    const missing = e && e.code === 'MODULE_NOT_FOUND';
    process.stderr.write(
      missing
        ? 'plan 尚未安装依赖：请先在项目目录运行 npm ci / plan is not installed yet: run npm ci in the project folder first\n'
        : `plan 无法构建 / plan could not be built: ${e && e.message ? e.message : e}\n请运行 / run: npm run build:cli\n`,
    );
    process.exit(70);
  }
}

const { run } = require(built);
// `plan table 赣州 | head` closes the pipe early: stop quietly instead of crashing with EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
const out = (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
const err = (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
Promise.resolve(run(process.argv.slice(2), { out, err, env: process.env })).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    err(`内部错误 / internal error: ${e && e.stack ? e.stack : e}`);
    process.exitCode = 70;
  },
);
