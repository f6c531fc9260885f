// The compiled-in data as JSON beside the page, for the Excel panes (issue 30: ready at once). The panes' scripts no
// longer carry the dataset: webpack swaps src/data/index.ts and actuals.generated.ts (and the name variants, src/core/plan/variants.generated.ts)
// which read data.<hash>.json at start. The JSON is made from the same TypeScript modules the CLI and the tests
// import (src/data/payload.ts, bundled for Node by esbuild and run here), so the two cannot drift apart.
'use strict';
const path = require('node:path');
const crypto = require('node:crypto');
const Module = require('node:module');

const root = path.join(__dirname, '..');
let made = null;

/** { file: 'data.<hash>.json', text }, made once per process. */
function dataJson() {
  if (made) return made;
  const out = require('esbuild').buildSync({
    entryPoints: [path.join(root, 'src', 'data', 'payload.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  const m = new Module(path.join(root, 'src', 'data', 'payload.js'));
  m.paths = Module._nodeModulePaths(root);
  m._compile(out.outputFiles[0].text, m.id);
  const text = JSON.stringify(m.exports.dataPayload());
  const hash = crypto.createHash('sha256').update(text).digest('hex').slice(0, 12);
  made = { file: `data.${hash}.json`, text };
  return made;
}

const DATA = path.join(root, 'src', 'data');
const PLAN = path.join(root, 'src', 'core', 'plan');
const SWAPS = {
  [path.join(DATA, 'index.ts')]: path.join(DATA, 'index.browser.ts'),
  [path.join(DATA, 'actuals.generated.ts')]: path.join(DATA, 'actuals.generated.browser.ts'),
  // 13 KB gzipped of character pairs (name matching): data, so it downloads beside the scripts, not in them.
  [path.join(PLAN, 'variants.generated.ts')]: path.join(PLAN, 'variants.generated.browser.ts'),
};

/**
 * Plugins for a browser build that reads the data from JSON: the swap of the three modules, the file's name as
 * __PLAN_DATA__, and (`emit`) the file itself, written by one build only when several share an output folder.
 */
function dataJsonPlugins(webpack, emit) {
  const { file, text } = dataJson();
  const plugins = [
    new webpack.NormalModuleReplacementPlugin(
      /[\\/]src[\\/](data[\\/](index|actuals\.generated)|core[\\/]plan[\\/]variants\.generated)\.ts$/,
      (result) => {
        const c = result.createData;
        const from = c && c.resource;
        const to = from && SWAPS[from];
        if (!to) return;
        // The request too, not only the file: the module is then the same one as where the stand-in is imported by name.
        for (const k of ['resource', 'request', 'userRequest']) if (typeof c[k] === 'string') c[k] = c[k].split(from).join(to);
      },
    ),
    new webpack.DefinePlugin({ __PLAN_DATA__: JSON.stringify(file) }),
  ];
  if (emit)
    plugins.push({
      apply(compiler) {
        compiler.hooks.thisCompilation.tap('PlanDataJson', (compilation) => {
          compilation.hooks.processAssets.tap(
            { name: 'PlanDataJson', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
            () => compilation.emitAsset(file, new compiler.webpack.sources.RawSource(text)),
          );
        });
      },
    });
  return plugins;
}

module.exports = { dataJson, dataJsonPlugins };
