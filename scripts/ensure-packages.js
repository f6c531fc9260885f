// On a fresh clone, install the npm packages first (npm ci, from the lock file). Node built-ins only.
const { execSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  console.log('Installing npm packages (npm ci)…');
  execSync('npm ci', { cwd: root, stdio: 'inherit' });
}
