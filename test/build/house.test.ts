/**
 * The house (ARCHITECTURE.md): every folder of src/ says in a README what lives there and what it may import, and no
 * source file outgrows 500 lines (the data files of src/data/ excepted). Import circles and the walls between the
 * layers are judged by `npm run lint` (import-x/no-cycle, no-restricted-imports).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
const src = join(root, 'src');

function walk(dir: string, out: { dirs: string[]; files: string[] } = { dirs: [], files: [] }) {
  out.dirs.push(dir);
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.files.push(p);
  }
  return out;
}
const tree = walk(src);
const rel = (p: string): string => relative(root, p).split('\\').join('/');

test.each(tree.dirs.filter((d) => !rel(d).startsWith('src/data/regions')).map(rel))('%s has a README naming what it holds', (dir) => {
  const text = readFileSync(join(root, dir, 'README.md'), 'utf8');
  expect(text).toMatch(new RegExp(`^# ${dir.replace(/[/.]/g, '\\$&')}\\b`));
});

test('no source file outside src/data is over 500 lines', () => {
  const long = tree.files
    .filter((f) => /\.(ts|tsx)$/.test(f) && !rel(f).startsWith('src/data/'))
    .map((f) => ({ file: rel(f), lines: readFileSync(f, 'utf8').split('\n').length }))
    .filter((f) => f.lines > 500);
  expect(long).toEqual([]);
});

test('core imports nothing outside core and data/types', () => {
  const bad = tree.files
    .filter((f) => rel(f).startsWith('src/core/') && /\.ts$/.test(f))
    .flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/from '([^']+)'/g)]
        .map((m) => m[1])
        .filter((spec) => spec.startsWith('.') && !/^(\.\.\/)+data\/types$/.test(spec))
        .map((spec) => ({ file: rel(f), spec, to: rel(join(f, '..', spec)) }))
        .filter((i) => !i.to.startsWith('src/core/')),
    );
  expect(bad).toEqual([]);
});
