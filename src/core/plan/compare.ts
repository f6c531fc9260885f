/**
 * Regions side by side: one indicator id, one measure. Rows are joined only by id (never by a similar name), and
 * every figure is stated in the definition's canonical unit, converted exactly (`src/core/plan/units.ts`), so 江西's
 * 8 万件 sits beside 赣州's 17619 件 as 80000.
 */
import { PlanError, quoteInput } from '../errors';
import { periodOf, type Dataset, type Entry, type IndicatorDef, type Period, type Region, type Value } from './model';
import { sourceLines } from './rows';
import type { Resolver } from './resolve';
import { convert } from './units';

/** A flow is counted over a period (a year, or the plan period); a stock is a level at a moment. */
export function isFlow(def: IndicatorDef): boolean {
  const p = def.definition?.period;
  return p === 'period_total' || p === 'annual';
}

/**
 * The kind of measure as a reader should be told it: `flow` for what is added over the plan period (新增, 新建, 组建,
 * 引进, 累计, 增产 … : `period_total`), apart from a level at a moment; otherwise the catalogue's kind (level, share,
 * growth, rank, qualitative).
 */
export function measureKind(def: IndicatorDef): IndicatorDef['kind'] | 'flow' {
  return def.definition?.period === 'period_total' ? 'flow' : def.kind;
}

export interface CrossRegionRow {
  region: string;
  regionEn: string;
  /** The name as the plan wrote it. */
  name: string;
  /** The unit as the plan wrote it, and the canonical unit every figure below is stated in. */
  unitAsWritten: string;
  unit: string;
  /** The plan's period: its baseline years and target year (2019/2020→2025 for the seeds). */
  period: Period;
  /** The stated baselines by year, in the canonical unit (null where the plan states none, or no number). */
  baselines: Record<number, number | null>;
  /** The target of the plan's target year, in the canonical unit. */
  target: number | null;
  /** The target as written, qualifiers and all ("力争…突破10000家"). */
  targetRaw: string | null;
  /** 力争/争取: the target is an aspiration, not a firm commitment. */
  aspiration: boolean;
  /** How this plan's wording differs from the definition, when it does. */
  wording: string | null;
  /** seed:line of each stated figure (seed:cell for a plan imported from a table). */
  source: string;
}

export interface CrossRegionView {
  indicator: IndicatorDef;
  rows: CrossRegionRow[];
}

function inUnit(v: Value | undefined, e: Entry, unit: string): number | null {
  if (!v || v.value === null) return null;
  return convert(v.value, e.unit, unit);
}

/**
 * Every region's entry under `id`, figures in the definition's unit. `regions` are the plans to look in (every plan of
 * a Plan, `Plan.allRegions()`, holds plans of another period too); the dataset's by default.
 */
export function acrossRegions(d: Dataset, id: string, regions: Region[] = d.regions): CrossRegionView {
  const indicator = d.catalogue.find((c) => c.id === id);
  if (!indicator) throw new PlanError('UNKNOWN_INDICATOR', `未知指标“${quoteInput(id)}”`, `Unknown indicator "${quoteInput(id)}"`);
  const unit = indicator.definition?.unit ?? indicator.unit;
  const rows: CrossRegionRow[] = [];
  for (const r of regions) {
    const period = periodOf(r);
    for (const e of r.entries) {
      if (e.indicator.id !== id) continue;
      rows.push({
        region: r.name,
        regionEn: r.en,
        name: e.name,
        unitAsWritten: e.unit,
        unit,
        period,
        baselines: Object.fromEntries(period.baselines.map((y) => [y, inUnit(e.values[y], e, unit)])),
        target: inUnit(e.target, e, unit),
        targetRaw: e.target?.raw ?? null,
        aspiration: e.target?.aspiration ?? false,
        wording: e.wording ?? null,
        source: r.imported
          ? `${r.seed}!${sourceLines(e).replace(`${e.region}:`, '')}`
          : sourceLines(e).replace(`${e.region}:`, `${r.seed.slice(0, 3)}:`),
      });
    }
  }
  return { indicator, rows };
}

/**
 * The one indicator id a person means by `input` in any region: an id, or a name that resolves to the same id in
 * every region that has it. A name that means different ids in different regions is ambiguous.
 */
export function resolveAcross(d: Dataset, resolver: Resolver, input: string): IndicatorDef {
  const byId = d.catalogue.find((c) => c.id === input.trim());
  if (byId) return byId;
  const found = new Map<string, IndicatorDef>();
  let first: PlanError | undefined;
  for (const r of d.regions) {
    try {
      const e = resolver.entry(r, input);
      found.set(e.indicator.id, e.indicator);
    } catch (err) {
      if (!(err instanceof PlanError)) throw err;
      first ??= err;
    }
  }
  if (found.size === 1) return [...found.values()][0];
  if (found.size > 1) {
    const defs = [...found.values()];
    throw new PlanError(
      'AMBIGUOUS_INDICATOR',
      `“${quoteInput(input)}”在不同地区指不同的指标：${defs.map((x) => `${x.zh}（${x.id}）`).join('；')}`,
      `"${quoteInput(input)}" means different indicators in different regions: ${defs.map((x) => `${x.en} (${x.id})`).join('; ')}`,
      defs.map((x) => x.id),
    );
  }
  throw first ?? new PlanError('UNKNOWN_INDICATOR', `未知指标“${quoteInput(input)}”`, `Unknown indicator "${quoteInput(input)}"`);
}
