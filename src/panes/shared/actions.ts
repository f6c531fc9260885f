/**
 * The seam between a pane and the workbook: what a pane asks of its host. The React pane, the legacy pane and
 * each host's adapter (src/hosts/excel/actions.ts for Excel) meet here; nothing in this file needs React.
 */
import type { Mode } from '../../core/sheet/layout';
import type { MethodId } from '../../core/progress/methods';
import type { Refusal } from '../../core/sheet/cells';
import type { RegionActuals } from '../../core/sheet/overview';
import type { Actual } from '../../core/exchange/datapackage';
import type { ImportedPlanRecord } from '../../core/exchange/importedPlans';
import type { RecordedTable } from '../../core/sheet/diff';
import type { SelfTestReport } from './selfTest';

export interface Selection {
  /** The sheet the values were read from (marks are painted there, whichever sheet is active by then). */
  sheet: string;
  values: unknown[][];
  address: string;
  rowIndex: number;
  columnIndex: number;
}

/** One cell to colour: 0-based sheet row and column, fill RRGGBB. */
export interface MarkCell {
  row: number;
  col: number;
  fill: string;
}

export interface RefreshSummary {
  tables: number;
  /** Rows whose figures were rewritten. */
  changed: number;
  /** Cells a person edited, kept as they are (Sheet!A1); empty after `overwriteEdits`. */
  edits: string[];
  /** Tables the add-in inserted that are no longer in the workbook (renamed, converted to a range, deleted), by name. */
  missing: string[];
  /** Rows a person deleted from a table: not added back (indicator ids). */
  removed: string[];
  /** New rows not added because the cells under a table hold something (the refusal, in the pane's language). */
  blocked: string[];
}

/**
 * What the pane asks of the workbook. Every host (the Excel adapter in src/hosts/excel, a WPS adapter, the legacy pane)
 * implements the same contract, judging cells with src/core/sheet/cells.ts and recording with src/core/sheet/ledger.ts:
 * - `insertHere` and `writeFormula` write only into free cells (no value and no formula; for insertion also no
 *   merged area and no table crossing the block); otherwise they write nothing and reject with `Occupied`,
 *   carrying the refusal (which cells, areas or tables).
 * - `readSelection` returns the sheet name with the values; `markCells(selection, cells)` paints only when that
 *   block on that sheet still holds what was read (else rejects with `Refused`), saves each cell's previous fill
 *   in the workbook, and replaces earlier marks (marking twice does not stack); `clearMarks` restores the fills.
 * - `refresh` keeps cells a person edited (listed in `edits`) unless called with `{ overwriteEdits: true }`,
 *   and names the tables it expected and did not find.
 * Other rejections are Errors whose message is shown in plain words.
 */
export interface PaneActions {
  /** Insert on new sheets; resolves to a description of what was made. */
  insertNew(regions: string[], mode: Mode, method?: MethodId): Promise<string>;
  /** Insert at the selected cell; rejects with `Occupied` when the block is not free. */
  insertHere(region: string, mode: Mode, method?: MethodId): Promise<string>;
  refresh(options?: { overwriteEdits?: boolean }): Promise<RefreshSummary>;
  readSelection(): Promise<Selection>;
  markCells(selection: Selection, cells: MarkCell[]): Promise<{ marked: number; restored: number; left: string[] }>;
  clearMarks(): Promise<{ restored: number; left: string[] }>;
  /** Rejects with `Occupied` when the active cell holds a value or formula and `replace` is false. */
  writeFormula(formula: string, replace: boolean): Promise<string>;
  /** Insert the 总览 overview over the region tables in the workbook; resolves to the new sheet's name. */
  insertOverview?(): Promise<string>;
  /** The inserted tables' regions and the data version each recorded, so refresh can list what changed first. */
  recordedTables?(): Promise<RecordedTable[]>;
  /** The actual values typed in a region's inserted table, by indicator id and year (for the progress view). */
  readActuals?(region: string): Promise<RegionActuals>;
  /** Keep a plan table the person imported ("导入规划表") in the workbook, so it comes back when the workbook is opened. */
  saveImportedPlan?(record: ImportedPlanRecord): Promise<void>;
  /**
   * Official actual values from the published package: written only into free actual cells of the inserted tables
   * (a typed value always wins), in the official font colour. `kept`: cells that already held something.
   */
  fillOfficialActuals?(actuals: Actual[]): Promise<{ filled: string[]; kept: string[] }>;
  /** The plan tables kept in this workbook. */
  loadImportedPlans?(): Promise<ImportedPlanRecord[]>;
  /** 自检: try each capability on a new scratch sheet, delete it, report (./selfTest.ts). No other sheet is touched. */
  selfTest?(): Promise<SelfTestReport>;
}

/**
 * Actions with no workbook behind them: each call rejects with `why` (the build-time static first screen, whose clicks
 * startup.js keeps for the pane; panes rendered without a host in tests). The optional actions are absent.
 */
export function actionsThatFail(why: string): PaneActions {
  const fail = (): Promise<never> => Promise.reject(new Error(why));
  return {
    insertNew: fail,
    insertHere: fail,
    refresh: fail,
    readSelection: fail,
    markCells: fail,
    clearMarks: fail,
    writeFormula: fail,
  };
}

/** An operation refused because cells are not free; the pane asks before doing anything else. */
export class Occupied extends Error {
  constructor(
    readonly address: string,
    readonly refusal?: Refusal,
    readonly sheet?: string,
  ) {
    super(`occupied: ${address}`);
    this.name = 'Occupied';
  }
}

/** An operation refused outright (marks on cells that changed since they were read, or on a sheet that is gone). */
export class Refused extends Error {
  constructor(
    readonly refusal: Refusal,
    readonly sheet: string,
  ) {
    super(`refused: ${refusal.kind}`);
    this.name = 'Refused';
  }
}
