/**
 * What the add-in wrote, written down in the workbook itself (an Excel custom XML part, or whatever store a host
 * offers), so that it can be told apart from what a person typed and taken back after the pane is closed.
 *
 * Two kinds of record, each in its own small XML document:
 * - a table record (one per inserted table, namespace `urn:plan-indicators:table:<table name>`): for every row,
 *   by indicator id, a hash of each cell the add-in owns (every column that is not an input column) and of the row;
 * - the marks record (namespace `urn:plan-indicators:marks`): each cell "colour the flagged cells" painted, the fill
 *   it painted, and the fill the cell had before.
 *
 * Pure: no Office, no DOM. The XML is written and read here with a few regular expressions (flat elements with
 * attributes only), so every host and the tests read the same format.
 */
import { fnv1a64 } from '../plan/dataset';
import { METHODS, type MethodId } from '../progress/methods';

export const LEDGER_VERSION = '1';
export const TABLE_NS_PREFIX = 'urn:plan-indicators:table:';
export const MARKS_NS = 'urn:plan-indicators:marks';

export const tableNamespace = (table: string): string => TABLE_NS_PREFIX + table;

/** The content of a cell, made independent of the row it sits on and of how a host spells a formula. */
export function canonicalCell(content: unknown, sheetRow: number): string {
  if (content === null || content === undefined || content === '') return '';
  if (typeof content === 'number') return String(content);
  if (typeof content === 'boolean') return content ? 'TRUE' : 'FALSE';
  const s = String(content);
  if (!s.startsWith('=')) {
    const n = s.trim() === '' ? NaN : Number(s);
    return Number.isFinite(n) ? String(n) : s;
  }
  // Outside string literals: no spaces, upper case, references to the cell's own row written as "#", so a row
  // moved by a sort or by rows inserted above hashes the same.
  return s
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/\s+/g, '')
            .toUpperCase()
            .replace(/(\$?[A-Z]{1,3}\$?)(\d+)(?![\d(])/g, (m, col: string, row: string) => (Number(row) === sheetRow ? `${col}#` : m)),
    )
    .join('');
}

/** Hash of one cell as written at (1-based) `sheetRow`: 8 hex digits. */
export function cellHash(content: unknown, sheetRow: number): string {
  return fnv1a64(canonicalCell(content, sheetRow)).slice(-8);
}

export function rowHash(cells: string[]): string {
  return fnv1a64(cells.join(' '));
}

export interface RowRecord {
  id: string;
  /** Hash of the row's owned cells together. */
  hash: string;
  /** One hash per owned column, in the order of `TableRecord.columns`. */
  cells: string[];
}

export interface TableRecord {
  table: string;
  /** Sheet name when written (informative: tables are found by name). */
  sheet: string;
  /** Keys of the columns the add-in owns, in order. */
  columns: string[];
  rows: RowRecord[];
  /** The version of the data the table was last written from (absent in records written before it was kept). */
  dataVersion?: string;
  /** The method its flags and status column judge by (absent: linear, and in records written before it was kept). */
  method?: MethodId;
}

/** The fill of a cell: its colour (#RRGGBB) and, where the host says, its pattern ("None" = no fill). */
export interface Fill {
  color: string;
  pattern?: string;
}

export interface Mark {
  /** The worksheet's id (survives a rename) and its name when painted. */
  sheetId: string;
  sheet: string;
  /** A1 address of the cell. */
  cell: string;
  /** The fill the add-in painted. */
  painted: string;
  /** The fill the cell had before the add-in first painted it. */
  before: Fill;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unesc = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');

function element(name: string, attrs: Record<string, string | undefined>): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(v as string)}"`)
    .join('');
  return `<${name}${a}/>`;
}

interface Parsed {
  root: string;
  ns: string;
  version: string;
  elements: { name: string; attrs: Record<string, string> }[];
}

function parse(xml: string): Parsed | null {
  const root = xml.match(/<([A-Za-z][\w.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*>/);
  if (!root) return null;
  const attrs = (text: string): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const m of text.matchAll(/([\w:.-]+)="([^"]*)"/g)) out[m[1]] = unesc(m[2]);
    return out;
  };
  const ra = attrs(root[2]);
  const body = xml.slice((root.index ?? 0) + root[0].length);
  const elements = [...body.matchAll(/<([A-Za-z][\w.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*\/>/g)].map((m) => ({
    name: m[1],
    attrs: attrs(m[2]),
  }));
  return { root: root[1], ns: ra.xmlns ?? '', version: ra.version ?? '', elements };
}

export function serializeTable(r: TableRecord): string {
  return [
    `<planTable xmlns="${esc(tableNamespace(r.table))}" version="${LEDGER_VERSION}">`,
    element('table', { name: r.table, sheet: r.sheet, columns: r.columns.join(','), dataVersion: r.dataVersion, method: r.method }),
    ...r.rows.map((row) => element('row', { id: row.id, hash: row.hash, cells: row.cells.join(' ') })),
    '</planTable>',
  ].join('');
}

/** The table record in `xml`, or null when it is not one (another add-in's part, a newer version, damaged). */
export function parseTable(xml: string): TableRecord | null {
  const p = parse(xml);
  if (!p || p.root !== 'planTable' || !p.ns.startsWith(TABLE_NS_PREFIX) || p.version !== LEDGER_VERSION) return null;
  const t = p.elements.find((e) => e.name === 'table');
  if (!t || !t.attrs.name) return null;
  return {
    table: t.attrs.name,
    sheet: t.attrs.sheet ?? '',
    columns: (t.attrs.columns ?? '').split(',').filter(Boolean),
    rows: p.elements
      .filter((e) => e.name === 'row' && e.attrs.id)
      .map((e) => ({ id: e.attrs.id, hash: e.attrs.hash ?? '', cells: (e.attrs.cells ?? '').split(' ').filter(Boolean) })),
    ...(t.attrs.dataVersion ? { dataVersion: t.attrs.dataVersion } : {}),
    ...(t.attrs.method && Object.prototype.hasOwnProperty.call(METHODS, t.attrs.method) ? { method: t.attrs.method as MethodId } : {}),
  };
}

export function serializeMarks(marks: Mark[]): string {
  return [
    `<planMarks xmlns="${MARKS_NS}" version="${LEDGER_VERSION}">`,
    ...marks.map((m) =>
      element('mark', {
        sheetId: m.sheetId,
        sheet: m.sheet,
        cell: m.cell,
        painted: m.painted,
        color: m.before.color,
        pattern: m.before.pattern,
      }),
    ),
    '</planMarks>',
  ].join('');
}

export function parseMarks(xml: string): Mark[] | null {
  const p = parse(xml);
  if (!p || p.root !== 'planMarks' || p.ns !== MARKS_NS || p.version !== LEDGER_VERSION) return null;
  return p.elements
    .filter((e) => e.name === 'mark' && e.attrs.sheetId && e.attrs.cell)
    .map((e) => ({
      sheetId: e.attrs.sheetId,
      sheet: e.attrs.sheet ?? '',
      cell: e.attrs.cell,
      painted: e.attrs.painted ?? '',
      before: e.attrs.pattern !== undefined ? { color: e.attrs.color ?? '', pattern: e.attrs.pattern } : { color: e.attrs.color ?? '' },
    }));
}
