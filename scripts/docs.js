#!/usr/bin/env node
// `npm run docs`: copies the screenshots the last `npm test` made (test-results/) into docs/, on purpose. The tests
// themselves never write into tracked files.
const fs = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const results = join(root, 'test-results');
// The two pages of the printed report are rendered from LibreOffice's PDF (pdftoppm), not by the e2e: see docs/report.md.
const byHand = new Set(['report-page-1.png', 'report-page-2.png']);
const shots = fs.readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.png') && !byHand.has(f));
const missing = shots.filter((f) => !fs.existsSync(join(results, f)));
if (missing.length) {
  console.error(`test-results/ lacks ${missing.join(', ')}: run npm test first.`);
  process.exit(1);
}
for (const f of shots) fs.copyFileSync(join(results, f), join(root, 'docs', f));
console.log(`docs/: ${shots.length} screenshots copied from test-results/`);
