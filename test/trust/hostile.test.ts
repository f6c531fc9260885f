/**
 * Every hostile case of issue 27 at once, each as a real `plan` process capped at 1 GB of heap
 * (--max-old-space-size=1024) and killed when it hangs (test/patience.ts): it must end in a refusal in the user's
 * language that names what was wrong, exit 1 or 2, print no stack trace, and write nothing. How long each takes is
 * not a test's business: one took over 10 s under `npm run test:load`. The files are made here, none is committed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PATIENCE_MS } from '../patience';

const root = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'plan-hostile-all-'));
const out = join(dir, 'out.xlsx');
const header = '序号,指标名称,单位,2025年(基期),2030年目标\n';
const file = (name: string, content: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

/** `plan …` in a process of its own, with a 1 GB heap, killed if it hangs. */
function plan(args: string[]): { code: number | null; err: string; out: string; signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, ['--max-old-space-size=1024', join(root, 'bin', 'plan.js'), ...args], {
    encoding: 'utf8',
    timeout: PATIENCE_MS,
    env: { ...process.env, LANG: 'zh_CN.UTF-8' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, err: r.stderr, out: r.stdout, signal: r.signal };
}

async function xlsxWithFarCell(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file(
    'xl/workbook.xml',
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  );
  zip.file(
    'xl/worksheets/sheet1.xml',
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>指标名称</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>',
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

// The processes run the compiled CLI: built from the sources under test (npm test builds it too).
beforeAll(() => {
  require('../../scripts/build-cli').buildCli();
});

const cases: [string, () => Promise<string[]> | string[], RegExp][] = [
  [
    'a name cell that is a formula',
    () => ['workbook', '-o', out, '--plan', file('南昌1.csv', `${header}1,"=cmd|' /C calc'!A0",家,1,2\n`), '--region', '南昌'],
    /公式/,
  ],
  [
    'a WEBSERVICE name',
    () => ['workbook', '-o', out, '--plan', file('南昌2.csv', `${header}1,"=WEBSERVICE(""http://x"")",家,1,2\n`), '--region', '南昌'],
    /公式/,
  ],
  [
    'an xlsx with cells A1 and XFD1048576',
    async () => ['workbook', '-o', out, '--plan', file('far.xlsx', await xlsxWithFarCell()), '--region', '南昌'],
    /行.*列|rows/,
  ],
  [
    'a CSV over the size limit (a million rows)',
    () => ['workbook', '-o', out, '--plan', file('南昌3.csv', header + '1,高新技术企业数,家,1,2\n'.repeat(1_000_000)), '--region', '南昌'],
    /文件过大/,
  ],
  [
    'a year 20014',
    () => [
      'workbook',
      '-o',
      out,
      '--plan',
      file('南昌4.csv', '序号,指标名称,单位,2025年(基期),20014年目标\n1,高新技术企业数,家,1,2\n'),
      '--region',
      '南昌',
    ],
    /年份|year/,
  ],
  [
    'a 40,000-character name',
    () => ['workbook', '-o', out, '--plan', file('南昌5.csv', `${header}1,${'名'.repeat(40000)},家,1,2\n`), '--region', '南昌'],
    /32767/,
  ],
  ['200 nested parentheses', () => ['eval', `=${'('.repeat(200)}1${')'.repeat(200)}`], /嵌套过深/],
  ['a 2,000-term sum', () => ['eval', `=${Array.from({ length: 2000 }, (_, i) => i + 1).join('+')}`], /公式过长/],
  ['REPT("x",1e9)', () => ['eval', '=REPT("x",1e9)'], /公式过于复杂或结果过大/],
  [
    'invalid UTF-8 (\\xff3000)',
    () => [
      'workbook',
      '-o',
      out,
      '--plan',
      file('南昌6.csv', Buffer.concat([Buffer.from(header + '1,高新技术企业数,家,1,'), Buffer.from([0xff]), Buffer.from('3000\n')])),
      '--region',
      '南昌',
    ],
    /不是有效的 UTF-8/,
  ],
  [
    'a UTF-16 file',
    () => [
      'workbook',
      '-o',
      out,
      '--plan',
      file('南昌7.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(header, 'utf16le')])),
      '--region',
      '南昌',
    ],
    /UTF-16/,
  ],
  ['a 100 KB command word with ESC (about the most one argument may be)', () => ['\u001b[31m' + 'x'.repeat(100_000)], /未知命令/],
];

test.each(cases)('%s: a refusal in words within 1 GB, no stack trace, nothing written', async (_what, args, message) => {
  const r = plan(await args());
  expect(r.signal).toBeNull();
  expect([1, 2]).toContain(r.code);
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/\n\s+at |RangeError|TypeError|内部错误/);
  // eslint-disable-next-line no-control-regex -- the escape character is what must not reach the terminal
  expect(r.err).not.toMatch(/\u001b/);
  for (const line of r.err.split('\n')) expect(line.length).toBeLessThanOrEqual(2001);
  expect(existsSync(out)).toBe(false);
});
