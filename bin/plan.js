#!/usr/bin/env node
// The `plan` command: runs src/cli/main.ts through tsx, so it works straight after `npm ci` with no build step.
require('tsx/cjs');
const { run } = require('../src/cli/main.ts');
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
