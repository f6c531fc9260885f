/**
 * `--data DIR` reads only regular files inside the folder, of a bounded size: a link to /etc/passwd or /dev/zero, a
 * FIFO and a huge file are refused naming the file, before anything is read. Messages never carry control characters
 * or a whole 1 MB name back to the terminal.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_FILE_LIMIT } from '../../src/cli/datapackage';
import { plan } from '../cli/shell';

const good = mkdtempSync(join(tmpdir(), 'plan-pkg-'));
beforeAll(async () => {
  expect(await plan(['publish', '--out', good])).toMatchObject({ code: 0 });
});

/** A copy of the good package with regions.csv replaced by `make(path)`. */
function withRegions(make: (path: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'plan-hostile-'));
  for (const f of ['datapackage.json', 'entries.csv', 'values.csv', 'actuals.csv']) copyFileSync(join(good, f), join(dir, f));
  rmSync(join(dir, 'regions.csv'), { force: true });
  make(join(dir, 'regions.csv'));
  return dir;
}

test.each([
  ['a link to /etc/passwd', (p: string) => symlinkSync('/etc/passwd', p), /regions\.csv.*链接指向数据包目录之外/],
  ['a link to /dev/zero', (p: string) => symlinkSync('/dev/zero', p), /regions\.csv.*链接指向数据包目录之外/],
  ['a FIFO', (p: string) => execFileSync('mkfifo', [p]), /regions\.csv.*不是普通文件/],
  [
    'a file over the size limit',
    (p: string) => {
      const fd = openSync(p, 'w');
      ftruncateSync(fd, PACKAGE_FILE_LIMIT + 1);
      closeSync(fd);
    },
    /regions\.csv.*文件过大/,
  ],
])('%s is refused naming the file, and nothing is answered', async (_what, make, message) => {
  const r = await plan(['target', '赣州', '高新技术企业', '--data', withRegions(make)]);
  expect({ code: r.code, out: r.out }).toEqual({ code: 1, out: '' });
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/root:/);
});

test('a link inside the package folder is read as the file it points to', async () => {
  const dir = withRegions((p) => {
    copyFileSync(join(good, 'regions.csv'), join(p, '..', 'regions.real.csv'));
    symlinkSync('regions.real.csv', p);
  });
  expect(await plan(['target', '赣州', '高新技术企业', '--data', dir])).toMatchObject({ code: 0, out: '2000' });
});

test('control characters in echoed input are shown escaped, and a 1 MB name is cut', async () => {
  const esc = await plan(['target', '\u001b[31m赣州\u0000', '高新技术企业']);
  expect(esc.code).toBe(1);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not come back
  expect(esc.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  const huge = await plan(['frobnicate' + 'x'.repeat(1_000_000)]);
  expect(huge.code).toBe(2);
  for (const line of huge.err.split('\n')) expect(line.length).toBeLessThanOrEqual(2001);
});
