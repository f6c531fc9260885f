/**
 * The seam between a pane and the workbook: what a pane asks of its host. The React pane, the legacy pane and
 * each host's adapter (src/taskpane/officeActions.ts for Excel) meet here; nothing in this file needs React.
 */
import type { Mode } from '../core/layout';
import type { MethodId } from '../core/methods';

export interface Selection {
  values: unknown[][];
  address: string;
  rowIndex: number;
  columnIndex: number;
}

/** What the pane asks of the workbook. Each rejects with an Error whose message is shown in plain words. */
export interface PaneActions {
  /** Insert on new sheets; resolves to a description of what was made. */
  insertNew(regions: string[], mode: Mode, method?: MethodId): Promise<string>;
  /** Insert at the selected cell; rejects with { occupied: address } when the cells are not empty. */
  insertHere(region: string, mode: Mode, method?: MethodId): Promise<string>;
  refresh(): Promise<{ tables: number; changed: number }>;
  readSelection(): Promise<Selection>;
  markCells(cells: { row: number; col: number; fill: string }[]): Promise<void>;
  /** Rejects with { occupied: address } when the active cell holds something and `replace` is false. */
  writeFormula(formula: string, replace: boolean): Promise<string>;
}

/** An operation refused because cells are not empty; the pane asks before doing anything else. */
export class Occupied extends Error {
  constructor(readonly address: string) {
    super(`occupied: ${address}`);
    this.name = 'Occupied';
  }
}
