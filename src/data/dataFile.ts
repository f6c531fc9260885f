/**
 * The name of the data file beside taskpane.html (data.<hash>.json, content-hashed so it may be cached for good), set
 * by webpack's DefinePlugin (scripts/data-json.js) in every browser build: the panes read it (index.browser.ts) and
 * startup.js asks for it once the static first screen is painted. Outside a build (jest): data.json.
 */
declare const __PLAN_DATA__: string;
export const DATA_FILE: string = typeof __PLAN_DATA__ === 'string' ? __PLAN_DATA__ : 'data.json';
