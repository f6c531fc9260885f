#!/usr/bin/env node

// `npm start`: writes the portable workbook, builds and serves the add-in over HTTPS on https://localhost:3000 and,
// where Excel is installed (Windows, Mac), sideloads it with Office's own tool. Never serves http: Office refuses
// http add-ins without saying why.
//
//   certificate  Office's convention first (office-addin-dev-certs: a local CA installed in the system's trust
//                store). Where that cannot be done: on a machine with Excel, stop and name the fix; on a machine
//                without Excel (nothing to sideload into), a self-signed localhost certificate in out/certs/.
//   sideload     Windows or Mac with Excel: office-addin-debugging (fetched by npx on first use; it needs native
//                modules this project does not otherwise build). Elsewhere: the steps are printed.
const { execFileSync, spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
require('./ensure-packages');
process.env.OFFICE_ADDIN_USAGE_DATA_LEVEL = 'off';

const out = join(root, 'out');
fs.mkdirSync(out, { recursive: true });
const workbook = join(out, '江西科技规划指标.xlsx');
const manifest = join(root, 'manifest.xml');
require('./build-cli').buildCli();
// The official actuals found in public sources (data/actuals/) are filled in, in blue.
const actuals = join(root, 'data', 'actuals', 'actuals.csv');
execFileSync(
  process.execPath,
  [join(root, 'bin', 'plan.js'), 'workbook', '-o', workbook, ...(fs.existsSync(actuals) ? ['--actuals', actuals] : [])],
  {
    stdio: 'inherit',
  },
);

/** Excel desktop is installed here (the only place sideloading can happen automatically). */
function excelInstalled() {
  if (process.platform === 'darwin') return fs.existsSync('/Applications/Microsoft Excel.app');
  if (process.platform !== 'win32') return false;
  const r = spawnSync('reg', ['query', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\excel.exe'], { stdio: 'ignore' });
  return r.status === 0;
}

/** Office's development certificate, trusted by the system; null when it cannot be installed here. */
async function officeDevCerts() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const options = await devCerts.getHttpsServerOptions(365);
    const dir = join(out, 'certs');
    fs.mkdirSync(dir, { recursive: true });
    const key = join(dir, 'office-dev.key');
    const cert = join(dir, 'office-dev.crt');
    fs.writeFileSync(key, options.key);
    fs.writeFileSync(cert, options.cert);
    return { key, cert, trusted: true, how: 'office-addin-dev-certs' };
  } catch (e) {
    return { error: e && e.message ? e.message.split('\n')[0] : String(e) };
  }
}

/** A self-signed certificate for localhost, made once in out/certs: HTTPS, but trusted only once a person trusts it. */
async function selfSigned() {
  const dir = join(out, 'certs');
  const key = join(dir, 'localhost.key');
  const cert = join(dir, 'localhost.crt');
  if (!fs.existsSync(key) || !fs.existsSync(cert)) {
    const selfsigned = require('selfsigned');
    const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
      days: 365,
      keySize: 2048,
      extensions: [
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(key, pems.private);
    fs.writeFileSync(cert, pems.cert);
  }
  return { key, cert, trusted: false, how: 'self-signed' };
}

function box(lines) {
  const width = Math.max(...lines.map((l) => [...l].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
  const pad = (l) => l + ' '.repeat(width - [...l].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0));
  return ['┌' + '─'.repeat(width + 2) + '┐', ...lines.map((l) => `│ ${pad(l)} │`), '└' + '─'.repeat(width + 2) + '┘'].join('\n');
}

void (async () => {
  const excel = excelInstalled();
  let tls = await officeDevCerts();
  if (tls.error) {
    if (excel) {
      console.error(`
无法安装受信任的开发证书 / could not install a trusted development certificate: ${tls.error}
Excel 只加载受信任的 HTTPS 加载项。请以管理员身份运行一次 / Excel loads trusted HTTPS add-ins only. Run once, as administrator:
    npx office-addin-dev-certs install
然后重新运行 / then run again: npm start`);
      process.exit(1);
    }
    tls = await selfSigned();
  }

  const args = [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development'];
  args.push('--server-type', 'https', '--server-options-key', tls.key, '--server-options-cert', tls.cert);
  const url = 'https://localhost:3000/taskpane.html';
  const summary = box([
    '十四五科技规划指标 / plan-indicators',
    '',
    `加载项 / add-in:   ${url}`,
    `清单 / manifest:   ${manifest}`,
    `证书 / certificate: ${tls.cert} (${tls.trusted ? '已受信任 / trusted' : '自签名，需手动信任一次 / self-signed: trust it once'})`,
    `便携工作簿 / portable workbook: ${workbook}`,
    '',
    excel ? '已在 Excel 中旁加载 / sideloaded into Excel (office-addin-debugging)' : '旁加载 / sideload (no Excel on this machine):',
    ...(excel
      ? []
      : [
          '  1. Excel 网页版：插入 > 加载项 > 上传我的加载项 / Excel on the web: Insert > Add-ins > Upload My Add-in',
          '  2. 选择上面的 manifest.xml / choose the manifest.xml above',
          '  3. 开始 > 规划指标 打开任务窗格 / Home > Plan indicators opens the pane',
        ]),
    '',
    'Ctrl+C 停止 / to stop',
  ]);

  const child = spawn(process.execPath, args, { cwd: root, stdio: ['inherit', 'pipe', 'pipe'] });
  let shown = false;
  const relay = (stream, to) =>
    stream.on('data', (chunk) => {
      to.write(chunk);
      if (!shown && /compiled (successfully|with)/.test(chunk.toString())) {
        shown = true;
        // After webpack's output, so it is the last thing on screen.
        setTimeout(() => console.log(`\n${summary}\n`), 200);
        if (excel)
          spawn(
            'npx',
            [
              '--yes',
              'office-addin-debugging@7',
              'start',
              manifest,
              'desktop',
              '--app',
              'excel',
              '--no-debug',
              '--dev-server-port',
              '3000',
            ],
            { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' },
          );
      }
    });
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  child.on('exit', (code) => process.exit(code ?? 0));
})();
