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
        ...(polyfill ? { useBuiltIns: 'usage', corejs: require('core-js/package.json').version } : {}),
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
