/**
 * Published data packages for the tests of every pane (Excel, legacy, WPS; jest and the browser e2e): written by
 * `plan publish` itself, then changed the way a person or a broken upload would change them, with or without updating
 * the checksum; served by a real static HTTP server; and the pane's localStorage in memory.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import { join, normalize } from 'node:path';
import { parseCsv, toCsv } from '../src/core/exchange/datapackage';
import type { Plan } from '../src/core/plan/plan';
import { officeActions } from '../src/hosts/excel/actions';
import type { Store } from '../src/panes/shared/dataSource';
import { plan } from './cli/shell';
import { FakeHost } from './fakes/fakeExcel';

export const sha = (t: string): string => createHash('sha256').update(t, 'utf8').digest('hex');

/** `plan publish --out dir` at a fixed time (seconds since 1970), with extra arguments (`--actuals FILE`). */
export async function publish(dir: string, epoch: string, more: string[] = []): Promise<void> {
  const r = await plan(['publish', '--out', dir, ...more], { LANG: 'zh_CN.UTF-8', SOURCE_DATE_EPOCH: epoch });
  if (r.code !== 0 || r.err) throw new Error(`plan publish failed (${r.code}): ${r.err}`);
}

/**
 * Change one CSV resource: `edit` gets its rows (header first) and changes them in place, returning the index of
 * the row it changed. The checksum and size in datapackage.json are updated when `rehash`. Returns that row's line.
 */
export function editCsv(dir: string, file: string, edit: (rows: string[][]) => number, rehash: boolean): number {
  const path = join(dir, file);
  const records = parseCsv(readFileSync(path, 'utf8'), file);
  const rows = records.map((r) => r.cells);
  const i = edit(rows);
  if (i < 0) throw new Error(`editCsv: no row changed in ${file}`);
  const text = toCsv(rows);
  writeFileSync(path, text);
  if (rehash) {
    const descPath = join(dir, 'datapackage.json');
    const desc = JSON.parse(readFileSync(descPath, 'utf8'));
    const res = desc.resources.find((r: { path: string }) => r.path === file);
    res.hash = `sha256:${sha(text)}`;
    res.bytes = Buffer.byteLength(text);
    writeFileSync(descPath, JSON.stringify(desc, null, 2));
  }
  return records[i].line;
}

/** The row of values.csv that holds a region's target for an indicator. */
export const targetRow = (rows: string[][], region: string, indicator: string): number =>
  rows.findIndex((r) => r[0] === region && r[1] === indicator && r[2] === 'value' && r[3] === 'target');

/** Ganzhou's 高新技术企业 target set to `to` in values.csv (raw and value). Returns the line of the row. */
export function editTarget(dir: string, to: number, rehash: boolean): number {
  return editCsv(
    dir,
    'values.csv',
    (rows) => {
      const i = targetRow(rows, '赣州', 'high_tech_enterprises');
      if (i < 0 || rows[i][5] !== '2000' || rows[i][6] !== '2000')
        throw new Error('values.csv: 赣州 high_tech_enterprises target is not 2000');
      rows[i][5] = String(to);
      rows[i][6] = String(to);
      return i;
    },
    rehash,
  );
}

/** `plan publish --out dir`, stamped 2025-11-27; then 赣州's 高新技术企业 target corrected to 2100, its checksum updated unless `bad`. */
export async function publishCorrected(dir: string, bad = false): Promise<void> {
  await publish(dir, '1764201600');
  editTarget(dir, 2100, !bad);
}

/** localStorage as the panes have it, in memory (`map` to look inside). */
export function memoryStore(): Store & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

export interface Served {
  origin: string;
  /** Every path asked for, in order. */
  asked: string[];
  close(): Promise<void>;
}

/**
 * A static server on 127.0.0.1: the files under `root`, 404 for anything else. `contentType` names a file's type (none
 * by default); `answer` may answer a path itself (a slow or broken server) and then returns true.
 */
export async function serveFiles(
  root: string,
  opts: { contentType?: (path: string) => string; answer?: (path: string, res: ServerResponse) => boolean } = {},
): Promise<Served> {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]));
    asked.push(path);
    if (opts.answer?.(path, res)) return;
    readFile(join(root, path)).then(
      (body) => res.writeHead(200, opts.contentType ? { 'content-type': opts.contentType(path) } : {}).end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  // Node closes an idle kept-alive connection after 5 s. A test that then works for longer without yielding (the fake
  // Excel inserting a table on a loaded machine) sends its next request on that connection before its timers have run,
  // and Node's HTTP client gets ECONNRESET (measured: a 6 s busy loop between two requests). Browsers retry such a
  // request; these clients do not, so the server leaves idle connections to the clients, and `close` ends them.
  server.keepAliveTimeout = 0;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const a = server.address();
  return {
    origin: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`,
    asked,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** The values of the one row of 赣州指标 that holds 高新技术企业数量, in the .xlsx `plan workbook` wrote to `file`. */
export async function ganzhouHighTechRow(file: string): Promise<unknown[]> {
  const ExcelJS = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const found: unknown[][] = [];
  wb.getWorksheet('赣州指标')!.eachRow((r) => {
    const values = (r.values as unknown[]).slice(1);
    if (values.includes('高新技术企业数量')) found.push(values);
  });
  if (found.length !== 1) throw new Error(`赣州指标 has ${found.length} rows of 高新技术企业数量, not one`);
  return found[0];
}

/**
 * 赣州 inserted in plain mode by `made` (a package's plan) into a new fake workbook (the test sets `Excel` to the fake's
 * namespace): the host, the sheet and the row of 高新技术企业, for the refresh-with-a-newer-package tests of each pane.
 */
export async function ganzhouInserted(made: Plan) {
  const host = new FakeHost();
  await officeActions(made, 'zh', host.run as never).insertNew(['赣州'], 'plain');
  const ws = host.sheet('赣州指标');
  const row = 5 + made.region('赣州').entries.findIndex((e) => e.indicator.id === 'high_tech_enterprises');
  return { host, ws, row };
}
