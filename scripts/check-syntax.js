#!/usr/bin/env node
// Every shipped script parses in the webviews that load it (es-check): what taskpane.html names and everything under
// legacy/ as ES5 (IE11, EdgeHTML), every other script as ES2020 (WebView2, Safari 15, current browsers, WPS's Chromium).
// Usage: node scripts/check-syntax.js [dist-dir]   (default dist/)
'use strict';
const { execFileSync } = require('node:child_process');
const { readFileSync, readdirSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');

const dir = process.argv[2] || 'dist';
const html = readFileSync(join(dir, 'taskpane.html'), 'utf8');
const named = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
const all = [];
(function walk(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.js')) all.push(p);
  }
})(dir);
const es5 = all.filter((p) => named.includes(relative(dir, p).split('\\').join('/')) || relative(dir, p).startsWith('legacy'));
const es2020 = all.filter((p) => !es5.includes(p));
const esCheck = join(__dirname, '..', 'node_modules', 'es-check', 'lib', 'cli', 'index.js');
const run = (version, files) => {
  if (!files.length) throw new Error(`check-syntax: no ${version} files found in ${dir}`);
  execFileSync(process.execPath, [esCheck, version, ...files, '--silent'], { stdio: 'inherit' });
  console.log(`es-check ${version}: ${files.length} file(s) parse`);
};
run('es5', es5);
run('es2020', es2020);
