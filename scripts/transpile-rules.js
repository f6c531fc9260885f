// Transpile rules shared by the Excel builds (webpack.config.js) and the WPS build (webpack.wps.js):
//   modernRules()   esbuild, down to ES2020, for the React pane, the PLAN functions and the WPS pane
//   babelRules()    Babel with core-js polyfills, down to ES5, for the start-up script and the legacy pane
//   minimize(ecma)  the minifier of every production build: swc, down to the given ECMAScript version
// esbuild does in seconds what Babel did in over a minute on a fresh clone (its cache is cold there), but it cannot
// go below ES2015 or add polyfills: the ES5 builds keep Babel. swc minifies taskpane.js to the same size as webpack's
// default terser (211.9 against 212.6 KB gzipped) in about a third of the time (34 s against 108 s, measured on this
// 2-core machine, 2026-12-03); esbuild's minifier was quicker still but 11 % larger.
'use strict';

/**
 * core-js polyfills Babel's `usage` adds that the legacy pane never needs. Babel cannot see a call's receiver, so it adds
 * every polyfill a name might need: each typed-array method and the ES2025 `Uint8Array` base64 ones because js-sha256 and
 * fastest-levenshtein make a `Uint8Array`/`Uint32Array` (they only index them, which IE11 does natively), iterator
 * helpers for every `.map(`, the ES2025 `Set` methods for every `new Set`, `String.prototype.bold` for Excel's
 * `font.bold`. Each is listed with its `esnext.` alias, which Babel adds in its stead otherwise. Our code is typed
 * against ES2020 (tsconfig.json `lib`), so it cannot call the newer ones; the two packages call none. Each of these
 * modules tests the browser when it loads (≈ 280 ms of the legacy pane's start at 4× CPU went to core-js,
 * docs/startup.md), so they cost time, not only bytes.
 */
const NOT_NEEDED = [
  /^es(next)?\.typed-array\./,
  /^es(next)?\.array-buffer\./,
  /^es(next)?\.uint8-array\./,
  /^es(next)?\.iterator\./,
  /^es(next)?\.set\.[a-z-]+\.v2$/,
  /^es(next)?\.map\.get-or-insert/,
  /^es(next)?\.json\.parse$/, // JSON.parse's source-text access (ES2026), a parser in JavaScript; IE11's own is used
  'es.string.bold',
  'es.symbol.description',
  'es.error.cause',
  'es.regexp.dot-all', // no `s` flag in a RegExp built at run time (Babel rewrites literal ones)
  'es.regexp.sticky',
];

/**
 * Babel for our TypeScript and for the packages we bundle, down to package.json's `legacy` browserslist (IE11). No
 * JSX: the legacy pane and the start-up script build the DOM by hand (a legacy build with @babel/preset-react was
 * byte for byte the same without it).
 */
function babelRules(polyfill, exclude = /node_modules/) {
  const presets = [
    [
      '@babel/preset-env',
      {
        browserslistEnv: 'legacy',
        bugfixes: true,
        ...(polyfill ? { useBuiltIns: 'usage', corejs: require('core-js/package.json').version, exclude: NOT_NEEDED } : {}),
      },
    ],
  ];
  return [
    {
      test: /\.tsx?$/,
      exclude,
      use: {
        loader: 'babel-loader',
        options: {
          babelrc: false,
          configFile: false,
          cacheDirectory: true,
          presets: [...presets, '@babel/preset-typescript'],
        },
      },
    },
    {
      // Packages ship newer syntax than some webviews parse (class static blocks, `??=`): transpile them too.
      test: /\.m?js$/,
      include: /node_modules/,
      exclude: /node_modules[\\/](core-js|webpack|@babel)[\\/]/,
      use: {
        loader: 'babel-loader',
        // compact: webpack minifies anyway; it also keeps Babel quiet about packages over 500 KB (Fluent's icons).
        options: { babelrc: false, configFile: false, cacheDirectory: true, sourceType: 'unambiguous', compact: true, presets },
      },
    },
  ];
}

/**
 * Our TypeScript and the packages we bundle, down to ES2020: every modern script must parse as ES2020 (es-check in
 * CI), and packages ship newer syntax (class static blocks, `??=`) than some webviews parse, so they go through it too.
 */
function modernRules() {
  const options = { target: 'es2020', jsx: 'automatic', tsconfig: require.resolve('../tsconfig.json') };
  return [
    { test: /\.tsx?$/, exclude: /node_modules/, loader: 'esbuild-loader', options },
    {
      test: /\.m?js$/,
      include: /node_modules/,
      exclude: /node_modules[\\/](core-js|webpack)[\\/]/,
      loader: 'esbuild-loader',
      options: { target: 'es2020' },
    },
  ];
}

/**
 * `optimization` for a production build: swc's minifier, output no newer than `ecma` (5 for the legacy pane). Office.js
 * and its host files (copied into office/) are Microsoft's, already minified: served as shipped, never minified again.
 */
function minimize(ecma) {
  const Minimizer = require('minimizer-webpack-plugin');
  return {
    minimizer: [new Minimizer({ exclude: /^office\//, minify: Minimizer.swcMinify, minimizerOptions: { ecma, compress: { passes: 2 } } })],
  };
}

module.exports = { babelRules, modernRules, minimize };
