/**
 * Help in the user's language: functions.json (zh-CN, the default) and functions.en-US.json, generated from the
 * Chinese JSDoc in functions.ts and the table in help.ts, and linked from manifest.xml by a bt:Override.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASSOCIATIONS } from '../../src/functions/functions';
import * as help from '../../src/functions/help';
const { functionsLocales, jsdocMetadata, localize } = require('../../scripts/functions-locales');

interface Param {
  name: string;
  description: string;
  optional?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
  result: Record<string, unknown>;
}
interface Meta {
  functions: Fn[];
  allowCustomDataForDataTypeAny?: boolean;
}

const root = join(__dirname, '..', '..');
const input = join(root, 'src', 'functions', 'functions.ts');
const CJK = /[\u3400-\u9fff]/;
let base: Meta;
let zh: Meta;
let en: Meta;

beforeAll(async () => {
  base = await jsdocMetadata(input);
  const files = (await functionsLocales(input, help)) as { file: string; locale: string; text: string }[];
  expect(files.map((f) => [f.file, f.locale])).toEqual([
    ['functions.json', 'zh-CN'],
    ['functions.en-US.json', 'en-US'],
  ]);
  [zh, en] = files.map((f) => JSON.parse(f.text) as Meta);
});

test('both files describe the same functions, ids, optional parameters and spills as the JSDoc', () => {
  const shape = (m: Meta) => m.functions.map((f) => [f.id, f.name, f.parameters.map((p) => !!p.optional), f.result]);
  expect(shape(zh)).toEqual(shape(base));
  expect(shape(en)).toEqual(shape(base));
  expect(zh.functions.map((f) => f.id).sort()).toEqual(Object.keys(ASSOCIATIONS).sort());
});

test('every function and parameter has Chinese help in zh-CN and English help in en-US', () => {
  for (const [z, e] of zh.functions.map((f, i) => [f, en.functions[i]] as const)) {
    expect(z.description).toMatch(CJK);
    expect(e.description).not.toMatch(CJK);
    expect(e.description.length).toBeGreaterThan(10);
    for (const [pz, pe] of z.parameters.map((p, i) => [p, e.parameters[i]] as const)) {
      expect([z.id, pz.description]).toEqual([z.id, expect.stringMatching(/\S/)]);
      expect([z.id, pe.description]).toEqual([z.id, expect.stringMatching(/^[^\u3400-\u9fff]+$/)]);
      // One language per file: no "中文 / English" pairs left.
      expect(pz.description).not.toMatch(/ \/ /);
    }
  }
});

test('parameter names are Chinese in zh-CN and English in en-US', () => {
  // Excel shows parameter names in its autocomplete; its metadata reference sets no character limits on them,
  // and Microsoft's localization example translates them (docs/excel/custom-functions-naming.md).
  const zhNames = zh.functions.flatMap((f) => f.parameters.map((p) => p.name));
  const enNames = en.functions.flatMap((f) => f.parameters.map((p) => p.name));
  for (const n of zhNames) expect(n).toMatch(/^[\u3400-\u9fff]+$/);
  for (const n of enNames) expect(n).toMatch(/^[a-z]+$/);
  expect(zh.functions.find((f) => f.id === 'STATUS')!.parameters.map((p) => p.name)).toEqual(['地区', '指标', '年份', '实际值', '方法']);
  expect(en.functions.find((f) => f.id === 'STATUS')!.parameters.map((p) => p.name)).toEqual([
    'region',
    'indicator',
    'year',
    'actual',
    'method',
  ]);
});

test('a missing or stray translation fails the build, naming what is wrong', () => {
  const without = JSON.parse(JSON.stringify(help)) as typeof help;
  delete without.HELP_EN.GAP.parameters.actual;
  expect(() => localize(base, without, 'en')).toThrow('no English help for GAP(actual)');
  const stray = JSON.parse(JSON.stringify(help)) as typeof help;
  stray.HELP_EN.TABLE.parameters.colour = 'colour';
  stray.HELP_EN.SUM = { description: 'sum', parameters: {} };
  expect(() => localize(base, stray, 'zh')).toThrow('help has SUM, which functions.ts lacks');
  expect(() => localize(base, stray, 'zh')).toThrow('help has TABLE(colour), which functions.ts lacks');
  const noName = JSON.parse(JSON.stringify(help)) as typeof help;
  delete noName.PARAMETER_NAMES.field;
  expect(() => localize(base, noName, 'zh')).toThrow('no parameter name for INFO(field)');
});

test('no file lets data types through: no function reads them', () => {
  expect(base.allowCustomDataForDataTypeAny).toBe(true); // what Office's generator always writes
  expect(zh).not.toHaveProperty('allowCustomDataForDataTypeAny');
  expect(en).not.toHaveProperty('allowCustomDataForDataTypeAny');
});

test('manifest.xml links the en-US file from the functions metadata URL, beside the same default', () => {
  const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8');
  const url =
    /<bt:Url id="Functions\.Metadata\.Url" DefaultValue="([^"]+)">\s*<bt:Override Locale="en-US" Value="([^"]+)" \/>\s*<\/bt:Url>/.exec(
      manifest,
    );
  expect(url).not.toBeNull();
  const [, def, enUrl] = url!;
  expect(def.endsWith('/functions.json')).toBe(true);
  expect(enUrl).toBe(def.replace(/functions\.json$/, 'functions.en-US.json'));
});
