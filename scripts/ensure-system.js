#!/usr/bin/env node
// Before `npm test`: the tests open the workbook in LibreOffice (and read its PDF with poppler) and the pane in
// Chromium. Installs them (Debian packages) when missing and this user may; otherwise says exactly what to install.
// Never skips tests.
const { execSync } = require('node:child_process');
const { existsSync } = require('node:fs');

require('./ensure-packages');

const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const has = (cmd) => {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
};
const cjkFonts = () => existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
// Carlito has Calibri's metrics (the workbook's font): LibreOffice then sizes columns and pages as Excel does, which
// the print test (test/workbook/print.test.ts) measures.
const carlito = () => existsSync('/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf');

const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (!cjkFonts()) missing.push('fonts-noto-cjk');
if (!has('soffice')) missing.push('libreoffice-calc');
if (!carlito()) missing.push('fonts-crosextra-carlito');
if (!has('pdftotext') || !has('pdftoppm')) missing.push('poppler-utils');
if (missing.length === 0) process.exit(0);

const root = typeof process.getuid === 'function' && process.getuid() === 0;
if (root && has('apt-get')) {
  console.log(`Installing ${missing.join(', ')} (apt-get) for the browser and LibreOffice tests…`);
  execSync('apt-get update', { stdio: 'inherit' });
  execSync(`apt-get install -y ${missing.join(' ')}`, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  process.exit(0);
}
console.error(`The tests need ${missing.join(', ')}. Install them, e.g.: sudo apt-get install -y ${missing.join(' ')}`);
process.exit(1);
