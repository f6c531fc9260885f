/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/test/e2e/'],
  // Each file is transpiled alone (tsconfig's isolatedModules): the typecheck step of `npm test` (tsc over src, test
  // and scripts) already judges the types, and checking them again per test file doubled jest's time.
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  // One limit for every test, set here and nowhere else: sized for a loaded 2-core machine, where a test that builds
  // with webpack or opens LibreOffice or Chromium may take minutes. No test asserts how fast anything is; speed is
  // measured by `npm run bench`. A test that hangs still fails, after this long.
  testTimeout: 600_000,
  // Every core: jest's default leaves one free (one worker on a 2-core machine), which made the suite run serially.
  maxWorkers: '100%',
};
