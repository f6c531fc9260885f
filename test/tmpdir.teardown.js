// jest's globalTeardown: removes the run's temporary folder (test/tmpdir.setup.js).
const fs = require('node:fs');

module.exports = () => {
  if (process.env.PLAN_TESTS_TMP) fs.rmSync(process.env.PLAN_TESTS_TMP, { recursive: true, force: true });
};
