// Babel rules shared by the Excel builds (webpack.config.js) and the WPS build (webpack.wps.js).
'use strict';

/** Babel for our TypeScript and for the packages we bundle, down to the given browserslist environment. */
function babelRules(env, polyfill, exclude = /node_modules/) {
  const presets = [
    [
      '@babel/preset-env',
      {
        browserslistEnv: env,
        bugfixes: true,
        // Every modern script must parse as ES2020 (es-check in CI): syntax from ES2021 on is always transpiled,
        // whatever the targets already support.
        include: [
          'transform-logical-assignment-operators',
          'transform-numeric-separator',
          'transform-class-properties',
          'transform-private-methods',
          'transform-class-static-block',
          'transform-private-property-in-object',
        ],
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
          presets: [...presets, ['@babel/preset-react', { runtime: 'automatic' }], '@babel/preset-typescript'],
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

module.exports = { babelRules };
