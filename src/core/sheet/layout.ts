/**
 * The layout of a region's indicator sheet: what goes in which cell, with which format, which rule flags
 * an actual value behind its trajectory. Pure data; the Office adapter and the .xlsx writer both follow it.
 *
 *   row 1  title: plan name and issuing number            (rows count from the layout's origin)
 *   row 2  data version, source file, how to read the sheet
 *   row 3  legend of the flags
 *   row 5  header; rows 6… one per indicator
 *
 * Columns, by the plan's period (2019/2020→2025 for the seed plans, 2025→2030 for a 十五五 table…): the plan's
 * figures (each baseline year, target as written and as a number), an actual value for each year after the last
 * baseline up to the target year for a person to fill in, the expected values on the linear path for the same
 * years, the report columns, and the helper columns the flag rules read (direction, progress base), then marks,
 * source and the indicator id that refresh matches rows by. Column keys carry their year (`v2020`, `actual2027`,
 * `met2030`), so a table's record (src/core/sheet/ledger.ts) names the same columns whatever the period.
 */
import type { Entry, Region } from '../plan/model';
import { describePeriod, isSeedPeriod, periodOf } from '../plan/model';
import { numericMilestones } from '../progress/milestones';
import { marksOf, sourceLines } from '../plan/rows';
import { unitLabel } from '../plan/units';
import { holdsEveryYear, ownPath, pathRateNote, statedBaseline } from '../progress/trajectory';
import type { Lang } from '../plan/plan';
import { METHODS, ON_TRACK, SLIGHTLY_BEHIND, type MethodId } from '../progress/methods';
import { rangeOf } from '../plan/parse';
import {
  FILL,
  FONT,
  actualYears,
  colIndex,
  colLetter,
  columnsFor,
  HEADER_OFFSET,
  isNumericColumn,
  numberFormatOf,
  setReportCells,
  tableNameFor,
  sheetNameFor,
  type CellContent,
  type Column,
  type ColumnKey,
  type FlagRule,
  type Mode,
  type Origin,
  type SheetLayout,
  type SheetRow,
} from './columns';

export * from './columns';
function q(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * A formula the layout built, as the row's cells carry it ("=…"). Only a cell set through `formula` below is one: a text
 * of the plan (a name, a unit, a figure as written) that begins with "=" is a text, whatever it looks like.
 */
class Built {
  constructor(readonly text: string) {}
}

/** One row's cells, and which of them are formulas the layout built (the same whatever sheet row the row stands at). */
function rowCells(
  region: Region,
  e: Entry,
  r: number,
  mode: Mode,
  origin: Origin,
  columns: Column[],
  method: MethodId,
  lang: Lang = 'zh',
): { cells: CellContent[]; formulas: boolean[] } {
  const L = (key: ColumnKey): string => colLetter(colIndex(key, columns) + origin.col);
  const cells: CellContent[] = new Array(columns.length).fill(null);
  const formulas: boolean[] = new Array(columns.length).fill(false);
  // Texts and numbers of the plan: never formulas.
  const set = (key: ColumnKey, v: CellContent): void => {
    cells[colIndex(key, columns)] = v;
  };
  // What the layout computes: a formula (Built) or a number; null leaves the cell empty.
  const formula = (key: ColumnKey, v: Built | number | null): void => {
    const i = colIndex(key, columns);
    cells[i] = v instanceof Built ? v.text : v;
    formulas[i] = v instanceof Built;
  };
  const f = (text: string): Built => new Built(text);
  const call = (fn: string, ...args: (string | number)[]): Built =>
    f(`=PLAN.${fn}(${[q(region.name), q(e.indicator.id), ...args.map((a) => (typeof a === 'number' ? String(a) : q(a)))].join(',')})`);
  const p = periodOf(region);
  const stated = (year: number): void => {
    const v = e.values[year];
    if (!v) return;
    if (v.value === null) set(`v${year}`, v.raw);
    else formula(`v${year}`, mode === 'linked' ? call('BASELINE', year) : v.value);
  };

  set('row', e.row ?? null);
  // The sheet in the pane's language: an English sheet names the indicator and its unit in English (the target as
  // written, "目标原文", stays the plan's own words). An imported indicator the catalogue does not know keeps its name.
  set('name', lang === 'zh' ? e.name : e.indicator.en || e.name);
  set('unit', unitLabel(e, lang));
  for (const y of p.baselines) stated(y);
  set('targetRaw', e.target?.raw ?? null);
  const t = e.target;
  const numericTarget = t !== undefined && t.value !== null;
  formula('target', numericTarget ? (mode === 'linked' ? call('TARGET', p.target) : (t.value as number)) : null);
  formula('direction', e.indicator.direction === 'down' ? -1 : 1);

  // No stated baseline: no path, so no expected values and no flags for this row.
  const b = statedBaseline(e);
  const base = b ? { year: b.year, letter: L(`v${b.year}`) } : null;
  const rate = holdsEveryYear(e);
  formula('base', rate ? 0 : base ? f(`=${base.letter}${r}`) : null);

  // Staged targets between the baseline and the target year (a 2027年 column of a 十五五 table): the path runs
  // through them, segment by segment, as the core's does; their numbers stand in the formula, as the plan states them.
  const staged = base ? numericMilestones(e).filter((m) => m.year > base.year && m.year < p.target) : [];
  // A cagr sheet's path is compound where every point of it is positive (as the core's must be), else linear.
  const compound =
    ownPath(e, method) === 'cagr' &&
    numericTarget &&
    !!b &&
    [b.value, ...staged.map((m) => m.value as number), t.value as number].every((v) => v > 0);
  for (const y of actualYears(p)) {
    let expected: Built | null = null;
    // A target set for every year (holdsEveryYear) is expected in every year, with or without a stated baseline.
    if (numericTarget && (base || rate)) {
      if (mode === 'linked') expected = compound ? call('TARGET', y, 'cagr') : call('TARGET', y);
      else if (rate || !base) expected = f(`=${L('target')}${r}`);
      else {
        const points = [
          { year: base.year, ref: `${base.letter}${r}` },
          ...staged.map((m) => ({ year: m.year, ref: String(m.value) })),
          { year: p.target, ref: `${L('target')}${r}` },
        ];
        let i = 1;
        while (points[i].year < y) i++;
        const [from, to] = [points[i - 1], points[i]];
        const k = `${y - from.year}/${to.year - from.year}`;
        expected = f(compound ? `=${from.ref}*(${to.ref}/${from.ref})^(${k})` : `=${from.ref}+(${to.ref}-${from.ref})*${k}`);
      }
    }
    formula(`expected${y}`, expected);
  }
  // The report cells are formulas the assessment builds (or empty).
  setReportCells(e, r, origin.row + HEADER_OFFSET, columns, L, (key, v) => formula(key, typeof v === 'string' ? f(v) : v), method);
  set('marks', marksOf(e, lang));
  // Seed plans: the seed file's number and the lines (004:12,13); an imported table: the cells its figures came from.
  const cellsOf = [...p.baselines.map((y) => e.values[y]), ...(e.milestones ?? []), e.target].flatMap((v) =>
    v?.source.cell ? [v.source.cell] : [],
  );
  set('source', region.imported ? cellsOf.join(',') || null : sourceLines(e).replace(`${e.region}:`, `${region.seed.slice(0, 3)}:`));
  set('id', e.indicator.id);
  return { cells, formulas };
}

/** The layout of one region's sheet, with its title at `origin` (A1 by default), in the columns of the plan's period. */
export function regionLayout(
  region: Region,
  mode: Mode,
  lang: Lang,
  dataVersion: string,
  origin: Origin = { row: 1, col: 0 },
  method: MethodId = 'linear',
): SheetLayout {
  const period = periodOf(region);
  const columns = columnsFor(period, method);
  const years = actualYears(period);
  const L = (key: ColumnKey): string => colLetter(colIndex(key, columns) + origin.col);
  const headerRow = origin.row + HEADER_OFFSET;
  const firstRow = headerRow + 1;
  const rows: SheetRow[] = region.entries.map((e, i) => {
    const { cells, formulas } = rowCells(region, e, firstRow + i, mode, origin, columns, method, lang);
    return {
      id: e.indicator.id,
      cells,
      formulas,
      cellsAt: (sheetRow: number) => rowCells(region, e, sheetRow, mode, origin, columns, method, lang).cells,
      numberFormat: numberFormatOf(e),
      ...(e.target && rangeOf(e.target) ? { targetFormat: `${numberFormatOf(e)}"–${(rangeOf(e.target) as [number, number])[1]}"` } : {}),
    };
  });
  const firstYear = years[0];
  const first = `${L(`actual${firstYear}`)}${firstRow}`;
  const last = `${L(`actual${period.target}`)}${firstRow + Math.max(rows.length, 1) - 1}`;
  // For the top-left actual cell: A = actual, E = expected (same row, one column per year right), D = direction, B = base.
  const A = first;
  const Ex = `${L(`expected${firstYear}`)}${firstRow}`;
  const D = `$${L('direction')}${firstRow}`;
  const B = `$${L('base')}${firstRow}`;
  const baselines = period.baselines.map((year) => ({ year, ref: `$${L(`v${year}`)}${firstRow}` }));
  const rules = flagRules(
    method,
    A,
    Ex,
    D,
    B,
    `$${L('target')}${firstRow}`,
    baselines,
    { ref: `$${first}`, year: firstYear },
    period.target,
  );
  const zh = lang === 'zh';
  const described = isSeedPeriod(period) ? '' : zh ? `规划时期 ${describePeriod(period)}；` : `plan period ${describePeriod(period)}; `;
  // The status column judges by the sheet's method, as the flags do (a trend has no target: both judge as linear).
  const judged =
    method === 'trend'
      ? zh
        ? '趋势不对照目标，标色与“进展状态”列按序时进度判断。'
        : ' A trend has no target: the flags and the Status column judge as linear.'
      : zh
        ? `标色与“进展状态”列按${METHODS[method].zh}判断。`
        : ` The flags and the Status column judge by the ${METHODS[method].en}.`;
  return {
    region: region.name,
    mode,
    origin,
    headerRow,
    sheetName: sheetNameFor(region, lang),
    tableName: tableNameFor(region, mode),
    dataVersion,
    period,
    columns,
    // In English the plan's title is quoted as written: it is the document's name.
    title: zh
      ? `${region.planTitle}${region.issuingNumber ? `（${region.issuingNumber}）` : ''} 主要指标`
      : `${region.en || region.name}: indicators of the plan “${region.planTitle}${region.issuingNumber ? ` ${region.issuingNumber}` : ''}”`,
    subtitle: zh
      ? `${described}数据版本 ${dataVersion}；来源：${region.seed}（“来源”列为${region.imported ? '单元格' : '行号'}）。请在“实际”列填写各年实际值；${method === 'cagr' ? '目标与应达值（复合路径）列' : '目标与应达值列'}${mode === 'linked' ? '为 PLAN 函数，随数据更新' : '为普通公式，无需加载项'}。${judged}`
      : `${described}Data version ${dataVersion}; source: ${region.seed} (${region.imported ? 'cells' : 'line numbers'} in "Source"). Fill the actual columns; ${mode === 'linked' ? 'target and expected columns are PLAN formulas that follow the data' : 'target and expected columns are ordinary formulas, no add-in needed'}.${judged}`,
    legend: [
      { text: zh ? `图例（方法：${METHODS[method].zh}）：` : `Legend (method: ${METHODS[method].en}):`, fill: 'FFFFFF' },
      {
        text: zh
          ? `略滞后（${method === 'eurostat' ? '实际年均增长率为所需的' : method === 'cagr' ? '完成复合增长路径应达进度的' : '完成序时进度的'}${SLIGHTLY_BEHIND * 100}%–${ON_TRACK * 100}%）`
          : `slightly behind (${SLIGHTLY_BEHIND * 100}–${ON_TRACK * 100}% of ${method === 'eurostat' ? 'the required growth rate' : method === 'cagr' ? 'the progress expected on the compound path' : 'expected progress'})`,
        fill: FILL.slightlyBehind,
      },
      {
        text: zh ? `滞后（不足${SLIGHTLY_BEHIND * 100}%或逆向）` : `behind (under ${SLIGHTLY_BEHIND * 100}%, or moving away)`,
        fill: FILL.behind,
      },
      { text: zh ? '排位类指标越小越好，已按方向判断' : 'ranks: lower is better, judged by direction', fill: 'FFFFFF' },
      // Rows whose expected values follow a growth rate the plan states (its own path), named once here.
      ...(method === 'linear'
        ? region.entries.flatMap((e) => {
            const note = pathRateNote(e);
            return note
              ? [
                  {
                    text: zh
                      ? `${e.name}：${note.zh.replace(/^注：/, '')}`
                      : `${e.indicator.en || e.name}: ${note.en.replace(/^Note: /, '')}`,
                    fill: 'FFFFFF',
                  },
                ]
              : [];
          })
        : []),
    ],
    header: columns.map((c) => c.header[lang]),
    rows,
    widths: columns.map((c) => c.width),
    freeze: { rows: headerRow, columns: origin.col + colIndex('name', columns) + 1 },
    flagRange: `${first}:${last}`,
    rules,
    method,
    inputColumns: columns.flatMap((c, i) => (c.input ? [i] : [])),
    helperColumns: columns.flatMap((c, i) => (c.helper ? [i] : [])),
  };
}

/**
 * The flag rules for a method, written for the top-left actual cell A (relative), with the row's expected value on
 * the linear path Ex, direction D, progress base B, target T of year `target`, the baseline cells with their years,
 * and the first actual cell of the row with its year (absolute columns). Years since the baseline: the column's
 * year − the latest baseline year whose cell is a number (2020, else 2019, for the seed plans), as baselineOf decides.
 *
 *   linear    made = D·(A − B), due = D·(Ex − B): behind when made < 0.6·due, slightly behind when 0.6·due ≤ made < 0.95·due
 *   cagr      the same, the sheet's expected columns holding the compound path B·(T/B)^(n/N) (segment by segment through
 *             staged targets; linear where a point of the path is not positive, as the core falls back)
 *   eurostat  R = D·((A/B)^(1/n) − 1) / |(T/B)^(1/N) − 1|, no flag once D·(A − T) ≥ 0 (achieved)
 *
 * Rows whose progress base is 0 (growth-rate rows, where the ratio is actual rate ÷ target rate under every method)
 * are judged as in linear. trend needs no target, so a sheet made "by trend" flags as linear does.
 */
export function flagRules(
  method: MethodId,
  A: string,
  Ex: string,
  D: string,
  B: string,
  T: string,
  baselines: { year: number; ref: string }[],
  firstActual: { ref: string; year: number },
  target: number,
): FlagRule[] {
  const known = `ISNUMBER(${A}),ISNUMBER(${Ex}),ISNUMBER(${B})${method === 'linear' || method === 'trend' ? '' : `,ISNUMBER(${T})`}`;
  let y0 = String(baselines[0].year);
  for (const b of baselines.slice(1)) y0 = `IF(ISNUMBER(${b.ref}),${b.year},${y0})`;
  const n = `(COLUMN(${A})-COLUMN(${firstActual.ref})+${firstActual.year}-${y0})`;
  const N = `(${target}-${y0})`;
  const made = `${D}*(${A}-${B})`;
  const levelDue = (E: string): string => `${D}*(${E}-${B})`;
  const behindBy = (due: string): string => `${made}<IF(${due}>0,${SLIGHTLY_BEHIND}*${due},0)`;
  const slightlyBy = (due: string): string => `AND(${due}>0,${made}>=${SLIGHTLY_BEHIND}*${due},${made}<${ON_TRACK}*${due})`;
  let behind: string;
  let slightly: string;
  if (method === 'cagr') {
    // The expected columns of a cagr sheet hold the compound path (through staged targets; linear where a point is not positive).
    const due = levelDue(Ex);
    behind = `AND(${known},${behindBy(due)})`;
    slightly = `AND(${known},${slightlyBy(due)})`;
  } else if (method === 'eurostat') {
    const due = levelDue(Ex);
    const R = `${D}*((${A}/${B})^(1/${n})-1)/ABS((${T}/${B})^(1/${N})-1)`;
    const notMet = `${D}*(${A}-${T})<0`;
    const hold = `${T}=${B}`;
    behind = `AND(${known},IF(${B}>0,AND(${notMet},IF(${hold},TRUE,${R}<${SLIGHTLY_BEHIND})),${behindBy(due)}))`;
    slightly = `AND(${known},IF(${B}>0,AND(${notMet},IF(${hold},FALSE,AND(${R}>=${SLIGHTLY_BEHIND},${R}<${ON_TRACK}))),${slightlyBy(due)}))`;
  } else {
    const due = levelDue(Ex);
    behind = `AND(${known},${behindBy(due)})`;
    slightly = `AND(${known},${slightlyBy(due)})`;
  }
  return [
    { level: 'behind', formula: behind, fill: FILL.behind, font: FONT.behind },
    { level: 'slightly_behind', formula: slightly, fill: FILL.slightlyBehind, font: FONT.slightlyBehind },
  ];
}

/** Where a column stands in a table's header row as it is now (a table inserted in either language), or -1. */
export function positionIn(header: unknown[], c: Column): number {
  const at = header.findIndex((h) => h === c.header.zh || h === c.header.en);
  return at >= 0 || !c.formerly ? at : header.findIndex((h) => c.formerly!.includes(String(h)));
}

/** Where a column of a plan's sheet stands in a table's header row as it is now, or -1. */
export function headerIndex(region: Region, header: unknown[], key: ColumnKey): number {
  const c = columnsFor(periodOf(region)).find((x) => x.key === key);
  return c ? positionIn(header, c) : -1;
}

/** An inserted table as it stands: its plan (null for a table the data does not know), header row and body values. */
export interface TableContents {
  region: Region | null;
  header: unknown[];
  values: unknown[][];
}

/** An official actual value (from a published package's actuals.csv). */
export interface OfficialActual {
  region: string;
  indicator: string;
  year: number;
  value: number;
}

/**
 * Where each official actual goes: the table of its region's plan whose years include it, the row of its indicator,
 * the actual column of its year (table index, zero-based body row and column). Actuals with no such cell are left out.
 */
export function placeOfficialActuals(
  tables: TableContents[],
  actuals: OfficialActual[],
): { table: number; row: number; col: number; actual: OfficialActual }[] {
  const out: { table: number; row: number; col: number; actual: OfficialActual }[] = [];
  for (const a of actuals) {
    const table = tables.findIndex((x) => x.region?.name === a.region && actualYears(periodOf(x.region)).includes(a.year));
    if (table < 0) continue;
    const t = tables[table];
    const idCol = headerIndex(t.region!, t.header, 'id');
    const col = headerIndex(t.region!, t.header, `actual${a.year}`);
    const row = idCol < 0 || col < 0 ? -1 : t.values.findIndex((r) => r[idCol] === a.indicator);
    if (row >= 0) out.push({ table, row, col, actual: a });
  }
  return out;
}

/** Rows and columns a layout covers, from its title to its last row. */
export function layoutSize(layout: SheetLayout): [number, number] {
  return [HEADER_OFFSET + 1 + layout.rows.length, layout.columns.length];
}

/** The number format of a body cell: the column's own, a range target's, the row's for its figures, else none. */
export function cellFormat(layout: SheetLayout, row: SheetRow, col: number): string | undefined {
  const c = layout.columns[col];
  if (c.numberFormat) return c.numberFormat;
  if (c.key === 'target' && row.targetFormat) return row.targetFormat;
  return isNumericColumn(c.key) ? row.numberFormat : undefined;
}
