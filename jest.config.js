/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: '<rootDir>/test/environment.js',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/test/e2e/'],
  // Each file is transpiled alone, by swc (types are not checked here: the typecheck step of `npm test`, tsc over src,
  // test and scripts, judges them once). ts-jest did the same with TypeScript's transpileModule: the 239 files of src/
  // and test/ took 12.3 s with it and 0.6 s with swc, paid whenever jest's transform cache is empty (a clean machine).
  transform: {
    '^.+\\.tsx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          target: 'es2020',
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  // One limit for every test, set here and nowhere else: sized for a loaded 2-core machine, where a test that builds
  // with webpack or opens LibreOffice or Chromium may take minutes. No test asserts how fast anything is; speed is
  // measured by `npm run bench`. A test that hangs still fails, after this long.
  testTimeout: 600_000,
  // One temporary folder per run, removed at its end: test runs leave nothing behind in /tmp.
  globalSetup: '<rootDir>/test/tmpdir.setup.js',
  globalTeardown: '<rootDir>/test/tmpdir.teardown.js',
  // Every core: jest's default leaves one free (one worker on a 2-core machine), which made the suite run serially.
  maxWorkers: '100%',
};
