#!/usr/bin/env node
// Builds the `plan` command into one JavaScript file, build/cli/plan.js (esbuild: TypeScript in, CommonJS for Node
// out; npm packages stay outside the bundle and are loaded from node_modules when a command needs them).
// Run by `npm ci` (the prepare script), by `npm test` before the tests, and by bin/plan.js when src/ is newer.
const { join } = require('node:path');

const root = join(__dirname, '..');
const OUT = join(root, 'build', 'cli', 'plan.js');

function buildCli() {
  require('esbuild').buildSync({
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    outfile: OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return OUT;
}

module.exports = { buildCli, OUT };
if (require.main === module) console.log(`built ${buildCli()}`);
