/**
 * Every relative link and every #anchor in README.md and docs/*.md leads somewhere: the file (or folder) exists, and
 * an anchor names a heading of its page as GitHub spells it (lowercase, spaces → -, punctuation dropped except - and
 * _, CJK kept, a repeated heading gets -1, -2 …). The README sends each user to docs pages, so a page renamed or a
 * heading reworded must not leave a dead link behind.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const root = join(__dirname, '../..');
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];

/** GitHub's anchor for a heading's text (github-slugger's rule, after the inline markup is rendered away). */
export function slug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // a link keeps its text
    .replace(/<[^>]+>/g, '') // inline HTML
    .replace(/[`*~]/g, ''); // code and emphasis marks; _ stays, as GitHub keeps it
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** The page's lines outside fenced code blocks, with inline code spans blanked (their brackets are not links). */
function prose(markdown: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let fenced = false;
  markdown.split('\n').forEach((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) {
      fenced = !fenced;
      return;
    }
    if (!fenced) out.push({ text: text.replace(/`+[^`]*`+/g, (code) => ' '.repeat(code.length)), line: i + 1 });
  });
  return out;
}

export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const h = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      const base = slug(h[1]);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      out.add(n ? `${base}-${n}` : base);
    }
    for (const m of line.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) out.add(m[1]);
  }
  return out;
}

interface Link {
  where: string;
  target: string;
}

export function links(page: string, markdown: string): Link[] {
  const out: Link[] = [];
  for (const { text, line } of prose(markdown))
    for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ where: `${page}:${line}`, target: m[1] });
  return out;
}

/** What is wrong with a link from `page`, or '' when it resolves. `read` gives a page's text by its path from root. */
export function broken(page: string, target: string, read: (path: string) => string | undefined): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return ''; // https:, mailto: … are not ours to check
  const hash = target.indexOf('#');
  const path = decodeURIComponent(hash >= 0 ? target.slice(0, hash) : target);
  const anchor = hash >= 0 ? decodeURIComponent(target.slice(hash + 1)) : '';
  const file = path ? normalize(join(dirname(page), path)) : page;
  if (file.startsWith('..')) return `${target}: outside the repository`;
  if (!existsSync(join(root, file))) return `${target}: no file ${file}`;
  if (!anchor) return '';
  if (!file.endsWith('.md')) return `${target}: an anchor into a file that is not markdown`;
  const text = read(file);
  if (text === undefined) return `${target}: ${file} cannot be read`;
  return anchors(text).has(anchor) ? '' : `${target}: no heading #${anchor} in ${file}`;
}

const read = (path: string): string | undefined => {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return undefined;
  }
};

test('headings are spelled as GitHub spells their anchors', () => {
  expect(slug('两条命令 / Two commands')).toBe('两条命令--two-commands');
  expect(slug('信息中心：内网部署与 Excel/WPS 版本')).toBe('信息中心内网部署与-excelwps-版本');
  expect(slug('The published data package (`plan publish`, `--data`)')).toBe('the-published-data-package-plan-publish---data');
  expect(slug('公开实际值 / Public actuals (first cut)')).toBe('公开实际值--public-actuals-first-cut');
  expect([...anchors('# A\n\n## A\n\n```\n# not a heading\n```\n')]).toEqual(['a', 'a-1']);
});

test('a dead link or anchor is found', () => {
  const fake = (path: string): string | undefined => (path === 'README.md' ? '# 目录 / Contents\n' : read(path));
  expect(broken('README.md', '#目录--contents', fake)).toBe('');
  expect(broken('README.md', '#contents', fake)).toMatch(/no heading #contents/);
  expect(broken('README.md', 'docs/no-such-page.md', fake)).toMatch(/no file/);
  expect(broken('docs/cli.md', '../README.md#目录--contents', fake)).toBe('');
  expect(broken('docs/cli.md', '../../etc/passwd', fake)).toMatch(/outside/);
  expect(links('x.md', 'see [a](b.md#c) and `[not](a link)`\n```\n[nor](this)\n```\n').map((l) => l.target)).toEqual(['b.md#c']);
});

test.each(pages)('every relative link and anchor in %s resolves', (page) => {
  const found = links(page, read(page) ?? '');
  if (page === 'README.md') expect(found.length).toBeGreaterThanOrEqual(30);
  const bad = found.map((l) => ({ where: l.where, problem: broken(page, l.target, read) })).filter((l) => l.problem);
  expect(bad).toEqual([]);
});

test('every docs page is reachable from README.md', () => {
  const linked = new Set(
    links('README.md', read('README.md') ?? '')
      .map((l) => decodeURIComponent(l.target.split('#')[0]))
      .filter((t) => t.startsWith('docs/') && t.endsWith('.md')),
  );
  const unlinked = pages.filter((p) => p.startsWith('docs/') && !linked.has(p)).map((p) => relative(root, join(root, p)));
  expect(unlinked).toEqual([]);
});
