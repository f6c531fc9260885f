/**
 * Where the panes' start-up time goes (issue 30, item 7): one cold load of each pane at 4× CPU, recorded as a
 * Chromium trace (the main thread's tasks) and a CPU profile (which code ran), broken down by kind of work and,
 * through the build's source maps, by package or source file. The server, the Office.js stub and "ready" are the
 * bench's (bench/startup.bench.ts).
 *
 * Needs a build with source maps (the code is the same as the shipped one, plus the maps), e.g.
 *   npx webpack --mode production --env base=https://intranet.example/plan/ --env out=dist-prof \
 *     --devtool source-map --config-name modern --config-name legacy
 * Run: npx tsx bench/startup.profile.ts [--dist dist-prof] [--rate 4] [--loads 3] [--pane modern|legacy] [--to shown]
 * With --loads N it profiles N cold loads of each pane and prints the median of every figure. `--to shown` stops the
 * breakdown at "shown" (the static first screen laid out and taking clicks) instead of "started" (the pane took over):
 * what is left there is the page's own path (parsing, the head's scripts, style and layout), which needs no source maps
 * (`--dist dist-test` will do).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LEAST_UPPER_BOUND, TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { chromium, type Browser } from 'playwright-core';
import { READY_PROBE, serve, waitStarted } from './startup.bench';
import { USER_AGENTS } from '../test/e2e/userAgents';

const root = join(__dirname, '..');
const argv = process.argv.slice(2);
const opt = (name: string, def: string): string => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : def);
const DIST = join(root, opt('--dist', 'dist-prof'));
const RATE = Number(opt('--rate', '4'));
const LOADS = Number(opt('--loads', '1'));
/** `--pane modern` or `--pane legacy`: one pane only. */
const PANE = opt('--pane', '');
/** `--to shown`: break down the time to the bench's "shown" mark (plan-ready) instead of "started" (plan-started). */
const TO = opt('--to', 'started');
const TO_MARK = TO === 'shown' ? 'plan-ready' : 'plan-started';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string } };
}
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const maps = new Map<string, TraceMap | null>();
function mapOf(file: string): TraceMap | null {
  if (!maps.has(file)) {
    const p = join(DIST, `${file}.map`);
    maps.set(file, existsSync(p) ? new TraceMap(readFileSync(p, 'utf8')) : null);
  }
  return maps.get(file)!;
}
/** The original position of a built one; a function webpack wrote (a module's factory) has none: the code after it. */
function lookup(map: TraceMap, line: number, column: number): ReturnType<typeof originalPositionFor> {
  const p = originalPositionFor(map, { line: line + 1, column });
  return p.source ? p : originalPositionFor(map, { line: line + 1, column, bias: LEAST_UPPER_BOUND });
}
/** Where a function of the built script was written: its original file, line and name (through the source map). */
function place(url: string, line: number, column: number, fallback: string): string {
  const file = url.replace(/^https?:\/\/[^/]+\//, '').split('?')[0];
  const map = mapOf(file);
  if (!map) return `${file}:${line + 1} ${fallback}`;
  const p = lookup(map, line, column);
  if (!p.source) return `${file}:${line + 1}:${column} ${fallback}`;
  const path = p.source
    .replace(/^webpack:\/\/[^/]*\//, '')
    .replace(/^\.\//, '')
    .replace(/^.*node_modules\//, '');
  return `${path}:${p.line} ${p.name ?? fallback}`;
}
/** The original file a function of the built script comes from: "react-dom", "@fluentui/react-tabs", "src/core/plan/plan.ts". */
function origin(url: string, line: number, column: number): string {
  if (!url) return '';
  const file = url.replace(/^https?:\/\/[^/]+\//, '').split('?')[0];
  const map = mapOf(file);
  if (!map) return file;
  const src = lookup(map, line, column).source;
  if (!src) return `${file} (unmapped)`;
  const path = src.replace(/^webpack:\/\/[^/]*\//, '').replace(/^\.\//, '');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = path.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  return relative(root, join(root, path));
}

/** Groups for the summary: the packages that matter by name, our code by folder. */
function group(o: string): string {
  if (o === '' || o.startsWith('(')) return o || '(native)';
  if (/^@fluentui\//.test(o)) return o === '@fluentui/react-components' ? '@fluentui (other)' : o;
  if (/^src\/(core|data|functions|hosts|panes)\//.test(o)) return o.split('/').slice(0, 3).join('/');
  return o;
}

interface Breakdown {
  nav: number;
  ready: number;
  /** Main thread self time by trace event name, ms, between navigation and ready. */
  tasks: Map<string, number>;
  /** Sampled JS self time by origin, ms. */
  self: Map<string, number>;
  /** Sampled JS time by origin with callees (each origin counted once per sample). */
  inclusive: Map<string, number>;
  /** Sampled JS self time by function (original file, line, name). */
  functions: Map<string, number>;
  /** Sampled time by function with callees, our code only (src/). */
  ours: Map<string, number>;
  /** While the pane's script is evaluated (its modules run): sampled time by original file, with callees. */
  evaluation: Map<string, number>;
  /** Resources: name, start, end (ms from the navigation). */
  resources: { name: string; start: number; end: number }[];
  /** When each script's evaluation and each callback ran (ms from navigation), top-level events only. */
  marks: { name: string; start: number; dur: number }[];
}

const add = (m: Map<string, number>, k: string, v: number): void => void m.set(k, (m.get(k) ?? 0) + v);

async function profileLoad(browser: Browser, url: string, userAgent: string): Promise<Breakdown> {
  const context = await browser.newContext({ userAgent, viewport: { width: 350, height: 600 } });
  await context.addInitScript({ content: READY_PROBE });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'loading', 'blink'],
  });
  await cdp.send('Profiler.start');
  const started = waitStarted(page);
  started.catch(() => undefined);
  await page.goto(url, { waitUntil: 'commit' });
  // To the pane's start (#root[data-started]): the static first screen is shown long before, the work is in between.
  await started;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  const resources = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((e) => ({
      name: e.name.replace(location.origin + '/', ''),
      start: e.startTime,
      end: (e as PerformanceResourceTiming).responseEnd,
    })),
  );
  await context.close();

  const events = trace.traceEvents;
  const navEv = events.find(
    (e) => e.name === 'navigationStart' && (e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL === url,
  );
  const readyEv = events.find((e) => e.name === TO_MARK);
  if (!navEv || !readyEv) throw new Error('navigationStart or the ready mark is not in the trace');
  const nav = navEv.ts;
  const ready = readyEv.ts;
  // The renderer's main thread: where navigationStart was marked.
  const main = events.filter((e) => e.pid === navEv.pid && e.tid === navEv.tid && e.ph === 'X' && e.dur !== undefined);
  main.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks = new Map<string, number>();
  const marks: Breakdown['marks'] = [];
  // Self time of nested complete events: a stack of open events; each event's time less its children's.
  const stack: { e: TraceEvent; child: number }[] = [];
  const close = (until: number) => {
    while (stack.length && stack[stack.length - 1].e.ts + stack[stack.length - 1].e.dur! <= until) {
      const top = stack.pop()!;
      const s = Math.max(0, Math.min(top.e.ts + top.e.dur!, ready) - Math.max(top.e.ts, nav));
      const selfTime = Math.max(0, s - top.child);
      const key = top.e.name === 'EvaluateScript' ? `EvaluateScript ${(top.e.args?.data?.url ?? '').replace(/^.*\//, '')}` : top.e.name;
      add(tasks, key, selfTime / 1000);
      if (stack.length) stack[stack.length - 1].child += s;
    }
  };
  for (const e of main) {
    if (e.ts > ready) break;
    close(e.ts);
    if (e.ts + e.dur! < nav) continue;
    if (
      e.dur! > 3000 &&
      /^(EvaluateScript|FunctionCall|RunMicrotasks|v8\.run|ParseHTML|XHRLoad|XHRReadyStateChange|TimerFire|Document::recalcStyle|LocalFrameView::performLayout|v8\.compile|Paint|MajorGC|MinorGC|V8.GC_SCAVENGER_SCAVENGE_PARALLEL_PHASE|UpdateLayoutTree|Layout|ParseAuthorStyleSheet|PrePaint|UpdateLayerTree|CommitLoad|ResourceReceivedData|ResourceFinish)$/.test(
        e.name,
      )
    )
      marks.push({
        name: e.name + (e.args?.data?.url ? ` ${e.args.data.url.replace(/^.*\//, '')}` : ''),
        start: (e.ts - nav) / 1000,
        dur: e.dur! / 1000,
      });
    stack.push({ e, child: 0 });
  }
  close(Infinity);
  // Top-level tasks (RunTask) give the frame for "idle": main-thread time not in any task.
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const originOf = new Map<number, string>();
  const placeOf = new Map<number, string>();
  const pl = (id: number): string => {
    let v = placeOf.get(id);
    if (v === undefined) {
      const cf = byId.get(id)!.callFrame;
      v = cf.url ? place(cf.url, cf.lineNumber, cf.columnNumber, cf.functionName || '(anonymous)') : cf.functionName;
      placeOf.set(id, v);
    }
    return v;
  };
  const functions = new Map<string, number>();
  const evaluation = new Map<string, number>();
  // The pane's script evaluating: its modules' top-level code (webpack runs them all before the entry's last line).
  const evaluating = main
    .filter((e) => e.name === 'EvaluateScript' && /(taskpane|legacy)\.js$/.test(e.args?.data?.url ?? ''))
    .map((e) => [e.ts, e.ts + e.dur!] as const);
  const ours = new Map<string, number>();
  const o = (id: number): string => {
    let v = originOf.get(id);
    if (v === undefined) {
      const cf = byId.get(id)!.callFrame;
      v = cf.url
        ? group(origin(cf.url, cf.lineNumber, cf.columnNumber))
        : cf.functionName.startsWith('(')
          ? cf.functionName
          : `(native ${cf.functionName || 'anonymous'})`;
      originOf.set(id, v);
    }
    return v;
  };
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t < nav || t > ready) continue;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = profile.samples[i];
    add(self, o(leaf), dt);
    add(functions, pl(leaf), dt);
    const seenFn = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const k = pl(id);
      if (k.startsWith('src/') && !seenFn.has(k)) {
        add(ours, k, dt);
        seenFn.add(k);
      }
    }
    if (evaluating.some(([a, b]) => t >= a && t <= b)) {
      const files = new Set<string>();
      for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) files.add(pl(id).replace(/:\d+ .*$/, ''));
      for (const f of files) add(evaluation, f, dt);
    }
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const k = o(id);
      if (!seen.has(k)) {
        add(inclusive, k, dt);
        seen.add(k);
      }
    }
  }
  return { nav: 0, ready: (ready - nav) / 1000, tasks, self, inclusive, functions, ours, evaluation, resources, marks };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
function medianMap(ms: Map<string, number>[]): Map<string, number> {
  const keys = new Set(ms.flatMap((m) => [...m.keys()]));
  return new Map([...keys].map((k) => [k, median(ms.map((m) => m.get(k) ?? 0))]));
}
function table(title: string, m: Map<string, number>, min = 5, limit = 30): void {
  console.log(`  ${title}`);
  const rows = [...m]
    .filter(([, v]) => v >= min)
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit);
  for (const [k, v] of rows) console.log(`    ${v.toFixed(0).padStart(6)} ms  ${k}`);
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'taskpane.html'))) throw new Error(`${DIST}: no build (see the comment at the top)`);
  const { server, url } = await serve(DIST);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const warm = await browser.newContext();
    await (await warm.newPage()).goto(`${url}one-button.html`);
    await warm.close();
    for (const [name, path, ua] of [
      // The yardstick, broken down the same way (shown only: it has nothing to start).
      ...(TO === 'shown' ? ([['one-button page', 'one-button.html', USER_AGENTS.webview2]] as const) : []),
      ['modern pane', 'taskpane.html', USER_AGENTS.webview2],
      ['legacy pane (Trident)', 'taskpane.html', USER_AGENTS.trident],
    ] as const) {
      if (PANE && !name.startsWith(PANE)) continue;
      const runs: Breakdown[] = [];
      for (let i = 0; i < LOADS; i++) runs.push(await profileLoad(browser, `${url}${path}`, ua));
      const r = runs[Math.floor(runs.length / 2)];
      console.log(`\n${name}: ${TO} at ${median(runs.map((x) => x.ready)).toFixed(0)} ms (median of ${LOADS}, CPU ${RATE}×)`);
      console.log('  resources (ms from navigation, one load):');
      for (const x of r.resources) console.log(`    ${x.start.toFixed(0).padStart(6)} → ${x.end.toFixed(0).padStart(6)}  ${x.name}`);
      console.log('  top-level main-thread events over 1 ms (one load):');
      for (const x of r.marks) console.log(`    ${x.start.toFixed(0).padStart(6)} +${x.dur.toFixed(0).padStart(5)}  ${x.name}`);
      table('main thread self time by trace event (ms, to ready):', medianMap(runs.map((x) => x.tasks)));
      table('JS self time by origin (sampled):', medianMap(runs.map((x) => x.self)));
      table('JS time with callees by origin (sampled):', medianMap(runs.map((x) => x.inclusive)), 10, 25);
      table('JS self time by function (sampled):', medianMap(runs.map((x) => x.functions)), 8, 30);
      table('our functions with callees (sampled):', medianMap(runs.map((x) => x.ours)), 15, 40);
      table("the pane's script evaluating, by original file with callees (sampled):", medianMap(runs.map((x) => x.evaluation)), 8, 40);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
