/**
 * The pane in WPS, rendered: bundles the same React pane with the WPS adapter and the strict fake ET host in the
 * page (test/panes/wps/host.ts, as test/e2e does for Excel), serves it on localhost, opens it in headless Chromium,
 * clicks "insert", checks the fake workbook got the region's table and the pane says so, checks that inserting
 * over a person's cell asks first and writes nothing, refreshes, checks a template (flags, marks, clearing them),
 * writes a built formula, and saves test-results/pane-wps.png (`npm run docs` copies it into docs/). A data package published beside the pane (data/, as beside
 * dist/wps's pages) is the data in use, and the pane says so; 导入规划表 keeps a selected 十五五 table in the fake
 * workbook and refuses a table that does not read, naming the cell, storing nothing.
 * Run: npx tsx test/panes/wps/render.ts (Chromium at /usr/bin/chromium or $CHROMIUM).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { chromium, type Page } from 'playwright-core';
import webpack, { type Configuration } from 'webpack';
import { colIndex, colLetter, SEED_COLUMNS } from '../../../src/core/sheet/layout';
import { DATA_VERSION, dataset } from '../../../src/data/index';
import { IMPORTED_NS } from '../../../src/core/exchange/importedPlans';
import { publishCorrected } from '../../packages';
import { checkFit, measured } from '../../e2e/fit';
import { runSelfTest } from '../../e2e/selftest';
import { PATIENCE_MS } from '../../patience';

const root = join(__dirname, '..', '..', '..');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const shot = join(root, 'test-results', 'pane-wps.png');

const wpsConfig = require(join(root, 'webpack.wps.js')) as ((env: object, argv: object) => Configuration) & { paneTemplate: () => string };

function build(out: string): Promise<void> {
  const config = wpsConfig({}, { mode: 'development' });
  config.context = root;
  config.devtool = false;
  config.entry = { render: ['./test/panes/wps/host.ts', './src/panes/wps/index.tsx'] };
  config.output = { path: out, filename: '[name].js', clean: true };
  config.plugins = [
    new HtmlWebpackPlugin({
      filename: 'index.html',
      templateContent: wpsConfig.paneTemplate().replace('taskpane.js', 'render.js'),
      inject: false,
    }),
  ];
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err || !stats || stats.hasErrors()) reject(err ?? new Error(stats?.toString('errors-only')));
      else resolve();
    }),
  );
}

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
    const type = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' }[extname(file)];
    res.writeHead(200, { 'content-type': type ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })),
  );
}

interface Et {
  wb: {
    parts: { NamespaceURI: string; XML: string }[];
    sheets: {
      name: string;
      tables: { name: string; rect: { row: number; col: number; rows: number; cols: number } }[];
      snapshot(): string;
    }[];
    active: { name: string };
  };
  sheet(n: string): { type(a1: string, v: unknown): void; at(a1: string): { value?: unknown; formula?: string } | undefined };
  select(sheet: string, a1: string): void;
}
const et =
  (page: Page) =>
  <T>(f: (et: Et) => T): Promise<T> =>
    page.evaluate(`(${f.toString()})(window.__et)`) as Promise<T>;

async function notice(page: Page): Promise<string> {
  await page.waitForSelector('[data-notice]');
  return page.locator('[data-notice]').innerText();
}

async function main(): Promise<void> {
  assert.ok(existsSync(executablePath), `Chromium not found at ${executablePath}`);
  const out = mkdtempSync(join(tmpdir(), 'plan-wps-render-'));
  await build(out);
  await publishCorrected(join(out, 'data')); // Ganzhou's 高新技术企业 target corrected to 2100 in the package
  const { server, url } = await serve(out);
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const requests: string[] = [];
  const errors: string[] = [];
  const gz = dataset().regions.find((r) => r.name === '赣州')!;
  try {
    const page = await browser.newPage({ viewport: { width: 350, height: 900 } });
    page.setDefaultTimeout(PATIENCE_MS);
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => requests.push(r.url()));
    const inEt = et(page);

    await page.goto(`${url}?lang=zh-CN`);
    await page.waitForSelector('text=十四五科技规划指标', { timeout: PATIENCE_MS }).catch(async (e: unknown) => {
      throw new Error(`${String(e)}\npage errors: ${errors.join('\n')}\nbody: ${(await page.content()).slice(0, 2000)}`);
    });
    await page.waitForSelector('[data-indicator="high_tech_enterprises"]');
    console.log('  ✓ the pane renders in WPS (fake ET host) with the region table');
    const line = page.locator('.data-source');
    assert.equal(await line.getAttribute('data-source'), 'published');
    // In the closed 数据来源与版本 area: its text, not what is on screen.
    assert.equal(await line.textContent(), `使用数据：${DATA_VERSION}+20251127T000000Z · 2025-11-27 · 已发布`);
    assert.match(await page.locator('[data-indicator="high_tech_enterprises"]').innerText(), /2100/);
    console.log('  ✓ the package published beside the pane is in use: version, date, 已发布; its corrected figure shown');
    await checkFit(page, 'WPS zh');
    console.log('  ✓ the WPS pane fits 320 and 350 px in Chinese, every tab');

    await page.click('[data-action="insert"]');
    assert.match(await notice(page), /已插入：赣州指标/);
    const made = await inEt((e) =>
      e.wb.sheets.map((s) => ({ name: s.name, tables: s.tables.map((t) => ({ name: t.name, rect: t.rect })) })),
    );
    assert.deepEqual(made, [
      { name: 'Sheet1', tables: [] },
      {
        name: '赣州指标',
        tables: [{ name: 'PLAN_L_Ganzhou', rect: { row: 5, col: 1, rows: gz.entries.length + 1, cols: SEED_COLUMNS.length } }],
      },
    ]);
    const cell = `${colLetter(colIndex('target'))}${6 + gz.entries.findIndex((x) => x.indicator.id === 'high_tech_enterprises')}`;
    const target = await page.evaluate((a) => (window as unknown as { __et: Et }).__et.sheet('赣州指标').at(a)?.formula, cell);
    assert.equal(target, '=PLAN.TARGET("赣州","high_tech_enterprises",2025)');
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`  ✓ insert: the fake workbook holds sheet 赣州指标 with table PLAN_L_Ganzhou; the pane says so (${shot})`);

    const selfShot = join(root, 'test-results', 'selftest-wps.png');
    const report = await runSelfTest(
      page,
      () => inEt((e) => JSON.stringify([e.wb.sheets.map((s) => [s.name, s.snapshot()]), e.wb.active.name, e.wb.parts.length])),
      selfShot,
    );
    assert.match(report, /✓ 文本保持为文本: 正常/);
    console.log(`  ✓ 自检: every capability used in WPS ok, the scratch sheet deleted, nothing else touched (${selfShot})`);

    await inEt((e) => {
      e.sheet('Sheet1').type('C3', '我的数据');
      e.select('Sheet1', 'A1');
    });
    await page.click('[data-action="insert-here"]');
    await page.waitForSelector('[data-action="confirm"]');
    assert.match(await page.locator('[role="dialog"]').innerText(), /已有内容/);
    await page.click('text=取消');
    const kept = await inEt((e) => [e.sheet('Sheet1').at('C3')?.value, e.wb.sheets.length]);
    assert.deepEqual(kept, ['我的数据', 2]);
    console.log("  ✓ inserting over a person's cell asks first and writes nothing");

    await page.click('[data-action="refresh"]');
    assert.match(await notice(page), /已刷新 1 张表/);
    console.log('  ✓ refresh');

    await inEt((e) => {
      const ws = e.sheet('Sheet1');
      const cells: [string, string | number][] = [
        ['A20', '指标'],
        ['B20', '2023年'],
        ['A21', '高新技术企业'],
        ['B21', 1200],
      ];
      for (const [a, v] of cells) ws.type(a, v);
      e.select('Sheet1', 'A20:B21');
    });
    await page.click('role=tab[name="检查我的模板"]');
    await page.click('[data-action="read-selection"]');
    await page.waitForSelector('.flags li');
    assert.match(await page.locator('.check').innerText(), /高新技术企业 2023: 1200 — 滞后/);
    await page.click('[data-action="mark"]');
    await page.waitForFunction(() => {
      const c = (window as unknown as { __et: Et }).__et.sheet('Sheet1').at('B21') as { fill?: number } | undefined;
      return c?.fill === 0xcec7ff;
    });
    await page.click('[data-action="clear-marks"]');
    await page.waitForFunction(() => {
      const c = (window as unknown as { __et: Et }).__et.sheet('Sheet1').at('B21') as { fill?: number; value?: unknown } | undefined;
      return c?.fill === undefined && c?.value === 1200;
    });
    console.log('  ✓ check my template: flags explained, marked (BGR fill), marks cleared; the value untouched');

    await inEt((e) => e.select('Sheet1', 'A31'));
    await page.click('role=tab[name="生成公式"]');
    await page.click('[data-action="write-formula"]');
    assert.match(await notice(page), /已写入 Sheet1!A31/);
    const written = await inEt((e) => e.sheet('Sheet1').at('A31')?.formula);
    assert.match(String(written), /^=PLAN\.TARGET\("赣州",/);
    console.log('  ✓ build a formula: written into the active cell');

    // The progress tab reads the actual values typed in the inserted table and inserts 总览, as in Excel.
    const hte = 6 + gz.entries.findIndex((x) => x.indicator.id === 'high_tech_enterprises');
    await page.evaluate(
      (a) => (window as unknown as { __et: Et }).__et.sheet('赣州指标').type(a, 1200),
      `${colLetter(colIndex('actual2023'))}${hte}`,
    );
    await page.click('[data-tab="progress"]');
    await page.click('[data-action="read-actuals"]');
    await page.waitForSelector('[data-view="progress"] [data-indicator="high_tech_enterprises"]');
    assert.match(await page.locator('[data-view="progress"] [data-indicator="high_tech_enterprises"]').innerText(), /2023年实际 1,?200/);
    await page.click('[data-action="insert-overview"]');
    assert.match(await notice(page), /已插入：总览/);
    assert.deepEqual(await inEt((e) => e.wb.sheets.map((s) => s.name).slice(-1)), ['总览']);
    await page.screenshot({ path: shot.replace('.png', '-progress.png'), fullPage: true });
    console.log('  ✓ progress: actual values read from the inserted table; 插入总览表 adds 总览');
    await page.click('role=tab[name="指标表"]');

    // 导入规划表: a 十五五 table of 南昌 typed into the sheet and selected.
    const importAt = async (table: (string | number)[][]): Promise<void> => {
      await page.evaluate((rows) => {
        const e = (window as unknown as { __et: Et }).__et;
        rows.forEach((r, i) => r.forEach((v, j) => v !== '' && e.sheet('Sheet1').type(`${String.fromCharCode(72 + j)}${40 + i}`, v)));
        e.select('Sheet1', `H40:${String.fromCharCode(71 + rows[0].length)}${39 + rows.length}`);
      }, table);
      await page.fill('input[data-import-region]', '南昌');
      await page.click('[data-action="import-plan"]');
    };
    const table: (string | number)[][] = [
      ['指标名称', '单位', '2025年(基期)', '2030年目标', '属性'],
      ['高新技术企业数', '家', 3200, '新增2800', '预期性'],
      ['技术合同成交额（亿元）', '', 420, '800左右', '预期性'],
    ];
    const importedParts = () => inEt((e) => e.wb.parts.filter((p) => p.NamespaceURI === 'urn:plan-indicators:imported-plan:1').length);
    assert.equal(IMPORTED_NS, 'urn:plan-indicators:imported-plan:1');
    await page.click('role=tab[name="检查我的模板"]');
    await importAt(table.map((r, i) => (i === 2 ? r.map((c, j) => (j === 3 ? '8.0.0左右' : c)) : r)));
    await page.waitForSelector('[data-notice]:has-text("8.0.0")');
    assert.match(await notice(page), /Sheet1!H40:L42!D3/);
    assert.equal(await importedParts(), 0);
    console.log('  ✓ 导入规划表: a table that does not read is refused naming the cell; nothing stored');
    await importAt(table);
    await page.waitForSelector('text=已导入南昌的规划表');
    assert.match(await notice(page), /已导入南昌的规划表（Sheet1!H40:L42，2 项指标），已保存在本工作簿中/);
    assert.equal(await importedParts(), 1);
    await page.screenshot({ path: shot.replace('.png', '-import.png'), fullPage: true });
    console.log('  ✓ 导入规划表: the selected 十五五 table is kept in the workbook and shown in the pane');

    // The pane in English fits too.
    const en = await browser.newPage({ viewport: { width: 350, height: 900 } });
    en.setDefaultTimeout(PATIENCE_MS);
    en.on('pageerror', (e) => errors.push(String(e)));
    await en.goto(`${url}?lang=en-US`);
    await en.waitForSelector('[data-indicator="high_tech_enterprises"]', { timeout: PATIENCE_MS });
    await checkFit(en, 'WPS en');
    await en.screenshot({ path: shot.replace('.png', '-en.png'), fullPage: true });
    console.log('  ✓ the WPS pane fits 320 and 350 px in English, every tab');
    console.log(`  fit: ${measured.length} views, widest page ${Math.max(...measured.map((f) => f.scrollWidth))} px`);

    assert.deepEqual(
      requests.filter((u) => !u.startsWith(url)),
      [],
    );
    assert.deepEqual(errors, []);
    console.log('  ✓ no request left localhost, no page error');
  } finally {
    await browser.close();
    server.close();
    rmSync(out, { recursive: true, force: true });
  }
}

mkdirSync(join(root, 'test-results'), { recursive: true });
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
