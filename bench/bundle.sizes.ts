/**
 * What a built script is made of (issue 30, item 7: taskpane.js ≤ 150 KB gzipped): its minified bytes attributed,
 * through the build's source map, to the package or source folder they came from, largest first, with each part's
 * size gzipped on its own (a part compresses a little better inside the whole file; the total is the file's own).
 *
 * Needs a build with source maps (the code is the shipped one, plus the maps), e.g.
 *   npx webpack --mode production --env base=https://intranet.example/plan/ --env out=dist-prof \
 *     --devtool source-map --config-name modern
 * Run: npx tsx bench/bundle.sizes.ts [dist-prof/taskpane.js] [--files] [--top 40]
 *   --files: by source file instead of by package or folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TraceMap, decodedMappings } from '@jridgewell/trace-mapping';

const argv = process.argv.slice(2);
const byFile = argv.includes('--files');
const top = argv.includes('--top') ? Number(argv[argv.indexOf('--top') + 1]) : 40;
const file = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--top') ?? join(__dirname, '..', 'dist-prof', 'taskpane.js');

/** The package (node_modules/@scope/name) or our folder (src/core/plan) a source path names. */
function partOf(source: string): string {
  const s = source.replace(/^webpack:\/\/[^/]*\//, '').replace(/^\.\//, '');
  if (byFile) return s;
  const pkg = s.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (s.startsWith('webpack/')) return 'webpack runtime';
  return s.split('/').slice(0, 3).join('/');
}

function sizes(path: string): void {
  const code = readFileSync(path, 'utf8');
  const map = new TraceMap(readFileSync(`${path}.map`, 'utf8'));
  const lines = code.split('\n');
  const parts = new Map<string, string[]>();
  const add = (part: string, text: string): void => {
    if (!parts.has(part)) parts.set(part, []);
    parts.get(part)!.push(text);
  };
  decodedMappings(map).forEach((segments, line) => {
    const text = lines[line] ?? '';
    let at = 0;
    let part = '(unmapped)';
    for (const seg of segments) {
      if (seg[0] > at) add(part, text.slice(at, seg[0]));
      at = seg[0];
      part = seg.length > 1 ? partOf(map.sources[seg[1]!] ?? '?') : '(unmapped)';
    }
    add(part, text.slice(at) + '\n');
  });
  const rows = [...parts].map(([part, texts]) => {
    const all = texts.join('');
    return { part, bytes: Buffer.byteLength(all), gz: gzipSync(all).length };
  });
  rows.sort((a, b) => b.bytes - a.bytes);
  const kb = (n: number): string => (n / 1024).toFixed(1).padStart(7);
  console.log(`${path}: ${kb(Buffer.byteLength(code))} KB minified, ${kb(gzipSync(code).length)} KB gzipped`);
  console.log('     KB  KB gz  part');
  for (const r of rows.slice(0, top)) console.log(`${kb(r.bytes)} ${kb(r.gz)}  ${r.part}`);
  const rest = rows.slice(top);
  if (rest.length) console.log(`${kb(rest.reduce((s, r) => s + r.bytes, 0))}          ${rest.length} more`);
}

if (argv.includes('--chunks')) {
  const dir = join(file, '..', 'chunks');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.js'))) sizes(join(dir, f));
} else sizes(file);
