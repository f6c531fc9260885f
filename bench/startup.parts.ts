/**
 * What each part of taskpane.html costs before the first action is shown (issue 30, item 7): the shipped page beside
 * copies of it with parts taken out, all timed as bench/startup.bench.ts times the panes ("shown", 4× CPU, cold loads,
 * interleaved, median) and given as a ratio to the one-button page of the same run. The copies are made here from the
 * built page; they are yardsticks, never shipped:
 *
 * - head scripts + one button: Office.js and startup.js as shipped (startup.js preloaded), and a static screen of one
 *   button (what the page costs when the first screen is as small as the yardstick's);
 * - modern static screen, no script: the page without its head scripts (#root unmarked, so the probe does not wait for
 *   startup.js), Fluent's style rules live as startup.js makes them: Fluent's markup and rules, parsed and laid out;
 * - legacy static screen, no script: the plain-HTML screen alone, without Fluent's markup and rules.
 *
 * Office.js must be referenced in <head>, before the body (Microsoft: "Referencing the Office JavaScript API library"),
 * so the head scripts are a floor under every page that talks to Office.
 *
 * Run: npx tsx bench/startup.parts.ts [--loads 15] [--rate 4]   (after `npm run build:test`)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { load, serve } from './startup.bench';
import { TEST_DIST } from '../test/build/dist';
import { USER_AGENTS } from '../test/e2e/userAgents';

const argv = process.argv.slice(2);
const opt = (name: string, def: number): number => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : def);
const LOADS = opt('--loads', 15);
const RATE = opt('--rate', 4);

/** startup.js asked for before Office.js blocks the parser (taskpane.html). */
const PRELOAD_STARTUP = '<link rel="preload" href="startup.js" as="script"/>';
const OFFICE_JS = '<script src="office/office.js"></script>';
const STARTUP_JS = '<script src="startup.js"></script>';
/** The modern static screen's style rules, inert in a <template> until startup.js makes them live (firstScreenStyles.ts). */
const FLUENT_RULES = /<template id="first-screen-styles">([\s\S]*?)<\/template>/;

/** The copies of the shipped page, by name (each must differ from it, or the build changed under this bench). */
export function parts(page: string): Record<string, string> {
  const cut = (from: string, what: RegExp | string, to: string): string => {
    const out = from.replace(what, to);
    if (out === from) throw new Error(`taskpane.html no longer has ${String(what).slice(0, 60)}: update bench/startup.parts.ts`);
    return out;
  };
  const noScripts = cut(cut(cut(cut(page, PRELOAD_STARTUP, ''), OFFICE_JS, ''), STARTUP_JS, ''), '<div id="root">', '<div>');
  const modern = noScripts.indexOf('<div data-first-screen');
  const end = noScripts.lastIndexOf('</body>');
  if (modern < 0 || end < modern) throw new Error('taskpane.html: the modern static screen is not where expected');
  const legacyOnly = cut(
    cut(noScripts.slice(0, modern) + '</div> ' + noScripts.slice(end), FLUENT_RULES, ''),
    'html:not(.legacy-start) [data-legacy-screen] {',
    'html:not(.legacy-start) [data-legacy-screen-hidden] {',
  );
  const oneButton =
    '<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><title>one button</title>' +
    PRELOAD_STARTUP +
    OFFICE_JS +
    STARTUP_JS +
    '</head><body><div id="root"><div data-first-screen=""><button type="button" data-action="insert">插入</button></div></div></body></html>';
  return {
    'head scripts + one button': oneButton,
    // The rules made live where startup.js puts them for the modern pane (the end of <head>).
    'modern static screen, no script': cut(noScripts, FLUENT_RULES, '$1'),
    'legacy static screen, no script': legacyOnly,
  };
}

/** "Shown" of one cold load, in ms from the navigation's start (the bench's own load). */
const shown = async (browser: Browser, url: string, ua: string): Promise<number> => (await load(browser, url, ua, RATE)).nav;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main(): Promise<void> {
  const variants = parts(readFileSync(join(TEST_DIST, 'taskpane.html'), 'utf8'));
  const extra = Object.fromEntries(Object.values(variants).map((html, i) => [`/part-${i}.html`, html]));
  const { server, url } = await serve(TEST_DIST, extra);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const pages: [string, string, string][] = [
    ['one-button page', 'one-button.html', USER_AGENTS.webview2],
    ['modern pane, as shipped', 'taskpane.html', USER_AGENTS.webview2],
    ['legacy pane, as shipped', 'taskpane.html', USER_AGENTS.trident],
    ...Object.keys(variants).map((name, i): [string, string, string] => [name, `part-${i}.html`, USER_AGENTS.webview2]),
  ];
  const times = new Map(pages.map(([name]) => [name, [] as number[]]));
  try {
    await shown(browser, `${url}one-button.html`, USER_AGENTS.webview2); // warm the browser process
    for (let i = 0; i < LOADS; i++) for (const [name, path, ua] of pages) times.get(name)!.push(await shown(browser, url + path, ua));
  } finally {
    await browser.close();
    server.close();
  }
  const base = median(times.get('one-button page')!);
  console.log(`\nshown, by part of taskpane.html: median of ${LOADS} cold loads at ${RATE}× CPU, 350×600, ratio to the one-button page`);
  for (const [name, ms] of times)
    console.log(`${name.padEnd(34)}${median(ms).toFixed(0).padStart(7)} ms${(median(ms) / base).toFixed(2).padStart(7)}×`);
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
