// The custom functions' metadata, one file per locale: functions.json (zh-CN, the manifest's default) and
// functions.en-US.json (linked by a bt:Override in manifest.xml). Names, optional parameters and spills come from
// the JSDoc in src/functions/functions.ts (custom-functions-metadata, the generator behind Office's own webpack
// plugin); the Chinese help is that JSDoc; parameter names and the English help come from src/functions/help.ts.
// Unlike Office's plugin, this one adds no CustomFunctions.associate calls to the bundle: functions.ts associates
// each function itself, exactly once.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');

/** The locales written, the first one the default (functions.json). */
const LOCALES = [
  { locale: 'zh-CN', file: 'functions.json', lang: 'zh' },
  { locale: 'en-US', file: 'functions.en-US.json', lang: 'en' },
];

/** The metadata generated from the JSDoc, as Office's generator writes it. */
async function jsdocMetadata(input) {
  const r = await generateCustomFunctionsMetadata(input, false);
  if (r.errors.length) throw new Error(`${input}: ${r.errors.join('; ')}`);
  return JSON.parse(r.metadataJson);
}

/**
 * One locale's metadata: the JSDoc's (Chinese) or help's English descriptions, the locale's parameter names.
 * allowCustomDataForDataTypeAny is dropped: no PLAN function reads data types, so Excel passes plain values.
 * Throws when the help lacks a function or parameter the JSDoc has, or the reverse.
 */
function localize(base, help, lang) {
  const { PARAMETER_NAMES, HELP_EN } = help;
  const missing = [];
  const ids = new Set(base.functions.map((f) => f.id));
  for (const id of Object.keys(HELP_EN)) if (!ids.has(id)) missing.push(`help has ${id}, which functions.ts lacks`);
  const functions = base.functions.map((f) => {
    const en = HELP_EN[f.id];
    if (!en) missing.push(`no English help for ${f.id}`);
    const params = new Set(f.parameters.map((p) => p.name));
    for (const p of Object.keys(en ? en.parameters : {}))
      if (!params.has(p)) missing.push(`help has ${f.id}(${p}), which functions.ts lacks`);
    const parameters = f.parameters.map((p) => {
      const names = PARAMETER_NAMES[p.name];
      if (!names) missing.push(`no parameter name for ${f.id}(${p.name})`);
      if (en && !en.parameters[p.name]) missing.push(`no English help for ${f.id}(${p.name})`);
      if (!p.description) missing.push(`no JSDoc for ${f.id}(${p.name})`);
      return { ...p, name: names ? names[lang] : p.name, description: lang === 'zh' ? p.description : en && en.parameters[p.name] };
    });
    return { ...f, description: lang === 'zh' ? f.description : en && en.description, parameters };
  });
  if (missing.length) throw new Error(`functions help incomplete:\n- ${missing.join('\n- ')}`);
  const out = { ...base, functions };
  delete out.allowCustomDataForDataTypeAny;
  return out;
}

/** Every locale's file name and text. */
async function functionsLocales(input, help) {
  const base = await jsdocMetadata(input);
  return LOCALES.map(({ file, lang, locale }) => ({ file, locale, text: JSON.stringify(localize(base, help, lang), null, 2) }));
}

/** help.ts, compiled afresh on every build (it has no imports). */
function loadHelp(file) {
  const ts = require('typescript');
  const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS } });
  const m = new Module(file);
  m._compile(outputText, file);
  return m.exports;
}

/** The webpack plugin: emits the files of every locale; a missing translation fails the build. */
class FunctionsLocalesPlugin {
  constructor(options = {}) {
    this.input = path.resolve(options.input || 'src/functions/functions.ts');
    this.help = path.resolve(options.help || 'src/functions/help.ts');
  }

  apply(compiler) {
    const name = 'FunctionsLocalesPlugin';
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.fileDependencies.add(this.input);
      compilation.fileDependencies.add(this.help);
      compilation.hooks.processAssets.tapPromise(
        { name, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        async () => {
          try {
            const help = loadHelp(this.help);
            for (const { file, text } of await functionsLocales(this.input, help)) {
              compilation.emitAsset(file, new compiler.webpack.sources.RawSource(text));
            }
          } catch (e) {
            compilation.errors.push(new compiler.webpack.WebpackError(String(e.message || e)));
          }
        },
      );
    });
  }
}

module.exports = { FunctionsLocalesPlugin, functionsLocales, jsdocMetadata, loadHelp, localize, LOCALES };
