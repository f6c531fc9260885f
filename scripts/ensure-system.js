#!/usr/bin/env node
// Before `npm test`: the tests open the workbook in LibreOffice and the pane in Chromium. Installs them
// (Debian packages) when missing and this user may; otherwise says exactly what to install. Never skips tests.
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

const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (!cjkFonts()) missing.push('fonts-noto-cjk');
if (!has('soffice')) missing.push('libreoffice-calc');
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
