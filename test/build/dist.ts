/**
 * The production build the tests look at: dist-test/, built for an intranet base URL, once per `npm test`
 * (`npm run build:test` runs before jest). A test run alone builds it when it is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
export const TEST_BASE = 'https://intranet.example/plan/';
export const TEST_DIST = join(root, 'dist-test');

export function buildForTests(): string {
  if (!existsSync(join(TEST_DIST, 'taskpane.html')) || !existsSync(join(TEST_DIST, 'legacy', 'legacy.js'))) {
    execFileSync(
      process.execPath,
      [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', `base=${TEST_BASE}`, '--env', 'out=dist-test'],
      { cwd: root, stdio: 'pipe' },
    );
  }
  return TEST_DIST;
}
