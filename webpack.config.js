// Builds the add-in into dist/: taskpane.html (the pane and, in the shared runtime, the PLAN functions),
// functions.js + functions.json (custom-function metadata generated from the JSDoc), manifest.xml and assets.
const path = require('node:path');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

module.exports = (env, options) => {
  const dev = options.mode === 'development';
  if (env && env.e2e) return e2e(dev);
  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: ['./src/functions/entry.ts', './src/taskpane/index.tsx'],
      functions: './src/functions/entry.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext', sourceMap: dev } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]', noErrorOnMissing: false },
          { from: 'assets/help.html', to: 'help.html' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.join(__dirname, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      port: Number(process.env.PORT || 3000),
      client: false,
      hot: false,
      liveReload: false,
    },
  };
};

/**
 * The end-to-end build: the same pane, with an in-page fake Excel host (test/e2e/host.ts) in place of Office.js,
 * so Chromium can run it offline. Written to dist-e2e/, never shipped.
 */
function e2e(dev) {
  return {
    devtool: false,
    mode: dev ? 'development' : 'production',
    entry: { e2e: ['./test/e2e/host.ts', './src/taskpane/index.tsx'] },
    output: { path: path.resolve(__dirname, 'dist-e2e'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext' } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'index.html',
        // The shipped page without the Office.js tag: the bundle's fake host stands in for it, offline.
        templateContent: require('node:fs')
          .readFileSync(path.join(__dirname, 'src/taskpane/taskpane.html'), 'utf8')
          .replace(/<script src="https:\/\/appsforoffice[^>]*><\/script>/, ''),
        chunks: ['e2e'],
      }),
    ],
  };
}

// `npm run build` also builds the WPS add-in into dist/wps/ (webpack.wps.js), after the Excel builds so that their clean keeps it.
module.exports = (
  (excel) =>
  (env = {}, argv = {}) =>
    require('./webpack.wps.js').withExcel(excel(env, argv), env, argv)
)(module.exports);
