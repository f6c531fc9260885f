/**
 * Functions registered once: takes the production build (dist-test/, see test/build/dist.ts), then runs the
 * shipped bundles in a bare V8 context with a fake CustomFunctions and Office that count what the page does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { validateManifest } from '../../scripts/validate-manifest';
import { buildForTests } from '../build/dist';

let out = '';
beforeAll(() => {
  out = buildForTests();
});

class FakeError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

/** Loads one bundle as Excel's page would; returns every associate call and the Office.onReady callbacks. */
function load(bundle: string, opts: { customFunctions: boolean; displayLanguage?: string }) {
  const calls: [string, unknown][] = [];
  const ready: (() => void)[] = [];
  const g: Record<string, unknown> = {
    console: { log() {}, warn() {}, error() {}, info() {}, debug() {} },
    document: { getElementById: () => null },
    Office: {
      onReady: (cb: () => void) => {
        ready.push(cb);
        return new Promise(() => {});
      },
      context: { displayLanguage: opts.displayLanguage ?? 'zh-CN' },
    },
  };
  if (opts.customFunctions) {
    g.CustomFunctions = {
      associate: (id: string, f: unknown) => calls.push([id, f]),
      Error: FakeError,
      ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' },
    };
  }
  g.window = g;
  g.self = g;
  const context = createContext(g);
  runInContext(readFileSync(join(out, bundle), 'utf8'), context, { filename: bundle });
  for (const cb of ready) cb();
  return { calls, fns: new Map(calls.map(([id, f]) => [id, f as (...a: unknown[]) => unknown])) };
}

const ids = (): string[] =>
  (JSON.parse(readFileSync(join(out, 'functions.json'), 'utf8')) as { functions: { id: string }[] }).functions.map((f) => f.id);

test.each(['taskpane.js', 'functions.js'])('%s associates each function in functions.json exactly once', (bundle) => {
  const { calls } = load(bundle, { customFunctions: true });
  expect(ids()).toHaveLength(11);
  expect(calls.map(([id]) => id).sort()).toEqual(ids().sort());
  for (const [, f] of calls) expect(typeof f).toBe('function');
});

test('the associated functions answer in Office’s display language once Office is ready', () => {
  const { fns } = load('functions.js', { customFunctions: true, displayLanguage: 'en-US' });
  expect(fns.get('STATUS')!('赣州', '高新技术企业', 2023, 1500)).toBe('slightly behind');
  expect(fns.get('TARGET')!('赣州', '高新技术企业', 2025)).toBe(2000);
});

test('bad input comes back as a CustomFunctions.Error with its message (CustomFunctionsRuntime 1.2)', () => {
  const { fns } = load('functions.js', { customFunctions: true, displayLanguage: 'zh-CN' });
  let thrown: unknown;
  try {
    fns.get('STATUS')!('赣州', '高新技术企业', 2023, { type: 'LinkedEntity', text: '赣州市' });
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(FakeError);
  expect(thrown).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('实际值不能是数据类型') });
});

test('a host without custom functions loads the pane without error and associates nothing', () => {
  expect(() => load('taskpane.js', { customFunctions: false })).not.toThrow();
});

test('the shipped manifest validates and every functions file it names is in the build', async () => {
  const manifest = readFileSync(join(out, 'manifest.xml'), 'utf8');
  expect(await validateManifest(manifest)).toEqual([]);
  const metadata = /<bt:Url id="Functions\.Metadata\.Url"[\s\S]*?<\/bt:Url>/.exec(manifest)![0];
  const files = [...metadata.matchAll(/(?:DefaultValue|Value)="[^"]*\/([^"/]+)"/g)].map((m) => m[1]);
  expect(files).toEqual(['functions.json', 'functions.en-US.json']);
  for (const f of files) expect(() => JSON.parse(readFileSync(join(out, f), 'utf8'))).not.toThrow();
});

test('both locale files are in the build', () => {
  const en = JSON.parse(readFileSync(join(out, 'functions.en-US.json'), 'utf8')) as { functions: { id: string; description: string }[] };
  expect(en.functions.map((f) => f.id)).toEqual(ids());
  expect(en.functions.find((f) => f.id === 'TARGET')!.description).toMatch(/^The target of the plan's target year/);
});
