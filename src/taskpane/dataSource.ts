/**
 * Which data the add-in uses: a published data package beside the page (`data/datapackage.json`, same origin, so
 * the CSP's `connect-src 'self'` allows it), or the dataset compiled into the add-in. No package (404, network
 * failure, timeout) means the compiled-in data, quietly; a package that is there but bad is refused whole, the
 * compiled-in data stays in use, and the reason (file, line, field) is kept for the pane to show.
 *
 * `fetch` and the sha256 digest are parameters, so this is tested in Node without a browser.
 */
import { fileOf, PackageError, readPackage, RESOURCES } from '../core/datapackage';
import { Plan } from '../core/plan';
import type { Dataset } from '../core/model';
import { CATALOGUE } from '../data/catalogue';
import { dataset as compiledDataset } from '../data/index';

export type Fetch = (url: string, init?: { signal?: AbortSignal; cache?: RequestCache }) => Promise<Response>;
/** sha256 of a text's UTF-8 bytes, as lower-case hex, asynchronously (the browser's crypto.subtle is). */
export type Digest = (text: string) => Promise<string>;

export interface DataSource {
  kind: 'compiled' | 'published';
  dataset: Dataset;
  plan: Plan;
  version: string;
  /** When the package was published (ISO 8601), for a published package. */
  created?: string;
  /** Why a package found beside the page was refused ([zh, en]); the compiled-in data is in use. */
  refused?: [string, string];
}

export const PACKAGE_DIR = 'data/';

/** sha256 by Web Crypto (browsers, and Node 20's global crypto). */
export const webDigest: Digest = async (text) => {
  const bytes = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
};

export function compiledSource(): DataSource {
  const d = compiledDataset();
  return { kind: 'compiled', dataset: d, plan: new Plan(d), version: d.version };
}

/** A file's text, or undefined when the server has none (404 and other failures are told apart by `status`). */
async function getText(fetchFn: Fetch, url: string, timeoutMs: number): Promise<{ status: number; text?: string }> {
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
  options: { base?: string; timeoutMs?: number; digest?: Digest } = {},
): Promise<DataSource> {
  const base = options.base ?? PACKAGE_DIR;
  const timeoutMs = options.timeoutMs ?? 4000;
  const digest = options.digest ?? webDigest;
  const compiled = compiledSource();
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
    // readPackage hashes synchronously; Web Crypto is asynchronous, so every file is hashed first.
    const hashes = new Map<string, string>();
    for (const t of texts.values()) hashes.set(t, await digest(t));
    const loaded = readPackage(
      (p) => texts.get(p),
      CATALOGUE,
      (t) => hashes.get(t) ?? '',
    );
    return {
      kind: 'published',
      dataset: loaded.dataset,
      plan: new Plan(loaded.dataset),
      version: loaded.version,
      ...(loaded.created ? { created: loaded.created } : {}),
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
