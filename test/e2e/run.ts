/**
 * End-to-end: the add-in as shipped. Builds dist-test/ (the production build for an intranet base URL), serves it
 * from 127.0.0.1 with the Content-Security-Policy header, and opens dist-test/taskpane.html in headless Chromium —
 * the real Office.js and start-up script included; only the Excel host is fake (test/e2e/officeHost.ts, injected
 * before any page script). Three webviews, by user agent: WebView2 (modern pane), Trident and EdgeHTML (legacy
 * pane, with the fake Excel reporting ExcelApi 1.1 and no custom functions). Every request must stay on 127.0.0.1.
 * Screenshots of the pane go to test-results/ (ignored by git); `npm run docs` copies them into docs/.
 * Run: npm run test:e2e (Chromium at /usr/bin/chromium or $CHROMIUM).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { colIndex, colLetter } from '../../src/core/sheet/layout';
import { DATA_VERSION, dataset } from '../../src/data/index';
import { buildForTests, TEST_DIST } from '../build/dist';
import { editTarget, publish } from '../packages';
import { checkFit, measured } from './fit';
import { runSelfTest } from './selftest';
import { USER_AGENTS } from './userAgents';

const root = join(__dirname, '..', '..');
const results = join(root, 'test-results');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const hostScript = join(root, 'dist-e2e', 'officeHost.js');
import { deployment } from '../../scripts/deployment';
import { PATIENCE_MS } from '../patience';
import { NANCHANG_CSV } from '../fixtures/nanchang';
import { TEMPLATE_CELLS } from '../fixtures/template';

export { USER_AGENTS } from './userAgents';

/** The fake Excel host, bundled for the page (HyperFormula and all). */
function buildHost(): void {
  execFileSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--env', 'e2e', '--mode', 'development'], {
    cwd: root,
    stdio: 'pipe',
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
};

/** dist/ as a web server serves it; `data`: a published package served beside the page, under data/. */
function serve(dir: string, data?: string): Promise<{ server: Server; url: string }> {
  const csp = deployment({}).headerCsp;
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    const inData = data !== undefined && /^[/\\]data[/\\]/.test(path);
    const base = inData ? data : dir;
    const file = inData ? join(data, path.slice('/data/'.length)) : join(dir, path === '/' ? 'taskpane.html' : path);
    if (!file.startsWith(base) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': csp })
      .end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })),
  );
}

const steps: string[] = [];
async function step(name: string, f: () => Promise<void>): Promise<void> {
  await f();
  steps.push(name);
  console.log(`  ✓ ${name}`);
}

async function notice(page: Page): Promise<string> {
  await page.waitForSelector('[data-notice]');
  return page.locator('[data-notice]').innerText();
}

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
}

/** Open the shipped pane as a given webview would, with the fake Excel host injected before Office.js. */
async function openPane(browser: Browser, url: string, userAgent: string, query: string): Promise<Opened> {
  // 350 px: the width of an Excel task pane (the screenshots in docs/ are taken at it); checkFit tries 320 px too.
  const context = await browser.newContext({ userAgent, viewport: { width: 350, height: 900 } });
  await context.addInitScript({ path: hostScript });
  context.setDefaultTimeout(PATIENCE_MS);
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${url}taskpane.html?${query}`);
  return { page, requests, errors };
}

const loaded = (requests: string[], url: string, path: string): boolean => requests.includes(url + path);

/** The fake Excel's workbook in the page: every cell, sheet name and table (for the self-test's before and after). */
const excelState = (page: Page) => (): Promise<string> =>
  page.evaluate(() => {
    const h = (
      window as unknown as { __host: { snapshot(): Map<string, unknown>; sheets: { name: string }[]; tables: { name: string }[] } }
    ).__host;
    return JSON.stringify([[...h.snapshot().entries()], h.sheets.map((s) => s.name), h.tables.map((t) => t.name)]);
  });

async function main(): Promise<void> {
  assert.ok(existsSync(executablePath), `Chromium not found at ${executablePath}: apt-get install -y chromium fonts-noto-cjk`);
  mkdirSync(results, { recursive: true });
  buildForTests();
  buildHost();
  const { server, url } = await serve(TEST_DIST);
  // Two more sites for the legacy pane: one with a published package beside the page (赣州's 高新技术企业 target
  // corrected to 2100, checksum updated), one with a package whose checksum was not updated.
  const packages = mkdtempSync(join(tmpdir(), 'e2e-packages-'));
  await publish(join(packages, 'good'), '1764201600'); // 2025-11-27
  editTarget(join(packages, 'good'), 2100, true);
  await publish(join(packages, 'bad'), '1764201600');
  editTarget(join(packages, 'bad'), 2100, false);
  const published = await serve(TEST_DIST, join(packages, 'good'));
  const refused = await serve(TEST_DIST, join(packages, 'bad'));
  const packageVersion = `${DATA_VERSION}+20251127T000000Z`;
  const requests: string[] = [];
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const gz = dataset().regions.find((r) => r.name === '赣州')!;
  const row = 6 + gz.entries.findIndex((e) => e.indicator.id === 'high_tech_enterprises');
  const cell = (key: Parameters<typeof colIndex>[0]) => `${colLetter(colIndex(key))}${row}`;
  const errors: string[] = [];
  try {
    const opened = await openPane(browser, url, USER_AGENTS.webview2, 'lang=zh-CN');
    const page = opened.page;
    requests.push(...opened.requests);
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(String(e)));

    await step('WebView2: Office.js and the start-up script load the modern pane, in Chinese, with the region table', async () => {
      await page.waitForSelector('text=十四五科技规划指标');
      await page.waitForSelector('[data-indicator="high_tech_enterprises"]');
      assert.match(await page.locator('[data-indicator="high_tech_enterprises"]').innerText(), /高新技术企业数量[\s\S]*1000[\s\S]*2000/);
      assert.ok(loaded(opened.requests, url, 'office/office.js'), 'Office.js from our own origin');
      // startup.js is preloaded before Office.js blocks the parser; its <script> takes that answer (asked for once).
      assert.equal(opened.requests.filter((u) => u === `${url}startup.js`).length, 1, 'startup.js asked for once');
      assert.ok(loaded(opened.requests, url, 'taskpane.js'), 'the modern bundle');
      assert.ok(!opened.requests.some((u) => u.includes('/legacy/')), 'not the legacy pane');
      // startup.js preloads the dataset once the first screen is painted; the pane's own request takes that answer.
      const data = readdirSync(TEST_DIST).find((f) => /^data\.[0-9a-f]{12}\.json$/.test(f))!;
      assert.equal(opened.requests.filter((u) => u === url + data).length, 1, `${data} asked for once`);
      await page.screenshot({ path: join(results, 'pane-zh.png'), fullPage: true });
    });

    await step('the modern pane fits 320 and 350 px in Chinese, every tab: no sideways scroll, insert on the first screen', async () => {
      await checkFit(page, 'modern zh');
      // The plan's seed file and version are not on the first screen: they wait in the closed details area.
      assert.doesNotMatch(
        await page
          .locator('.pane > :not(details)')
          .allInnerTexts()
          .then((t) => t.join('\n')),
        /\.txt|数据版本/,
      );
      assert.equal(await page.locator('details[data-about]').getAttribute('open'), null);
    });

    await step('a row opens its sources and conflicts', async () => {
      await page.click('[data-indicator="high_tech_enterprises"]');
      const detail = await page.locator('.detail').innerText();
      assert.match(detail, /004_2f23a6af36b04d93\.txt:\d+/);
      assert.match(detail, /1107/);
    });

    await step('insert 赣州 on a new sheet (plain mode): a table, formulas, flag rules', async () => {
      await page.click('text=普通数值与公式');
      await page.click('[data-action="insert"]');
      assert.match(await notice(page), /已插入：赣州指标/);
      const state = await page.evaluate(() => {
        const h = (window as unknown as { __host: { tables: { name: string }[]; sheets: { name: string }[] } }).__host;
        return { tables: h.tables.map((t) => t.name), sheets: h.sheets.map((s) => s.name) };
      });
      assert.deepEqual(state, { tables: ['PLAN_P_Ganzhou'], sheets: ['Sheet1', '赣州指标'] });
    });

    await step('an actual value behind the trajectory is flagged, one on track is not', async () => {
      const flags = await page.evaluate(
        ([behind, onTrack]) => {
          const h = (
            window as unknown as {
              __host: { type: (s: string, a: string, v: number) => void; flag: (s: string, a: string) => string | null };
            }
          ).__host;
          h.type('赣州指标', behind, 1200);
          h.type('赣州指标', onTrack, 1400);
          return [h.flag('赣州指标', behind), h.flag('赣州指标', onTrack)];
        },
        [cell('actual2023'), cell('actual2022')],
      );
      assert.deepEqual(flags, ['#FFC7CE', null]);
    });

    await step('refresh keeps the typed values', async () => {
      await page.click('[data-action="refresh"]');
      assert.match(await notice(page), /已刷新 1 张表/);
      const kept = await page.evaluate((a) => {
        const h = (window as unknown as { __host: { sheet: (n: string) => { value: (r: number, c: number) => unknown } } }).__host;
        const m = a.match(/^([A-Z]+)(\d+)$/)!;
        let c = 0;
        for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
        return h.sheet('赣州指标').value(Number(m[2]) - 1, c - 1);
      }, cell('actual2023'));
      assert.equal(kept, 1200);
    });

    await step("inserting over a person's cells asks first and writes nothing", async () => {
      await page.evaluate(() => {
        const h = (window as unknown as { __host: { type: (s: string, a: string, v: string) => void; selection: object } }).__host;
        h.type('Sheet1', 'C3', '我的数据');
        h.selection = { sheet: 'Sheet1', row: 0, col: 0, rows: 1, cols: 1 };
      });
      await page.click('[data-action="insert-here"]');
      await page.waitForSelector('[data-action="confirm"]');
      assert.match(await page.locator('[role="dialog"]').innerText(), /已有内容/);
      // The dialog is titled by its question, not by the add-in's name.
      assert.equal((await page.locator('[role="dialog"] h2').innerText()).trim(), '所选位置已有内容，改为插入到新工作表？');
      await page.click('text=取消');
      const kept = await page.evaluate(() =>
        (window as unknown as { __host: { sheet: (n: string) => { value: (r: number, c: number) => unknown } } }).__host
          .sheet('Sheet1')
          .value(2, 2),
      );
      assert.equal(kept, '我的数据');
    });

    await step("a formula that shows nothing is a person's work: insert refuses and names the cell (screenshot)", async () => {
      await page.evaluate(() => {
        const h = (
          window as unknown as { __host: { type: (s: string, a: string, v: string) => void; select: (s: string, a: string) => void } }
        ).__host;
        h.type('Sheet1', 'D90', '=IF(1>2,1,"")');
        h.select('Sheet1', 'A80');
      });
      await page.click('[data-action="insert-here"]');
      await page.waitForSelector('[data-action="confirm"]');
      assert.match(await page.locator('[role="dialog"]').innerText(), /以下单元格已有内容（值或公式），未写入任何单元格：Sheet1!D90/);
      await page.screenshot({ path: join(results, 'refusal-zh.png'), animations: 'disabled' });
      await page.click('text=取消');
      const kept = await page.evaluate(() =>
        (window as unknown as { __host: { sheet: (n: string) => { formula: (r: number, c: number) => unknown } } }).__host
          .sheet('Sheet1')
          .formula(89, 3),
      );
      assert.equal(kept, '=IF(1>2,1,"")');
    });

    await step('refresh keeps a hand-edited target, lists it and asks before replacing it (screenshot)', async () => {
      await page.evaluate((a) => {
        (window as unknown as { __host: { type: (s: string, a: string, v: number) => void } }).__host.type('赣州指标', a, 2100);
      }, cell('target'));
      await page.click('[data-action="refresh"]');
      await page.waitForSelector('[data-notice="warning"]');
      // The kept edit is named by sheet, indicator and column, with its address (src/core/sheet/cellName.ts).
      const notice = await page.locator('[data-notice]').innerText();
      assert.ok(notice.includes(`赣州指标 · 高新技术企业数量 · 2025年目标值（${cell('target')}）`), notice);
      await page.screenshot({ path: join(results, 'refresh-edits-zh.png'), animations: 'disabled' });
      if (await page.locator('[role="dialog"]').count()) await page.click('[role="dialog"] >> text=取消');
      const kept = await page.evaluate(
        ([r, c]) =>
          (window as unknown as { __host: { sheet: (n: string) => { value: (r: number, c: number) => unknown } } }).__host
            .sheet('赣州指标')
            .value(r, c),
        [row - 1, colIndex('target')],
      );
      assert.equal(kept, 2100);
    });

    await step('the progress view: each indicator from baseline to target, expected position and actual (screenshot)', async () => {
      await page.click('[data-tab="progress"]');
      await page.click('[data-action="read-actuals"]');
      await page.waitForSelector('[data-view="progress"]');
      assert.match(await page.locator('[data-view="progress"]').innerText(), /高新技术企业/);
      await page.screenshot({ path: join(results, 'progress-zh.png'), fullPage: true });
      await page.click('role=tab[name="指标表"]');
    });

    await step('check my template: matches rows and explains the flags', async () => {
      await page.evaluate((cells) => {
        const h = (window as unknown as { __host: { type: (s: string, a: string, v: string | number) => void; selection: object } }).__host;
        for (const [a, v] of cells) h.type('Sheet1', a, v);
        h.selection = { sheet: 'Sheet1', row: 19, col: 0, rows: 4, cols: 3 };
      }, TEMPLATE_CELLS);
      await page.click('role=tab[name="检查我的模板"]');
      await page.click('[data-action="read-selection"]');
      await page.waitForSelector('.flags li');
      const text = await page.locator('.check').innerText();
      assert.match(text, /高新技术企业 → 高新技术企业数量/);
      assert.match(text, /备注行 → 未匹配/);
      assert.match(text, /高新技术企业 2023: 1200 — 滞后; 应达 1600; 差距 -400/);
      assert.doesNotMatch(text, /高新技术企业 2022/);
    });

    await step(
      '导入规划表: a selected 十五五-style table becomes a plan of its own period, kept in the workbook (screenshot)',
      async () => {
        const table = readFileSync(NANCHANG_CSV, 'utf8')
          .replace(/^\uFEFF/, '')
          .trim()
          .split(/\r?\n/)
          .map((line) => line.split(','));
        await page.evaluate((rows) => {
          const h = (
            window as unknown as {
              __host: { type: (s: string, a: string, v: string | number) => void; select: (s: string, a: string) => void };
            }
          ).__host;
          rows.forEach((r, i) =>
            r.forEach(
              (v, j) => v && h.type('Sheet1', `${String.fromCharCode(65 + j)}${120 + i}`, /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v),
            ),
          );
          h.select('Sheet1', `A120:G${119 + rows.length}`);
        }, table);
        await page.fill('[data-import-region] input, input[data-import-region]', '南昌');
        await page.click('[data-action="import-plan"]');
        assert.match(await notice(page), /已导入南昌的规划表（Sheet1!A120:G\d+，\d+ 项指标），已保存在本工作簿中/);
        assert.match(await page.locator('select').first().innerText(), /南昌/);
        await page.screenshot({ path: join(results, 'import-zh.png') });
        const kept = await page.evaluate(
          () =>
            (window as unknown as { __host: { xmlParts: { namespaceUri: string; deleted: boolean }[] } }).__host.xmlParts.filter(
              (p) => !p.deleted && p.namespaceUri.includes('imported-plan'),
            ).length,
        );
        assert.equal(kept, 1);
        // The imported plan is inserted in its own years: 2024 baseline, actual columns 2025–2030.
        await page.selectOption('select[aria-label="地区"]', '南昌');
        await page.click('[data-action="insert"]');
        assert.match(await notice(page), /已插入：南昌指标\(2025-2030\)/);
        const inserted = await page.evaluate(() => {
          const h = (
            window as unknown as {
              __host: { tables: { name: string }[]; sheet: (n: string) => { value: (r: number, c: number) => unknown } };
            }
          ).__host;
          const ws = h.sheet('南昌指标(2025-2030)');
          return { tables: h.tables.map((t) => t.name), header: Array.from({ length: 12 }, (_x, c) => ws.value(4, c)) };
        });
        assert.ok(inserted.tables.includes('PLAN_P_U5357660C_T2030'), inserted.tables.join());
        assert.deepEqual(inserted.header.slice(3, 7), ['2024年（基期）', '2030年目标（原文）', '2030年目标值', '2025年实际']);
        assert.equal(inserted.header[11], '2030年实际');
        // A plan with a long name in the picker: the pane still fits.
        await checkFit(page, 'modern zh, 南昌 imported');
        await page.screenshot({ path: join(results, 'pane-zh-imported.png'), fullPage: true });
        // Back to 赣州 for the steps that follow; the notice about 南昌 goes with it.
        await page.selectOption('select[aria-label="地区"]', '赣州');
        await page.waitForFunction(() => (document.querySelector('select[aria-label="地区"]') as HTMLSelectElement).value === '赣州');
        assert.equal(await page.locator('[data-notice]').count(), 0);
      },
    );

    await step('自检: every capability ok on a scratch sheet, deleted again, nothing else touched (screenshot)', async () => {
      const text = await runSelfTest(page, excelState(page), join(results, 'selftest-zh.png'));
      assert.match(text, /✓ 自定义函数: 正常/);
      assert.match(text, /ExcelApi 1\.17/);
    });

    await step('build a formula and write it into the active cell', async () => {
      await page.evaluate(() => {
        (window as unknown as { __host: { selection: object } }).__host.selection = { sheet: 'Sheet1', row: 30, col: 0, rows: 1, cols: 1 };
      });
      await page.click('role=tab[name="生成公式"]');
      assert.match(await page.locator('.formula-preview').innerText(), /^=PLAN\.TARGET\("赣州","全社会 R&D 经费支出占 GDP 之比",2025\)$/);
      await page.click('[data-action="write-formula"]');
      assert.match(await notice(page), /已写入 Sheet1!A31/);
      const v = await page.evaluate(() =>
        (window as unknown as { __host: { sheet: (n: string) => { value: (r: number, c: number) => unknown } } }).__host
          .sheet('Sheet1')
          .value(30, 0),
      );
      assert.equal(v, 2.6);
    });

    await step('the pane in English when Office is not Chinese', async () => {
      const { page: en, requests: enRequests } = await openPane(browser, url, USER_AGENTS.webview2, 'lang=en-US');
      await en.waitForSelector('text=Insert on a new sheet');
      await en.waitForSelector('[data-indicator="high_tech_enterprises"]');
      assert.match(await en.locator('[data-indicator="high_tech_enterprises"]').innerText(), /High-tech enterprises/);
      await en.screenshot({ path: join(results, 'pane-en.png'), fullPage: true });
      await checkFit(en, 'modern en');
      // English complete: no Chinese on the pane outside quoted source text (the plan's own words: quotes, and the
      // region table's figures as written, e.g. "新增 2-5"). Every tab, and a row's detail with its conflicts.
      const cjk = async (): Promise<string[]> =>
        en.evaluate(() => {
          const clone = document.querySelector('.pane')!.cloneNode(true) as HTMLElement;
          clone.querySelectorAll('.region-table td:nth-child(n+3), input, select option:not(:checked)').forEach((e) => e.remove());
          document.body.appendChild(clone);
          const text = clone.innerText;
          clone.remove();
          return text
            .replace(/“[^”]*”|"[^"]*"/g, '')
            .split('\n')
            .filter((l) => /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/.test(l));
        });
      await en.click('[data-indicator="high_tech_enterprises"]');
      const tabs = en.locator('[role="tab"]');
      for (let i = 0; i < (await tabs.count()); i++) {
        await tabs.nth(i).click();
        assert.deepEqual(await cjk(), [], `tab ${i}`);
      }
      await tabs.nth(0).click();
      // The same refusal, in English.
      await en.evaluate(() => {
        const h = (
          window as unknown as { __host: { type: (s: string, a: string, v: string) => void; select: (s: string, a: string) => void } }
        ).__host;
        h.type('Sheet1', 'D10', '=IF(1>2,1,"")');
        h.select('Sheet1', 'A2');
      });
      await en.click('[data-action="insert-here"]');
      await en.waitForSelector('[data-action="confirm"]');
      assert.match(
        await en.locator('[role="dialog"]').innerText(),
        /These cells already hold a value or formula; nothing was written: Sheet1!D10/,
      );
      await en.screenshot({ path: join(results, 'refusal-en.png'), animations: 'disabled' });
      await en.click('text=Cancel');
      await en.click('[data-action="insert"]');
      await en.waitForSelector('[data-notice="success"]');
      await en.click('[data-tab="progress"]');
      await en.click('[data-action="read-actuals"]');
      await en.waitForSelector('[data-view="progress"]');
      await en.screenshot({ path: join(results, 'progress-en.png'), fullPage: true });
      requests.push(...enRequests);
    });

    await step('an Excel without custom functions (ExcelApi 1.2): the modern pane in plain mode, saying why', async () => {
      const { page: old, requests: oldRequests } = await openPane(browser, url, USER_AGENTS.webview2, 'lang=zh-CN&excelApi=1.2&linked=0');
      await old.waitForSelector('[data-linked-missing]');
      assert.match(await old.locator('[data-linked-missing]').innerText(), /不支持自定义函数.*Excel 2021/);
      assert.ok(await old.locator('input[value="linked"]').isDisabled());
      assert.ok(await old.locator('input[value="plain"]').isChecked());
      await old.click('[data-action="insert"]');
      assert.match(await notice(old), /已插入：赣州指标/);
      const above = await old.evaluate(() => (window as unknown as { __host: { aboveLevel: string[] } }).__host.aboveLevel);
      assert.deepEqual(above, []);
      await old.screenshot({ path: join(results, 'pane-plain-only.png'), fullPage: true });
      requests.push(...oldRequests);
    });

    /** A page whose pane script (taskpane.js or legacy/legacy.js) waits until `release()`: the static screen alone. */
    const held = async (ua: string, script: RegExp) => {
      const context = await browser.newContext({ userAgent: ua, viewport: { width: 350, height: 900 } });
      await context.addInitScript({ path: hostScript });
      context.setDefaultTimeout(PATIENCE_MS);
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => requests.push(r.url()));
      let release = (): void => undefined;
      const go = new Promise<void>((r) => (release = r));
      await page.route(script, async (route) => {
        await go;
        await route.continue();
      });
      // DOMContentLoaded waits for Office.js and startup.js, not for the pane's script startup.js adds.
      await page.goto(`${url}taskpane.html?lang=zh-CN`, { waitUntil: 'domcontentloaded' });
      return { page, context, release };
    };

    await step('a click on the static first screen before the pane has started is kept and performed once', async () => {
      const { page: early, context, release } = await held(USER_AGENTS.webview2, /\/taskpane\.js$/);
      assert.equal(await early.locator('#root[data-started]').count(), 0, 'the pane has not started');
      // Fluent's rules were made live by startup.js (src/panes/startup/firstScreenStyles.ts): the static insert button
      // wears the brand colour, as the pane's does.
      const look = await early.evaluate(() => ({
        template: document.querySelectorAll('#first-screen-styles').length,
        rules: document.querySelectorAll('head > style[data-make-styles-bucket]').length,
        insert: getComputedStyle(document.querySelector('[data-first-screen] [data-action="insert"]')!).backgroundColor,
      }));
      assert.deepEqual({ ...look, rules: look.rules > 5 }, { template: 0, rules: true, insert: 'rgb(15, 108, 189)' });
      // 吉安 and the plain mode chosen on the static screen, then 插入到新工作表.
      const jian = await early.evaluate(
        () =>
          [...document.querySelectorAll<HTMLOptionElement>('[data-first-screen] select[data-region] option')].find((o) =>
            o.text.startsWith('吉安 — '),
          )!.value,
      );
      await early.selectOption('[data-first-screen] select[data-region]', jian);
      await early.check('[data-first-screen] input[value="plain"]');
      await early.click('[data-first-screen] [data-action="insert"]');
      assert.match(await early.locator('[data-early-notice]').innerText(), /正在准备/);
      assert.ok(await early.locator('[data-first-screen] [data-action="insert"]').isDisabled(), 'the static buttons wait');
      release();
      assert.match(await notice(early), /已插入：吉安指标/);
      await early.waitForSelector('#root[data-started]');
      // The pane starts with the region chosen on the static screen; the click was performed once.
      assert.equal(await early.locator('select[data-region]').inputValue(), jian);
      await early.waitForTimeout(500);
      const state = await early.evaluate(() => {
        const h = (window as unknown as { __host: { tables: { name: string }[]; sheets: { name: string }[] } }).__host;
        return { tables: h.tables.length, sheets: h.sheets.map((s) => s.name) };
      });
      assert.deepEqual(state, { tables: 1, sheets: ['Sheet1', '吉安指标'] });
      assert.equal(await early.locator('[data-early-notice]').count(), 0, 'the notice went with the static screen');
      await context.close();
    });

    await step(
      'Trident: the static legacy screen shows at once (the Fluent one never); a click on it is kept and performed once',
      async () => {
        const { page: old, context, release } = await held(USER_AGENTS.trident, /\/legacy\/legacy\.js$/);
        assert.equal(await old.locator('#root[data-started]').count(), 0, 'the pane has not started');
        assert.ok(await old.locator('[data-first-screen]').isHidden(), 'not the Fluent screen');
        assert.ok(await old.locator('[data-legacy-screen]').isVisible(), 'the legacy screen');
        // Fluent's rules stay inert in their <template>: no style sheet of the page is Griffel's.
        const sheets = await old.evaluate(() => ({
          griffel: [...document.styleSheets].filter((s) => (s.ownerNode as Element).hasAttribute('data-make-styles-bucket')).length,
          inert: document.querySelector<HTMLTemplateElement>('#first-screen-styles')!.content.querySelectorAll('style').length,
        }));
        assert.deepEqual({ ...sheets, inert: sheets.inert > 5 }, { griffel: 0, inert: true });
        // 吉安 chosen on the static legacy screen, then 插入到新工作表.
        const jian = await old.evaluate(
          () =>
            [...document.querySelectorAll<HTMLOptionElement>('[data-legacy-screen] select[data-region] option')].find((o) =>
              o.text.startsWith('吉安 — '),
            )!.value,
        );
        await old.selectOption('[data-legacy-screen] select[data-region]', jian);
        await old.click('[data-legacy-screen] [data-action="insert"]');
        assert.match(await old.locator('[data-early-notice]').innerText(), /正在准备/);
        assert.ok(await old.locator('[data-legacy-screen] [data-action="insert"]').isDisabled(), 'the static buttons wait');
        release();
        await old.waitForSelector('#root[data-started]');
        await old.waitForSelector('[data-pane="legacy"] [data-notice="success"]');
        assert.match(await old.locator('[data-pane="legacy"] [data-notice]').innerText(), /吉安/);
        // The pane starts with the region chosen on the static screen; the click was performed once.
        assert.equal(await old.locator('[data-pane="legacy"] select[data-region]').inputValue(), jian);
        await old.waitForTimeout(500);
        const state = await old.evaluate(() => {
          const h = (window as unknown as { __host: { tables: { name: string }[]; sheets: { name: string }[] } }).__host;
          return { tables: h.tables.length, sheets: h.sheets.map((s) => s.name) };
        });
        assert.equal(state.sheets.length, 2, `one sheet inserted: ${state.sheets.join(', ')}`);
        assert.ok(state.sheets[1].startsWith('吉安'), state.sheets[1]);
        assert.equal(await old.locator('[data-first-screen], [data-legacy-screen], [data-early-notice]').count(), 0);
        await context.close();
      },
    );

    // The legacy pane and a package beside the page. Office 2016 volume-licensed (Trident, ExcelApi 1.1) reads a
    // published package; EdgeHTML finds one with a wrong checksum and refuses it; Office 2019 volume-licensed (Trident,
    // ExcelApi 1.8, where tables keep their record in the workbook) lists what a package changed before refreshing.
    for (const [name, ua, site, excelApi] of [
      ['Trident (IE11)', USER_AGENTS.trident, published.url, '1.1'],
      ['EdgeHTML', USER_AGENTS.edgehtml, refused.url, '1.1'],
      ['Trident (IE11), Office 2019', USER_AGENTS.trident, published.url, '1.8'],
    ] as const) {
      await step(
        `${name}: the start-up script loads the legacy pane, which inserts 赣州 in plain mode at ExcelApi ${excelApi}`,
        async () => {
          const url = site;
          const {
            page: legacy,
            requests: legacyRequests,
            errors: legacyErrors,
          } = await openPane(browser, url, ua, `lang=zh-CN&excelApi=${excelApi}&linked=0`);
          await legacy.waitForSelector('[data-pane="legacy"]');
          assert.ok(loaded(legacyRequests, url, 'legacy/legacy.js'), 'the legacy pane');
          await checkFit(legacy, `legacy (${name})`, '[data-action="insert"]', '[data-region]');
          assert.ok(!loaded(legacyRequests, url, 'taskpane.js'), 'not the modern bundle');
          assert.match(await legacy.locator('[data-why]').innerText(), /不支持自定义函数/);
          // The package, read with XMLHttpRequest and checked with the bundled pure-JS sha256.
          assert.ok(loaded(legacyRequests, url, 'data/datapackage.json'), 'the package beside the page');
          const dataLine = await legacy.locator('[data-source]').innerText();
          const target = site === published.url ? 2100 : 2000;
          if (site === published.url) {
            assert.equal(await legacy.locator('[data-source]').getAttribute('data-source'), 'published');
            assert.equal(dataLine, `使用数据：${packageVersion} · 2025-11-27 · 已发布`);
          } else {
            assert.equal(await legacy.locator('[data-source]').getAttribute('data-source'), 'compiled');
            assert.match(
              dataLine,
              new RegExp(
                `^使用数据：${DATA_VERSION.replace(/\./g, '\\.')} · 内置（发布的数据包未采用：values\\.csv，字段 hash：校验和不符`,
              ),
            );
          }
          await legacy.selectOption('[data-region]', '赣州');
          assert.match(await legacy.locator('[data-indicator="high_tech_enterprises"]').innerText(), new RegExp(`\\b${target}\\b`));
          // The portable workbook it links to is served beside the page.
          const href = new URL((await legacy.locator('[data-workbook]').getAttribute('href'))!, `${url}taskpane.html`).href;
          const got = await legacy.request.get(href);
          assert.equal(got.status(), 200, href);
          assert.ok((await got.body()).length > 10_000);
          await legacy.click('[data-action="insert"]');
          await legacy.waitForSelector('[data-notice="success"]');
          assert.match(await legacy.locator('[data-notice]').innerText(), /已插入：赣州指标/);
          const state = await legacy.evaluate(() => {
            const h = (window as unknown as { __host: { tables: { name: string }[]; aboveLevel: string[] } }).__host;
            return { tables: h.tables.map((t) => t.name), above: h.aboveLevel };
          });
          assert.deepEqual(state, { tables: ['PLAN_P_Ganzhou'], above: [] });
          const value = () =>
            legacy.evaluate(
              ([r, c]) =>
                (window as unknown as { __host: { sheet: (n: string) => { value: (r: number, c: number) => unknown } } }).__host
                  .sheet('赣州指标')
                  .value(r, c),
              [row - 1, colIndex('target')],
            );
          // Inserted from the data in use: the package's corrected target, or the compiled-in one.
          assert.equal(await value(), target);
          if (ua === USER_AGENTS.trident && excelApi === '1.1') {
            // ExcelApi 1.1 keeps no record of the tables in the workbook, but the pane inserted every table there is
            // from the data in use: refresh right after insert asks nothing. It keeps a hand edit and offers to
            // replace it; only when the person asks is it replaced.
            await legacy.evaluate((a) => {
              (window as unknown as { __host: { type: (s: string, a: string, v: number) => void } }).__host.type('赣州指标', a, 2222);
            }, cell('target'));
            await legacy.click('[data-action="refresh"]');
            await legacy.waitForSelector('[data-action="overwrite"]:visible');
            assert.equal(await legacy.locator('[data-ask]').isVisible(), false);
            assert.match(await legacy.locator('[data-notice]').innerText(), /已被手动修改/);
            assert.equal(await value(), 2222);
            await legacy.screenshot({ path: join(results, 'pane-legacy.png'), fullPage: true });
            // 自检 at ExcelApi 1.1: what the host lacks is said, nothing fails, nothing else is touched.
            const text = await runSelfTest(legacy, excelState(legacy), join(results, 'selftest-legacy.png'));
            assert.match(text, /– 条件格式: 此宿主不支持（ExcelApi 1\.6）/);
            await legacy.click('[data-action="overwrite"]');
            await legacy.waitForSelector('[data-action="overwrite"]', { state: 'hidden' });
            assert.equal(await value(), 2100);
          }
          if (excelApi === '1.8') {
            // A workbook whose table was written with the compiled-in data (its record says so): refresh lists what
            // the package changes, writes nothing until confirmed, and cancel leaves it as it was.
            await legacy.evaluate(
              ([from, to]) => {
                for (const p of (window as unknown as { __host: { xmlParts: { xml: string }[] } }).__host.xmlParts)
                  p.xml = p.xml.split(`dataVersion="${from}"`).join(`dataVersion="${to}"`);
              },
              [packageVersion, DATA_VERSION],
            );
            await legacy.click('[data-action="refresh"]');
            await legacy.waitForSelector('[data-ask]:visible');
            const asked = await legacy.locator('[data-ask]').innerText();
            assert.match(
              asked,
              new RegExp(`表格所用数据版本为 ${DATA_VERSION.replace(/\./g, '\\.')}，现在使用 ${packageVersion.replace(/[.+]/g, '\\$&')}`),
            );
            assert.match(asked, /赣州 高新技术企业.* 目标：2000 → 2100（.+\.txt:\d+）/);
            await legacy.screenshot({ path: join(results, 'pane-legacy-changes.png'), fullPage: true });
            await legacy.click('[data-action="cancel"]');
            await legacy.waitForSelector('[data-ask]', { state: 'hidden' });
            await legacy.click('[data-action="refresh"]');
            await legacy.waitForSelector('[data-ask]:visible');
            await legacy.click('[data-action="confirm"]');
            await legacy.waitForSelector('[data-notice="success"]');
            assert.match(await legacy.locator('[data-notice]').innerText(), /已刷新 1 张表/);
            assert.equal(await value(), 2100);
            // The table now records the package's version: a second refresh has nothing to list.
            await legacy.click('[data-action="refresh"]');
            await legacy.waitForSelector('[data-notice="success"]');
            assert.equal(await legacy.locator('[data-ask]').isVisible(), false);
          }
          requests.push(...legacyRequests);
          errors.push(...legacyErrors);
        },
      );
    }

    await step('no request left 127.0.0.1, and no script error', async () => {
      const outside = [...opened.requests, ...requests].filter(
        (u) => ![url, published.url, refused.url].some((site) => u.startsWith(site)),
      );
      assert.deepEqual(outside, []);
      assert.deepEqual([...opened.errors, ...errors], []);
    });
  } finally {
    await browser.close();
    server.close();
    published.server.close();
    refused.server.close();
    rmSync(packages, { recursive: true, force: true });
  }
  console.log(`e2e: ${steps.length} steps passed; screenshots in ${results}`);
  const widest = (w: number) => Math.max(...measured.filter((f) => f.width === w).map((f) => f.scrollWidth));
  const lowest = (w: number) => Math.max(...measured.filter((f) => f.width === w).map((f) => Math.round(f.insert.bottom)));
  console.log(
    `fit: ${measured.length} views; widest page ${widest(320)} px at 320, ${widest(350)} px at 350; insert button's bottom ≤ ${lowest(320)} px at 320×600`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
