/**
 * The WPS add-in as WPS loads it: the tests' production build of webpack.wps.js (dist-test/wps/, the same files
 * `npm run build` writes to dist/wps/), copied to a temporary folder, then checks functions.json against the implementations in
 * src/functions/impl.ts, the manifest and ribbon, the entry page's script (run with a fake WPS `window`) and that
 * nothing in the add-in reaches the network.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { parseStringPromise } from 'xml2js';
import { PlanError } from '../../../src/core/errors';
import { FUNCTIONS, setLanguage, type FunctionId } from '../../../src/functions/impl';
import { buildForTests } from '../../build/dist';
import { serializeImported } from '../../../src/core/exchange/importedPlans';
import { linkedMissing, NAMESPACE, registerWpsFunctions, wpsFunction } from '../../../src/hosts/wps/functions';
import { FakeEt } from '../../fakes/fakeEt';
import { publishCorrected, serveFiles } from '../../packages';
import { isCited } from '../../cited';

setLanguage('zh-CN');

let dir = '';
beforeAll(() => {
  // The WPS add-in of the tests' production build (webpack.wps.js, built with the Excel add-in by build:test), copied
  // so that what the test publishes beside it stays in a temporary folder.
  const out = mkdtempSync(join(tmpdir(), 'plan-wps-'));
  cpSync(join(buildForTests(), 'wps'), join(out, 'wps'), { recursive: true });
  dir = join(out, 'wps');
});

interface WpsFn {
  name: string;
  description: string;
  parameters: { name: string; description: string; type: string }[];
  result: { type: string };
}
const meta = (): WpsFn[] => (JSON.parse(readFileSync(join(dir, 'functions.json'), 'utf8')) as { functions: WpsFn[] }).functions;

/** A valid argument for each parameter name the PLAN functions use. */
const SAMPLE: Record<string, unknown> = {
  region: '赣州',
  indicator: '高新技术企业',
  year: 2023,
  actual: 1200,
  path: 'linear',
  field: 'unit',
};
const call = (id: FunctionId, args: unknown[]) => (FUNCTIONS[id] as (...a: unknown[]) => unknown)(...args);

describe('functions.json', () => {
  test('names every implemented function once, with as many parameters as the implementation takes', () => {
    const fns = meta();
    expect(fns.map((f) => f.name).sort()).toEqual(Object.keys(FUNCTIONS).sort());
    for (const f of fns) expect(f.parameters.length).toBe(FUNCTIONS[f.name as FunctionId].length);
  });

  test('optional parameters ("?") are exactly the ones the implementation can do without', () => {
    for (const f of meta()) {
      const id = f.name as FunctionId;
      const required = f.parameters.filter((p) => !p.type.endsWith('?'));
      expect(f.parameters.slice(0, required.length)).toEqual(required); // required ones first
      // With only the required arguments, it answers.
      expect(() =>
        call(
          id,
          required.map((p) => SAMPLE[p.name]),
        ),
      ).not.toThrow();
      // Leaving out any required argument is a PlanError naming what is missing.
      required.forEach((_p, i) => {
        const args = required.map((p, j) => (j === i ? undefined : SAMPLE[p.name]));
        expect(() => call(id, args)).toThrow(PlanError);
      });
    }
  });

  test('results of several cells are declared as 2-D arrays, and only those', () => {
    for (const f of meta()) {
      const id = f.name as FunctionId;
      const args = f.parameters.filter((p) => !p.type.endsWith('?')).map((p) => SAMPLE[p.name]);
      const result = call(id, args);
      expect([f.name, f.result.type.endsWith('[][]')]).toEqual([f.name, Array.isArray(result)]);
      if (Array.isArray(result)) expect(result.every(Array.isArray)).toBe(true);
    }
  });

  test('help text in Chinese first, the same as Excel’s (from the same JSDoc)', () => {
    const excelDoc = readFileSync(join(__dirname, '..', '..', '..', 'src', 'functions', 'functions.ts'), 'utf8');
    for (const f of meta()) {
      expect(f.description).toMatch(/^[\u4e00-\u9fff]/);
      expect(excelDoc).toContain(f.description.replace(/（WPS：.*$/, ''));
      for (const p of f.parameters) {
        expect(p.description).toMatch(/[\u4e00-\u9fff]/);
        expect(excelDoc).toContain(`${p.name}${p.type.endsWith('?') ? ']' : ''} ${p.description}`);
      }
    }
  });
});

describe('manifest, ribbon, pages', () => {
  test('manifest.xml: root JsPlugin, functions.json under namespace PLAN', async () => {
    const xml = await parseStringPromise(readFileSync(join(dir, 'manifest.xml'), 'utf8'));
    expect(Object.keys(xml)).toEqual(['JsPlugin']);
    const fns = xml.JsPlugin.Functions[0];
    expect(fns.Namespace).toEqual([NAMESPACE]);
    expect(existsSync(join(dir, fns.Uri[0]))).toBe(true);
  });

  test('ribbon.xml: a 规划指标 group whose button calls a callback the entry script defines', async () => {
    const xml = await parseStringPromise(readFileSync(join(dir, 'ribbon.xml'), 'utf8'));
    const group = xml.customUI.ribbon[0].tabs[0].tab[0].group[0];
    expect(group.$.label).toBe('规划指标');
    const button = group.button[0].$;
    expect(button.onAction).toBe('OnAction');
    expect(existsSync(join(dir, 'images', 'icon-32.png'))).toBe(true);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toMatch(/<script src="?main\.js"?>/);
    const pane = readFileSync(join(dir, 'taskpane.html'), 'utf8');
    expect([...pane.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1])).toEqual(['taskpane.js']);
  });

  test('the entry script registers PLAN.* and opens the pane once, then shows and hides it', () => {
    const registered: [string, string, (...a: unknown[]) => unknown][] = [];
    const panes: { url: string; ID: number; Visible: boolean }[] = [];
    const storage = new Map<string, unknown>();
    const window: Record<string, unknown> = {
      wps: { AddCustomFunction: (ns: string, name: string, fn: (...a: unknown[]) => unknown) => registered.push([ns, name, fn]) },
      Application: {
        CreateTaskPane: (url: string) => {
          const pane = { url, ID: 7, Visible: false };
          panes.push(pane);
          return pane;
        },
        GetTaskPane: (id: number) => panes.find((p) => p.ID === id),
        PluginStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: unknown) => storage.set(k, v) },
      },
    };
    window.window = window;
    Object.assign(window, {
      navigator: { language: 'zh-CN' },
      location: { href: 'file:///C:/jsaddons/PlanIndicators_/index.html' },
      console,
    });
    runInNewContext(readFileSync(join(dir, 'main.js'), 'utf8'), window);
    expect(registered.map(([ns, name]) => `${ns}.${name}`).sort()).toEqual(
      Object.keys(FUNCTIONS)
        .map((id) => `PLAN.${id}`)
        .sort(),
    );
    const target = registered.find(([, name]) => name === 'TARGET')![2];
    expect(target('赣州', '高新技术企业')).toBe(2000);
    const onAction = window.OnAction as (c: { Id: string }) => boolean;
    onAction({ Id: 'btnPlanPane' });
    onAction({ Id: 'btnPlanPane' });
    expect(panes).toEqual([{ url: 'file:///C:/jsaddons/PlanIndicators_/taskpane.html', ID: 7, Visible: false }]);
    onAction({ Id: 'btnPlanPane' });
    expect(panes[0].Visible).toBe(true);
  });

  test('the entry script reads a package published beside it; PLAN.* answer from it and the imported plans, recomputed', async () => {
    // dist/wps as deployed, with a package in wps/data/ (the site's root: the parent of the build's wps/ folder).
    await publishCorrected(join(dir, 'data'));
    const served = await serveFiles(join(dir, '..'));
    const page = `${served.origin}/wps/index.html`;
    try {
      const et = new FakeEt();
      et.wb.CustomXMLParts.Add(
        serializeImported({
          region: '南昌',
          source: 'Sheet1!A1:D2',
          rows: [
            ['指标名称', '单位', '2025年(基期)', '2030年目标'],
            ['高新技术企业数', '家', '3200', '新增2800'],
          ],
        }),
      );
      const registered = new Map<string, (...a: unknown[]) => unknown>();
      const window: Record<string, unknown> = {
        wps: { AddCustomFunction: (ns: string, name: string, fn: (...a: unknown[]) => unknown) => registered.set(`${ns}.${name}`, fn) },
        Application: et,
        // The webview's own: fetch resolving against the page, timers, TextEncoder; no crypto.subtle (plain http).
        fetch: (url: string, init?: RequestInit) => fetch(new URL(url, page), init),
        navigator: { language: 'zh-CN' },
        location: { href: page, protocol: 'http:' },
        console,
        setTimeout,
        clearTimeout,
        AbortController,
        TextEncoder,
      };
      window.window = window;
      runInNewContext(readFileSync(join(dir, 'main.js'), 'utf8'), window);
      const target = registered.get('PLAN.TARGET')!;
      expect(target('南昌', '高新技术企业', 2030)).toBe(6000);
      expect(target('赣州', '高新技术企业', 2025)).toBe(2000); // compiled-in until the package has been read
      for (let i = 0; i < 100 && et.calculations === 0; i++) await new Promise((ok) => setTimeout(ok, 50));
      expect(et.calculations).toBe(1);
      expect(target('赣州', '高新技术企业', 2025)).toBe(2100);
      expect(target('南昌', '高新技术企业', 2030)).toBe(6000);
    } finally {
      await served.close();
    }
  });

  test('nothing in the add-in names a network address it would fetch', () => {
    const NOT_FETCHED = [/^https:\/\/react\.dev\/errors\//, /^http:\/\/www\.w3\.org\//, /^https:\/\/reactjs\.org\/docs\/error-decoder/];
    const found = readdirSync(dir)
      .filter((n) => /\.(js|html)$/.test(n))
      .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/\b(?:https?|wss?):\/\/[^\s"'`)<>\\]+/g)].map((m) => m[0]));
    // The official actuals' sources are cited as text (test/cited.ts), never fetched.
    expect(found.filter((u) => !NOT_FETCHED.some((re) => re.test(u)) && !isCited(u))).toEqual([]);
  });
});

describe('PLAN functions in WPS (registered from the same implementations)', () => {
  test('same results as the implementations; errors thrown with the Chinese message', () => {
    const fns = new Map<string, (...a: unknown[]) => unknown>();
    const ids = registerWpsFunctions({ AddCustomFunction: (ns, name, fn) => fns.set(`${ns}.${name}`, fn) });
    expect(ids.sort()).toEqual(Object.keys(FUNCTIONS).sort());
    expect(fns.get('PLAN.TARGET')!('赣州', '高新技术企业', 2023)).toBe(call('TARGET', ['赣州', '高新技术企业', 2023]));
    expect(fns.get('PLAN.STATUS')!('赣州', '高新技术企业', 2023, 1200)).toBe('滞后');
    expect(fns.get('PLAN.REGIONS')!()).toEqual(call('REGIONS', []));
    expect(fns.get('PLAN.ACTUAL')!('江西', '研发经费投入强度', 2023)).toBe(1.88);
    expect(fns.get('PLAN.ACTUAL')!('江西', '研发经费投入强度', 2023, 'url')).toBe(
      call('ACTUAL', ['江西', '研发经费投入强度', 2023, 'url']),
    );
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    let plan: unknown;
    try {
      call('TARGET', ['赣州', '不存在的指标']);
    } catch (e) {
      plan = e;
    }
    expect(plan).toBeInstanceOf(PlanError);
    expect(() => wpsFunction('TARGET')('赣州', '不存在的指标')).toThrow((plan as PlanError).message);
    expect(() => wpsFunction('TARGET')('赣州', '不存在的指标')).not.toThrow(PlanError);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^PLAN\.TARGET: /));
    warn.mockRestore();
  });
});

test('linked tables are offered only where WPS has custom functions', () => {
  expect(linkedMissing({ wps: { AddCustomFunction: () => undefined } }, 'zh')).toBeNull();
  expect(linkedMissing({}, 'zh')).toMatch(/12\.1\.0\.20540/);
  expect(linkedMissing({ wps: {} }, 'en')).toMatch(/plain values/);
});
