/**
 * A fake Excel host for tests: the slice of Excel's API the adapter uses, backed by HyperFormula (with the PLAN
 * functions registered) so formulas compute and conditional-format rules can be evaluated. It behaves like
 * Office where it matters for correctness: a property read before load + sync throws, and sync calls are counted.
 * Used by jest (node) and, bundled, by the end-to-end page in Chromium.
 */
import { DetailedCellError, type HyperFormula } from 'hyperformula';
import { colLetter } from '../../src/core/layout';
import { createEngine } from '../../src/hyperformula/engine';

type Raw = string | number | boolean | null;

const colName = colLetter;

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

export class FakeHost {
  readonly hf: HyperFormula;
  syncs = 0;
  readonly sheets: FakeWorksheet[] = [];
  readonly tables: FakeTable[] = [];
  active: FakeWorksheet;
  selection = { sheet: '', row: 0, col: 0, rows: 1, cols: 1 };
  private pending: (() => void)[] = [];

  constructor() {
    this.hf = createEngine({ Sheet1: [[]] });
    this.active = new FakeWorksheet(this, 'Sheet1');
    this.sheets.push(this.active);
    this.selection.sheet = 'Sheet1';
  }

  queueLoad(f: () => void): void {
    this.pending.push(f);
  }

  async sync(): Promise<void> {
    this.syncs++;
    const p = this.pending;
    this.pending = [];
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

  /** Excel.run over this host. */
  run = async <T>(batch: (context: never) => Promise<T>): Promise<T> => batch(this.context() as never);

  /** What a person does: type into a cell. */
  type(sheet: string, address: string, content: Raw): void {
    const s = this.sheet(sheet);
    const { row, col } = parseAddress(address);
    s.setContent(row, col, content);
  }

  /** The fill a conditional-format rule gives the cell now, or null when no rule holds. */
  flag(sheet: string, address: string): string | null {
    const s = this.sheet(sheet);
    const { row, col } = parseAddress(address);
    for (const r of s.rules) {
      if (row < r.top || row >= r.top + r.rows || col < r.left || col >= r.left + r.cols) continue;
      const f = shiftFormula(r.formula.replace(/^=/, ''), row - r.top, col - r.left);
      const v = this.hf.calculateFormula(`=${f}`, s.id);
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
    private readonly host: FakeHost,
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

class FakeWorkbook {
  readonly worksheets: FakeWorksheets;
  readonly tables: Collection<FakeTable>;
  constructor(private readonly host: FakeHost) {
    this.worksheets = new FakeWorksheets(host);
    this.tables = new Collection(host, () => host.tables);
  }
  getSelectedRange(): FakeRange {
    const s = this.host.selection;
    return new FakeRange(this.host, this.host.sheet(s.sheet), s.row, s.col, s.rows, s.cols);
  }
  getActiveCell(): FakeRange {
    const s = this.host.selection;
    return new FakeRange(this.host, this.host.sheet(s.sheet), s.row, s.col, 1, 1);
  }
}

class FakeWorksheets extends Collection<FakeWorksheet> {
  constructor(private readonly h: FakeHost) {
    super(h, () => h.sheets);
  }
  add(name: string): FakeWorksheet {
    if (this.h.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: sheet ${name}`);
    const s = new FakeWorksheet(this.h, name);
    this.h.sheets.push(s);
    return s;
  }
  getActiveWorksheet(): FakeWorksheet {
    return this.h.active;
  }
}

export class FakeWorksheet {
  readonly id: number;
  readonly format = new Map<string, CellFormat>();
  readonly rules: Rule[] = [];
  readonly widths = new Map<number, number>();
  frozen: { rows: number; cols: number } | null = null;
  readonly tables: { add: (address: string, hasHeaders: boolean) => FakeTable };
  readonly freezePanes: { freezeAt: (r: FakeRange) => void };

  constructor(
    private readonly host: FakeHost,
    readonly name: string,
  ) {
    const existing = host.hf.getSheetId(name);
    this.id = existing ?? (host.hf.getSheetId(host.hf.addSheet(name)) as number);
    this.tables = {
      add: (address: string) => {
        const a = parseAddress(address);
        for (const t of host.tables) {
          if (
            t.worksheet === this &&
            t.top < a.row + a.rows &&
            a.row < t.top + t.height &&
            t.left < a.col + a.cols &&
            a.col < t.left + t.width
          ) {
            throw new Error('InvalidArgument: tables cannot overlap');
          }
        }
        const t = new FakeTable(host, this, a.row, a.col, a.rows, a.cols);
        host.tables.push(t);
        return t;
      },
    };
    this.freezePanes = { freezeAt: (r) => (this.frozen = { rows: r.rowIndexRaw + r.rowCount, cols: r.columnIndexRaw + r.columnCountRaw }) };
  }

  load(): this {
    return this;
  }
  activate(): void {
    this.host.active = this;
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.host, this, row, col, rows, cols);
  }
  getRange(address: string): FakeRange {
    const a = parseAddress(address);
    return new FakeRange(this.host, this, a.row, a.col, a.rows, a.cols);
  }
  setContent(row: number, col: number, content: Raw): void {
    this.host.hf.setCellContents({ sheet: this.id, row, col }, [[content === '' ? null : content]]);
  }
  formula(row: number, col: number): Raw {
    const addr = { sheet: this.id, row, col };
    if (this.host.hf.doesCellHaveFormula(addr)) return this.host.hf.getCellFormula(addr) ?? '';
    const v = this.host.hf.getCellSerialized(addr);
    return v === null || v === undefined ? '' : (v as Raw);
  }
  value(row: number, col: number): Raw {
    const v = this.host.hf.getCellValue({ sheet: this.id, row, col });
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
}

export class FakeTable {
  name = 'Table';
  style = '';
  readonly rows: { add: (index: number | undefined, values: Raw[][]) => void };
  constructor(
    private readonly host: FakeHost,
    readonly worksheet: FakeWorksheet,
    readonly top: number,
    readonly left: number,
    public height: number,
    readonly width: number,
  ) {
    this.rows = {
      add: (_index, values) => {
        const start = this.top + this.height;
        values.forEach((r, i) => r.forEach((v, j) => this.worksheet.setContent(start + i, this.left + j, v)));
        this.height += values.length;
      },
    };
  }
  getHeaderRowRange(): FakeRange {
    return new FakeRange(this.host, this.worksheet, this.top, this.left, 1, this.width);
  }
  getDataBodyRange(): FakeRange {
    return new FakeRange(this.host, this.worksheet, this.top + 1, this.left, this.height - 1, this.width);
  }
}

export class FakeRange {
  private loadedProps = new Set<string>();
  readonly format: {
    fill: { color: string };
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
      for (let r = 0; r < nRows; r++) for (let c = 0; c < nCols; c++) f(sheet.cellFormat(row + r, col + c));
    };
    const font = { bold: false, size: 11, color: '' };
    this.format = {
      fill: {
        set color(v: string) {
          each((f) => (f.fill = v));
        },
        get color() {
          return '';
        },
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
        for (let c = 0; c < nCols; c++) sheet.widths.set(col + c, w);
      },
      get columnWidth() {
        return 0;
      },
      wrapText: false,
    };
    this.conditionalFormats = {
      add: () => {
        const rule: Rule = { top: row, left: col, rows: nRows, cols: nCols, formula: '', fill: '' };
        sheet.rules.push(rule);
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

  get rowIndexRaw(): number {
    return this.row;
  }
  get columnIndexRaw(): number {
    return this.col;
  }
  get columnCountRaw(): number {
    return this.nCols;
  }
  get rowCount(): number {
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

  get values(): Raw[][] {
    this.need('values');
    return this.grid((r, c) => this.sheet.value(r, c));
  }
  set values(v: Raw[][]) {
    v.forEach((row, i) => row.forEach((x, j) => this.sheet.setContent(this.row + i, this.col + j, x)));
  }
  get formulas(): Raw[][] {
    this.need('formulas');
    return this.grid((r, c) => this.sheet.formula(r, c));
  }
  set formulas(v: Raw[][]) {
    this.values = v;
  }
  set numberFormat(v: string[][]) {
    v.forEach((row, i) => row.forEach((x, j) => (this.sheet.cellFormat(this.row + i, this.col + j).numberFormat = x)));
  }
  get address(): string {
    this.need('address');
    const a = `${colName(this.col)}${this.row + 1}`;
    const b = `${colName(this.col + this.nCols - 1)}${this.row + this.nRows}`;
    return `${this.sheet.name}!${a === b ? a : `${a}:${b}`}`;
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
  getAbsoluteResizedRange(rows: number, cols: number): FakeRange {
    return new FakeRange(this.host, this.sheet, this.row, this.col, rows, cols);
  }
}

/** The Excel namespace values the adapter reads (enums). */
export const FakeExcelNamespace = { ConditionalFormatType: { custom: 'Custom' } };
