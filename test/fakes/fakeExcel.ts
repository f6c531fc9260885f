/**
 * A fake Excel host for tests: the slice of Excel's API the adapter uses, backed by HyperFormula (with the PLAN
 * functions registered) so formulas compute and conditional-format rules can be evaluated. It is as strict as the
 * Office JS reference where it matters for correctness, so that code passing here does not fail in Excel half-way
 * through a batch:
 * - a property read before load + sync throws (PropertyNotLoaded), and sync calls are counted;
 * - errors surface at `context.sync()`, as in Excel: operations queued before the failing one are applied, the
 *   failing one and every later one in the batch are not;
 * - `values` / `formulas` whose size does not match the range: InvalidArgument (a single non-array value fills
 *   the whole range, as Excel allows);
 * - a missing worksheet or table (`getItem`): ItemNotFound; `getItemOrNullObject` gives a null object instead;
 * - worksheet names: blank, over 31 characters, any of : \ / ? * [ ], a leading or trailing apostrophe, or
 *   "History": InvalidArgument; a name in use (case-insensitive): ItemAlreadyExists;
 * - `tables.add` over a merged area or overlapping another table: InvalidArgument; a table name in use:
 *   ItemAlreadyExists;
 * - custom XML parts (ExcelApi 1.5) that must be well-formed XML with a root element;
 * - every member at the requirement set Microsoft's typings tag it with (./officeLevels.ts): above the level the
 *   fake reports (`excelApi`), the batch fails with ApiNotFound and the call is listed in `aboveLevel`;
 * - a string written to `values` or `formulas` is read as if typed (`asTyped`: dates, times, percentages, (n),
 *   1E5, leading zeros, TRUE/FALSE), unless its cell has the text number format "@".
 * What it does not model is listed in README ("proven only against a fake").
 * It also plays the person: typing, pasting, colouring, sorting, inserting and deleting rows, renaming sheets,
 * converting a table to a range, merging cells, switching sheets.
 * Used by jest (node) and, bundled, by the end-to-end page in Chromium.
 */
import { DetailedCellError, type HyperFormula } from 'hyperformula';
import { colLetter } from '../../src/core/sheet/layout';
import { createEngine } from '../../src/hyperformula/engine';
import { conditionLevel, levelOf, tagOf } from './officeLevels';
import { asTyped } from './typed';

type Raw = string | number | boolean | null;

const colName = colLetter;

/** What the engine is given for a cell's content: text marked with "'" (HyperFormula's mark), "" as empty. */
function stored(content: Raw, text: boolean): Raw {
  const hf = typeof content === 'string' && content !== '' && (text || !content.startsWith('=')) ? `'${content}` : content;
  return hf === '' ? null : hf;
}

export function parseAddress(a: string): { row: number; col: number; rows: number; cols: number } {
  const clean = a.replace(/^.*!/, '').replace(/\$/g, '');
  const [p, q] = clean.split(':');
  const cell = (x: string): [number, number] => {
    const m = x.match(/^([A-Z]+)(\d+)$/);
    if (!m) throw new Error(`bad address ${a}`);
    let col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    return [Number(m[2]) - 1, col - 1];
  };
  const [r1, c1] = cell(p);
  const [r2, c2] = q ? cell(q) : [r1, c1];
  return { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

/** Moves the relative references of a formula written for (row0, col0) to (row, col), as Excel does for rules. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  return formula.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g, (_m, ca: string, col: string, ra: string, row: string) => {
    let c = 0;
    for (const ch of col) c = c * 26 + (ch.charCodeAt(0) - 64);
    const newCol = ca ? col : colName(c - 1 + dCol);
    const newRow = ra ? row : String(Number(row) + dRow);
    return `${ca}${newCol}${ra}${newRow}`;
  });
}

/** An error as Office raises it (OfficeExtension.Error): `code` is InvalidArgument, ItemNotFound, … */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
  }
}

class NotLoaded extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read before load() and sync()`);
  }
}

interface CellFormat {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  numberFormat?: string;
}

interface Rule {
  top: number;
  left: number;
  rows: number;
  cols: number;
  formula: string;
  fill: string;
}

interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const overlaps = (a: Area, b: Area): boolean =>
  a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

const areaAddress = (a: Area): string => {
  const p = `${colName(a.col)}${a.row + 1}`;
  const q = `${colName(a.col + a.cols - 1)}${a.row + a.rows}`;
  return p === q ? p : `${p}:${q}`;
};

/** Excel's rule for worksheet names; the reason it refuses one, or null. */
function badSheetName(name: string): string | null {
  if (typeof name !== 'string' || !name.trim()) return 'a sheet name cannot be blank';
  if (name.length > 31) return 'a sheet name cannot be longer than 31 characters';
  if (/[:\\/?*[\]]/.test(name)) return 'a sheet name cannot contain : \\ / ? * [ ]';
  if (name.startsWith("'") || name.endsWith("'")) return 'a sheet name cannot begin or end with an apostrophe';
  if (name.toLowerCase() === 'history') return '"History" is reserved by Excel';
  return null;
}

export interface PrintSetup {
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  titleRows?: string;
  footers: { left?: string; center?: string; right?: string };
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  categories: string;
  position: string;
}

export interface CellState {
  sheetId: string;
  row: number;
  col: number;
  value: Raw;
  formula: Raw;
  fill: string;
}

export { asTyped } from './typed';

/** Requirement-set versions compared as numbers: 1.10 is newer than 1.9. */
export function newerThan(a: string, b: string): boolean {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && (a2 || 0) > (b2 || 0));
}

export class FakeHost {
  readonly hf: HyperFormula;
  syncs = 0;
  readonly sheets: FakeWorksheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly xmlParts: FakeXmlPart[] = [];
  active: FakeWorksheet;
  selection = { sheet: '', row: 0, col: 0, rows: 1, cols: 1 };
  private pending: (() => void)[] = [];
  private failure: FakeOfficeError | null = null;
  private nextSheet = 1;
  private nextPart = 1;
  /** The highest ExcelApi version this fake Excel reports (Excel 2016 volume-licensed: 1.1). */
  excelApi = '1.17';
  /**
   * Calls made to members above `excelApi`, e.g. "Excel.Worksheet.getRangeByIndexes (ExcelApi 1.7)": a real host
   * of that level fails them (ApiNotFound at the next sync), and so does this one.
   */
  readonly aboveLevel: string[] = [];
  /** The recalculations asked for through `workbook.application.calculate`, by CalculationType. */
  readonly calculations: string[] = [];

  /** Office.context.requirements.isSetSupported as this fake Excel answers it. */
  isSetSupported = (name: string, version = '1.1'): boolean => name === 'ExcelApi' && !newerThan(version, this.excelApi);

  /**
   * The use of a member, by its full name in Microsoft's typings ("Excel.Worksheet.getRangeByIndexes"): its level
   * is the one the typings tag it with (test/fakes/office-levels.generated.json), or `version` where the tag names
   * a condition ("1.4 allows adding of multiple rows"). Above `excelApi` it is recorded in `aboveLevel` and the
   * batch fails at the next sync with ApiNotFound, as in an Excel of that level.
   */
  uses(member: string, version = levelOf(tagOf(member)).version, what = member): void {
    if (!newerThan(version, this.excelApi)) return;
    this.aboveLevel.push(`${what} (ExcelApi ${version})`);
    this.fail('ApiNotFound', `${what} needs ExcelApi ${version}; this Excel has ${this.excelApi}`);
  }

  /**
   * Each cell's formula text as last read, by `hfId,row,col`: HyperFormula unparses a formula on every read, and the
   * no-loss snapshots read every cell many times. A cell's text changes only when it is written (store forgets it) or
   * when rows or sheets change (every entry is forgotten).
   */
  readonly formulaText = new Map<string, Raw>();

  /**
   * Write many cells as one operation, as Excel writes a range: the engine recalculates once, after the last. (Not
   * HyperFormula's batch(), which also gathers an undo entry and, with undo off, rescans it at every write.)
   */
  oneOperation(write: () => void): void {
    this.hf.suspendEvaluation();
    try {
      write();
    } finally {
      this.hf.resumeEvaluation();
    }
  }

  constructor() {
    this.hf = createEngine({ Sheet1: [[]] });
    this.active = new FakeWorksheet(this, 'Sheet1');
    this.sheets.push(this.active);
    this.selection.sheet = 'Sheet1';
  }

  newSheetId(): string {
    return `{00000000-0001-0000-0000-${String(this.nextSheet++).padStart(12, '0')}}`;
  }
  newPartId(): string {
    return `{00000000-0002-0000-0000-${String(this.nextPart++).padStart(12, '0')}}`;
  }

  queueLoad(f: () => void): void {
    if (this.live()) this.pending.push(f);
  }

  /** False once an operation of the current batch failed: later operations are not carried out. */
  live(): boolean {
    return this.failure === null;
  }

  /** An operation failed: it and every later one in the batch are dropped; the next sync throws. */
  fail(code: string, message: string): void {
    if (!this.failure) this.failure = new FakeOfficeError(code, message);
  }

  async sync(): Promise<void> {
    this.syncs++;
    const p = this.pending;
    this.pending = [];
    if (this.failure) {
      const e = this.failure;
      this.failure = null;
      throw e;
    }
    for (const f of p) f();
  }

  sheet(name: string): FakeWorksheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  context(): FakeContext {
    return new FakeContext(this);
  }

  /** Excel.run over this host: a batch that fails leaves its pending error behind for no one. */
  run = async <T>(batch: (context: never) => Promise<T>): Promise<T> => {
    try {
      return await batch(this.context() as never);
    } finally {
      this.failure = null;
      this.pending = [];
    }
  };

  // ---- What a person does ----

  /** Type (or paste) into a cell: a value, or a formula starting with "=". */
  type(sheet: string, address: string, content: Raw): void {
    const s = this.sheet(sheet);
    const { row, col } = parseAddress(address);
    s.setContent(row, col, content);
  }

  /** Colour a cell by hand (null: no fill). */
  paint(sheet: string, address: string, color: string | null): void {
    const s = this.sheet(sheet);
    const a = parseAddress(address);
    for (let r = 0; r < a.rows; r++)
      for (let c = 0; c < a.cols; c++) {
        const f = s.cellFormat(a.row + r, a.col + c);
        if (color === null) delete f.fill;
        else f.fill = color.toUpperCase();
      }
  }

  merge(sheet: string, address: string): void {
    this.sheet(sheet).merged.push(parseAddress(address));
  }

  select(sheet: string, address: string): void {
    const a = parseAddress(address);
    this.selection = { sheet, row: a.row, col: a.col, rows: a.rows, cols: a.cols };
    this.active = this.sheet(sheet);
  }

  /** Switch to another sheet (its cell A1 selected). */
  activate(sheet: string): void {
    this.select(sheet, 'A1');
  }

  renameSheet(from: string, to: string): void {
    const s = this.sheet(from);
    const bad = badSheetName(to);
    if (bad) throw new FakeOfficeError('InvalidArgument', bad);
    s.rename(to);
    if (this.selection.sheet === from) this.selection.sheet = to;
  }

  /** Table → Convert to Range: the cells stay, the table is gone. */
  convertToRange(table: string): void {
    const i = this.tables.findIndex((t) => t.name === table);
    if (i < 0) throw new Error(`no table ${table}`);
    this.tables.splice(i, 1);
  }

  /** Insert `count` whole rows before 0-based row `at`: everything below moves down, formulas follow. */
  insertRows(sheet: string, at: number, count: number): void {
    const s = this.sheet(sheet);
    this.hf.addRows(s.hfId, [at, count]);
    this.formulaText.clear();
    s.shiftRows(at, count);
    for (const t of this.tables) {
      if (t.sheet !== s) continue;
      if (at <= t.top) t.top += count;
      else if (at < t.top + t.height) t.height += count;
    }
  }

  /** Delete `count` whole rows from 0-based row `at`. */
  deleteRows(sheet: string, at: number, count: number): void {
    const s = this.sheet(sheet);
    this.hf.removeRows(s.hfId, [at, count]);
    this.formulaText.clear();
    s.shiftRows(at, -count);
    for (const t of this.tables) {
      if (t.sheet !== s) continue;
      if (at + count <= t.top) t.top -= count;
      else if (at > t.top && at < t.top + t.height) t.height -= Math.min(count, t.top + t.height - at);
    }
  }

  /**
   * Sort a table's body rows by one of its columns (0-based within the table), as Excel does: rows move with their
   * contents and formats; relative references in moved formulas move with the row.
   */
  sortTable(table: string, column: number, descending = false): void {
    const t = this.tables.find((x) => x.name === table);
    if (!t) throw new Error(`no table ${table}`);
    const s = t.sheet;
    const top = t.top + 1;
    const n = t.height - 1;
    const rows = Array.from({ length: n }, (_r, i) => ({
      from: top + i,
      key: s.value(top + i, t.left + column),
      cells: Array.from({ length: t.width }, (_c, j) => s.formula(top + i, t.left + j)),
      formats: Array.from({ length: t.width }, (_c, j) => ({ ...s.cellFormat(top + i, t.left + j) })),
    }));
    const cmp = (a: Raw, b: Raw): number =>
      typeof a === 'number' && typeof b === 'number' ? a - b : String(a ?? '').localeCompare(String(b ?? ''));
    rows.sort((a, b) => (descending ? -cmp(a.key, b.key) : cmp(a.key, b.key)));
    this.oneOperation(() =>
      rows.forEach((r, i) => {
        const to = top + i;
        r.cells.forEach((v, j) =>
          s.store(to, t.left + j, typeof v === 'string' && v.startsWith('=') ? shiftFormula(v, to - r.from, 0) : v),
        );
        r.formats.forEach((f, j) => s.format.set(`${to},${t.left + j}`, f));
      }),
    );
  }

  /** Every cell that holds something or has a fill, keyed "sheetId!A1" (a sheet's id survives a rename). */
  snapshot(): Map<string, CellState> {
    const out = new Map<string, CellState>();
    for (const s of this.sheets) {
      const dims = this.hf.getSheetDimensions(s.hfId);
      const visit = (r: number, c: number): void => {
        const cell = {
          sheetId: s.sheetId,
          row: r,
          col: c,
          value: s.value(r, c),
          formula: s.formula(r, c),
          fill: s.format.get(`${r},${c}`)?.fill ?? '',
        };
        if (cell.value === '' && cell.formula === '' && cell.fill === '') return;
        out.set(`${s.sheetId}!${colName(c)}${r + 1}`, cell);
      };
      // The engine's used area, then the formatted cells outside it.
      for (let r = 0; r < dims.height; r++) for (let c = 0; c < dims.width; c++) visit(r, c);
      for (const k of s.format.keys()) {
        const [r, c] = k.split(',').map(Number);
        if (r >= dims.height || c >= dims.width) visit(r, c);
      }
    }
    return out;
  }

  /** The fill a conditional-format rule gives the cell now, or null when no rule holds. */
  flag(sheet: string, address: string): string | null {
    const s = this.sheet(sheet);
    const { row, col } = parseAddress(address);
    for (const r of s.rules) {
      if (row < r.top || row >= r.top + r.rows || col < r.left || col >= r.left + r.cols) continue;
      const f = shiftFormula(r.formula.replace(/^=/, ''), row - r.top, col - r.left);
      const v = this.hf.calculateFormula(`=${f}`, s.hfId);
      if (v === true) return r.fill;
    }
    return null;
  }
}

class FakeContext {
  readonly workbook: FakeWorkbook;
  constructor(private readonly host: FakeHost) {
    this.workbook = new FakeWorkbook(host);
  }
  sync(): Promise<void> {
    return this.host.sync();
  }
}

class Collection<T> {
  private loaded = false;
  constructor(
    protected readonly host: FakeHost,
    private readonly list: () => T[],
  ) {}
  load(): this {
    this.host.queueLoad(() => (this.loaded = true));
    return this;
  }
  get items(): T[] {
    if (!this.loaded) throw new NotLoaded('items');
    return this.list();
  }
}

/** A value a method returns (OfficeExtension.ClientResult): readable after the next sync. */
class ClientResult<T> {
  private ready = false;
  private v!: T;
  constructor(host: FakeHost, get: () => T) {
    host.queueLoad(() => {
      this.v = get();
      this.ready = true;
    });
  }
  get value(): T {
    if (!this.ready) throw new NotLoaded('value');
    return this.v;
  }
}

export class FakeXmlPart {
  deleted = false;
  constructor(
    private readonly host: FakeHost,
    readonly id: string,
    public xml: string,
  ) {}
  get namespaceUri(): string {
    return this.xml.match(/^\s*(?:<\?xml[^>]*\?>\s*)?<[\w:.-]+[^>]*?\sxmlns="([^"]*)"/)?.[1] ?? '';
  }
  getXml(): ClientResult<string> {
    return new ClientResult(this.host, () => this.xml);
  }
  setXml(xml: string): void {
    if (!this.host.live()) return;
    if (!wellFormed(xml)) return this.host.fail('InvalidArgument', 'the XML is not well-formed');
    this.xml = xml;
  }
  delete(): void {
    if (!this.host.live()) return;
    const i = this.host.xmlParts.indexOf(this);
    if (i >= 0) this.host.xmlParts.splice(i, 1);
    this.deleted = true;
  }
}

/** Well-formed enough: one root element, every opened tag closed in order. */
function wellFormed(xml: string): boolean {
  const text = xml.replace(/^\s*<\?xml[^>]*\?>/, '').trim();
  if (!text.startsWith('<')) return false;
  const stack: string[] = [];
  let roots = 0;
  for (const m of text.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g)) {
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else {
      if (!stack.length) roots++;
      if (!m[4]) stack.push(m[2]);
    }
  }
  const stripped = text.replace(/<[^>]*>/g, '');
  return roots === 1 && stack.length === 0 && !/[<>]/.test(stripped);
}

class FakeXmlParts extends Collection<FakeXmlPart> {
  constructor(private readonly h: FakeHost) {
    super(h, () => h.xmlParts);
  }
  add(xml: string): FakeXmlPart {
    const part = new FakeXmlPart(this.h, this.h.newPartId(), xml);
    if (!this.h.live()) return part;
    if (!wellFormed(xml)) {
      this.h.fail('InvalidArgument', 'the XML is not well-formed');
      return part;
    }
    this.h.xmlParts.push(part);
    return part;
  }
  getByNamespace(ns: string): Collection<FakeXmlPart> {
    return new Collection(this.h, () => this.h.xmlParts.filter((p) => p.namespaceUri === ns));
  }
}

class FakeTables extends Collection<FakeTable> {
  constructor(private readonly h: FakeHost) {
    super(h, () => h.tables);
  }
  getItem(name: string): FakeTable {
    const t = this.h.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t) {
      this.h.fail('ItemNotFound', `no table named ${name}`);
      return new FakeTable(this.h, this.h.sheets[0], 0, 0, 1, 1);
    }
    return t;
  }
}

class FakeWorkbook {
  /** ExcelApi 1.1: `calculate(Excel.CalculationType.full)` recomputes every formula (recorded in host.calculations). */
  readonly application: { calculate: (type: string) => void };
  readonly worksheets: FakeWorksheets;
  readonly tables: FakeTables;
  private readonly parts: FakeXmlParts;
  constructor(private readonly host: FakeHost) {
    this.worksheets = new FakeWorksheets(host);
    this.tables = new FakeTables(host);
    this.parts = new FakeXmlParts(host);
    this.application = {
      calculate: (type: string) => {
        host.uses('Excel.Application.calculate');
        if (!host.live()) return;
        if (!Object.values(FakeExcelNamespace.CalculationType).includes(type))
          return host.fail('InvalidArgument', `calculate: not a CalculationType: ${type}`);
        host.hf.rebuildAndRecalculate();
        host.formulaText.clear();
        host.calculations.push(type);
      },
    };
  }
  get customXmlParts(): FakeXmlParts {
    this.host.uses('Excel.Workbook.customXmlParts');
    return this.parts;
  }
  getSelectedRange(): FakeRange {
    const s = this.host.selection;
    return new FakeRange(this.host, this.host.sheet(s.sheet), s.row, s.col, s.rows, s.cols);
  }
  getActiveCell(): FakeRange {
    this.host.uses('Excel.Workbook.getActiveCell');
    const s = this.host.selection;
    return new FakeRange(this.host, this.host.sheet(s.sheet), s.row, s.col, 1, 1);
  }
}

class FakeWorksheets extends Collection<FakeWorksheet> {
  constructor(private readonly h: FakeHost) {
    super(h, () => h.sheets);
  }
  add(name: string): FakeWorksheet {
    const bad = badSheetName(name);
    const taken = this.h.sheets.some((s) => s.name.toLowerCase() === String(name).toLowerCase());
    if (!this.h.live() || bad || taken) {
      if (bad) this.h.fail('InvalidArgument', bad);
      else if (taken) this.h.fail('ItemAlreadyExists', `a sheet named ${name} exists`);
      return FakeWorksheet.detached(this.h, String(name));
    }
    const s = new FakeWorksheet(this.h, name);
    this.h.sheets.push(s);
    return s;
  }
  private find(key: string): FakeWorksheet | undefined {
    return this.h.sheets.find((s) => s.sheetId === key || s.name.toLowerCase() === key.toLowerCase());
  }
  /** By name or id; ItemNotFound (at sync) when there is none. */
  getItem(key: string): FakeWorksheet {
    const s = this.find(key);
    if (s) return s;
    this.h.fail('ItemNotFound', `no worksheet ${key}`);
    return FakeWorksheet.detached(this.h, key);
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    this.h.uses('Excel.WorksheetCollection.getItemOrNullObject');
    return this.find(key) ?? FakeWorksheet.detached(this.h, key, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return this.h.active;
  }
}

export class FakeWorksheet {
  /** HyperFormula's id of the sheet behind it (-1 for a sheet that is not there, or no longer: deleted). */
  hfId: number;
  /** Excel's Worksheet.id: a GUID string that survives a rename. */
  readonly sheetId: string;
  private _name: string;
  readonly format = new Map<string, CellFormat>();
  readonly rules: Rule[] = [];
  readonly merged: Area[] = [];
  readonly widths = new Map<number, number>();
  /** Columns (zero-based) hidden through Range.columnHidden. */
  readonly hiddenColumns = new Set<number>();
  frozen: { rows: number; cols: number } | null = null;
  /** What the page layout (ExcelApi 1.9) was set to through the API. */
  readonly print: PrintSetup = { footers: {} };
  /** The charts added through the API. */
  readonly chartList: FakeChart[] = [];
  readonly tables: { add: (address: string, hasHeaders: boolean) => FakeTable };
  readonly freezePanes: { freezeAt: (r: FakeRange) => void };
  private nullLoaded = false;

  constructor(
    private readonly host: FakeHost,
    name: string,
    private readonly detachedNull: boolean | null = null,
  ) {
    this._name = name;
    this.sheetId = host.newSheetId();
    if (detachedNull === null) {
      const existing = host.hf.getSheetId(name);
      this.hfId = existing ?? (host.hf.getSheetId(host.hf.addSheet(name)) as number);
      host.formulaText.clear();
    } else this.hfId = -1;
    this.tables = {
      add: (address: string) => {
        const a = parseAddress(address);
        const t = new FakeTable(host, this, a.row, a.col, a.rows, a.cols);
        if (!host.live() || this.hfId < 0) return t;
        if (host.tables.some((x) => x.sheet === this && overlaps(x.area(), a))) {
          host.fail('InvalidArgument', 'a table cannot overlap another table');
          return t;
        }
        if (this.merged.some((m) => overlaps(m, a))) {
          host.fail('InvalidArgument', 'a table cannot overlap a range that contains merged cells');
          return t;
        }
        let n = host.tables.length + 1;
        while (host.tables.some((x) => x.name.toLowerCase() === `table${n}`)) n++;
        t.name = `Table${n}`;
        host.tables.push(t);
        return t;
      },
    };
    this.freezePanes = {
      freezeAt: (r) => {
        host.uses('Excel.WorksheetFreezePanes.freezeAt');
        if (host.live()) this.frozen = { rows: r.rowIndexRaw + r.rowCountRaw, cols: r.columnIndexRaw + r.columnCountRaw };
      },
    };
  }

  /** A proxy for a sheet that is not there (after a failed add or getItem, or a null object). */
  static detached(host: FakeHost, name: string, isNull = false): FakeWorksheet {
    return new FakeWorksheet(host, name, isNull);
  }

  get id(): string {
    return this.sheetId;
  }
  get name(): string {
    return this._name;
  }
  /** Renaming through the API: Excel's name rules, at sync. */
  set name(v: string) {
    if (!this.host.live()) return;
    const bad = badSheetName(v);
    if (bad) this.host.fail('InvalidArgument', bad);
    else if (this.host.sheets.some((s) => s !== this && s.name.toLowerCase() === v.toLowerCase()))
      this.host.fail('ItemAlreadyExists', `a sheet named ${v} exists`);
    else this.rename(v);
  }
  rename(v: string): void {
    this.host.hf.renameSheet(this.hfId, v);
    this.host.formulaText.clear();
    this._name = v;
  }
  get isNullObject(): boolean {
    if (!this.nullLoaded) throw new NotLoaded('isNullObject');
    return this.detachedNull === true;
  }

  load(): this {
    this.host.queueLoad(() => (this.nullLoaded = true));
    return this;
  }
  /**
   * ExcelApi 1.1: the sheet goes, with its tables, rules and charts; Excel refuses to delete a workbook's only sheet.
   * Another sheet becomes active if this one was.
   */
  delete(): void {
    const host = this.host;
    host.uses('Excel.Worksheet.delete');
    if (!host.live() || this.hfId < 0) return;
    if (host.sheets.length === 1) return host.fail('InvalidOperation', 'a workbook must keep at least one sheet');
    host.sheets.splice(host.sheets.indexOf(this), 1);
    for (let i = host.tables.length - 1; i >= 0; i--) if (host.tables[i].sheet === this) host.tables.splice(i, 1);
    host.hf.removeSheet(this.hfId);
    host.formulaText.clear();
    this.hfId = -1;
    if (host.active === this) host.activate(host.sheets[0].name);
  }
  activate(): void {
    if (this.host.live() && this.hfId >= 0) this.host.active = this;
  }
  /** ExcelApi 1.9: orientation, zoom, print title rows and footers (every member of PageLayout used is 1.9). */
  get pageLayout(): unknown {
    const host = this.host;
    host.uses('Excel.Worksheet.pageLayout');
    const print = this.print;
    const set = (f: () => void): void => {
      if (host.live() && this.hfId >= 0) f();
    };
    const footer = (key: 'left' | 'center' | 'right') => ({
      set(v: string) {
        host.uses(`Excel.HeaderFooter.${key}Footer`);
        set(() => (print.footers[key] = v));
      },
      get() {
        return print.footers[key] ?? '';
      },
    });
    const group = {};
    Object.defineProperties(group, { leftFooter: footer('left'), centerFooter: footer('center'), rightFooter: footer('right') });
    return {
      set orientation(v: string) {
        host.uses('Excel.PageLayout.orientation');
        set(() => (print.orientation = v));
      },
      set zoom(v: PrintSetup['zoom']) {
        host.uses('Excel.PageLayout.zoom');
        set(() => (print.zoom = v));
      },
      setPrintTitleRows(rows: string) {
        host.uses('Excel.PageLayout.setPrintTitleRows');
        set(() => (print.titleRows = rows));
      },
      headersFooters: { defaultForAllPages: group },
    };
  }
  /** ExcelApi 1.1; a category axis's names need 1.7. */
  get charts(): { add: (type: string, source: FakeRange, seriesBy: string) => unknown } {
    const host = this.host;
    host.uses('Excel.Worksheet.charts');
    return {
      add: (type, source, seriesBy) => {
        host.uses('Excel.ChartCollection.add');
        const chart: FakeChart = { type, source: source.addressRaw, seriesBy, title: '', categories: '', position: '' };
        if (host.live() && this.hfId >= 0) this.chartList.push(chart);
        return {
          title: {
            set text(v: string) {
              chart.title = v;
            },
          },
          axes: {
            categoryAxis: {
              setCategoryNames: (r: FakeRange) => {
                host.uses('Excel.ChartAxis.setCategoryNames');
                chart.categories = r.addressRaw;
              },
            },
          },
          setPosition: (from: FakeRange, to: FakeRange) => {
            host.uses('Excel.Chart.setPosition');
            chart.position = `${from.addressRaw}:${to.addressRaw}`;
          },
        };
      },
    };
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.host.uses('Excel.Worksheet.getRangeByIndexes');
    return new FakeRange(this.host, this, row, col, rows, cols);
  }
  getRange(address: string): FakeRange {
    const a = parseAddress(address);
    return new FakeRange(this.host, this, a.row, a.col, a.rows, a.cols);
  }
  /**
   * Content typed, pasted or written to `values` / `formulas`: a string is read as Excel reads what is typed
   * (`asTyped`), unless the cell's number format is text ("@"), which keeps it as it is.
   */
  setContent(row: number, col: number, content: Raw): void {
    this.setBlock(row, col, [[content]]);
  }
  /** setContent for a block of cells (a range written at once), in one call to the engine, which then recalculates once. */
  setBlock(row: number, col: number, contents: Raw[][]): void {
    if (!contents.length) return;
    const cells = contents.map((r, i) =>
      r.map((content, j) => {
        const text = typeof content === 'string' && this.format.get(`${row + i},${col + j}`)?.numberFormat === '@';
        // A leading apostrophe is the cell's quote prefix, in a text cell as in any other: the rest is the text.
        const kept = text && (content as string).startsWith("'") ? (content as string).slice(1) : content;
        return stored(typeof kept === 'string' && !text ? asTyped(kept) : kept, text);
      }),
    );
    this.host.hf.setCellContents({ sheet: this.hfId, row, col }, cells);
    contents.forEach((r, i) => r.forEach((_c, j) => this.host.formulaText.delete(`${this.hfId},${row + i},${col + j}`)));
  }
  /** Content as stored: a string starting with "=" is a formula unless `text` (a text-format cell), any other string text. */
  store(row: number, col: number, content: Raw, text = false): void {
    this.host.hf.setCellContents({ sheet: this.hfId, row, col }, [[stored(content, text)]]);
    this.host.formulaText.delete(`${this.hfId},${row},${col}`);
  }
  formula(row: number, col: number): Raw {
    const key = `${this.hfId},${row},${col}`;
    const known = this.host.formulaText.get(key);
    if (known !== undefined) return known;
    const addr = { sheet: this.hfId, row, col };
    let out: Raw;
    if (this.host.hf.doesCellHaveFormula(addr)) out = this.host.hf.getCellFormula(addr) ?? '';
    else {
      const v = this.host.hf.getCellSerialized(addr);
      if (typeof v === 'string' && v.startsWith("'"))
        out = v.slice(1); // HyperFormula's mark for text
      else out = v === null || v === undefined ? '' : (v as Raw);
    }
    this.host.formulaText.set(key, out);
    return out;
  }
  value(row: number, col: number): Raw {
    const v = this.host.hf.getCellValue({ sheet: this.hfId, row, col });
    if (v instanceof DetailedCellError) return v.value;
    return v === null || v === undefined ? '' : (v as Raw);
  }
  cellFormat(row: number, col: number): CellFormat {
    const k = `${row},${col}`;
    let f = this.format.get(k);
    if (!f) {
      f = {};
      this.format.set(k, f);
    }
    return f;
  }
  /** Formats, merged areas and rules follow rows inserted (count > 0) or deleted (count < 0) at `at`. */
  shiftRows(at: number, count: number): void {
    const moved = new Map<string, CellFormat>();
    for (const [k, f] of this.format) {
      const [r, c] = k.split(',').map(Number);
      if (r < at) moved.set(k, f);
      else if (count < 0 && r < at - count) continue;
      else moved.set(`${r + count},${c}`, f);
    }
    this.format.clear();
    for (const [k, f] of moved) this.format.set(k, f);
    for (const m of this.merged) if (m.row >= at) m.row += count;
    for (const r of this.rules) {
      if (r.top >= at) r.top += count;
      else if (r.top + r.rows > at) r.rows += count;
    }
  }
}

export class FakeTable {
  name = 'Table';
  style = '';
  readonly rows: { add: (index: number | undefined, values: Raw[][]) => void };
  constructor(
    private readonly host: FakeHost,
    /** The table's sheet, for the fake itself and the tests (the API's `worksheet` below has a level). */
    readonly sheet: FakeWorksheet,
    public top: number,
    readonly left: number,
    public height: number,
    readonly width: number,
  ) {
    let name = 'Table';
    Object.defineProperty(this, 'name', {
      get: () => name,
      set: (v: string) => {
        if (!host.live()) return;
        if (host.tables.some((t) => t !== this && t.name.toLowerCase() === v.toLowerCase()))
          return host.fail('ItemAlreadyExists', `a table named ${v} exists`);
        if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v) || v.length > 255) return host.fail('InvalidArgument', `bad table name ${v}`);
        name = v;
      },
    });
    this.rows = {
      // Like Excel, a new row takes the cells right under the table; the adapter checks they are free first.
      add: (_index, values) => {
        const member = 'Excel.TableRowCollection.add';
        if (values.length > 1) host.uses(member, conditionLevel(member, 'multiple rows'), `${member} with several rows`);
        else host.uses('Excel.TableRowCollection.add');
        if (!host.live()) return;
        if (values.some((r) => r.length !== this.width)) return host.fail('InvalidArgument', 'the row does not match the table width');
        const start = this.top + this.height;
        this.sheet.setBlock(start, this.left, values);
        this.height += values.length;
      },
    };
  }
  /** ExcelApi 1.2. */
  get worksheet(): FakeWorksheet {
    this.host.uses('Excel.Table.worksheet');
    return this.sheet;
  }
  area(): Area {
    return { row: this.top, col: this.left, rows: this.height, cols: this.width };
  }
  getRange(): FakeRange {
    return new FakeRange(this.host, this.sheet, this.top, this.left, this.height, this.width);
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.host, this.sheet, this.top, this.left, 1, this.width);
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.host, this.sheet, this.top + 1, this.left, this.height - 1, this.width);
  }
  convertToRange(): void {
    if (!this.host.live()) return;
    const i = this.host.tables.indexOf(this);
    if (i >= 0) this.host.tables.splice(i, 1);
  }
}

/** The merged areas of a range (Excel.RangeAreas), or a null object when there are none. */
class FakeMergedAreas {
  private loaded = false;
  constructor(
    host: FakeHost,
    private readonly areas: Area[],
  ) {
    host.queueLoad(() => (this.loaded = true));
  }
  load(): this {
    return this;
  }
  get isNullObject(): boolean {
    if (!this.loaded) throw new NotLoaded('isNullObject');
    return this.areas.length === 0;
  }
  get address(): string {
    if (!this.loaded) throw new NotLoaded('address');
    if (!this.areas.length) throw new FakeOfficeError('InvalidObjectPath', 'null object');
    return this.areas.map(areaAddress).join(', ');
  }
}

export class FakeRange {
  private loadedProps = new Set<string>();
  readonly format: {
    fill: { color: string; pattern: string | null; load: (p: string | string[]) => unknown; clear: () => void };
    font: { bold: boolean; size: number; color: string };
    columnWidth: number;
    wrapText: boolean;
  };
  readonly conditionalFormats: {
    add: (type: string) => { custom: { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } } };
  };

  constructor(
    private readonly host: FakeHost,
    private readonly sheet: FakeWorksheet,
    private readonly row: number,
    private readonly col: number,
    private readonly nRows: number,
    private readonly nCols: number,
  ) {
    const each = (f: (fmt: CellFormat) => void): void => {
      if (!host.live()) return;
      for (let r = 0; r < nRows; r++) for (let c = 0; c < nCols; c++) f(sheet.cellFormat(row + r, col + c));
    };
    const fills = (): (string | undefined)[] => {
      const out: (string | undefined)[] = [];
      for (let r = 0; r < nRows; r++) for (let c = 0; c < nCols; c++) out.push(sheet.format.get(`${row + r},${col + c}`)?.fill);
      return out;
    };
    const uniform = <T>(xs: T[]): T | null => (xs.every((x) => x === xs[0]) ? xs[0] : null);
    const fillLoaded = new Set<string>();
    const font = { bold: false, size: 11, color: '' };
    this.format = {
      fill: {
        set color(v: string) {
          each((f) => (f.fill = v.toUpperCase()));
        },
        /** Excel: #FFFFFF for no fill, null when the cells differ. */
        get color(): string {
          if (!fillLoaded.has('color')) throw new NotLoaded('format/fill/color');
          const u = uniform(fills());
          return (u === null ? null : (u ?? '#FFFFFF')) as string;
        },
        set pattern(v: string | null) {
          host.uses('Excel.RangeFill.pattern');
          if (v === 'None') each((f) => delete f.fill);
        },
        /** Excel: None for no fill, Solid for a colour, null when the cells differ. */
        get pattern(): string | null {
          if (!fillLoaded.has('pattern')) throw new NotLoaded('format/fill/pattern');
          return uniform(fills().map((x) => (x ? 'Solid' : 'None')));
        },
        load: (p: string | string[]) => {
          const list = Array.isArray(p) ? p : p.split(',').map((x) => x.trim());
          if (list.includes('pattern')) host.uses('Excel.RangeFill.pattern');
          host.queueLoad(() => list.forEach((x) => fillLoaded.add(x)));
          return this.format.fill;
        },
        clear: () => each((f) => delete f.fill),
      },
      font: {
        set bold(v: boolean) {
          each((f) => (f.bold = v));
        },
        get bold() {
          return font.bold;
        },
        size: 11,
        set color(v: string) {
          each((f) => (f.fontColor = v));
        },
        get color() {
          return font.color;
        },
      },
      set columnWidth(w: number) {
        host.uses('Excel.RangeFormat.columnWidth');
        if (host.live()) for (let c = 0; c < nCols; c++) sheet.widths.set(col + c, w);
      },
      get columnWidth() {
        return 0;
      },
      wrapText: false,
    };
    this.conditionalFormats = {
      add: () => {
        host.uses('Excel.ConditionalFormatCollection.add');
        const rule: Rule = { top: row, left: col, rows: nRows, cols: nCols, formula: '', fill: '' };
        if (host.live()) sheet.rules.push(rule);
        return {
          custom: {
            rule: {
              set formula(f: string) {
                rule.formula = f;
              },
              get formula() {
                return rule.formula;
              },
            },
            format: {
              fill: {
                set color(c: string) {
                  rule.fill = c;
                },
                get color() {
                  return rule.fill;
                },
              },
              font: { color: '' },
            },
          },
        };
      },
    };
  }

  /** Excel hides the whole columns the range spans (ExcelApi 1.2). */
  set columnHidden(v: boolean) {
    this.host.uses('Excel.Range.columnHidden');
    if (!this.host.live()) return;
    for (let c = 0; c < this.nCols; c++) {
      if (v) this.sheet.hiddenColumns.add(this.col + c);
      else this.sheet.hiddenColumns.delete(this.col + c);
    }
  }
  get columnHidden(): boolean {
    return Array.from({ length: this.nCols }, (_x, c) => this.sheet.hiddenColumns.has(this.col + c)).every(Boolean);
  }

  /** The A1 address without a load, for the fake's own records. */
  get addressRaw(): string {
    return areaAddress({ row: this.row, col: this.col, rows: this.nRows, cols: this.nCols });
  }
  get rowIndexRaw(): number {
    return this.row;
  }
  get columnIndexRaw(): number {
    return this.col;
  }
  get columnCountRaw(): number {
    return this.nCols;
  }
  get rowCountRaw(): number {
    return this.nRows;
  }

  load(props: string | string[]): this {
    const list = Array.isArray(props) ? props : props.split(',').map((p) => p.trim());
    this.host.queueLoad(() => list.forEach((p) => this.loadedProps.add(p)));
    return this;
  }

  private need(p: string): void {
    if (!this.loadedProps.has(p)) throw new NotLoaded(p);
  }

  private grid<T>(f: (r: number, c: number) => T): T[][] {
    return Array.from({ length: this.nRows }, (_r, i) => Array.from({ length: this.nCols }, (_c, j) => f(this.row + i, this.col + j)));
  }

  /** Excel's rule for writing a 2-D array: exactly the range's size, or a single value for every cell. */
  private write(v: Raw[][] | Raw, what: string): void {
    if (!this.host.live()) return;
    if (this.sheet.hfId < 0) return;
    if (!Array.isArray(v)) {
      this.sheet.setBlock(
        this.row,
        this.col,
        Array.from({ length: this.nRows }, () => Array<Raw>(this.nCols).fill(v)),
      );
      return;
    }
    if (v.length !== this.nRows || v.some((r) => !Array.isArray(r) || r.length !== this.nCols)) {
      return this.host.fail(
        'InvalidArgument',
        `${what}: the number of rows or columns in the input array doesn't match the size or dimensions of the range (${this.nRows}×${this.nCols})`,
      );
    }
    // null in a 2-D array leaves that cell as it is (Office JS: "null input in 2-D array").
    if (v.every((row) => row.every((x) => x !== null))) this.sheet.setBlock(this.row, this.col, v);
    else
      this.host.oneOperation(() =>
        v.forEach((row, i) => row.forEach((x, j) => x !== null && this.sheet.setContent(this.row + i, this.col + j, x))),
      );
  }

  get values(): Raw[][] {
    this.need('values');
    return this.grid((r, c) => this.sheet.value(r, c));
  }
  set values(v: Raw[][]) {
    this.write(v, 'values');
  }
  get formulas(): Raw[][] {
    this.need('formulas');
    return this.grid((r, c) => this.sheet.formula(r, c));
  }
  set formulas(v: Raw[][]) {
    this.write(v, 'formulas');
  }
  set numberFormat(v: string[][]) {
    if (!this.host.live()) return;
    if (v.length !== this.nRows || v.some((r) => r.length !== this.nCols)) {
      this.host.fail('InvalidArgument', "numberFormat: the input array doesn't match the size of the range");
      return;
    }
    v.forEach((row, i) => row.forEach((x, j) => (this.sheet.cellFormat(this.row + i, this.col + j).numberFormat = x)));
  }
  get address(): string {
    this.need('address');
    const name = /^[A-Za-z0-9_\u4e00-\u9fff]+$/.test(this.sheet.name) ? this.sheet.name : `'${this.sheet.name.replace(/'/g, "''")}'`;
    return `${name}!${areaAddress({ row: this.row, col: this.col, rows: this.nRows, cols: this.nCols })}`;
  }
  get rowIndex(): number {
    this.need('rowIndex');
    return this.row;
  }
  get columnIndex(): number {
    this.need('columnIndex');
    return this.col;
  }
  get columnCount(): number {
    this.need('columnCount');
    return this.nCols;
  }
  get rowCount(): number {
    this.need('rowCount');
    return this.nRows;
  }
  get worksheet(): FakeWorksheet {
    return this.sheet;
  }
  getAbsoluteResizedRange(rows: number, cols: number): FakeRange {
    this.host.uses('Excel.Range.getAbsoluteResizedRange');
    return new FakeRange(this.host, this.sheet, this.row, this.col, rows, cols);
  }
  /** ExcelApi 1.1: one cell of the range, 0-based within it. */
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.host, this.sheet, this.row + row, this.col + col, 1, 1);
  }
  /** ExcelApi 1.1: a range of the same size, moved. */
  getOffsetRange(rows: number, cols: number): FakeRange {
    if (this.row + rows < 0 || this.col + cols < 0) this.host.fail('InvalidArgument', 'The offset leaves the sheet.');
    return new FakeRange(this.host, this.sheet, Math.max(0, this.row + rows), Math.max(0, this.col + cols), this.nRows, this.nCols);
  }
  /** ExcelApi 1.1: the smallest range holding both. */
  getBoundingRect(other: FakeRange): FakeRange {
    const top = Math.min(this.row, other.row);
    const left = Math.min(this.col, other.col);
    const bottom = Math.max(this.row + this.nRows, other.row + other.nRows);
    const right = Math.max(this.col + this.nCols, other.col + other.nCols);
    return new FakeRange(this.host, this.sheet, top, left, bottom - top, right - left);
  }
  getRowsBelow(count = 1): FakeRange {
    this.host.uses('Excel.Range.getRowsBelow');
    return new FakeRange(this.host, this.sheet, this.row + this.nRows, this.col, count, this.nCols);
  }
  /** ExcelApi 1.13. */
  getMergedAreasOrNullObject(): FakeMergedAreas {
    this.host.uses('Excel.Range.getMergedAreasOrNullObject');
    const me = { row: this.row, col: this.col, rows: this.nRows, cols: this.nCols };
    return new FakeMergedAreas(
      this.host,
      this.sheet.merged.filter((m) => overlaps(m, me)),
    );
  }
  /** ExcelApi 1.9: the tables that overlap the range (or lie wholly inside it when `fullyContained`). */
  getTables(fullyContained = false): Collection<FakeTable> {
    this.host.uses('Excel.Range.getTables');
    const me = { row: this.row, col: this.col, rows: this.nRows, cols: this.nCols };
    return new Collection(this.host, () =>
      this.host.tables.filter((t) => {
        if (t.sheet !== this.sheet) return false;
        const a = t.area();
        return fullyContained
          ? a.row >= me.row && a.col >= me.col && a.row + a.rows <= me.row + me.rows && a.col + a.cols <= me.col + me.cols
          : overlaps(a, me);
      }),
    );
  }
}

/** The Excel namespace values the adapter reads (enums). */
export const FakeExcelNamespace = {
  ConditionalFormatType: { custom: 'Custom' },
  CalculationType: { recalculate: 'Recalculate', full: 'Full', fullRebuild: 'FullRebuild' },
};
