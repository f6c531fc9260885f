// WPS's functions.json (the format wpsjs writes: { functions: [{ name, description, parameters: [{ name,
// description, type }], result: { type } }] }, "?" marking an optional parameter, "[][]" a 2-D result), derived
// from Excel's functions.json metadata, which custom-functions-metadata generates from src/functions/functions.ts.
// Used by webpack.wps.js at build time and by the tests; plain CommonJS so that webpack's config can require it.
'use strict';

const TYPES = { any: 'any', number: 'number', string: 'string', boolean: 'bool' };

/** A note appended to the help of functions whose result is several cells. */
const MATRIX_NOTE =
  '（WPS：结果为多行多列；不支持动态数组的版本请先选中区域，再按 Ctrl+Shift+Enter 输入 / WPS: several cells; where dynamic arrays are not supported, select the range and press Ctrl+Shift+Enter）';

/** @param {{ functions: any[] }} excel @returns {{ functions: any[] }} */
function wpsFunctionsJson(excel) {
  return {
    functions: excel.functions.map((f) => {
      const matrix = f.result && f.result.dimensionality === 'matrix';
      const scalar = (t) => TYPES[t || 'any'] || 'any';
      return {
        name: f.name,
        description: matrix ? `${f.description}${MATRIX_NOTE}` : f.description,
        parameters: f.parameters.map((p) => ({
          name: p.name,
          description: p.description,
          type: `${scalar(p.type)}${p.dimensionality === 'matrix' ? '[][]' : ''}${p.optional ? '?' : ''}`,
        })),
        result: { type: `${scalar(f.result && f.result.type)}${matrix ? '[][]' : ''}` },
      };
    }),
  };
}

/** Excel's metadata for the PLAN functions, generated from the JSDoc of `input` exactly as the Excel build does. */
async function excelMetadata(input) {
  const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');
  const result = await generateCustomFunctionsMetadata(Array.isArray(input) ? input : [input], false);
  if (result.errors.length) throw new Error(`${input}: ${result.errors.join('; ')}`);
  return JSON.parse(result.metadataJson);
}

module.exports = { wpsFunctionsJson, excelMetadata, MATRIX_NOTE };
