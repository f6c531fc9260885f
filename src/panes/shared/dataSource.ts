/**
 * Which data the add-in uses: a published data package beside the page (`data/datapackage.json`, same origin, so
 * the CSP's `connect-src 'self'` allows it), or the dataset compiled into the add-in. No package (404, network
 * failure, timeout) means the compiled-in data, quietly; a package that is there but bad is refused whole, the
 * compiled-in data stays in use, and the reason (file, line, field) is kept for the pane to show.
 *
 * `fetch` and the sha256 digest are parameters, so this is tested in Node without a browser.
 */
import type { Actual } from '../../core/exchange/packageFormat';
import { fileOf, PackageError, RESOURCES } from '../../core/exchange/packageFormat';
import type { LoadedPackage } from '../../core/exchange/packageReader';
import { describeChange, type RefreshPreview } from '../../core/sheet/diff';
import { Plan } from '../../core/plan/plan';
import type { Dataset } from '../../core/plan/model';
import { dataset as compiledDataset } from '../../data/index';

export type Fetch = (url: string, init?: { signal?: AbortSignal; cache?: RequestCache }) => Promise<Response>;
/** sha256 of a text's UTF-8 bytes, as lower-case hex, asynchronously (the browser's crypto.subtle is). */
export type Digest = (text: string) => Promise<string>;

export interface DataSource {
  kind: 'compiled' | 'published';
  dataset: Dataset;
  plan: Plan;
  version: string;
  /** Official actual values the package publishes (none for the compiled-in data). */
  actuals: Actual[];
  /** When the package was published (ISO 8601), for a published package. */
  created?: string;
  /** Why a package found beside the page was refused ([zh, en]); the compiled-in data is in use. */
  refused?: [string, string];
  /**
   * The datasets at hand to compare a workbook's recorded version against: the compiled-in one, packages this
   * pane loaded before (kept in `store`, re-checked), and the one in use.
   */
  known(): Promise<Dataset[]>;
}

/** Where the pane keeps the last packages it loaded (localStorage in a browser). */
export interface Store {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const STORE_KEY = 'plan-indicators:packages';
/** How many earlier packages are kept: each is about 100 kB of text. */
export const KEEP = 3;

type Kept = { version: string; files: Record<string, string> }[];

function kept(store: Store | undefined): Kept {
  try {
    const v = JSON.parse(store?.getItem(STORE_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? (v as Kept).filter((k) => k && typeof k.version === 'string' && k.files && typeof k.files === 'object') : [];
  } catch {
    return [];
  }
}

/** Keep a package just loaded (newest first, at most KEEP); a full or missing store only loses the history. */
function keep(store: Store | undefined, version: string, files: Record<string, string>): void {
  if (!store) return;
  try {
    const list = [{ version, files }, ...kept(store).filter((k) => k.version !== version)].slice(0, KEEP);
    store.setItem(STORE_KEY, JSON.stringify(list));
  } catch {
    /* quota exceeded or storage blocked: the history is a convenience */
  }
}

/**
 * A package from its file texts, hashed first (Web Crypto is asynchronous, readPackage is not). The reader is loaded
 * only when there is a package to read: in the modern pane it is a chunk of its own, not part of the first script
 * (issue 30: ready at once); the ES5 builds keep it in their one script (webpack.config.js, `asyncChunks: false`).
 */
async function readTexts(texts: Map<string, string>, digest: Digest): Promise<LoadedPackage> {
  const { readPackage } = await import('../../core/exchange/packageReader');
  const hashes = new Map<string, string>();
  for (const t of texts.values()) hashes.set(t, await digest(t));
  return readPackage(
    (p) => texts.get(p),
    compiledDataset().catalogue, // the catalogue the dataset was built with (src/data/catalogue.ts)
    (t) => hashes.get(t) ?? '',
  );
}

function knownWith(inUse: Dataset, store: Store | undefined, digest: Digest): () => Promise<Dataset[]> {
  return async () => {
    const out: Dataset[] = [compiledDataset()];
    for (const k of kept(store)) {
      if (k.version === inUse.version || out.some((d) => d.version === k.version)) continue;
      try {
        out.push((await readTexts(new Map(Object.entries(k.files)), digest)).dataset);
      } catch {
        /* a kept package that no longer reads is skipped */
      }
    }
    if (!out.includes(inUse)) out.push(inUse);
    return out;
  };
}

export const PACKAGE_DIR = 'data/';

/** sha256 by Web Crypto (browsers, and Node 20's global crypto). */
export const webDigest: Digest = async (text) => {
  // The legacy pane (IE11) never calls this: it passes its own digest (src/panes/legacy/source.ts).
  // eslint-disable-next-line compat/compat
  const bytes = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
};

export function compiledSource(store?: Store, digest: Digest = webDigest): DataSource {
  const d = compiledDataset();
  return { kind: 'compiled', dataset: d, plan: new Plan(d), version: d.version, actuals: [], known: knownWith(d, store, digest) };
}

/** A file's text, or undefined when the server has none (404 and other failures are told apart by `status`). */
async function getText(fetchFn: Fetch, url: string, timeoutMs: number): Promise<{ status: number; text?: string }> {
  // eslint-disable-next-line compat/compat -- tested first: IE11 has none, and its XMLHttpRequest has its own timeout
  const ctrl = typeof AbortController === 'function' ? new AbortController() : undefined;
  const timer = ctrl ? setTimeout(() => ctrl.abort(), timeoutMs) : undefined;
  try {
    const r = await fetchFn(url, { signal: ctrl?.signal, cache: 'no-cache' });
    return r.ok ? { status: r.status, text: await r.text() } : { status: r.status };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/**
 * Load the data: the package under `base` (a URL ending in "/", relative to the page by default) when it is there
 * and sound, else the compiled-in dataset. Never rejects.
 */
export async function loadDataSource(
  fetchFn: Fetch,
  options: { base?: string; timeoutMs?: number; digest?: Digest; store?: Store } = {},
): Promise<DataSource> {
  const base = options.base ?? PACKAGE_DIR;
  const timeoutMs = options.timeoutMs ?? 4000;
  const digest = options.digest ?? webDigest;
  const compiled = compiledSource(options.store, digest);
  let desc: { status: number; text?: string };
  try {
    desc = await getText(fetchFn, `${base}datapackage.json`, timeoutMs);
  } catch {
    return compiled; // offline, blocked or too slow: the compiled-in data is the default
  }
  if (desc.text === undefined) return compiled; // no package published beside the add-in
  try {
    const texts = new Map<string, string>([['datapackage.json', desc.text]]);
    for (const name of RESOURCES) {
      const r = await getText(fetchFn, `${base}${fileOf(name)}`, timeoutMs);
      if (r.text !== undefined) texts.set(fileOf(name), r.text);
      else if (r.status !== 404)
        throw new PackageError(fileOf(name), undefined, undefined, [
          `无法读取（HTTP ${r.status}）`,
          `could not be read (HTTP ${r.status})`,
        ]);
    }
    const loaded = await readTexts(texts, digest);
    keep(options.store, loaded.version, Object.fromEntries(texts));
    return {
      kind: 'published',
      dataset: loaded.dataset,
      // Plans a package imported from tables are beside the seed plans, a second period of a region's plan included.
      plan: loaded.imported.length ? Plan.withImported(loaded.base, loaded.imported, loaded.dataset.version) : new Plan(loaded.dataset),
      version: loaded.version,
      actuals: loaded.actuals,
      ...(loaded.created ? { created: loaded.created } : {}),
      known: knownWith(loaded.dataset, options.store, digest),
    };
  } catch (e) {
    const why: [string, string] =
      e instanceof PackageError
        ? [e.message, e.messageEn]
        : [`数据包无法读取：${(e as Error).message}`, `the data package could not be read: ${(e as Error).message}`];
    return { ...compiled, refused: why };
  }
}

/** The line the pane shows: version, date, compiled-in or published, and why a package was refused. */
export function describeDataSource(s: DataSource, lang: 'zh' | 'en'): string {
  const date = s.created ? s.created.slice(0, 10) : '';
  const kind = s.kind === 'published' ? (lang === 'zh' ? '已发布' : 'published') : lang === 'zh' ? '内置' : 'compiled-in';
  const head =
    lang === 'zh'
      ? `使用数据：${s.version}${date ? ` · ${date}` : ''} · ${kind}`
      : `Data in use: ${s.version}${date ? ` · ${date}` : ''} · ${kind}`;
  if (!s.refused) return head;
  return lang === 'zh' ? `${head}（发布的数据包未采用：${s.refused[0]}）` : `${head} (the published package was refused: ${s.refused[1]})`;
}

/** What the refresh dialog says before applying a new version: a lead sentence and one line per changed figure. */
export function previewText(p: RefreshPreview, inUse: string, lang: 'zh' | 'en'): { text: string; items: string[] } {
  const items = p.changes.flatMap((c) => c.list.map((x) => describeChange(x, lang)));
  const froms = p.changes.map((c) => c.from);
  const parts: string[] = [];
  if (lang === 'zh') {
    // A table whose data version was never recorded (hosts that keep no record) is said in plain words, not as a version.
    const known = p.unknown.filter((v) => v);
    if (froms.length || known.length) parts.push(`表格所用数据版本为 ${[...froms, ...known].join('、')}，现在使用 ${inUse}。`);
    if (p.changes.length) parts.push(items.length ? `有 ${items.length} 项数值变化：` : '所涉地区的数值没有变化。');
    if (known.length) parts.push(`版本 ${known.join('、')} 的数值不在本机，无法逐项列出变化。`);
    if (p.unknown.includes('')) parts.push('工作簿没有记下部分表格插入时所用的数据，因此无法列出刷新会改变哪些数值。');
    parts.push('是否刷新？手工修改的单元格不会被改动。');
  } else {
    const known = p.unknown.filter((v) => v);
    if (froms.length || known.length)
      parts.push(`The tables used data version ${[...froms, ...known].join(', ')}; ${inUse} is now in use.`);
    if (p.changes.length) parts.push(items.length ? `${items.length} figures changed:` : 'No figure of these regions changed.');
    if (known.length) parts.push(`The figures of version ${known.join(', ')} are not at hand, so the changes cannot be listed.`);
    if (p.unknown.includes(''))
      parts.push('The workbook did not record which data some tables were inserted with, so what a refresh changes cannot be listed.');
    parts.push('Refresh? Cells a person edited are not touched.');
  }
  return { text: parts.join(' '), items };
}
