/**
 * The 总览 (overview): one row per region table — how many indicators, how many stand at each status at their
 * latest actual value, and the 2025 final assessment (how many have a 2025 actual, how many met their target).
 *
 * Two forms of the same counts: `overviewCounts` (pure, from the dataset and a person's actual values — what
 * the pane shows and the tests trust) and `overviewLayout` (a sheet of live COUNTIFS formulas over the status
 * and 2025-met columns of the region tables, so the counts follow as a clerk types actuals in Excel, WPS or
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
} from './assessment';
import { TARGET_YEAR, type Region } from './model';
import type { Lang } from './plan';
import type { CellContent } from './layout';

export interface OverviewCounts {
  region: string;
  indicators: number;
  byStatus: Record<RowStatus, number>;
  /** Indicators with a numeric target and a 2025 actual. */
  assessed2025: number;
  met2025: number;
  notMet2025: number;
}

/** Actual values a person entered, by indicator id and year. */
export type RegionActuals = Record<string, Actuals>;

export function overviewCounts(region: Region, actuals: RegionActuals = {}): OverviewCounts {
  const byStatus = Object.fromEntries(ROW_STATUSES.map((s) => [s, 0])) as Record<RowStatus, number>;
  let assessed2025 = 0;
  let met2025 = 0;
  for (const e of region.entries) {
    const a = actuals[e.indicator.id] ?? {};
    byStatus[rowStatus(e, a)]++;
    const latest = latestActual(a);
    if (numericTarget(e) !== null && latest?.year === TARGET_YEAR) {
      assessed2025++;
      if (finalAssessment(e, latest.actual).met) met2025++;
    }
  }
  return { region: region.name, indicators: region.entries.length, byStatus, assessed2025, met2025, notMet2025: assessed2025 - met2025 };
}

/** A region table as the overview sees it: where its status and 2025-met cells are. */
export interface OverviewSource {
  /** The region's name in the overview's language. */
  label: string;
  /** Sheet-qualified absolute ranges of the table body's status and 2025-met columns, e.g. '赣州指标'!$Y$6:$Y$36. */
  statusRange: string;
  metRange: string;
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
  const header = [
    zh ? '地区' : 'Region',
    zh ? '指标数' : 'Indicators',
    ...statusHeads,
    zh ? '2025年已填实际值' : '2025 actual entered',
    zh ? '2025年达标' : '2025 met',
    zh ? '2025年未达标' : '2025 not met',
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
      ? '“十四五”科技创新规划指标总览与2025年终期评估'
      : 'Overview of the 14th Five-Year S&T plan indicators and the 2025 final assessment',
    subtitle: zh
      ? `数据版本 ${dataVersion}。各数为公式，随各地区表“实际”列的填写自动更新（Excel、WPS、LibreOffice 均可）。进展状态按最新一年的实际值判断。`
      : `Data version ${dataVersion}. Every count is a formula over the region sheets' actual columns and updates as they are filled (Excel, WPS, LibreOffice). Status is judged at each indicator's latest actual.`,
    headerRow,
    header,
    rows,
    formats: header.map((_h, i) => (i === 0 ? 'General' : i === header.length - 1 ? '0%' : '0')),
    widths: [10, 10, ...statusHeads.map(() => 10), 10, 9, 9, 8],
    notes: zh
      ? [
          '说明：已完成 = 实际值已达到2025年目标；符合进度/略滞后/滞后/逆向 按“已完成进度 ÷ 序时进度”判断（≥95%、60%–95%、0–60%、低于基期）。',
          '未达标（无基期）= 规划未给出基期值，无法按序时进度判断，且尚未达到目标；定性或无目标值 = 目标为定性表述、未给出2025年目标或为无基期的“新增”目标。',
          '2025年终期评估：达标 = 2025年实际值达到目标值（“以上”含本数；区间以下限为准；“新增”为基期加增量；排位类越小越好）。目标完成率见各地区表。',
        ]
      : [
          'Achieved = the actual meets the 2025 target; on track / slightly behind / behind / moving away = progress made ÷ progress expected (≥95 %, 60–95 %, 0–60 %, below the baseline).',
          'Not met (no baseline) = the plan states no baseline, so the pace cannot be judged, and the target is not met yet; qualitative / no target value = a target in words, none stated, or an increment on an unstated baseline.',
          '2025 final assessment: met = the 2025 actual reaches the target (a lower bound "以上" includes the number; a range its low end; an increment is baseline + increment; ranks: lower is better). Share of target: see the region sheets.',
        ],
  };
}
