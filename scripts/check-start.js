#!/usr/bin/env node
/* global Buffer, clearTimeout */
// CI's first-day check: `npm start` on this clone serves the pane. Starts it, waits for its summary box, fetches
// taskpane.html and the portable workbook over HTTPS, then stops it (its whole process group) by PID.
const { spawn } = require('node:child_process');
const https = require('node:https');

const LIMIT_MS = Number(process.env.START_LIMIT_MS || 300000);
const child = spawn('npm', ['start'], {
  cwd: require('node:path').join(__dirname, '..'),
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let out = '';
const stop = (code, message) => {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch (_) {
    /* already gone */
  }
  console[code ? 'error' : 'log'](message);
  if (code) console.error(out.slice(-4000));
  process.exit(code);
};
const timer = setTimeout(() => stop(1, `npm start: no summary within ${LIMIT_MS / 1000} s`), LIMIT_MS);
child.on('exit', (code) => stop(1, `npm start ended early (exit ${code})`));

function get(url) {
  return new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

let checking = false;
const watch = (chunk) => {
  out += chunk.toString();
  if (checking || !/Ctrl\+C/.test(out)) return;
  checking = true;
  void (async () => {
    try {
      const page = await get('https://localhost:3000/taskpane.html');
      if (page.status !== 200 || !/startup\.js/.test(page.body.toString())) throw new Error(`taskpane.html: HTTP ${page.status}`);
      const book = await get('https://localhost:3000/plan-indicators.xlsx');
      if (book.status !== 200 || book.body.subarray(0, 2).toString() !== 'PK') throw new Error(`plan-indicators.xlsx: HTTP ${book.status}`);
      clearTimeout(timer);
      child.removeAllListeners('exit');
      stop(
        0,
        `npm start: serves taskpane.html (${page.body.length} bytes) and plan-indicators.xlsx (${book.body.length} bytes) over HTTPS`,
      );
    } catch (e) {
      stop(1, `npm start: ${e.message}`);
    }
  })();
};
child.stdout.on('data', watch);
child.stderr.on('data', watch);
