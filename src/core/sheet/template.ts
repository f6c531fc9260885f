/**
 * "Check my template": a person's own report layout — indicator names down the side, years across the top, in
 * any order, with extra rows — matched to the plan, then each actual value assessed against its trajectory.
 */
import { PlanError } from '../errors';
import { baseYearOf, periodOf, SEED_PERIOD, type Entry, type Period, type Region } from '../plan/model';
import type { Resolver } from '../plan/resolve';
import type { MethodId } from '../progress/methods';
import { judge, type Assessment, type TrendAssessment } from '../progress/status';

export interface TemplateRow {
  /** Zero-based row within the selection. */
  row: number;
  label: string;
  entry: Entry | null;
  /** Why the label did not match (closest candidates in the message). */
  problem?: string;
}

export interface TemplateMatch {
  headerRow: number;
  labelCol: number;
  years: { col: number; year: number }[];
  rows: TemplateRow[];
}

export interface Flag {
  row: number;
  col: number;
  label: string;
  entry: Entry;
  /** Progress by the chosen method, or a trend (its `method` says which). */
  assessment: Assessment | TrendAssessment;
}

/** "2023", 2023, "2023年", "2023年实际" → 2023 when it is one of the period's actual years (2021–2025 for the seeds); anything else → null. */
export function yearOf(v: unknown, p: Period = SEED_PERIOD): number | null {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.normalize('NFKC') : '';
  const m = s.match(/^\s*(\d{4})\s*(?:年.*)?$/);
  if (!m) return null;
  const y = Number(m[1]);
  return y > baseYearOf(p) && y <= p.target ? y : null;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

export function matchTemplate(values: unknown[][], region: Region, resolver: Resolver): TemplateMatch {
  let headerRow = -1;
  let years: { col: number; year: number }[] = [];
  const period = periodOf(region);
  values.forEach((row, r) => {
    if (headerRow >= 0) return;
    const found = row.flatMap((v, col) => {
      const year = yearOf(v, period);
      return year === null ? [] : [{ col, year }];
    });
    if (found.length > 0) {
      headerRow = r;
      years = found;
    }
  });
  if (headerRow < 0) {
    const span = `${baseYearOf(period) + 1}–${period.target}`;
    throw new PlanError('BAD_ARGUMENT', `所选区域中找不到${span}年的年份表头`, `No year header (${span}) found in the selection`);
  }
  const yearCols = new Set(years.map((y) => y.col));
  const width = Math.max(...values.map((r) => r.length));
  let labelCol = -1;
  let best = 0;
  for (let col = 0; col < width; col++) {
    if (yearCols.has(col)) continue;
    let hits = 0;
    for (let r = headerRow + 1; r < values.length; r++) {
      const t = text(values[r][col]);
      if (!t) continue;
      try {
        resolver.entry(region, t);
        hits++;
      } catch {
        /* not a name of this plan */
      }
    }
    if (hits > best) {
      best = hits;
      labelCol = col;
    }
  }
  if (labelCol < 0) {
    throw new PlanError(
      'UNKNOWN_INDICATOR',
      `所选区域中没有能与${region.name}规划指标对应的名称`,
      `No names in the selection match indicators of the plan of ${region.name}`,
    );
  }
  const rows: TemplateRow[] = [];
  for (let r = headerRow + 1; r < values.length; r++) {
    const label = text(values[r][labelCol]);
    if (!label) continue;
    try {
      rows.push({ row: r, label, entry: resolver.entry(region, label) });
    } catch (e) {
      rows.push({ row: r, label, entry: null, problem: e instanceof PlanError ? e.message : String(e) });
    }
  }
  return { headerRow, labelCol, years, rows };
}

/** Assess every numeric actual of the matched rows by `method`; return those not on track (and not achieved), and trends moving away. */
export function flagTemplate(values: unknown[][], match: TemplateMatch, method: MethodId = 'linear'): Flag[] {
  const flags: Flag[] = [];
  for (const row of match.rows) {
    if (!row.entry) continue;
    for (const { col, year } of match.years) {
      const v = values[row.row][col];
      const actual = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.replace(/,/g, '')) : NaN;
      if (!Number.isFinite(actual)) continue;
      try {
        const a = judge(row.entry, year, actual, method);
        if (a.kind === 'trend' ? a.status.endsWith('_away') : a.status !== 'on_track' && a.status !== 'achieved')
          flags.push({ row: row.row, col, label: row.label, entry: row.entry, assessment: a });
      } catch {
        /* qualitative target or no baseline: nothing to flag */
      }
    }
  }
  return flags;
}
