import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { maskRuntimes, SCHEMA_DIR, xsdProblems } from '../../scripts/manifest-schema';
import { deployment } from '../../scripts/deployment';
import { validateManifest } from '../../scripts/validate-manifest';

const manifest = readFileSync(join(__dirname, '..', '..', 'manifest.xml'), 'utf8');
/** The same manifest for another base URL, as the intranet build writes it (scripts/deployment.js). */
const intranet = deployment({ base: 'https://intranet.example/plan/' }).manifest(manifest);

describe("Microsoft's XSDs (test/manifest/schemas)", () => {
  test('manifest.xml validates, with <Runtimes> masked', async () => {
    expect(await xsdProblems(manifest)).toEqual([]);
  });

  test('so does the manifest for another base URL, and it names no localhost', async () => {
    expect(intranet).not.toContain('localhost');
    expect(await validateManifest(intranet)).toEqual([]);
  });

  test('unmasked, the 2019 schemas reject <Runtimes> and nothing else: the one element they lack', async () => {
    const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.xsd'));
    const load = (fileName: string) => ({ fileName, contents: readFileSync(join(SCHEMA_DIR, fileName), 'utf8') });
    const r = await validateXML({
      xml: [{ fileName: 'manifest.xml', contents: manifest }],
      schema: [load('OfficeAppManifestV1_1.xsd')],
      preload: files.filter((f) => f !== 'OfficeAppManifestV1_1.xsd').map(load),
    });
    expect(r.valid).toBe(false);
    expect(r.errors.filter((e) => e.message.trim()).map((e) => e.message)).toEqual([
      expect.stringContaining(
        "Element '{http://schemas.microsoft.com/office/taskpaneappversionoverrides}Runtimes': This element is not expected",
      ),
    ]);
  });

  test('masking keeps line numbers, so schema errors point at the real line', () => {
    const { masked, blocks } = maskRuntimes(manifest);
    expect(blocks).toHaveLength(1);
    expect(masked.split('\n')).toHaveLength(manifest.split('\n').length);
    expect(masked).not.toMatch(/<\/?Runtimes?\b/);
  });

  test('every schema the root schema imports is in the folder, with the three documented edits', () => {
    const files = readdirSync(SCHEMA_DIR);
    for (const f of files.filter((x) => x.endsWith('.xsd'))) {
      const xsd = readFileSync(join(SCHEMA_DIR, f), 'utf8');
      for (const [, loc] of xsd.matchAll(/schemaLocation="([^"]+)"/g)) expect(files).toContain(loc);
      expect(xsd).not.toContain('https://www.w3.org/2001/XMLSchema');
      expect(xsd).not.toContain('{0,3}?');
    }
    expect(readFileSync(join(SCHEMA_DIR, 'README.md'), 'utf8')).toMatch(/aa179cf87f77b7c4f797e580e210bc9dac1e05cf/);
  });

  // What only the schema catches now (these rules were hand-written before; the schema took them over).
  test.each([
    [
      'elements out of order',
      (m: string) => m.replace(/(<Version>.*?<\/Version>)\s*(<ProviderName>.*?<\/ProviderName>)/s, '$2$1'),
      'ProviderName',
    ],
    ['a missing required element', (m: string) => m.replace(/<ProviderName>.*?<\/ProviderName>/, ''), 'ProviderName'],
    ['a bad Id', (m: string) => m.replace(/<Id>[^<]*<\/Id>/, '<Id>not-a-guid</Id>'), 'Id'],
    ['a bad version', (m: string) => m.replace('<Version>1.0.0.0</Version>', '<Version>1.0.0.0.0</Version>'), 'Version'],
    ['a bad permission', (m: string) => m.replace('ReadWriteDocument', 'Everything'), 'Permissions'],
    [
      'a display name over 125 characters',
      (m: string) => m.replace('DefaultValue="十四五科技规划指标"', `DefaultValue="${'指'.repeat(126)}"`),
      'DisplayName',
    ],
    [
      'a resource id over 32 characters',
      (m: string) => m.split('Functions.Namespace').join('Functions.Namespace.Much.Too.Long.Now'),
      "maximum length of '32'",
    ],
    [
      'a bad override locale',
      (m: string) =>
        m.replace('<Override Locale="en-US" Value="Plan Indicators" />', '<Override Locale="english!" Value="Plan Indicators" />'),
      'Locale',
    ],
    ['an unknown element', (m: string) => m.replace('<Permissions>', '<Colour>red</Colour><Permissions>'), 'Colour'],
  ])('a manifest with %s fails the schema', async (_what, breakIt, expected) => {
    const problems = await validateManifest(breakIt(manifest));
    expect(problems.some((p) => p.startsWith('schema:') && p.includes(expected))).toBe(true);
  });
});

describe('the rules the XSDs cannot check', () => {
  test('manifest.xml passes them all', async () => {
    expect(await validateManifest(manifest)).toEqual([]);
  });

  test.each([
    ['broken XML', (m: string) => m.replace('</OfficeApp>', ''), 'well-formed'],
    ['a content add-in', (m: string) => m.replace('xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"'), 'TaskPaneApp'],
    [
      'an undefined resource',
      (m: string) => m.replace('<Namespace resid="Functions.Namespace" />', '<Namespace resid="Nope" />'),
      'undefined resource Nope',
    ],
    [
      'a resource of the wrong kind',
      (m: string) => m.replace('<Label resid="PlanGroup.Label" />', '<Label resid="Taskpane.Url" />'),
      'ShortStrings',
    ],
    [
      'a resource id defined twice',
      (m: string) => m.replace('<bt:Url id="GetStarted.LearnMoreUrl"', '<bt:Url id="Taskpane.Url"'),
      'defined twice',
    ],
    ['an http URL', (m: string) => m.replace('https://localhost:3000/functions.json', 'http://localhost:3000/functions.json'), 'https'],
    ['an http pane', (m: string) => m.replace('<SourceLocation DefaultValue="https://', '<SourceLocation DefaultValue="http://'), 'https'],
    ['no shared runtime', (m: string) => m.replace(/<Runtimes>.*?<\/Runtimes>/s, ''), 'Runtime'],
    ['a short-lived runtime', (m: string) => m.replace('lifetime="long"', 'lifetime="short"'), 'lifetime="long"'],
    ['a runtime of unknown lifetime', (m: string) => m.replace('lifetime="long"', 'lifetime="forever"'), 'short or long'],
    ['two runtimes', (m: string) => m.replace(/(<Runtime [^>]*\/>)/, '$1$1'), 'exactly one Runtime'],
    ['a runtime that is a string', (m: string) => m.replace('<Runtime resid="Taskpane.Url"', '<Runtime resid="PlanGroup.Label"'), 'bt:Url'],
    [
      'Runtimes after AllFormFactors',
      (m: string) => m.replace(/(<Runtimes>.*?<\/Runtimes>)(\s*)(<AllFormFactors>.*?<\/AllFormFactors>)/s, '$3$2$1'),
      'first child',
    ],
    [
      'a runtime without its requirement set',
      (m: string) => m.replace('<bt:Set Name="SharedRuntime" MinVersion="1.1" />', ''),
      'SharedRuntime requirement set',
    ],
    [
      'a functions page that is not the runtime',
      (m: string) =>
        m.replace(
          '<SourceLocation resid="Taskpane.Url" />\n            </Page>',
          '<SourceLocation resid="Functions.Script.Url" />\n            </Page>',
        ),
      'not the shared runtime page',
    ],
    ['a lower-case namespace', (m: string) => m.replace('DefaultValue="PLAN"', 'DefaultValue="plan"'), 'namespace'],
  ])('a manifest with %s fails', async (_what, breakIt, expected) => {
    const broken = breakIt(manifest);
    expect(broken).not.toBe(manifest);
    expect((await validateManifest(broken)).join('\n')).toContain(expected);
  });

  test('the base manifest asks only for ExcelApi 1.1; the shared runtime and custom functions are VersionOverrides requirements', () => {
    const base = manifest.match(/<Requirements>\s*<Sets[^>]*>([\s\S]*?)<\/Sets>/)![1];
    expect([...base.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['ExcelApi 1.1']);
    const overrides = manifest.match(/<VersionOverrides [^>]*>\s*<Requirements>([\s\S]*?)<\/Requirements>/)![1];
    expect([...overrides.matchAll(/<bt:Set Name="([^"]+)" MinVersion="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'SharedRuntime 1.1',
      'CustomFunctionsRuntime 1.3',
    ]);
  });
});

test('it asks only for ReadWriteDocument and names the PLAN namespace', () => {
  expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="PLAN" \/>/);
});

test('office-addin-manifest reads it as the add-in it is', () => {
  // In a child process: the library loads ES modules that jest's CommonJS runtime cannot.
  const script = `require('office-addin-manifest').OfficeAddinManifest.readManifestFile(${JSON.stringify(join(__dirname, '..', '..', 'manifest.xml'))}).then((i) => process.stdout.write(JSON.stringify(i)))`;
  const info = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: join(__dirname, '..', '..'), encoding: 'utf8' }));
  expect(info).toMatchObject({
    displayName: '十四五科技规划指标',
    defaultLocale: 'zh-CN',
    permissions: 'ReadWriteDocument',
    version: '1.0.0.0',
  });
  expect(info.hosts).toEqual(['Workbook']);
});

test('the Office build tools in the tree send no usage data', async () => {
  const { OfficeAddinUsageData } = await import('office-addin-usage-data');
  const u = new OfficeAddinUsageData({ projectName: 'plan-indicators', instrumentationKey: 'x', promptQuestion: '', raisePrompt: false });
  expect(u.getUsageDataLevel()).toBe('off');
});
