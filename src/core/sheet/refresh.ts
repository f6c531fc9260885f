/**
 * Refreshing an inserted table after the data changed: which cells to rewrite, matched by indicator id (so rows
 * a person sorted or filtered still get their own figures), leaving every column a person fills in untouched.
 *
 * With the table's record (src/core/sheet/ledger.ts: a hash of each cell the add-in wrote), a cell that differs from
 * the fresh figure is told apart: still what the add-in wrote → the plan data changed, rewrite it; something else
 * → a person edited it, keep it and list it, unless the person confirmed (`overwriteEdits`). Without a record
 * (a table inserted before records were kept) every differing cell counts as a person's edit.
 */
import { describeRefusal, type Refusal } from './cells';
import { cellName, type CellRef } from './cellName';
import { isTableOf, parseTableName, positionIn, regionLayout, type CellContent, type Mode, type Origin, type SheetLayout } from './layout';
import type { Region } from '../plan/model';
import type { Lang, Plan } from '../plan/plan';
import type { MethodId } from '../progress/methods';
import { cellHash, rowHash, type RowRecord, type TableRecord } from './ledger';

/** Keys of the columns the add-in owns in a layout's table (all but the input columns), in order. */
export function ownedColumns(layout: SheetLayout): string[] {
  return layout.columns.filter((c) => !c.input).map((c) => c.key as string);
}

/** The layout's cell hashes of one row, owned columns only, for the record. */
function ownedHashes(layout: SheetLayout, cells: CellContent[], sheetRow: number): string[] {
  return layout.columns.flatMap((c, i) => (c.input ? [] : [cellHash(cells[i], sheetRow)]));
}

export interface CellWrite {
  /** Zero-based row within the table body as it stands in the sheet now. */
  row: number;
  col: number;
  value: CellContent;
  /** True when `value` is a formula the layout built; any other string is written as text. */
  formula: boolean;
}

export interface RefreshPlan {
  writes: CellWrite[];
  /** Layout rows with no row in the sheet yet (an indicator added to the data): appended at the end. */
  append: CellContent[][];
  /** Which cells of `append` are formulas the layout built (row by row, as `append`). */
  appendFormulas: boolean[][];
  /** Ids in the sheet that the data no longer has: left as they are, reported. */
  orphaned: string[];
  /** Rows whose figures changed. */
  changed: string[];
  /**
   * Cells a person edited that differ from the fresh figure: kept (not in `writes`) unless `overwriteEdits`. With the
   * row's indicator and the column's header as the table shows them, so the pane names the cell (./cellName.ts).
   */
  edits: { row: number; col: number; id: string; indicator: string; column: string }[];
  /** Rows the record has and the sheet no longer has (a person deleted them): not added back, reported. */
  removed: string[];
  /** The table's rows as they stand after the writes (for the new record); appended rows come last. */
  record: RowRecord[];
}

export interface RefreshOptions {
  /** The person confirmed: rewrite hand-edited cells too. */
  overwriteEdits?: boolean;
}

function same(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined || a === '') && (b === null || b === undefined || b === '')) return true;
  if (typeof a === 'number' && typeof b === 'string' && b.trim() !== '') return a === Number(b);
  if (typeof b === 'number' && typeof a === 'string' && a.trim() !== '') return b === Number(a);
  return a === b;
}

/**
 * `header` is the table's header row as it stands, `body` its formulas (or values) row by row, starting at
 * sheet row `firstBodyRow` (1-based).
 * Columns are found by their header text, so a table whose columns a person moved still refreshes right;
 * columns the layout does not know (a person's own) are never touched.
 */
export function planRefresh(
  layout: SheetLayout,
  header: string[],
  body: unknown[][],
  firstBodyRow: number,
  record: TableRecord | null = null,
  options: RefreshOptions = {},
): RefreshPlan {
  // A table inserted in either language refreshes in either language.
  const columns = layout.columns;
  const position = columns.map((c) => positionIn(header, c));
  const known = position.filter((p) => p >= 0);
  if (known.some((p, i) => i > 0 && p < known[i - 1])) {
    // Plain formulas name their columns by letter; rewriting them after a person moved columns would point them wrong.
    throw new Error(
      '表格的列顺序已被调整，为免写错公式，未刷新；请恢复列顺序或重新插入 / the columns were reordered; nothing was refreshed',
    );
  }
  const idCol = position[columns.findIndex((c) => c.key === 'id')];
  if (idCol < 0) throw new Error('表中找不到“指标代码”列，无法按指标匹配刷新 / the table has no indicator-id column to match rows by');
  const byId = new Map(layout.rows.map((r) => [r.id, r]));
  const nameAt = columns.findIndex((c) => c.key === 'name');
  const seen = new Set<string>();
  const writes: CellWrite[] = [];
  const orphaned: string[] = [];
  const changed: string[] = [];
  const edits: RefreshPlan['edits'] = [];
  const rowsOut: RowRecord[] = [];
  const recorded = new Map((record?.rows ?? []).map((r) => [r.id, r]));
  const recordedCol = (key: string): number => (record ? record.columns.indexOf(key) : -1);
  body.forEach((current, row) => {
    const id = String(current[idCol] ?? '');
    const fresh = byId.get(id);
    if (!fresh) {
      if (id) orphaned.push(id);
      return;
    }
    seen.add(id);
    let differs = false;
    const sheetRow = firstBodyRow + row;
    const cells = fresh.cellsAt(sheetRow);
    const before = recorded.get(id);
    const hashes: string[] = [];
    columns.forEach((c, i) => {
      if (c.input) return;
      const col = position[i];
      const value = cells[i];
      const k = recordedCol(c.key);
      const was = before && k >= 0 ? before.cells[k] : undefined;
      if (col < 0) {
        hashes.push(was ?? cellHash(value, sheetRow));
        return;
      }
      if (same(current[col], value)) {
        hashes.push(cellHash(value, sheetRow));
        return;
      }
      const ours = was !== undefined && cellHash(current[col], sheetRow) === was;
      if (ours || options.overwriteEdits) {
        writes.push({ row, col, value, formula: fresh.formulas[i] });
        hashes.push(cellHash(value, sheetRow));
        differs = true;
      } else {
        const indicator = nameAt >= 0 && typeof cells[nameAt] === 'string' ? (cells[nameAt] as string) : '';
        edits.push({ row, col, id, indicator, column: String(header[col] ?? '') });
        // Still recorded as the add-in's figure, so the next refresh still sees the person's edit.
        hashes.push(was ?? cellHash(value, sheetRow));
      }
    });
    if (differs) changed.push(id);
    rowsOut.push({ id, hash: rowHash(hashes), cells: hashes });
  });
  // A row the record has and the sheet has not was deleted by a person: it stays deleted.
  const removed = layout.rows.filter((r) => !seen.has(r.id) && recorded.has(r.id)).map((r) => r.id);
  const appendFormulas: boolean[][] = [];
  const append = layout.rows
    .filter((r) => !seen.has(r.id) && !recorded.has(r.id))
    .map((r, k) => {
      const sheetRow = firstBodyRow + body.length + k;
      const cells = r.cellsAt(sheetRow);
      const hashes = ownedHashes(layout, cells, sheetRow);
      rowsOut.push({ id: r.id, hash: rowHash(hashes), cells: hashes });
      const out: CellContent[] = new Array(header.length).fill(null);
      const formulas: boolean[] = new Array(header.length).fill(false);
      columns.forEach((_c, i) => {
        if (position[i] >= 0) [out[position[i]], formulas[position[i]]] = [cells[i], r.formulas[i]];
      });
      appendFormulas.push(formulas);
      return out;
    });
  return { writes, append, appendFormulas, orphaned, changed, edits, removed, record: rowsOut };
}

/** The record of a table as the add-in writes it (insertion): a hash of every owned cell of every row. */
export function recordOf(layout: SheetLayout, table: string, sheet: string): TableRecord {
  return {
    table,
    sheet,
    columns: ownedColumns(layout),
    rows: layout.rows.map((r, k) => {
      const sheetRow = layout.headerRow + 1 + k;
      const hashes = ownedHashes(layout, r.cells, sheetRow);
      return { id: r.id, hash: rowHash(hashes), cells: hashes };
    }),
    dataVersion: layout.dataVersion,
    method: layout.method,
  };
}

/**
 * The fresh layout of an inserted table, from its name (PLAN_<mode>_<Region>), origin and method (its record's; linear
 * when the table has none), or null for a table that is not one of this plan's regions. Linked tables hold PLAN
 * formulas, plain ones numbers, and the status column judges by the table's method: refresh keeps whatever the table
 * was made as. Every host adapter refreshes with it.
 */
export type LayoutFor = (tableName: string, origin: Origin, method?: MethodId, header?: unknown[]) => SheetLayout | null;

/**
 * The language a table was written in, told by its header (the indicator column's "Indicator" or "指标"); `lang`
 * when the header says neither. A refresh keeps it: an English sheet refreshed from a Chinese pane stays English, and
 * its names are not counted as changed figures.
 */
export function tableLang(header: unknown[] | undefined, lang: Lang): Lang {
  if (!header) return lang;
  if (header.includes('Indicator')) return 'en';
  if (header.includes('指标')) return 'zh';
  return lang;
}

export function tableLayoutFor(plan: Plan, lang: Lang, version: string): LayoutFor {
  return (tableName, origin, method, header) => {
    const found = regionOfTable(plan, tableName);
    return found ? regionLayout(found.region, found.mode, tableLang(header, lang), version, origin, method) : null;
  };
}

/**
 * The region and mode an inserted table (PLAN_<mode>_<Region>[_T<target year>]) holds, or null for anyone else's
 * table or a plan the data does not have (any more).
 */
export function regionOfTable(plan: Plan, tableName: string): { region: Region; mode: Mode } | null {
  const parsed = parseTableName(tableName);
  const region = parsed && plan.allRegions().find((r) => isTableOf(r, tableName));
  return parsed && region ? { region, mode: parsed.mode } : null;
}

/**
 * The tables an adapter found with their recorded data versions, as the pane's refresh preview wants them: each with
 * the region whose plan it holds (null for a plan the data does not have).
 */
export function recordedRegions(
  plan: Plan,
  tables: { table: string; dataVersion?: string }[],
): { region: string | null; ref?: string; dataVersion?: string }[] {
  return tables.map(({ table, dataVersion }) => {
    const region = regionOfTable(plan, table)?.region ?? null;
    return {
      region: region?.name ?? null,
      ...(region ? { ref: plan.refOf(region) } : {}),
      ...(dataVersion ? { dataVersion } : {}),
    };
  });
}

/** What a host adapter's refresh did to one table. */
export interface TableRefresh {
  sheet: string;
  plan: RefreshPlan;
  /** Hand-edited cells kept, as Sheet!A1. */
  edits: string[];
  /** The same cells with their indicator and column, for the pane to name them (absent: named by address). */
  editCells?: CellRef[];
  /** Why new rows were not added under the table, if they were not. */
  blocked: Refusal | null;
}

/** One refreshed table, as a host adapter reports it. */
export interface RefreshResult extends TableRefresh {
  table: string;
}

/** A refresh over every table: what each did, and the tables the add-in inserted that are no longer there. */
export interface RefreshOutcome {
  tables: RefreshResult[];
  /** Tables the add-in's records name that are no longer in the workbook: renamed, converted to a range, deleted. */
  missing: string[];
}

/** The pane's summary of a refresh over every table (the shape of PaneActions.refresh's answer). */
export function summarizeRefresh(tables: TableRefresh[], missing: string[], lang: Lang) {
  return {
    tables: tables.length,
    changed: tables.reduce((n, r) => n + r.plan.changed.length, 0),
    // Named by sheet, indicator and column where the host said which (a statistician reads the figure, not G6).
    edits: tables.flatMap((r) => (r.editCells ? r.editCells.map((c) => cellName(c, lang)) : r.edits)),
    missing,
    removed: tables.flatMap((r) => r.plan.removed),
    blocked: tables.flatMap((r) => (r.blocked ? [describeRefusal(r.blocked, r.sheet, lang)] : [])),
  };
}
