/**
 * The part of WPS 表格's ET object model (WPS加载项 JSAPI) this adapter uses, typed as it behaves at run time.
 *
 * The published `wps-jsapi` typings (devDependency) are generated from the COM type library: methods that return
 * an object are declared `void` with an `RHS` out-parameter (`Range(Cell1, Cell2, RHS): void`), and `Value2`,
 * `Formula` and `Application.Selection` are typed `number`. Code cannot call them as declared, so these
 * interfaces restate the members we use with their real shapes; test/hosts/wps/typings.test.ts checks at compile time
 * that every member named here exists, under the same name, in `wps-jsapi`'s `Et.*` interfaces.
 *
 * ET behaves like Excel's VBA model: indexes are 1-based, collections are COM-style (`Item(i)`, `Count`),
 * `Value2`/`Formula` of one cell is a scalar and of several cells a 2-D array (rows of columns), colours are
 * BGR longs (red = 0x0000FF), and every call is synchronous.
 */

/** A cell's value as ET hands it over: undefined for an empty cell. */
export type EtValue = string | number | boolean | undefined | null;

export interface EtRange {
  /** 1-based sheet row and column of the top-left cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: EtRange;
  readonly Columns: EtRange;
  readonly Count: number;
  readonly Cells: EtRange;
  readonly Worksheet: EtWorksheet;
  /** One cell's value, or rows of values for a block. */
  Value2: EtValue | EtValue[][];
  /** One cell's formula (its constant when it has none, "" when empty), or rows of them. */
  Formula: EtValue | EtValue[][];
  /** One format for every cell of the range (set a block per format). */
  NumberFormat: string;
  /** true: every cell is in a merged area; false: none is; null: some are. */
  readonly MergeCells: boolean | null;
  readonly MergeArea: EtRange;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  readonly FormatConditions: EtFormatConditions;
  ColumnWidth: number;
  WrapText: boolean;
  /** The whole columns the range spans; their Hidden hides them on screen and on paper. */
  readonly EntireColumn: EtRange;
  /** Settable on whole columns or rows only. */
  Hidden: boolean;
  /** The cell at 1-based (row, column) relative to this range. */
  Item(RowIndex: number, ColumnIndex?: number): EtRange;
  Resize(RowSize?: number, ColumnSize?: number): EtRange;
  Offset(RowOffset?: number, ColumnOffset?: number): EtRange;
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
  Select(): void;
}

export interface EtInterior {
  /** BGR long (0xBBGGRR). */
  Color: number;
  /** xlPatternNone (-4142) when the cell has no fill, xlSolid (1) for a plain colour. */
  Pattern: number;
}

export interface EtFont {
  Bold: boolean;
  Size: number;
  /** BGR long (0xBBGGRR). */
  Color: number;
}

export interface EtFormatCondition {
  readonly Formula1: string;
  readonly Type: number;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
}

export interface EtFormatConditions {
  readonly Count: number;
  Item(Index: number): EtFormatCondition;
  /** Type 2 (xlExpression) with Formula1 "=…" for a rule written as a formula. */
  Add(Type: number, Operator?: number, Formula1?: string): EtFormatCondition;
}

export interface EtListObject {
  Name: string;
  TableStyle: string;
  readonly Range: EtRange;
  readonly HeaderRowRange: EtRange;
  /** null when the table has no data rows. */
  readonly DataBodyRange: EtRange | null;
  /** New range: same header row, same top-left cell. */
  Resize(Range: EtRange): void;
}

export interface EtListObjects {
  readonly Count: number;
  Item(Index: number | string): EtListObject;
  /** SourceType 1 (xlSrcRange), Source a range, XlListObjectHasHeaders 1 (xlYes). */
  Add(SourceType: number, Source: EtRange, LinkSource?: unknown, XlListObjectHasHeaders?: number): EtListObject;
}

export interface EtWorksheet {
  Name: string;
  /** The sheet's code name: survives a rename (may be empty for a sheet added by code until the file is saved). */
  readonly CodeName: string;
  readonly Index: number;
  readonly Cells: EtRange;
  readonly ListObjects: EtListObjects;
  Range(Cell1: string | EtRange, Cell2?: string | EtRange): EtRange;
  Activate(): void;
  /** Asks the person first unless Application.DisplayAlerts is false. */
  Delete(): void;
}

export interface EtSheets {
  readonly Count: number;
  Item(Index: number | string): EtWorksheet;
  /** A new sheet before `Before` or after `After` (before the active sheet when both are omitted). */
  Add(Before?: EtWorksheet, After?: EtWorksheet, Count?: number): EtWorksheet;
}

export interface EtCustomXMLPart {
  readonly Id: string;
  readonly NamespaceURI: string;
  readonly XML: string;
  Delete(): void;
}

/** The workbook's custom XML parts (stored in the file): where the add-in writes down what it wrote. */
export interface EtCustomXMLParts {
  readonly Count: number;
  Item(Index: number): EtCustomXMLPart;
  Add(XML: string): EtCustomXMLPart;
  SelectByNamespace(NamespaceURI: string): EtCustomXMLParts;
}

export interface EtWorkbook {
  readonly Worksheets: EtSheets;
  readonly CustomXMLParts: EtCustomXMLParts;
}

export interface EtWindow {
  SplitRow: number;
  SplitColumn: number;
  FreezePanes: boolean;
}

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook;
  readonly ActiveSheet: EtWorksheet;
  readonly ActiveCell: EtRange;
  readonly ActiveWindow: EtWindow;
  /** The selected range (typed `number` in wps-jsapi; a Range when cells are selected). */
  readonly Selection: EtRange;
  /** Recalculate every formula of the open workbooks (after the plans the PLAN functions answer from changed). */
  CalculateFull?(): void;
  /** false: calls such as Worksheet.Delete do not stop to ask the person (typed `number` in wps-jsapi). */
  DisplayAlerts: boolean;
  /** The application's name, version and build, for the self-test's report (typed `string`/`number` in wps-jsapi). */
  readonly Name?: string;
  readonly Version?: string | number;
  readonly Build?: string | number;
}

/** WPS's ET Application, when this page runs inside WPS 表格 (the pane's page or the add-in's main page). */
export function findEt(w: Record<string, unknown>): EtApplication | null {
  const app = w.Application as EtApplication | undefined;
  // WPS 表格's Application has a workbook property (null while no workbook is open); 文字 and 演示 have none.
  if (app && typeof app === 'object' && (app as { ActiveWorkbook?: unknown }).ActiveWorkbook !== undefined) return app;
  const wps = w.wps as { EtApplication?: () => EtApplication } | undefined;
  if (wps && typeof wps.EtApplication === 'function') return wps.EtApplication();
  return null;
}

/** ET constants used here (XlFormatConditionType, XlListObjectSourceType, XlYesNoGuess). */
export const xlExpression = 2;
export const xlSrcRange = 1;
export const xlYes = 1;
/** XlPattern: no fill, and a plain colour. */
export const xlPatternNone = -4142;
export const xlSolid = 1;

/** An RGB hex colour ("FFC7CE") as ET's BGR long. */
export function bgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a colour: ${hex}`);
  return (parseInt(m[3], 16) << 16) | (parseInt(m[2], 16) << 8) | parseInt(m[1], 16);
}

/** ET's BGR long as "#RRGGBB". */
export function rgbHex(color: number): string {
  const h = (n: number) => n.toString(16).padStart(2, '0').toUpperCase();
  return `#${h(color & 0xff)}${h((color >> 8) & 0xff)}${h((color >> 16) & 0xff)}`;
}

/** A Value2/Formula read as rows of cells, whatever its shape (a scalar for one cell). */
export function grid(v: EtValue | EtValue[][] | EtValue[]): EtValue[][] {
  if (!Array.isArray(v)) return [[v]];
  // A host that hands one row over as a flat array: read it as that row.
  return v.every(Array.isArray) ? (v as EtValue[][]) : [v as EtValue[]];
}
