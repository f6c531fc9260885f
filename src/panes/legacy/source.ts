/**
 * Which data the legacy pane uses: the same rule as the React pane (src/panes/shared/dataSource.ts) — a package published
 * beside the page (`data/datapackage.json` and its CSV files, same origin), else the compiled-in dataset — read with
 * what IE11 has. IE11 has no `fetch`, no `AbortController`, no `TextEncoder` and no Web Crypto `subtle` digest, so
 * files come through XMLHttpRequest (its own `timeout`) and sha256 is the pure-JS one of js-sha256, which encodes
 * text to UTF-8 itself. Everything else (reading, checking, refusing a bad package whole) is the shared code.
 *
 * The XMLHttpRequest is a parameter (`newXhr`), so this is tested in Node against a real HTTP server.
 */
import { sha256 } from 'js-sha256';
import { loadDataSource, PACKAGE_DIR, type DataSource, type Digest, type Fetch, type Store } from '../shared/dataSource';

/** The part of XMLHttpRequest this file uses (IE10+ has all of it). */
export interface XhrLike {
  open(method: string, url: string, async: boolean): void;
  send(body?: null): void;
  overrideMimeType?(mime: string): void;
  timeout: number;
  readonly readyState: number;
  readonly status: number;
  readonly responseText: string;
  onreadystatechange: ((ev: never) => unknown) | null;
  ontimeout: ((ev: never) => unknown) | null;
}

/** sha256 of a text's UTF-8 bytes, as lower-case hex: js-sha256, plain ES5 arithmetic on typed arrays. */
export const legacyDigest: Digest = (text) => Promise.resolve(sha256(text));

/**
 * A `fetch` for dataSource.ts made of XMLHttpRequest: resolves with the status and text once the request is done,
 * rejects when there is no answer (network failure, status 0) or none within `timeoutMs`.
 */
export function xhrFetch(newXhr: () => XhrLike, timeoutMs: number): Fetch {
  return (url) =>
    new Promise<Response>((resolve, reject) => {
      const xhr = newXhr();
      xhr.open('GET', url, true);
      // After open(): IE11 throws when the timeout is set on an unopened request.
      xhr.timeout = timeoutMs;
      // The package is UTF-8 whatever content type the server gives CSV files.
      if (typeof xhr.overrideMimeType === 'function') xhr.overrideMimeType('text/plain; charset=utf-8');
      let settled = false;
      xhr.ontimeout = () => {
        if (settled) return;
        settled = true;
        reject(new Error(`timeout: ${url}`));
      };
      xhr.onreadystatechange = () => {
        if (xhr.readyState !== 4 || settled) return;
        // A timed-out request also reaches readyState 4 with status 0; ontimeout answers for it.
        if (xhr.status === 0) {
          setTimeout(() => {
            if (settled) return;
            settled = true;
            reject(new Error(`no answer: ${url}`));
          }, 0);
          return;
        }
        settled = true;
        const status = xhr.status;
        const text = xhr.responseText;
        resolve({ ok: status >= 200 && status < 300, status, text: () => Promise.resolve(text) } as Response);
      };
      xhr.send(null);
    });
}

/**
 * Load the data for the legacy pane: the package under `base` (default `data/`, relative to the page) when it is
 * there and sound, else the compiled-in dataset, with the reason when a package was refused. Never rejects.
 */
export function loadLegacySource(
  newXhr: () => XhrLike,
  options: { base?: string; store?: Store; timeoutMs?: number } = {},
): Promise<DataSource> {
  return startLegacySource(newXhr, options)();
}

/**
 * A `fetch` that has asked for `url` already (now) and answers the first request for it with that answer; any other
 * request, and a second one for `url`, is made when asked for.
 */
export function askedEarly(fetchFn: Fetch, url: string): Fetch {
  let early: Promise<Response> | undefined = fetchFn(url);
  early.then(undefined, () => undefined); // a failure is the caller's once it asks; not reported as unhandled
  return (u, init) => {
    if (u !== url || !early) return fetchFn(u, init);
    const answer = early;
    early = undefined;
    return answer;
  };
}

/**
 * `loadLegacySource` in two steps, so the pane need not wait for one file before asking for the next: `data/datapackage.json`
 * is asked for now, beside the dataset (data.<hash>.json), and the returned function reads the package (or takes the
 * compiled-in data) once the dataset is in. The answer is the same as loadLegacySource's; only the first request is
 * made sooner (issue 30: ready at once).
 */
export function startLegacySource(
  newXhr: () => XhrLike,
  options: { base?: string; store?: Store; timeoutMs?: number } = {},
): () => Promise<DataSource> {
  const timeoutMs = options.timeoutMs === undefined ? 4000 : options.timeoutMs;
  const base = options.base !== undefined ? options.base : PACKAGE_DIR;
  const fetchFn = askedEarly(xhrFetch(newXhr, timeoutMs), `${base}datapackage.json`);
  return () =>
    loadDataSource(fetchFn, {
      base,
      ...(options.store ? { store: options.store } : {}),
      timeoutMs,
      digest: legacyDigest,
    });
}
