import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateManifest } from '../../scripts/validate-manifest';

const manifest = readFileSync(join(__dirname, '..', '..', 'manifest.xml'), 'utf8');

test('manifest.xml passes the offline schema check', async () => {
  expect(await validateManifest(manifest)).toEqual([]);
});

test('it asks only for ReadWriteDocument and names the PLAN namespace', () => {
  expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
  expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="PLAN" \/>/);
});

test.each([
  ['broken XML', (m: string) => m.replace('</OfficeApp>', ''), 'well-formed'],
  ['elements out of order', (m: string) => m.replace(/(<Version>.*?<\/Version>)\s*(<ProviderName>.*?<\/ProviderName>)/s, '$2$1'), 'order'],
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
  ['a bad permission', (m: string) => m.replace('ReadWriteDocument', 'Everything'), 'Permissions'],
  ['an http URL', (m: string) => m.replace('https://localhost:3000/functions.json', 'http://localhost:3000/functions.json'), 'https'],
  ['no shared runtime', (m: string) => m.replace(/<Runtimes>.*?<\/Runtimes>/s, ''), 'Runtime'],
  ['a bad Id', (m: string) => m.replace(/<Id>[^<]*<\/Id>/, '<Id>not-a-guid</Id>'), 'GUID'],
  ['a lower-case namespace', (m: string) => m.replace('DefaultValue="PLAN"', 'DefaultValue="plan"'), 'namespace'],
])('a manifest with %s fails', async (_what, breakIt, expected) => {
  const problems = await validateManifest(breakIt(manifest));
  expect(problems.join('\n')).toContain(expected);
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
