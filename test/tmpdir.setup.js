// jest's globalSetup: every temporary file of this run (os.tmpdir() in the tests, the CLI and LibreOffice they start)
// goes into one folder, removed when the run ends (test/tmpdir.teardown.js), so test runs leave nothing in /tmp.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

module.exports = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-tests-'));
  process.env.PLAN_TESTS_TMP = dir;
  // os.tmpdir() reads TMPDIR at each call; the workers, started after this, and every process they start inherit it.
  process.env.TMPDIR = dir;
};
