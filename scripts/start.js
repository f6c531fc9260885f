#!/usr/bin/env node

// `npm start`: writes the portable workbook, then serves the add-in on https://localhost:3000 for sideloading
// into Excel (web or desktop). Works offline; on a machine without Excel the workbook is the product.
const { execFileSync, spawn } = require('node:child_process');
const { mkdirSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
require('./ensure-packages');

const out = join(root, 'out');
mkdirSync(out, { recursive: true });
const workbook = join(out, '江西科技规划指标.xlsx');
execFileSync(process.execPath, [join(root, 'bin', 'plan.js'), 'workbook', '-o', workbook], { stdio: 'inherit' });

/** A self-signed certificate for localhost, made once and kept in out/certs (trust it once to sideload). */
async function httpsOptions() {
  const fs = require('node:fs');
  const dir = join(out, 'certs');
  const key = join(dir, 'localhost.key');
  const cert = join(dir, 'localhost.crt');
  try {
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
    return { key, cert };
  } catch (e) {
    console.warn(`(未能生成本地 HTTPS 证书 / could not make a local HTTPS certificate: ${e.message})`);
    return null;
  }
}

void (async () => {
  const tls = await httpsOptions();
  const args = [require.resolve('webpack-cli/bin/cli.js'), 'serve', '--mode', 'development'];
  if (tls) args.push('--server-type', 'https', '--server-options-key', tls.key, '--server-options-cert', tls.cert);
  const scheme = tls ? 'https' : 'http';
  console.log(`
便携工作簿 / portable workbook: ${workbook}
  可直接用 WPS、LibreOffice 或任何版本的 Excel 打开，无需加载项。

加载项 / add-in: ${scheme}://localhost:3000/taskpane.html
  Excel 网页版：插入 > 加载项 > 上传我的加载项 > 选择 ${join(root, 'manifest.xml')}
  Excel 桌面版 (Windows)：把 manifest.xml 所在文件夹设为共享文件夹，并在 信任中心 > 受信任的加载项目录 中添加它，然后 插入 > 我的加载项 > 共享文件夹。
  ${tls ? `首次使用请在本机信任证书 / trust this certificate once: ${tls.cert}` : 'Excel 需要 HTTPS / Excel needs HTTPS.'}
  按 Ctrl+C 停止 / Ctrl+C to stop.
`);
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
})();
