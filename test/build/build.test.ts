/**
 * The production build for an intranet base URL (dist-test/, built once per `npm test`), checked as Excel will load
 * it: functions.json generated from the JSDoc, the pages and what they name, the manifest's URLs, Office.js served
 * from our own origin, the bundles' size, and that nothing in them reaches the network.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FUNCTIONS } from '../../src/functions/impl';
import { VARIANT_PAIRS } from '../../src/core/plan/variants.generated';
import { buildForTests, TEST_BASE } from './dist';
import { parts } from '../../bench/startup.parts';
import { isCited } from '../cited';
import { Plan } from '../../src/core/plan/plan';
import { dataset } from '../../src/data/index';

let out = '';
beforeAll(() => {
  out = buildForTests();
});

/** Every file under a folder, as paths relative to it. */
function files(dir: string): string[] {
  const all: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else all.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return all;
}

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

test('the task pane page names Office.js from our own origin and the start-up script, under a self-only policy', () => {
  const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]);
  expect(scripts).toEqual(['office/office.js', 'startup.js']);
  const csp = html.match(/Content-Security-Policy"?\s+content="([^"]+)"/)![1];
  expect(csp).toContain("script-src 'self';");
  expect(csp).not.toMatch(/https?:/);
  // frame-ancestors is a header's business: browsers ignore it in a meta tag.
  expect(csp).not.toContain('frame-ancestors');
});

test('Office.js and the Excel host files it loads are served from dist/office, with Microsoft’s licence', () => {
  const office = files(join(out, 'office'));
  for (const f of [
    'office.js',
    'o15apptofilemappingtable.js',
    'excel-win32-16.01.js',
    'excel-web-16.00.js',
    'excel-mac-16.00.js',
    'custom-functions-runtime.js',
    'zh-cn/office_strings.js',
    'en-us/office_strings.js',
    'LICENSE.md',
  ])
    expect(office).toContain(f);
  expect(office.filter((f) => /debug|vsdoc|word-|outlook-|powerpoint-|onenote-/.test(f))).toEqual([]);
});

test('built for a base URL, the manifest names only that URL and the pages name no absolute URL', () => {
  const manifest = readFileSync(join(out, 'manifest.xml'), 'utf8');
  const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(8);
  for (const u of urls) expect(u.startsWith(TEST_BASE)).toBe(true);
  expect(manifest).not.toContain('localhost');
  for (const page of files(out).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(out, page), 'utf8').replace(/<meta[^>]*Content-Security-Policy[^>]*>/i, '');
    expect([page, html.match(/(?:src|href)="?https?:[^"\s>]*/g)]).toEqual([page, null]);
  }
  for (const u of urls) expect(existsSync(join(out, u.slice(TEST_BASE.length)))).toBe(true);
});

test('the portable workbook sits beside the pane for the legacy pane to link to', () => {
  expect(statSync(join(out, 'plan-indicators.xlsx')).size).toBeGreaterThan(10_000);
});

/**
 * URLs that appear in the bundles as text but are never requested: React's error-decoder links in its
 * messages, and XML namespace names. Anything else is a network request waiting to happen and fails the test.
 */
const NOT_FETCHED = [
  // core-js (the legacy pane's polyfills) keeps its licence and home page as text in its shared store.
  /^https:\/\/github\.com\/zloirock\/core-js(\/blob\/v[\d.]+\/LICENSE)?$/,
  /^https:\/\/react\.dev\/errors\//,
  /^http:\/\/www\.w3\.org\//,
  /^https:\/\/reactjs\.org\/docs\/error-decoder/,
];

test('no network address in our bundles and pages', () => {
  const found = new Set<string>();
  for (const f of files(out).filter((n) => /\.(js|html)$/.test(n) && !n.startsWith('office/'))) {
    // The Content-Security-Policy names the hosts allowed to frame the pane; it requests nothing.
    const text = readFileSync(join(out, f), 'utf8').replace(/<meta[^>]*Content-Security-Policy[^>]*>/i, '');
    for (const m of text.matchAll(/\b(?:https?|wss?):\/\/[^\s"'`)<>\\]+/g)) found.add(m[0]);
  }
  // The official actuals' sources are cited as text (test/cited.ts), never fetched.
  const unexpected = [...found].filter((u) => !NOT_FETCHED.some((re) => re.test(u)) && !isCited(u));
  expect(unexpected).toEqual([]);
});

// The legacy cap was 150 KB until December 2026, when the official name vocabulary (docs/aliases.md), the formula-text
// and xlsx guards and the typings-checked Office calls took the legacy pane from 143 KB to 158 KB; then 165 KB with the
// 自检 and issue 30's English sheet. Issue 30's item 7 (ready at once, docs/startup.md) took the dataset out of both
// panes' scripts into data.<hash>.json beside the page, and the modern pane's tabs, dialog and self-test into chunks
// loaded when shown: taskpane.js went from 283 KB to 212.6 KB (212,641 B), legacy.js from 165 KB to 130 KB (133,033 B).
// Then the tabs (Fluent's TabList, and tabster with it) became a chunk loaded while the first screen shows:
// taskpane.js 207 KB → 183.0 KB (187,371 B), legacy.js 129.8 KB (132,947 B), December 2026 (docs/startup.md).
// Then what the first screen does not use became chunks loaded when needed (the Excel adapter with the sheet layouts,
// the package reader, the imported-plan parser) and the name variants moved into data.<hash>.json; the legacy pane
// dropped core-js polyfills it never needs: taskpane.js 183.4 KB → 142.6 KB (146,057 B), the aim of 150 KB
// reached; legacy.js 129.8 KB → 103.5 KB (106,019 B), December 2026 (docs/startup.md, bench/bundle.sizes.ts). With
// the static first screen's hand-over merged (step three), taskpane.js 144.9 KB (148,414 B), legacy.js 103.6 KB
// (106,078 B). The caps follow what was measured, with a little room.
// startup.js was under 2 KB until it kept the static first screen's early clicks (src/panes/startup/early.ts): 2.8 KB.
test('the task pane JavaScript stays under 148 KB gzipped, the legacy pane under 108 KB, the start-up script under 4 KB', () => {
  expect(gzipSync(readFileSync(join(out, 'taskpane.js'))).length).toBeLessThan(148 * 1024);
  expect(gzipSync(readFileSync(join(out, 'legacy', 'legacy.js'))).length).toBeLessThan(108 * 1024);
  expect(readFileSync(join(out, 'startup.js')).length).toBeLessThan(4 * 1024);
});

test('the dataset is JSON beside the page, not in the panes’ scripts; functions.js keeps it for the functions alone', () => {
  const json = files(out).filter((f) => /^data\.[0-9a-f]{12}\.json$/.test(f));
  expect(json.length).toBe(1);
  const data = JSON.parse(readFileSync(join(out, json[0]), 'utf8')) as { regions: { issuingNumber?: string }[] };
  const mark = data.regions.find((r) => r.issuingNumber)!.issuingNumber!; // a plan's 文号, only in the data
  for (const f of ['taskpane.js', 'legacy/legacy.js', ...files(out).filter((n) => n.startsWith('chunks/'))])
    expect([f, readFileSync(join(out, f), 'utf8').includes(mark)]).toEqual([f, false]);
  expect(readFileSync(join(out, 'functions.js'), 'utf8')).toContain(mark);
  // Both panes ask for that file by name.
  for (const f of ['taskpane.js', 'legacy/legacy.js']) expect(readFileSync(join(out, f), 'utf8')).toContain(json[0]);
});

test('the name variants travel with the dataset, not in the panes’ scripts; functions.js keeps them', () => {
  const json = files(out).find((f) => /^data\.[0-9a-f]{12}\.json$/.test(f))!;
  const pairs = (JSON.parse(readFileSync(join(out, json), 'utf8')) as { variantPairs: string }).variantPairs;
  expect(pairs).toBe(VARIANT_PAIRS);
  const sample = VARIANT_PAIRS.slice(0, 40); // twenty pairs in a row: only the table holds them
  for (const f of ['taskpane.js', 'legacy/legacy.js', ...files(out).filter((n) => n.startsWith('chunks/'))])
    expect([f, readFileSync(join(out, f), 'utf8').includes(sample)]).toEqual([f, false]);
  expect(readFileSync(join(out, 'functions.js'), 'utf8')).toContain(sample);
});

test('startup.js asks for the dataset beside the pane (preload, same origin, credentials as the panes’ request); the page does not', () => {
  const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
  const json = files(out).filter((f) => /^data\.[0-9a-f]{12}\.json$/.test(f));
  // Not in the page (its only preload is startup.js's): the data's download would arrive while the static first screen
  // is parsed and laid out (startup.ts).
  expect(html.match(/<link[^>]*preload[^>]*>/g)).toEqual(['<link rel="preload" href="startup.js" as="script"/>']);
  expect(html).not.toContain(json[0]);
  const startup = readFileSync(join(out, 'startup.js'), 'utf8');
  expect(startup).toContain(`"${json[0]}"`); // the file that is there
  expect(startup).toMatch(/"preload"/);
  expect(startup).toMatch(/"fetch"/);
  expect(startup).toMatch(/"crossorigin","anonymous"/);
});

test('the page holds the modern pane’s first screen, every compiled-in region, and its style rules; WPS’s page does not', () => {
  const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
  const root = html.slice(html.indexOf('<div id="root">'), html.indexOf('</body>'));
  expect(root).toContain('data-first-screen');
  // The legacy pane's small screen comes first, so the parser reaches either screen's insert button soon.
  expect(root.indexOf('data-legacy-screen')).toBeGreaterThan(0);
  expect(root.indexOf('data-legacy-screen')).toBeLessThan(root.indexOf('data-first-screen'));
  expect(root.indexOf('data-first-screen')).toBeLessThan(3000);
  const modern = root.slice(root.indexOf('data-first-screen'));
  const insert = modern.match(/<button[^>]*data-action="?insert"?[^>]*>([\s\S]*?)<\/button>/)!;
  expect(insert[1].replace(/<[^>]+>/g, '')).toBe('插入到新工作表');
  expect(insert[0]).not.toMatch(/\bdisabled\b/);
  const plan = new Plan(dataset());
  const select = modern.match(/<select[^>]*data-region[^>]*>([\s\S]*?)<\/select>/)![1];
  const options = [...select.matchAll(/<option[^>]*value="?([^">]*)"?[^>]*>([^<]*)/g)].map((m) => [m[1], m[2]]);
  expect(options.map((o) => o[0])).toEqual(plan.allRegions().map((r) => plan.refOf(r)));
  for (const r of plan.allRegions()) expect(options.some((o) => o[1].startsWith(`${r.name} — ${r.planTitle}`))).toBe(true);
  // Griffel's rules in <head>, under the page's CSP (inline styles allowed), before the body: inert in a <template>
  // that comes after the page's own style and before startup.js, which makes them live for the modern pane alone.
  const head = html.slice(0, html.indexOf('</head>'));
  const template = head.match(/<template id="?first-screen-styles"?>([\s\S]*?)<\/template>/)!;
  expect(template[1]).toMatch(/^(<style[^>]*data-make-styles-bucket[^>]*>[^<]*<\/style>)+$/);
  expect(template[1]).toMatch(/<style[^>]*data-make-styles-bucket="?d"?[^>]*>[^<]*\.f[0-9a-z]{5,8}\{/);
  expect(head.replace(template[0], '')).not.toContain('data-make-styles');
  expect(head.indexOf('<style>')).toBeLessThan(template.index!);
  expect(head.indexOf('src="startup.js"')).toBeGreaterThan(template.index! + template[0].length);
  expect(head.indexOf('src="office/office.js"')).toBeLessThan(head.indexOf('<style>'));
  // startup.js preloaded before Office.js blocks the parser, after the CSP <meta> (which governs it), in the mode its
  // <script> asks in (no crossorigin), so the script takes the preload's answer.
  const preload = head.match(/<link rel="?preload"?[^>]*>/g)!;
  expect(preload).toEqual([expect.stringMatching(/href="?startup\.js"?/)]);
  expect(preload[0]).toMatch(/as="?script"?/);
  expect(preload[0]).not.toMatch(/crossorigin/);
  expect(head.indexOf(preload[0])).toBeGreaterThan(head.indexOf('Content-Security-Policy'));
  expect(head.indexOf(preload[0])).toBeLessThan(head.indexOf('src="office/office.js"'));
  const csp = html.match(/Content-Security-Policy"?\s+content="([^"]+)"/)![1];
  expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
  // The WPS page (no startup.js to keep early clicks) renders its pane from its bundle: no static screen there.
  const wps = readFileSync(join(out, 'wps', 'taskpane.html'), 'utf8');
  expect(wps).not.toMatch(/<div[^>]*data-first-screen/);
  expect(wps).not.toContain('data-make-styles-bucket');
  expect(wps).not.toContain('first-screen-styles');
  expect(wps).not.toContain('src="startup.js"');
  expect(wps).toMatch(/<div id="?root"?><\/div>/);
});

test('the start-up parts bench can cut the built page into its parts (bench/startup.parts.ts)', () => {
  const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
  const cut = parts(html);
  expect(Object.keys(cut)).toHaveLength(3);
  const one = cut['head scripts + one button'];
  expect(one).toContain('src="office/office.js"');
  expect(one).toContain('src="startup.js"');
  expect(one).toContain('<link rel="preload" href="startup.js" as="script"/>');
  expect(one.match(/data-action="insert"/g)).toHaveLength(1);
  for (const name of ['modern static screen, no script', 'legacy static screen, no script']) {
    expect(cut[name]).not.toContain('<script');
    expect(cut[name]).not.toContain('id="root"');
    expect(cut[name]).toContain('data-legacy-screen');
  }
  expect(cut['modern static screen, no script']).toMatch(/<div data-first-screen/);
  // No startup.js there to make Fluent's rules live: the copy has them live in <head>.
  expect(cut['modern static screen, no script']).toMatch(/<\/style><style[^>]*data-make-styles-bucket[\s\S]*<\/head>/);
  expect(cut['modern static screen, no script']).not.toContain('<template id="first-screen-styles"');
  expect(cut['legacy static screen, no script']).not.toMatch(/<div data-first-screen/);
  expect(cut['legacy static screen, no script']).not.toContain('data-make-styles');
  expect(() => parts(html.replace('<script src="startup.js"></script>', ''))).toThrow(/startup.parts.ts/);
});
