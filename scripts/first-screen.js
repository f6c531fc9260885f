// The panes' first screens as static HTML in taskpane.html (issue 30: ready at once). The modern pane's markup and
// its style rules are App's own first render (src/panes/modern/firstScreen.tsx: React's renderToString, Fluent's SSRProvider,
// Griffel's renderToStyleElements), made here in Node from the same TypeScript the pane is built from: bundled by
// esbuild (packages stay in node_modules, so React is one copy) and run in a child process with NODE_ENV=production,
// so React, Fluent and Griffel take the path the shipped bundle takes, and this build's own environment is untouched.
// No Office, no window: the compiled-in dataset only.
'use strict';
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.join(__dirname, '..');
let made = null;

/**
 * { html: markup for <div id="root">, styles: <style> elements for <head>, legacy: the legacy pane's first screen
 * (src/panes/legacy/firstScreen.ts: plain HTML from the data renderLegacy draws its top from) }, made once per process.
 */
function firstScreen() {
  if (made) return made;
  const out = require('esbuild').buildSync({
    stdin: {
      contents: [
        "import { renderFirstScreen } from './src/panes/modern/firstScreen';",
        "import { renderLegacyFirstScreen } from './src/panes/legacy/firstScreen';",
        "import { linkedMissing } from './src/hosts/excel/requirements';",
        "import { dataset } from './src/data/index';",
        "import { Plan } from './src/core/plan/plan';",
        'const plan = new Plan(dataset());',
        "const why = linkedMissing({ linked: false }, 'zh');",
        'process.stdout.write(JSON.stringify({ ...renderFirstScreen(plan), legacy: renderLegacyFirstScreen(plan, why) }));',
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
      sourcefile: 'first-screen-entry.ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    jsx: 'automatic',
    packages: 'external',
    write: false,
    logLevel: 'warning',
  });
  // `node -` reads the script from stdin and resolves its packages from cwd (this checkout's node_modules).
  const json = execFileSync(process.execPath, ['-'], {
    cwd: root,
    input: out.outputFiles[0].text,
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 64 * 1024 * 1024,
  }).toString('utf8');
  made = JSON.parse(json);
  return made;
}

module.exports = { firstScreen };
