/**
 * Builds the add-in (webpack, production) into a temporary folder once, then checks what Excel will load:
 * functions.json generated from the JSDoc, the bundle's size, and that nothing in it reaches the network.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FUNCTIONS } from '../../src/functions/impl';

jest.setTimeout(180_000);

let out = '';
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'plan-build-'));
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', out], {
    cwd: join(__dirname, '..', '..'),
    stdio: 'pipe',
  });
});

interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; description: string; optional?: boolean; dimensionality?: string }[];
  result: { dimensionality?: string };
}

test('functions.json lists every PLAN function with its parameter help', () => {
  const meta = JSON.parse(readFileSync(join(out, 'functions.json'), 'utf8')) as { functions: Fn[] };
  const ids = meta.functions.map((f) => f.id).sort();
  expect(ids).toEqual(Object.keys(FUNCTIONS).sort());
  for (const f of meta.functions) {
    expect(f.description.length).toBeGreaterThan(10);
    for (const p of f.parameters) expect(p.description).toMatch(/\S/);
  }
  const target = meta.functions.find((f) => f.id === 'TARGET')!;
  expect(target.parameters.map((p) => [p.name, !!p.optional])).toEqual([
    ['地区', false],
    ['指标', false],
    ['年份', true],
    ['路径', true],
  ]);
  for (const id of ['REGIONS', 'INDICATORS', 'TABLE'])
    expect(meta.functions.find((f) => f.id === id)!.result.dimensionality).toBe('matrix');
});

test('the task pane page loads one script of ours and Office.js, under a Content-Security-Policy', () => {
  const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
  expect(html).toContain('Content-Security-Policy');
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]);
  expect(scripts).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js', 'taskpane.js']);
});

/**
 * URLs that appear in the bundles as text but are never requested: React's error-decoder links in its
 * messages, and XML namespace names. Anything else is a network request waiting to happen and fails the test.
 */
const NOT_FETCHED = [/^https:\/\/react\.dev\/errors\//, /^http:\/\/www\.w3\.org\//, /^https:\/\/reactjs\.org\/docs\/error-decoder/];

test('no network address in the bundles but Office.js', () => {
  const found = new Set<string>();
  for (const f of readdirSync(out).filter((n) => /\.(js|html)$/.test(n))) {
    // The Content-Security-Policy names the hosts allowed to frame the pane; it requests nothing.
    const text = readFileSync(join(out, f), 'utf8').replace(/<meta[^>]*Content-Security-Policy[^>]*>/i, '');
    for (const m of text.matchAll(/\b(?:https?|wss?):\/\/[^\s"'`)<>\\]+/g)) found.add(m[0]);
  }
  const unexpected = [...found].filter(
    (u) => u !== 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js' && !NOT_FETCHED.some((re) => re.test(u)),
  );
  expect(unexpected).toEqual([]);
});

test('the task pane JavaScript stays under 300 KB gzipped', () => {
  const size = gzipSync(readFileSync(join(out, 'taskpane.js'))).length;
  expect(size).toBeLessThan(300 * 1024);
});
