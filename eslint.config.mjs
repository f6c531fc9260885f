// ESLint: JavaScript's and typescript-eslint's recommended rules over the sources, tests and scripts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import compat from 'eslint-plugin-compat';

/**
 * The code the legacy pane and the start-up script bundle, judged against IE11 (browserslist env `legacy`).
 * `POLYFILLED` is what core-js supplies there (Babel adds it where the code uses it) plus our
 * String.prototype.normalize stand-in (src/legacy/polyfills.ts); the start-up script gets no polyfill at all.
 */
const LEGACY = [
  'src/legacy/**',
  'src/core/**',
  'src/data/**',
  'src/office/**',
  'src/functions/impl.ts',
  'src/taskpane/i18n.ts',
  'src/taskpane/actions.ts',
  'src/taskpane/officeActions.ts',
  'src/taskpane/messages.ts',
  'src/taskpane/dataSource.ts',
];
const POLYFILLED = [
  'Promise',
  'Map',
  'Set',
  'WeakMap',
  'Symbol',
  'Array.from',
  'Array.of',
  'Object.assign',
  'Object.entries',
  'Object.values',
  'Object.fromEntries',
  'Number.isFinite',
  'Number.isInteger',
  'Number.isNaN',
  'Number.EPSILON',
  'Number.parseFloat',
  'Math.trunc',
  'Math.sign',
  'Math.log10',
  'Math.hypot',
  'Array.prototype.includes',
  'Array.prototype.find',
  'Array.prototype.findIndex',
  'Array.prototype.flat',
  'Array.prototype.flatMap',
  'Array.prototype.fill',
  'Array.fill',
  'Array.prototype.entries',
  'Array.prototype.keys',
  'Array.prototype.values',
  'String.prototype.includes',
  'String.prototype.startsWith',
  'String.prototype.endsWith',
  'String.prototype.padStart',
  'String.prototype.padEnd',
  'String.prototype.repeat',
  'String.prototype.trimStart',
  'String.prototype.trimEnd',
  'String.prototype.codePointAt',
  'String.fromCodePoint',
  'String.prototype.normalize',
  'String.prototype.matchAll',
  'String.prototype.replaceAll',
  'Array.prototype.at',
  'String.prototype.at',
  'Object.hasOwn',
];
// eslint-plugin-compat names instance methods without `.prototype` (`Array.flatMap`): list both spellings.
POLYFILLED.push(...POLYFILLED.filter((n) => n.includes('.prototype.')).map((n) => n.replace('.prototype', '')));

export default tseslint.config(
  { ignores: ['dist/', 'dist-e2e/', 'dist-test/', 'out/', 'test-results/', 'coverage/', 'node_modules/', 'seeds/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        window: 'readonly',
        document: 'readonly',
        location: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    files: LEGACY,
    plugins: { compat },
    settings: { browserslistOpts: { env: 'legacy' }, lintAllEsApis: true, polyfills: POLYFILLED },
    rules: { 'compat/compat': 'error' },
  },
  {
    files: ['src/startup/**'],
    plugins: { compat },
    settings: { browserslistOpts: { env: 'legacy' }, lintAllEsApis: true },
    rules: { 'compat/compat': 'error' },
  },
  {
    files: ['src/taskpane/**/*.tsx', 'src/functions/**'],
    ignores: ['src/functions/impl.ts'],
    plugins: { compat },
    settings: { browserslistOpts: { env: 'modern' }, lintAllEsApis: true },
    rules: { 'compat/compat': 'error' },
  },
  {
    files: ['src/functions/functions.ts'],
    rules: {
      // Excel passes whatever a cell holds: the custom-function signatures take `any` on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
