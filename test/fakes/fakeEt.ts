/**
 * A fake WPS 表格 (ET object model) for the tests: the interfaces of src/hosts/wps/et.ts (whose member names are checked
 * against the `wps-jsapi` typings), strict where ET is strict, modelled on the ET/VBA documentation:
 * - indexes are 1-based (`Item(0)` throws), collections are COM-style (`Item(i)` or `Item(name)`, `Count`);
 * - `Value2`/`Formula` of one cell are scalars, of a block 2-D arrays (rows of columns); an empty cell's Value2
 *   is undefined, its Formula ""; Formula returns text ("12" for the number 12); a formula's displayed value comes
 *   from `evaluate` (by default "", as a formula such as =IF(1>2,1,"") shows nothing);
 *   an array smaller than the range fills the rest with #N/A;
 * - colours are BGR longs: anything else (a "#RRGGBB" string, a negative number) throws;
 * - sheet names: 1–31 characters, none of []:*?/\, no leading or trailing apostrophe, unique whatever the case;
 * - table names: letters, digits, _ and ., starting with a letter or _, unique in the workbook, not a cell address;
 * - a table cannot overlap another table or merged cells; part of a merged area cannot be written;
 * - `Select` fails on a sheet that is not active; a conditional format's relative references are read from the
 *   active cell at the time of `FormatConditions.Add` (recorded as `anchor`), as in Excel's VBA model;
 * - a string written to `Value2` or `Formula` is read as if typed (./typed.ts: 2-5 a date, 004:228 a time, (100) a
 *   negative, 007 a number…) unless the cell's NumberFormat is text ("@") or the string starts with an apostrophe;
 * - `Worksheet.Delete` with `DisplayAlerts` on throws: WPS would stop and ask the person.
 */
import type {
  EtApplication,
  EtCustomXMLPart,
  EtCustomXMLParts,
  EtFont,
  EtFormatCondition,
  EtFormatConditions,
  EtInterior,
  EtListObject,
  EtListObjects,
  EtRange,
  EtSheets,
  EtValue,
  EtWindow,
  EtWorkbook,
  EtWorksheet,
} from '../../src/hosts/wps/et';
import { asTyped } from './typed';

/**
 * The formula ET makes of a text written through `Value2` or `Formula`, as if typed, or null for a constant: "=…"; "+…"
 * and "-…" that are not numbers, and "@…", get an "=". A leading apostrophe makes the rest a text (the prefix is not kept
 * in the value).
 */
function enteredFormula(x: string): string | null {
  if (x.length < 2 || x.startsWith("'")) return null;
  if (x.startsWith('=')) return x;
  if (x.startsWith('@')) return `=${x.slice(1)}`;
  const signed = (x.startsWith('+') || x.startsWith('-')) && !/^[+\-\s]*$/.test(x);
  return signed && !Number.isFinite(Number(x.replace(/[,%]/g, ''))) ? `=${x}` : null;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const WHITE = 0xffffff;

export class EtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EtError';
  }
}

interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

interface CellData {
  value?: EtValue;
  formula?: string;
  numberFormat?: string;
  /** The fill colour; undefined = no fill (pattern xlNone). */
  fill?: number;
  bold?: boolean;
  size?: number;
  color?: number;
}

export interface Rule {
  rect: Rect;
  type: number;
  formula1: string;
  /** The active cell (sheet, row, column; 1-based) when the rule was added: relative references start there. */
  anchor: { sheet: string; row: number; col: number };
  fill?: number;
  font?: number;
}

/** A collection's Item(index), as ET answers it: by name (any case) or by position from 1; anything else is refused. */
function itemOf<T extends { name: string }>(items: T[], index: number | string, collection: string, noun: string): T {
  if (typeof index === 'string') {
    const found = items.find((x) => x.name.toLowerCase() === index.toLowerCase());
    if (!found) throw new EtError(`${collection}.Item("${index}"): no such ${noun}`);
    return found;
  }
  if (!Number.isInteger(index) || index < 1 || index > items.length)
    throw new EtError(`${collection}.Item(${index}): index out of range 1..${items.length}`);
  return items[index - 1];
}

function colName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function parseA1(a1: string): Rect {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(a1.trim());
  if (!m) throw new EtError(`Range("${a1}"): not an A1 reference`);
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r1 = Number(m[2]);
  const c1 = col(m[1]);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  const rect = { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
  check(rect);
  return rect;
}

function check(r: Rect): void {
  if (r.row < 1 || r.col < 1 || r.rows < 1 || r.cols < 1 || r.row + r.rows - 1 > MAX_ROWS || r.col + r.cols - 1 > MAX_COLS)
    throw new EtError(`range out of the sheet: row ${r.row}, column ${r.col}, ${r.rows}×${r.cols}`);
}

const overlap = (a: Rect, b: Rect): boolean =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
const contains = (outer: Rect, inner: Rect): boolean =>
  inner.row >= outer.row &&
  inner.col >= outer.col &&
  inner.row + inner.rows <= outer.row + outer.rows &&
  inner.col + inner.cols <= outer.col + outer.cols;

function address(r: Rect, abs = true): string {
  const d = abs ? '$' : '';
  const one = (row: number, col: number) => `${d}${colName(col)}${d}${row}`;
  return r.rows === 1 && r.cols === 1 ? one(r.row, r.col) : `${one(r.row, r.col)}:${one(r.row + r.rows - 1, r.col + r.cols - 1)}`;
}

function colour(v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0xffffff)
    throw new EtError(`Color must be a BGR long (0–16777215), not ${JSON.stringify(v)}`);
  return v;
}

function scalar(v: unknown, what: string): EtValue {
  if (v === undefined || v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw new EtError(`${what}: cannot assign ${Object.prototype.toString.call(v)}`);
}

/** Rows of columns from what was assigned: a scalar fills the range, a 1-D array is one row (as COM reads it). */
function rowsOf(v: unknown, r: Rect, what: string): (EtValue | typeof NA)[][] {
  if (!Array.isArray(v)) {
    const s = scalar(v, what);
    return Array.from({ length: r.rows }, () => Array.from({ length: r.cols }, () => s));
  }
  const rows = (v as unknown[]).every(Array.isArray) ? (v as unknown[][]) : [v as unknown[]];
  return Array.from({ length: r.rows }, (_x, i) =>
    Array.from({ length: r.cols }, (_y, j) => (i < rows.length && j < rows[i].length ? scalar(rows[i][j], what) : NA)),
  );
}
const NA = Symbol('#N/A');

/**
 * Why `xml` is not a well-formed XML 1.0 document (as ET's CustomXMLParts.Add refuses it, like Office's), or null.
 * Checks what a writer can get wrong: characters XML forbids (control characters, U+FFFE/FFFF, lone surrogates),
 * a bare & or <, an unquoted or repeated attribute, tags that do not nest, text outside the one root element.
 */
export function notWellFormed(xml: string): string | null {
  const bad =
    // eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 forbids
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(xml);
  if (bad) return `character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`;
  const text = (t: string): string | null => (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(t) ? 'a bare & (write &amp;)' : null);
  let rest = xml.replace(/^\s*<\?xml[^?]*\?>/, '');
  const open: string[] = [];
  let roots = 0;
  while (rest.length) {
    const lt = rest.indexOf('<');
    const chunk = lt < 0 ? rest : rest.slice(0, lt);
    if (chunk.trim() && !open.length) return 'text outside the root element';
    const why = text(chunk);
    if (why) return why;
    if (lt < 0) break;
    rest = rest.slice(lt);
    const m = /^<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(rest);
    if (!m) return `a bare < or a malformed tag at "${rest.slice(0, 20)}"`;
    const [all, close, name, attrs, selfClosing] = m;
    const names = [...attrs.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*("[^"]*"|'[^']*')/g)];
    if (new Set(names.map((a) => a[1])).size !== names.length) return `attribute repeated in <${name}>`;
    for (const a of names) {
      const why2 = text(a[2]);
      if (why2) return why2;
    }
    if (close) {
      if (open.pop() !== name) return `</${name}> does not close the open element`;
    } else {
      if (!open.length && roots++) return 'more than one root element';
      if (!selfClosing) open.push(name);
    }
    rest = rest.slice(all.length);
  }
  if (open.length) return `<${open[open.length - 1]}> is not closed`;
  return roots ? null : 'no root element';
}

export class FakeXmlParts implements EtCustomXMLParts {
  constructor(
    private readonly wb: FakeWorkbook,
    private readonly namespace?: string,
  ) {}
  private list(): FakeXmlPart[] {
    return this.wb.parts.filter((p) => this.namespace === undefined || p.NamespaceURI === this.namespace);
  }
  get Count(): number {
    return this.list().length;
  }
  Item(index: number): FakeXmlPart {
    const l = this.list();
    if (!Number.isInteger(index) || index < 1 || index > l.length)
      throw new EtError(`CustomXMLParts.Item(${index}): index out of range 1..${l.length}`);
    return l[index - 1];
  }
  Add(xml: string): FakeXmlPart {
    if (this.namespace !== undefined) throw new EtError("CustomXMLParts.Add: add to the workbook's collection");
    const root = typeof xml === 'string' ? /^\s*(?:<\?xml[^>]*\?>\s*)?<([A-Za-z_][\w.-]*)([^>]*)>/.exec(xml) : null;
    const why = typeof xml === 'string' ? notWellFormed(xml) : 'not text';
    if (!root || why) throw new EtError(`CustomXMLParts.Add: not well-formed XML (${why ?? 'no root element'})`);
    const ns = /\sxmlns="([^"]*)"/.exec(root[2]);
    const part = new FakeXmlPart(this.wb, `{${++this.wb.partIds}}`, ns ? ns[1] : '', xml);
    this.wb.parts.push(part);
    this.wb.writes++;
    return part;
  }
  SelectByNamespace(ns: string): FakeXmlParts {
    return new FakeXmlParts(this.wb, ns);
  }
}

export class FakeXmlPart implements EtCustomXMLPart {
  constructor(
    private readonly wb: FakeWorkbook,
    readonly Id: string,
    readonly NamespaceURI: string,
    readonly XML: string,
  ) {}
  Delete(): void {
    const i = this.wb.parts.indexOf(this);
    if (i < 0) throw new EtError('CustomXMLPart.Delete: the part was already deleted');
    this.wb.parts.splice(i, 1);
    this.wb.writes++;
  }
}

export class FakeWorkbook implements EtWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly parts: FakeXmlPart[] = [];
  partIds = 0;
  codeNames = 0;
  get CustomXMLParts(): FakeXmlParts {
    return new FakeXmlParts(this);
  }
  active!: FakeSheet;
  readonly Worksheets: FakeSheets;
  /** Count of calls that wrote something, by kind: a test asserts a refusal wrote nothing. */
  writes = 0;
  /** Application.DisplayAlerts: while on, a call that would ask the person (Delete) throws. */
  displayAlerts = true;
  evaluate: (sheet: FakeSheet, formula: string, row: number, col: number) => EtValue = () => '';

  constructor(names: string[] = ['Sheet1']) {
    this.Worksheets = new FakeSheets(this);
    for (const n of names) this.sheets.push(new FakeSheet(this, n));
    this.active = this.sheets[0];
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new EtError(`no sheet ${name}`);
    return s;
  }

  tables(): FakeListObject[] {
    return this.sheets.flatMap((s) => s.tables);
  }
}

export class FakeSheets implements EtSheets {
  constructor(private readonly wb: FakeWorkbook) {}
  get Count(): number {
    return this.wb.sheets.length;
  }
  Item(index: number | string): FakeSheet {
    return itemOf(this.wb.sheets, index, 'Worksheets', 'sheet');
  }
  Add(before?: EtWorksheet, after?: EtWorksheet, count?: number): FakeSheet {
    if (before && after) throw new EtError('Worksheets.Add: give Before or After, not both');
    if (count !== undefined && count !== 1) throw new EtError('Worksheets.Add: the fake adds one sheet at a time');
    let n = this.wb.sheets.length + 1;
    while (this.wb.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
    const sheet = new FakeSheet(this.wb, `Sheet${n}`);
    const at = after
      ? this.wb.sheets.indexOf(after as FakeSheet) + 1
      : before
        ? this.wb.sheets.indexOf(before as FakeSheet)
        : this.wb.sheets.indexOf(this.wb.active);
    if ((after && at === 0) || (before && at === -1)) throw new EtError('Worksheets.Add: Before/After is not a sheet of this workbook');
    this.wb.sheets.splice(at, 0, sheet);
    this.wb.active = sheet;
    this.wb.writes++;
    return sheet;
  }
}

export class FakeSheet implements EtWorksheet {
  readonly cells = new Map<string, CellData>();
  readonly merges: Rect[] = [];
  readonly tables: FakeListObject[] = [];
  readonly rules: Rule[] = [];
  readonly widths = new Map<number, number>();
  /** Hidden columns (1-based), as set through Range.EntireColumn.Hidden. */
  readonly hidden = new Set<number>();
  readonly wrap = new Set<string>();
  selection: Rect = { row: 1, col: 1, rows: 1, cols: 1 };
  freeze: { rows: number; columns: number } | null = null;
  readonly CodeName: string;

  constructor(
    readonly wb: FakeWorkbook,
    public name: string,
  ) {
    this.CodeName = `Sheet${++wb.codeNames}`;
  }

  get Name(): string {
    return this.name;
  }
  set Name(v: string) {
    if (typeof v !== 'string' || v.length < 1 || v.length > 31) throw new EtError(`sheet name must be 1–31 characters: "${v}"`);
    if (/[[\]:*?/\\]/.test(v)) throw new EtError(`sheet name may not contain []:*?/\\ : "${v}"`);
    if (v.startsWith("'") || v.endsWith("'")) throw new EtError(`sheet name may not begin or end with an apostrophe: "${v}"`);
    if (this.wb.sheets.some((s) => s !== this && s.name.toLowerCase() === v.toLowerCase()))
      throw new EtError(`a sheet named "${v}" already exists`);
    this.name = v;
    this.wb.writes++;
  }
  get Index(): number {
    return this.wb.sheets.indexOf(this) + 1;
  }
  get Cells(): FakeRange {
    return new FakeRange(this, { row: 1, col: 1, rows: MAX_ROWS, cols: MAX_COLS });
  }
  get ListObjects(): FakeListObjects {
    return new FakeListObjects(this);
  }
  Range(cell1: string | EtRange, cell2?: string | EtRange): FakeRange {
    const rect = (c: string | EtRange): Rect => {
      if (typeof c === 'string') return parseA1(c);
      if (!(c instanceof FakeRange)) throw new EtError('Range(): argument is not a Range');
      if (c.sheet !== this) throw new EtError('Range(): the cells belong to another sheet');
      return c.rect;
    };
    const a = rect(cell1);
    if (cell2 === undefined) return new FakeRange(this, a);
    const b = rect(cell2);
    const row = Math.min(a.row, b.row);
    const col = Math.min(a.col, b.col);
    const rows = Math.max(a.row + a.rows, b.row + b.rows) - row;
    const cols = Math.max(a.col + a.cols, b.col + b.cols) - col;
    return new FakeRange(this, { row, col, rows, cols });
  }
  Activate(): void {
    this.wb.active = this;
  }
  /** The sheet goes with its tables and rules; WPS asks first unless DisplayAlerts is off, and keeps a last sheet. */
  Delete(): void {
    if (this.wb.displayAlerts) throw new EtError('Worksheet.Delete: WPS asks the person first (DisplayAlerts is on)');
    const i = this.wb.sheets.indexOf(this);
    if (i < 0) throw new EtError('Worksheet.Delete: the sheet was already deleted');
    if (this.wb.sheets.length === 1) throw new EtError('Worksheet.Delete: a workbook keeps at least one sheet');
    this.wb.sheets.splice(i, 1);
    if (this.wb.active === this) this.wb.active = this.wb.sheets[Math.min(i, this.wb.sheets.length - 1)];
    this.wb.writes++;
  }

  // Test helpers (not part of ET).
  cell(row: number, col: number): CellData | undefined {
    return this.cells.get(`${row},${col}`);
  }
  at(a1: string): CellData | undefined {
    const r = parseA1(a1);
    return this.cell(r.row, r.col);
  }
  /** What a person types: a constant or a formula, not through the add-in. */
  type(a1: string, v: EtValue): void {
    const r = parseA1(a1);
    const key = `${r.row},${r.col}`;
    const c = this.cells.get(key) ?? {};
    if (typeof v === 'string' && v.startsWith('=')) Object.assign(c, { formula: v, value: undefined });
    else Object.assign(c, { value: v, formula: undefined });
    this.cells.set(key, c);
  }
  merge(a1: string): void {
    const r = parseA1(a1);
    if (this.merges.some((m) => overlap(m, r))) throw new EtError('merged areas may not overlap');
    this.merges.push(r);
  }
  snapshot(): string {
    return JSON.stringify([[...this.cells.entries()].sort(), this.merges, this.tables.map((t) => [t.name, t.rect]), this.rules]);
  }
}

export class FakeRange implements EtRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly rect: Rect,
    private readonly counting: 'cells' | 'rows' | 'columns' = 'cells',
  ) {
    check(rect);
  }

  private each(f: (row: number, col: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.rect.rows; i++) for (let j = 0; j < this.rect.cols; j++) f(this.rect.row + i, this.rect.col + j, i, j);
  }
  private data(row: number, col: number, create = false): CellData | undefined {
    const key = `${row},${col}`;
    let c = this.sheet.cells.get(key);
    if (!c && create) this.sheet.cells.set(key, (c = {}));
    return c;
  }
  private big(): void {
    if (this.rect.rows * this.rect.cols > 100000) throw new EtError('the fake reads at most 100000 cells at once');
  }
  private writable(): void {
    for (const m of this.sheet.merges)
      if (overlap(m, this.rect) && !contains(this.rect, m)) throw new EtError(`cannot change part of a merged cell (${address(m, false)})`);
  }
  private read<T>(f: (c: CellData | undefined, row: number, col: number) => T): T | T[][] {
    this.big();
    const out: T[][] = Array.from({ length: this.rect.rows }, () => new Array<T>(this.rect.cols));
    this.each((row, col, i, j) => (out[i][j] = f(this.data(row, col), row, col)));
    return this.rect.rows === 1 && this.rect.cols === 1 ? out[0][0] : out;
  }
  private uniform<T>(f: (c: CellData | undefined) => T): T | null {
    this.big();
    let first: T | undefined;
    let same = true;
    let seen = false;
    this.each((row, col) => {
      const v = f(this.data(row, col));
      if (!seen) [first, seen] = [v, true];
      else if (v !== first) same = false;
    });
    return same ? (first as T) : null;
  }

  get Row(): number {
    return this.rect.row;
  }
  get Column(): number {
    return this.rect.col;
  }
  get Rows(): FakeRange {
    return new FakeRange(this.sheet, this.rect, 'rows');
  }
  get Columns(): FakeRange {
    return new FakeRange(this.sheet, this.rect, 'columns');
  }
  get Count(): number {
    return this.counting === 'rows' ? this.rect.rows : this.counting === 'columns' ? this.rect.cols : this.rect.rows * this.rect.cols;
  }
  get Cells(): FakeRange {
    return new FakeRange(this.sheet, this.rect);
  }
  get Worksheet(): FakeSheet {
    return this.sheet;
  }

  get Value2(): EtValue | EtValue[][] {
    return this.read((c, row, col) => (c?.formula ? this.sheet.wb.evaluate(this.sheet, c.formula, row, col) : c?.value));
  }
  set Value2(v: EtValue | EtValue[][]) {
    this.enter(v, 'Value2');
  }
  get Formula(): EtValue | EtValue[][] {
    return this.read((c) => c?.formula ?? (c?.value === undefined || c.value === null ? '' : String(c.value)));
  }
  set Formula(v: EtValue | EtValue[][]) {
    this.enter(v, 'Formula');
  }
  /**
   * What ET does with a value written through Value2 or Formula (the same for both): a formula for what starts with
   * "=", text for what starts with "'", a number for a numeric string unless the cell is formatted as text (@), and an
   * empty cell for "", null or undefined.
   */
  private enter(v: EtValue | EtValue[][], property: 'Value2' | 'Formula'): void {
    this.writable();
    const rows = rowsOf(v, this.rect, property);
    this.each((row, col, i, j) => {
      const x = rows[i][j];
      const c = this.data(row, col, true)!;
      c.formula = undefined;
      c.value = undefined;
      if (x === NA) c.value = '#N/A';
      else if (typeof x === 'string' && enteredFormula(x)) c.formula = enteredFormula(x)!;
      else if (typeof x === 'string' && x.startsWith("'")) c.value = x.slice(1);
      else if (typeof x === 'string' && x !== '' && c.numberFormat !== '@') c.value = asTyped(x) as EtValue;
      else if (x !== '' && x !== null && x !== undefined) c.value = x;
    });
    this.sheet.wb.writes++;
  }
  get NumberFormat(): string {
    return this.uniform((c) => c?.numberFormat ?? 'General') as string;
  }
  set NumberFormat(v: string) {
    if (typeof v !== 'string') throw new EtError(`NumberFormat must be text, not ${JSON.stringify(v)}`);
    this.each((row, col) => (this.data(row, col, true)!.numberFormat = v));
    this.sheet.wb.writes++;
  }
  get MergeCells(): boolean | null {
    let inside = 0;
    let total = 0;
    this.each((row, col) => {
      total++;
      if (this.sheet.merges.some((m) => contains(m, { row, col, rows: 1, cols: 1 }))) inside++;
    });
    return inside === 0 ? false : inside === total ? true : null;
  }
  get MergeArea(): FakeRange {
    const top = { row: this.rect.row, col: this.rect.col, rows: 1, cols: 1 };
    const m = this.sheet.merges.find((x) => contains(x, top));
    return new FakeRange(this.sheet, m ?? top);
  }
  get Interior(): EtInterior {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the COM-style sub-object's accessors act on this range
    const range = this;
    return {
      get Color() {
        return range.uniform((c) => c?.fill ?? WHITE) as number;
      },
      set Color(v: number) {
        const x = colour(v);
        range.each((row, col) => (range.data(row, col, true)!.fill = x));
        range.sheet.wb.writes++;
      },
      get Pattern() {
        return range.uniform((c) => (c?.fill === undefined ? -4142 : 1)) as number;
      },
      set Pattern(v: number) {
        if (v !== -4142 && v !== 1) throw new EtError(`the fake knows Pattern xlNone (-4142) and xlSolid (1), not ${JSON.stringify(v)}`);
        range.each((row, col) => {
          const c = range.data(row, col, true)!;
          if (v === -4142) c.fill = undefined;
          else c.fill ??= WHITE;
        });
        range.sheet.wb.writes++;
      },
    };
  }
  get Font(): EtFont {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the COM-style sub-object's accessors act on this range
    const range = this;
    const prop = <K extends 'bold' | 'size' | 'color'>(k: K, check: (v: unknown) => CellData[K], dflt: CellData[K]) => ({
      get: () => range.uniform((c) => c?.[k] ?? dflt),
      set: (v: unknown) => {
        const x = check(v);
        range.each((row, col) => (range.data(row, col, true)![k] = x));
        range.sheet.wb.writes++;
      },
    });
    const bold = prop('bold', (v) => Boolean(v), false);
    const size = prop(
      'size',
      (v) => {
        if (typeof v !== 'number' || v < 1 || v > 409) throw new EtError(`Font.Size must be 1–409, not ${JSON.stringify(v)}`);
        return v;
      },
      11,
    );
    const color = prop('color', colour, 0);
    return {
      get Bold() {
        return bold.get() as boolean;
      },
      set Bold(v: boolean) {
        bold.set(v);
      },
      get Size() {
        return size.get() as number;
      },
      set Size(v: number) {
        size.set(v);
      },
      get Color() {
        return color.get() as number;
      },
      set Color(v: number) {
        color.set(v);
      },
    };
  }
  get FormatConditions(): EtFormatConditions {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the COM-style sub-object's accessors act on this range
    const range = this;
    const mine = () => range.sheet.rules.filter((r) => overlap(r.rect, range.rect));
    return {
      get Count() {
        return mine().length;
      },
      Item(i: number): EtFormatCondition {
        const list = mine();
        if (!Number.isInteger(i) || i < 1 || i > list.length) throw new EtError(`FormatConditions.Item(${i}): index out of range`);
        return ruleObject(list[i - 1]);
      },
      Add(type: number, _operator?: number, formula1?: string): EtFormatCondition {
        if (type !== 2) throw new EtError(`FormatConditions.Add: the fake supports xlExpression (2) only, not ${type}`);
        if (typeof formula1 !== 'string' || !formula1.startsWith('='))
          throw new EtError(`FormatConditions.Add: Formula1 must be "=…", not ${formula1}`);
        const wb = range.sheet.wb;
        const sel = wb.active.selection;
        const rule: Rule = { rect: { ...range.rect }, type, formula1, anchor: { sheet: wb.active.name, row: sel.row, col: sel.col } };
        range.sheet.rules.push(rule);
        wb.writes++;
        return ruleObject(rule);
      },
    };
  }
  get ColumnWidth(): number {
    return this.sheet.widths.get(this.rect.col) ?? 8.38;
  }
  set ColumnWidth(v: number) {
    if (typeof v !== 'number' || v < 0 || v > 255) throw new EtError(`ColumnWidth must be 0–255, not ${JSON.stringify(v)}`);
    for (let c = this.rect.col; c < this.rect.col + this.rect.cols; c++) this.sheet.widths.set(c, v);
    this.sheet.wb.writes++;
  }
  /** The whole columns of the range (ET's Range.EntireColumn), whose Hidden can be set. */
  get EntireColumn(): FakeRange {
    return new FakeRange(this.sheet, { row: 1, col: this.rect.col, rows: MAX_ROWS, cols: this.rect.cols }, 'columns');
  }
  get Hidden(): boolean {
    for (let c = this.rect.col; c < this.rect.col + this.rect.cols; c++) if (!this.sheet.hidden.has(c)) return false;
    return true;
  }
  /** As in Excel's object model: only whole columns (EntireColumn) take Hidden; the fake knows no hidden rows. */
  set Hidden(v: boolean) {
    if (this.rect.row !== 1 || this.rect.rows !== MAX_ROWS) throw new EtError('Hidden: set it on EntireColumn');
    for (let c = this.rect.col; c < this.rect.col + this.rect.cols; c++) {
      if (v) this.sheet.hidden.add(c);
      else this.sheet.hidden.delete(c);
    }
    this.sheet.wb.writes++;
  }
  get WrapText(): boolean {
    let all = true;
    this.each((row, col) => (all &&= this.sheet.wrap.has(`${row},${col}`)));
    return all;
  }
  set WrapText(v: boolean) {
    this.each((row, col) => (v ? this.sheet.wrap.add(`${row},${col}`) : this.sheet.wrap.delete(`${row},${col}`)));
    this.sheet.wb.writes++;
  }

  Item(rowIndex: number, columnIndex?: number): FakeRange {
    if (!Number.isInteger(rowIndex) || rowIndex < 1) throw new EtError(`Item(${rowIndex}): indexes start at 1`);
    if (columnIndex === undefined) {
      // One index counts cells row by row (or rows/columns of a Rows/Columns range).
      if (this.counting === 'rows') return new FakeRange(this.sheet, { ...this.rect, row: this.rect.row + rowIndex - 1, rows: 1 });
      if (this.counting === 'columns') return new FakeRange(this.sheet, { ...this.rect, col: this.rect.col + rowIndex - 1, cols: 1 });
      const i = rowIndex - 1;
      return new FakeRange(this.sheet, {
        row: this.rect.row + Math.floor(i / this.rect.cols),
        col: this.rect.col + (i % this.rect.cols),
        rows: 1,
        cols: 1,
      });
    }
    if (!Number.isInteger(columnIndex) || columnIndex < 1) throw new EtError(`Item(${rowIndex}, ${columnIndex}): indexes start at 1`);
    return new FakeRange(this.sheet, { row: this.rect.row + rowIndex - 1, col: this.rect.col + columnIndex - 1, rows: 1, cols: 1 });
  }
  Resize(rowSize?: number, columnSize?: number): FakeRange {
    const rows = rowSize ?? this.rect.rows;
    const cols = columnSize ?? this.rect.cols;
    if (rows < 1 || cols < 1) throw new EtError(`Resize(${rowSize}, ${columnSize}): sizes start at 1`);
    return new FakeRange(this.sheet, { ...this.rect, rows, cols });
  }
  Offset(rowOffset = 0, columnOffset = 0): FakeRange {
    return new FakeRange(this.sheet, { ...this.rect, row: this.rect.row + rowOffset, col: this.rect.col + columnOffset });
  }
  Address(rowAbsolute = true, columnAbsolute = true): string {
    if (rowAbsolute !== columnAbsolute) throw new EtError('the fake gives fully absolute or fully relative addresses only');
    return address(this.rect, rowAbsolute);
  }
  Select(): void {
    if (this.sheet.wb.active !== this.sheet) throw new EtError("Range.Select: the range's sheet is not the active sheet");
    this.sheet.selection = { ...this.rect };
  }
}

function ruleObject(rule: Rule): EtFormatCondition {
  return {
    get Formula1() {
      return rule.formula1;
    },
    get Type() {
      return rule.type;
    },
    Interior: {
      get Color() {
        return rule.fill ?? WHITE;
      },
      set Color(v: number) {
        rule.fill = colour(v);
      },
      Pattern: 1,
    },
    Font: {
      Bold: false,
      Size: 11,
      get Color() {
        return rule.font ?? 0;
      },
      set Color(v: number) {
        rule.font = colour(v);
      },
    },
  };
}

export class FakeListObject implements EtListObject {
  name: string;
  style = 'TableStyleMedium2';
  constructor(
    readonly sheet: FakeSheet,
    public rect: Rect,
    name: string,
  ) {
    this.name = name;
  }
  get Name(): string {
    return this.name;
  }
  set Name(v: string) {
    if (typeof v !== 'string' || !/^[A-Za-z_\\\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]{0,254}$/.test(v))
      throw new EtError(`table name "${v}": letters, digits, _ and . only, starting with a letter or _`);
    if (/^[A-Za-z]{1,3}\d+$/.test(v) || /^[RrCc]$/.test(v)) throw new EtError(`table name "${v}" looks like a cell reference`);
    if (this.sheet.wb.tables().some((t) => t !== this && t.name.toLowerCase() === v.toLowerCase()))
      throw new EtError(`a table named "${v}" already exists`);
    this.name = v;
    this.sheet.wb.writes++;
  }
  get TableStyle(): string {
    return this.style;
  }
  set TableStyle(v: string) {
    if (!/^TableStyle(Light|Medium|Dark)\d+$/.test(v)) throw new EtError(`unknown table style ${v}`);
    this.style = v;
  }
  get Range(): FakeRange {
    return new FakeRange(this.sheet, this.rect);
  }
  get HeaderRowRange(): FakeRange {
    return new FakeRange(this.sheet, { ...this.rect, rows: 1 });
  }
  get DataBodyRange(): FakeRange | null {
    return this.rect.rows > 1 ? new FakeRange(this.sheet, { ...this.rect, row: this.rect.row + 1, rows: this.rect.rows - 1 }) : null;
  }
  Resize(range: EtRange): void {
    if (!(range instanceof FakeRange) || range.sheet !== this.sheet)
      throw new EtError('ListObject.Resize: the range must be on the same sheet');
    const r = range.rect;
    if (r.row !== this.rect.row || r.col !== this.rect.col) throw new EtError('ListObject.Resize: the header row must stay where it is');
    if (this.sheet.tables.some((t) => t !== this && overlap(t.rect, r)))
      throw new EtError('ListObject.Resize: a table cannot overlap another table');
    this.rect = { ...r };
    this.sheet.wb.writes++;
  }
}

export class FakeListObjects implements EtListObjects {
  constructor(private readonly sheet: FakeSheet) {}
  get Count(): number {
    return this.sheet.tables.length;
  }
  Item(index: number | string): FakeListObject {
    return itemOf(this.sheet.tables, index, 'ListObjects', 'table');
  }
  Add(sourceType: number, source: EtRange, _linkSource?: unknown, hasHeaders?: number): FakeListObject {
    if (sourceType !== 1) throw new EtError(`ListObjects.Add: the fake supports xlSrcRange (1) only, not ${sourceType}`);
    if (hasHeaders !== 1) throw new EtError('ListObjects.Add: the fake supports XlListObjectHasHeaders = xlYes (1) only');
    if (!(source instanceof FakeRange) || source.sheet !== this.sheet)
      throw new EtError('ListObjects.Add: Source must be a range of this sheet');
    const r = source.rect;
    if (this.sheet.tables.some((t) => overlap(t.rect, r))) throw new EtError('ListObjects.Add: a table cannot overlap another table');
    if (this.sheet.merges.some((m) => overlap(m, r))) throw new EtError('ListObjects.Add: a table cannot contain merged cells');
    let n = this.sheet.wb.tables().length + 1;
    while (this.sheet.wb.tables().some((t) => t.name.toLowerCase() === `table${n}`)) n++;
    const t = new FakeListObject(this.sheet, { ...r }, `Table${n}`);
    this.sheet.tables.push(t);
    this.sheet.wb.writes++;
    return t;
  }
}

export class FakeWindow implements EtWindow {
  private split = { rows: 0, columns: 0 };
  constructor(private readonly wb: FakeWorkbook) {}
  get SplitRow(): number {
    return this.split.rows;
  }
  set SplitRow(v: number) {
    this.split.rows = v;
  }
  get SplitColumn(): number {
    return this.split.columns;
  }
  set SplitColumn(v: number) {
    this.split.columns = v;
  }
  get FreezePanes(): boolean {
    return this.wb.active.freeze !== null;
  }
  set FreezePanes(v: boolean) {
    this.wb.active.freeze = v ? { ...this.split } : null;
  }
}

export class FakeEt implements EtApplication {
  readonly wb: FakeWorkbook;
  readonly window: FakeWindow;
  constructor(names?: string[]) {
    this.wb = new FakeWorkbook(names);
    this.window = new FakeWindow(this.wb);
  }
  get ActiveWorkbook(): FakeWorkbook {
    return this.wb;
  }
  get ActiveSheet(): FakeSheet {
    return this.wb.active;
  }
  get ActiveCell(): FakeRange {
    const s = this.wb.active.selection;
    return new FakeRange(this.wb.active, { row: s.row, col: s.col, rows: 1, cols: 1 });
  }
  get ActiveWindow(): FakeWindow {
    return this.window;
  }
  get Selection(): FakeRange {
    return new FakeRange(this.wb.active, this.wb.active.selection);
  }
  get DisplayAlerts(): boolean {
    return this.wb.displayAlerts;
  }
  set DisplayAlerts(v: boolean) {
    this.wb.displayAlerts = !!v;
  }
  readonly Name = 'WPS 表格';
  readonly Version = '12.1';
  readonly Build = '12.1.0.20540';
  /** Full recalculations asked for (the fake computes nothing: `evaluate` answers when a cell is read). */
  calculations = 0;
  CalculateFull(): void {
    this.calculations++;
  }

  // Test helpers.
  sheet(name: string): FakeSheet {
    return this.wb.sheet(name);
  }
  /**
   * The workbook saved and opened again in a new WPS session: what an .xlsx keeps (sheets, their cells and merged
   * areas, the custom XML parts, re-read through Add so they must still be well-formed), nothing of this session.
   */
  reopen(): FakeEt {
    const next = new FakeEt(this.wb.sheets.map((s) => s.name));
    this.wb.sheets.forEach((s, i) => {
      const t = next.wb.sheets[i];
      for (const [k, c] of s.cells) t.cells.set(k, { ...c });
      t.merges.push(...s.merges.map((m) => ({ ...m })));
    });
    for (const p of this.wb.parts) next.wb.CustomXMLParts.Add(p.XML);
    next.wb.writes = 0;
    return next;
  }
  select(sheet: string, a1: string): void {
    const s = this.wb.sheet(sheet);
    this.wb.active = s;
    s.selection = parseA1(a1);
  }
}
