// Builds the add-in into dist/, for every webview Office uses:
//   taskpane.html       names only Office.js and startup.js, both ES5; startup.js picks the pane
//   taskpane.js         the modern pane's first screen (React + Fluent UI) and, in the shared runtime, the PLAN functions
//                       (ES2020); chunks/*.js the rest of the pane, loaded when opened
//   data.<hash>.json    the compiled-in dataset, read by both panes at start (scripts/data-json.js)
//   functions.js, functions.json (zh-CN), functions.en-US.json   the PLAN functions and their help per locale
//   legacy/legacy.js    the plain-DOM pane for IE11 (Trident) and EdgeHTML webviews (ES5, polyfilled)
//   office/             Office.js and the Excel host files, copied from @microsoft/office-js (served from our origin)
//   manifest.xml        with every URL under the base URL; plan-indicators.xlsx, the portable workbook
//
// Options (`npm run build -- --env NAME=VALUE`):
//   base=https://intranet.example/plan/   the URL dist/ is served from (default https://localhost:3000/)
//   officejs=cdn                          load Office.js from Microsoft's CDN instead of our own origin
//   frameAncestors="https://oos.example"  extra origins allowed to frame the pane (Office Online Server)
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { execFileSync } = require('node:child_process');
const { FunctionsLocalesPlugin } = require('./scripts/functions-locales');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { deployment } = require('./scripts/deployment');
const { babelRules, minimize, modernRules } = require('./scripts/transpile-rules');
const { dataJsonPlugins } = require('./scripts/data-json');
const { firstScreen } = require('./scripts/first-screen');

let DIST = path.resolve(__dirname, 'dist');
const STARTUP = path.resolve(__dirname, 'src/panes/startup');

/** The Office.js files a task pane in Excel may load: the loader, its strings, and the Excel and custom-functions host files. */
function officeJsPatterns() {
  const from = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
  const keep =
    /^(office\.js|es6-promise\.js|o15apptofilemappingtable\.js|custom-functions-runtime\.js|excel[\w.-]*\.js|[a-z]{2,3}(-[a-z0-9]+)+\/office_strings\.js|telemetry\/[\w.-]+\.js)$/;
  return [
    {
      from,
      to: 'office',
      globOptions: { ignore: ['**/*.debug.js', '**/*-vsdoc.js'] },
      filter: (file) => keep.test(path.relative(from, file).split(path.sep).join('/')),
    },
    { from: path.join(from, '..', 'LICENSE.md'), to: 'office/LICENSE.md' },
  ];
}

function modern(d, dev) {
  return {
    name: 'modern',
    target: ['web', 'es2020'],
    devtool: dev ? 'source-map' : false,
    // The first chunk holds the first screen; the other tabs, the import parser, the progress view and the dialogs
    // are chunks of their own, loaded when opened (same origin: the CSP's script-src 'self' allows them).
    entry: { taskpane: ['./src/functions/entry.ts', './src/panes/modern/index.tsx'] },
    // Chunks are found relative to the page (taskpane.html sits beside taskpane.js), not by document.currentScript,
    // which a page's shared runtime may not have when the script runs.
    output: { path: DIST, filename: '[name].js', chunkFilename: 'chunks/[name].[contenthash:8].js', publicPath: '', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: modernRules() },
    optimization: minimize(2020),
    performance: { hints: false },
    plugins: [
      ...dataJsonPlugins(require('webpack'), true),
      new FunctionsLocalesPlugin({ input: './src/functions/functions.ts', help: './src/functions/help.ts' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/panes/modern/taskpane.html',
        inject: false,
        // html-webpack-plugin's production defaults, but whitespace between inline elements is kept as one space: the
        // static first screen's text (the legend after its swatches) reads as the pane's does.
        minify: dev
          ? false
          : {
              collapseWhitespace: true,
              conservativeCollapse: true,
              keepClosingSlash: true,
              removeComments: true,
              removeRedundantAttributes: true,
              removeScriptTypeAttributes: true,
              removeStyleLinkTypeAttributes: true,
              useShortDoctype: true,
            },
        templateParameters: () => ({
          officeJs: d.officeJs,
          csp: d.metaCsp,
          firstScreen: firstScreen().html,
          firstScreenStyles: firstScreen().styles,
          legacyScreen: firstScreen().legacy,
        }),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'assets/help.html', to: 'help.html' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => d.manifest(content.toString()) },
          ...(d.officeJs.startsWith('office/') ? officeJsPatterns() : []),
        ],
      }),
    ],
    devServer: {
      static: { directory: DIST },
      headers: { 'Content-Security-Policy': d.headerCsp, 'X-Content-Type-Options': 'nosniff' },
      port: Number(process.env.PORT || 3000),
      client: false,
      hot: false,
      liveReload: false,
    },
  };
}

/**
 * functions.js, the manifest's script for the PLAN functions where they run apart from the pane (no shared runtime):
 * the dataset compiled in, as the functions must answer without the page beside them. Built after the modern bundle.
 */
function functions(dev) {
  return {
    name: 'functions',
    dependencies: ['modern'],
    target: ['web', 'es2020'],
    devtool: dev ? 'source-map' : false,
    mode: dev ? 'development' : 'production',
    entry: { functions: './src/functions/entry.ts' },
    // One script: what the pane loads when needed (the package reader) is inlined here, not a chunk beside it.
    output: { path: DIST, filename: '[name].js', clean: false, asyncChunks: false },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: modernRules() },
    optimization: minimize(2020),
    performance: { hints: false },
  };
}

/** The start-up script and the legacy pane: ES5, for IE11 and EdgeHTML. Built after the modern bundle, into the same dist/. */
function legacy(dev) {
  return {
    name: 'legacy',
    dependencies: ['modern'],
    target: ['web', 'es5'],
    devtool: false,
    mode: dev ? 'development' : 'production',
    entry: {
      startup: './src/panes/startup/startup.ts',
      'legacy/legacy': './src/panes/legacy/index.ts',
    },
    // One script each: what the modern pane loads as a chunk when needed (the package reader) is inlined here.
    output: { path: DIST, filename: '[name].js', clean: false, asyncChunks: false },
    resolve: {
      extensions: ['.ts', '.js'],
      // The core-js polyfills Babel would add but the pane never needs (typed-array methods, iterator helpers, …) are
      // left out in scripts/transpile-rules.js (NOT_NEEDED): they cost time at load, not only bytes.
    },
    module: {
      rules: [
        // The start-up script tests what the webview has: polyfills would answer for it, so it gets none.
        ...babelRules(false)
          .slice(0, 1)
          .map((r) => ({ ...r, exclude: undefined, include: STARTUP })),
        ...babelRules(true, [/node_modules/, STARTUP]),
      ],
    },
    optimization: minimize(5),
    performance: { hints: false },
    plugins: [
      // The dataset from data.<hash>.json, which the modern build writes into the same dist/.
      ...dataJsonPlugins(require('webpack'), false),
      {
        // The portable workbook beside the pane, so the legacy pane can link to it. Emitted as an asset, so the dev
        // server serves it from memory as it serves the bundles (dist/ need not exist); made once per process.
        apply(compiler) {
          let made = null;
          compiler.hooks.thisCompilation.tap('PortableWorkbook', (compilation) => {
            compilation.hooks.processAssets.tap(
              { name: 'PortableWorkbook', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
              () => {
                if (!made) {
                  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-workbook-'));
                  const file = path.join(dir, 'plan-indicators.xlsx');
                  try {
                    require('./scripts/build-cli').buildCli();
                    const actuals = path.join(__dirname, 'data', 'actuals', 'actuals.csv');
                    const official = fs.existsSync(actuals) ? ['--actuals', actuals] : [];
                    execFileSync(process.execPath, [path.join(__dirname, 'bin', 'plan.js'), 'workbook', '-o', file, ...official], {
                      stdio: 'pipe',
                    });
                    made = fs.readFileSync(file);
                  } finally {
                    fs.rmSync(dir, { recursive: true, force: true });
                  }
                }
                compilation.emitAsset('plan-indicators.xlsx', new compiler.webpack.sources.RawSource(made));
              },
            );
          });
        },
      },
    ],
  };
}

module.exports = (env = {}, options = {}) => {
  const dev = options.mode === 'development';
  if (env.e2e) return e2e(dev);
  const d = deployment(env);
  // `--env out=dist-test`: the tests' build, kept apart from dist/.
  if (env.out) DIST = path.resolve(__dirname, env.out);
  return [modern(d, dev), functions(dev), legacy(dev)];
};

/** The fake Excel host the end-to-end test injects into the shipped page (test/e2e/officeHost.ts). Written to dist-e2e/, never shipped. */
function e2e(dev) {
  return {
    devtool: false,
    mode: dev ? 'development' : 'production',
    target: ['web', 'es2020'],
    entry: { officeHost: './test/e2e/officeHost.ts' },
    output: { path: path.resolve(__dirname, 'dist-e2e'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: { rules: modernRules() },
    performance: { hints: false },
  };
}

// `npm run build` also builds the WPS add-in into dist/wps/ (webpack.wps.js), after the Excel builds so that their clean keeps it.
module.exports = (
  (excel) =>
  (env = {}, argv = {}) =>
    require('./webpack.wps.js').withExcel(excel(env, argv), env, argv)
)(module.exports);
