// ESLint: JavaScript's and typescript-eslint's recommended rules over the sources, tests and scripts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import compat from 'eslint-plugin-compat';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

/**
 * The house's walls (ARCHITECTURE.md): what each folder of src/ may import. A pane reaches a host only in its entry
 * file, where the host is chosen; everything else in a pane speaks the actions contract of src/panes/shared/.
 */
const NOT_CORE = [
  '**/hosts/**',
  '**/panes/**',
  '**/functions/**',
  '**/cli/**',
  '**/workbook/**',
  '**/hyperformula/**',
  '**/data/index',
  '**/data/catalogue',
  '**/data/regions/**',
];
const layer = (message, group) => ({ 'no-restricted-imports': ['error', { patterns: [{ group, message }] }] });
const WALLS = [
  {
    files: ['src/core/**'],
    rules: layer('core/ imports only core/ and data/types: no host, pane, door or Node/Office/React module.', [
      ...NOT_CORE,
      'node:*',
      'fs',
      'path',
      'react',
      'react-dom',
      '@fluentui/*',
      'exceljs',
      'hyperformula',
    ]),
  },
  {
    files: ['src/data/**'],
    rules: layer('data/ imports only data/ and core/.', [
      '**/hosts/**',
      '**/panes/**',
      '**/functions/**',
      '**/cli/**',
      '**/workbook/**',
      '**/hyperformula/**',
    ]),
  },
  {
    files: ['src/functions/**'],
    rules: layer('functions/ speaks core and data, never a host or a pane.', ['**/hosts/**', '**/panes/**', '**/cli/**', '**/workbook/**']),
  },
  {
    files: ['src/hosts/**'],
    rules: layer("A host adapter implements the actions contract (panes/shared); it never imports a pane's face.", [
      '**/panes/modern/**',
      '**/panes/legacy/**',
      '**/panes/wps/**',
      '**/panes/startup/**',
      '**/cli/**',
      'react',
      'react-dom',
      '@fluentui/*',
    ]),
  },
  {
    files: ['src/panes/**'],
    ignores: ['src/panes/*/index.ts', 'src/panes/*/index.tsx', 'src/panes/wps/main.ts'],
    rules: layer(
      'A pane reaches a host only through the actions contract (src/panes/shared/actions.ts); only its entry file picks the host.',
      ['**/hosts/**', '**/cli/**'],
    ),
  },
  {
    files: ['src/workbook/**', 'src/hyperformula/**'],
    rules: layer('The workbook writer and the engine speak core, never a host or a pane.', ['**/hosts/**', '**/panes/**', '**/cli/**']),
  },
];

/**
 * The code the legacy pane and the start-up script bundle, judged against IE11 (browserslist env `legacy`).
 * `POLYFILLED` is what core-js supplies there (Babel adds it where the code uses it) plus our
 * String.prototype.normalize stand-in (src/panes/legacy/polyfills.ts); the start-up script gets no polyfill at all.
 */
const LEGACY = ['src/panes/legacy/**', 'src/core/**', 'src/data/**', 'src/hosts/excel/**', 'src/functions/impl.ts', 'src/panes/shared/**'];
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
  { ignores: ['dist/', 'dist-e2e/', 'dist-test/', 'build/', 'out/', 'test-results/', 'coverage/', 'node_modules/', 'seeds/'] },
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
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  ...WALLS,
  {
    files: LEGACY,
    plugins: { compat },
    settings: { browserslistOpts: { env: 'legacy' }, lintAllEsApis: true, polyfills: POLYFILLED },
    rules: { 'compat/compat': 'error' },
  },
  {
    files: ['src/panes/startup/**'],
    plugins: { compat },
    settings: { browserslistOpts: { env: 'legacy' }, lintAllEsApis: true },
    rules: { 'compat/compat': 'error' },
  },
  {
    files: ['src/panes/modern/**/*.tsx', 'src/functions/**'],
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
