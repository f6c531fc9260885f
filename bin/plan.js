#!/usr/bin/env node
// The `plan` command: runs src/cli/main.ts through tsx, so it works straight after `npm ci` with no build step.
require('tsx/cjs');
const { run } = require('../src/cli/main.ts');
const out = (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
const err = (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
Promise.resolve(run(process.argv.slice(2), { out, err })).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    err(`内部错误 / internal error: ${e && e.stack ? e.stack : e}`);
    process.exitCode = 70;
  },
);
