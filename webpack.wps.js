// Builds the WPS add-in (WPS加载项) into dist/wps/: manifest.xml (JsPlugin, namespace PLAN), ribbon.xml (a 规划指标
// group whose button opens the pane), functions.json (derived at build time from the same JSDoc metadata as Excel's),
// index.html + main.js (registers the PLAN functions, answers the ribbon) and taskpane.html + taskpane.js (the same
// React pane as in Excel, with the ET adapter of src/hosts/wps). Every file is relative, so the folder works from a local
// path or an intranet URL, offline. Files are emitted under wps/ of the output path, so the same config also runs
// beside the Excel one (webpack.config.js) without either cleaning the other's files.
const path = require('node:path');
const fs = require('node:fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { sources } = require('webpack');
const { excelMetadata, wpsFunctionsJson } = require('./wps/metadata');
const { minimize, modernRules } = require('./scripts/transpile-rules');

class WpsFunctionsJsonPlugin {
  apply(compiler) {
    let json = '';
    compiler.hooks.beforeCompile.tapPromise('WpsFunctionsJson', async () => {
      json = JSON.stringify(wpsFunctionsJson(await excelMetadata(path.resolve(__dirname, 'src/functions/functions.ts'))), null, 2);
    });
    compiler.hooks.thisCompilation.tap('WpsFunctionsJson', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'WpsFunctionsJson', stage: compilation.constructor.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.emitAsset('wps/functions.json', new sources.RawSource(json));
        },
      );
    });
  }
}

/** The shipped pane page without Office.js (WPS has none) and without a CSP meta ('self' is unreliable on file://). */
function paneTemplate() {
  return (
    fs
      .readFileSync(path.join(__dirname, 'src/panes/modern/taskpane.html'), 'utf8')
      // The Excel page's Office.js, start-up script and the static screen's style rules (and its CSP placeholder) are not
      // for WPS: the static first screen needs startup.js to keep its clicks, and WPS's pane renders at once from its bundle.
      .replace(/\s*<% if \(officeJs\) \{ %>[\s\S]*?<% \} %>/g, '')
      .replace('<%= csp %>', '')
      .replace(/\s*<!--[^>]*-->\s*(<div id="root">)\s*<%= (?:legacyScreen|firstScreen) %>[\s\S]*?(<\/div>)/, '\n    $1$2')
      .replace(/\s*<!--[^>]*-->\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*\/>/s, '')
      .replace(/\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*\/>/s, '')
      .replace('</head>', '  <script defer src="taskpane.js"></script>\n  </head>')
  );
}

module.exports = (env, argv) => {
  const dev = (argv && argv.mode) === 'development';
  // The Excel end-to-end build (webpack --env e2e) has no use for the WPS add-in: nothing is built for it.
  if (env && env.e2e)
    return { name: 'wps', mode: dev ? 'development' : 'production', entry: {}, output: { path: path.resolve(__dirname, 'dist-e2e') } };
  return {
    name: 'wps',
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/panes/wps/index.tsx',
      main: './src/panes/wps/main.ts',
    },
    output: {
      // `--env out=dist-test` (the tests' build in webpack.config.js): beside the Excel files there, under wps/.
      path: path.resolve(__dirname, (env && env.out) || 'dist'),
      filename: 'wps/[name].js',
      publicPath: '',
      // One script per page: what the Excel pane loads as a chunk when needed (the package reader) is inlined here.
      asyncChunks: false,
      clean: { keep: (asset) => !asset.startsWith('wps/') },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      // The same ES2020 output as the Excel pane: WPS embeds a Chromium of its own, older on some domestic Linux builds.
      rules: modernRules(),
    },
    optimization: minimize(2020),
    performance: { hints: false },
    plugins: [
      new WpsFunctionsJsonPlugin(),
      // The bundle sits beside the page: the script tag is written relative to it, not to the output root.
      new HtmlWebpackPlugin({ filename: 'wps/taskpane.html', templateContent: paneTemplate(), inject: false }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'wps/manifest.xml', to: 'wps/manifest.xml' },
          { from: 'wps/ribbon.xml', to: 'wps/ribbon.xml' },
          { from: 'wps/index.html', to: 'wps/index.html' },
          { from: 'assets/icon-32.png', to: 'wps/images/icon-32.png' },
        ],
      }),
    ],
  };
};

/** For test/panes/wps/render.ts, which bundles the same pane with the fake ET host. */
module.exports.paneTemplate = paneTemplate;

/**
 * The Excel configs (one or several, from webpack.config.js) followed by the WPS one, which waits for them
 * (`dependencies`): the Excel build cleans dist/ when it writes, so dist/wps/ is written after it.
 */
module.exports.withExcel = (excel, env, argv) => {
  const configs = [].concat(excel);
  configs.forEach((c, i) => {
    if (!c.name) c.name = `excel-${i}`;
  });
  const wps = module.exports(env, argv);
  wps.dependencies = configs.map((c) => c.name);
  return [...configs, wps];
};
