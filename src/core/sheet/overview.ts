/**
 * The 总览 (overview): one row per region table — how many indicators, how many stand at each status at their
 * latest actual value, and the final assessment in the plan's target year (how many have an actual for it, how many met their target).
 *
 * Two forms of the same counts: `overviewCounts` (pure, from the dataset and a person's actual values — what
 * the pane shows and the tests trust) and `overviewLayout` (a sheet of live COUNTIFS formulas over the status
 * and target-year-met columns of the region tables, so the counts follow as a clerk types actuals in Excel, WPS or
 * LibreOffice). Both count in the order of `ROW_STATUSES`.
 */
import {
  finalAssessment,
  latestActual,
  MET_LABELS,
  numericTarget,
  ROW_STATUSES,
  ROW_STATUS_LABELS,
  rowStatus,
  type Actuals,
  type RowStatus,
} from '../progress/assessment';
import type { MethodId } from '../progress/methods';
import { periodOf, SEED_PERIOD, type Region } from '../plan/model';
import type { Lang } from '../plan/plan';
import { actualYears, headerIndex, type CellContent } from './layout';

export interface OverviewCounts {
  region: string;
  indicators: number;
  byStatus: Record<RowStatus, number>;
  /** The plan's target year (2025 for the seed plans), which the final assessment is made in. */
  targetYear: number;
  /** Indicators with a numeric target and an actual for the target year. */
  assessedFinal: number;
  metFinal: number;
  notMetFinal: number;
}

/** Actual values a person entered, by indicator id and year. */
export type RegionActuals = Record<string, Actuals>;

/** The counts by the method the region's sheet judges its status column by (linear by default; see assessment.ts). */
export function overviewCounts(region: Region, actuals: RegionActuals = {}, method: MethodId = 'linear'): OverviewCounts {
  const byStatus = Object.fromEntries(ROW_STATUSES.map((s) => [s, 0])) as Record<RowStatus, number>;
  const period = periodOf(region);
  let assessedFinal = 0;
  let metFinal = 0;
  for (const e of region.entries) {
    const a = actuals[e.indicator.id] ?? {};
    byStatus[rowStatus(e, a, method)]++;
    const latest = latestActual(a, period);
    if (numericTarget(e) !== null && latest?.year === period.target) {
      assessedFinal++;
      if (finalAssessment(e, latest.actual).met) metFinal++;
    }
  }
  return {
    region: region.name,
    indicators: region.entries.length,
    byStatus,
    targetYear: period.target,
    assessedFinal,
    metFinal,
    notMetFinal: assessedFinal - metFinal,
  };
}

/** A region table as the overview sees it: where its status and target-year-met cells are. */
export interface OverviewSource {
  /** The region's name in the overview's language. */
  label: string;
  /** Sheet-qualified absolute ranges of the table body's status and target-year-met columns, e.g. '赣州指标'!$Y$6:$Y$36. */
  statusRange: string;
  metRange: string;
  /** The target year of the table's plan (2025 for the seed plans). */
  targetYear: number;
}

/** The five-year plan a target year closes, as people name it: 2025 → “十四五”, 2030 → “十五五”; null for another year. */
export function fiveYearPlanOf(target: number): Record<Lang, string> | null {
  const n = 14 + (target - 2025) / 5;
  if (!Number.isInteger(n) || n < 11 || n > 19) return null;
  const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  return { zh: `“十${digits[n - 10]}五”`, en: `${n}th Five-Year` };
}

export interface OverviewLayout {
  sheetName: string;
  title: string;
  subtitle: string;
  /** 1-based row of the header; the body follows, then a total row. */
  headerRow: number;
  header: string[];
  /** One row per source, then the total; formulas as "=…". */
  rows: CellContent[][];
  /** True where `rows` holds a formula the layout built (every cell but the region's label): the label is text. */
  formulas: boolean[][];
  /** Number format per column. */
  formats: string[];
  widths: number[];
  /** Notes below the table (how the counts are made). */
  notes: string[];
}

/** A sheet name in a formula: quoted, with quotes doubled. */
export function sheetRef(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;

function colLetter(index: number): string {
  let s = '';
  for (let c = index + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Counting a label in either language: a table inserted in English counts as one inserted in Chinese. */
function countLabel(range: string, labels: Record<Lang, string>): string {
  return `COUNTIFS(${range},${q(labels.zh)})+COUNTIFS(${range},${q(labels.en)})`;
}

export const OVERVIEW_SHEET: Record<Lang, string> = { zh: '总览', en: 'Overview' };

/** The overview sheet: live counts over the region tables named by `sources`. */
export function overviewLayout(sources: OverviewSource[], lang: Lang, dataVersion: string): OverviewLayout {
  const zh = lang === 'zh';
  const headerRow = 4;
  const statusHeads = ROW_STATUSES.map((s) => ROW_STATUS_LABELS[s][lang]);
  // The year of the final assessment: the plans' common target year, else "the target year" of each.
  const targets = new Set(sources.map((s) => s.targetYear));
  const T = targets.size === 1 ? [...targets][0] : targets.size === 0 ? SEED_PERIOD.target : null;
  const Tzh = T === null ? '目标年' : `${T}年`;
  const Ten = T === null ? 'Target-year' : String(T);
  const plan = T === null ? null : fiveYearPlanOf(T);
  const header = [
    zh ? '地区' : 'Region',
    zh ? '指标数' : 'Indicators',
    ...statusHeads,
    zh ? `${Tzh}已填实际值` : `${Ten} actual entered`,
    zh ? `${Tzh}达标` : `${Ten} met`,
    zh ? `${Tzh}未达标` : `${Ten} not met`,
    zh ? '达标率' : 'Share met',
  ];
  const nStatus = ROW_STATUSES.length;
  const cReported = 2 + nStatus;
  const rows: CellContent[][] = sources.map((src, i) => {
    const r = headerRow + 1 + i;
    const met = countLabel(src.metRange, MET_LABELS.met);
    const notMet = countLabel(src.metRange, MET_LABELS.not_met);
    return [
      src.label,
      `=ROWS(${src.statusRange})`,
      ...ROW_STATUSES.map((s) => `=${countLabel(src.statusRange, ROW_STATUS_LABELS[s])}`),
      `=${met}+${notMet}`,
      `=${met}`,
      `=${notMet}`,
      `=IF(${colLetter(cReported)}${r}=0,"",${colLetter(cReported + 1)}${r}/${colLetter(cReported)}${r})`,
    ];
  });
  const first = headerRow + 1;
  const last = headerRow + Math.max(sources.length, 1);
  const totalRow = headerRow + 1 + sources.length;
  rows.push([
    zh ? '合计' : 'Total',
    ...header.slice(1, -1).map((_h, i) => `=SUM(${colLetter(i + 1)}${first}:${colLetter(i + 1)}${last})`),
    `=IF(${colLetter(cReported)}${totalRow}=0,"",${colLetter(cReported + 1)}${totalRow}/${colLetter(cReported)}${totalRow})`,
  ]);
  return {
    sheetName: OVERVIEW_SHEET[lang],
    title: zh
      ? `${plan ? plan.zh : ''}科技创新规划指标总览与${Tzh}终期评估`
      : `Overview of the ${plan ? `${plan.en} ` : ''}S&T plan indicators and the ${T === null ? 'target-year' : T} final assessment`,
    subtitle: zh
      ? `数据版本 ${dataVersion}。各数为公式，随各地区表“实际”列的填写自动更新（Excel、WPS、LibreOffice 均可）。进展状态按最新一年的实际值判断。`
      : `Data version ${dataVersion}. Every count is a formula over the region sheets' actual columns and updates as they are filled (Excel, WPS, LibreOffice). Status is judged at each indicator's latest actual.`,
    headerRow,
    header,
    rows,
    formulas: rows.map((r) => r.map((_c, i) => i > 0)),
    formats: header.map((_h, i) => (i === 0 ? 'General' : i === header.length - 1 ? '0%' : '0')),
    widths: [10, 10, ...statusHeads.map(() => 10), 10, 9, 9, 8],
    notes: zh
      ? [
          `说明：已完成 = 实际值已达到${Tzh}目标；符合进度/略滞后/滞后/逆向 按各地区表的判断方法（见其图例）计算比率：默认序时进度为“已完成进度 ÷ 序时进度”（≥95%、60%–95%、0–60%、低于基期）。`,
          `未达标（无基期）= 规划未给出基期值，无法按序时进度判断，且尚未达到目标；定性或无目标值 = 目标为定性表述、未给出${Tzh}目标或为无基期的“新增”目标。`,
          `${Tzh}终期评估：达标 = ${Tzh}实际值达到目标值（“以上”含本数；区间以下限为准；“新增”为基期加增量；排位类越小越好）。目标完成率见各地区表。`,
        ]
      : [
          `Achieved = the actual meets the ${Ten.toLowerCase()} target; on track / slightly behind / behind / moving away by the ratio of each region sheet's method (see its legend): by default (linear) progress made ÷ progress expected (≥95 %, 60–95 %, 0–60 %, below the baseline).`,
          'Not met (no baseline) = the plan states no baseline, so the pace cannot be judged, and the target is not met yet; qualitative / no target value = a target in words, none stated, or an increment on an unstated baseline.',
          `${Ten} final assessment: met = the ${Ten.toLowerCase()} actual reaches the target (a lower bound "以上" includes the number; a range its low end; an increment is baseline + increment; ranks: lower is better). Share of target: see the region sheets.`,
        ],
  };
}

/** A region table as a host adapter found it: its name, sheet, header texts and where its body is (0-based). */
export interface FoundTable {
  name: string;
  sheet: string;
  header: unknown[];
  /** 0-based sheet row and column of the body's first cell, and its number of rows. */
  row: number;
  col: number;
  rows: number;
}

/**
 * The overview's sources from the tables a host found, whatever host: each plan counted once (the first table of a
 * plan found; a second table of the same plan, made by inserting it twice, would count its indicators twice), and
 * tables without a status column (made by an older version) left out. `regionOf` names a table's plan (null: not ours).
 */
export function overviewSources(tables: FoundTable[], lang: Lang, regionOf: (tableName: string) => Region | null): OverviewSource[] {
  const sources: OverviewSource[] = [];
  const seen = new Set<Region>();
  for (const t of tables) {
    const region = regionOf(t.name);
    if (!region || seen.has(region)) continue;
    const targetYear = periodOf(region).target;
    const status = headerIndex(region, t.header, 'status');
    const met = headerIndex(region, t.header, `met${targetYear}`);
    if (status < 0 || met < 0) continue;
    seen.add(region);
    const range = (c: number): string => {
      const L = colLetter(t.col + c);
      return `${sheetRef(t.sheet)}!$${L}$${t.row + 1}:$${L}$${t.row + t.rows}`;
    };
    sources.push({
      label: lang === 'zh' ? region.name : region.en || region.name,
      statusRange: range(status),
      metRange: range(met),
      targetYear,
    });
  }
  return sources;
}

/** The actual values typed in a region table's body, by indicator id and year (numbers only). */
export function actualsOf(region: Region, header: unknown[], body: unknown[][]): RegionActuals {
  const idCol = headerIndex(region, header, 'id');
  if (idCol < 0) return {};
  const cols = actualYears(periodOf(region)).map((y) => [y, headerIndex(region, header, `actual${y}`)] as const);
  const out: RegionActuals = {};
  for (const row of body) {
    const id = String(row[idCol] ?? '');
    if (!id) continue;
    const a: Record<number, number> = {};
    for (const [y, c] of cols) if (c >= 0 && typeof row[c] === 'number') a[y] = row[c] as number;
    out[id] = a;
  }
  return out;
}
