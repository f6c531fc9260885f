import type { Direction, IndicatorDef, IndicatorKind, SourceKind } from '../../data/types';
import type { ParsedValue } from './parse';

/** The language an answer is given in: Chinese first, English available. */
export type Lang = 'zh' | 'en';

export type { Direction, IndicatorDef, IndicatorKind, SourceKind };

/** Where a value was written: seed file, 1-based line (and last line when broken), kind and exact quote. */
export interface Source {
  seed: string;
  line: number;
  endLine?: number;
  kind: SourceKind;
  quote: string;
  /** For a plan loaded from a table: the cell (A1 style, e.g. "C4") in `seed`, the table's file. */
  cell?: string;
}

export interface Value extends ParsedValue {
  year: number;
  source: Source;
}

export interface Conflict extends ParsedValue {
  /** "2019", "2020" or "target". */
  field: string;
  note: string;
  source: Source;
}

/** A staged target with its own year (2022, 2028…), parsed like any value. */
export type Milestone = Value;

/** Another statement of one of the entry's figures with the same value: an additional source, not a conflict. */
export interface Corroboration extends ParsedValue {
  /** "2019", "2020", "target" or a milestone's year. */
  field: string;
  source: Source;
}

export interface Entry {
  region: string;
  /** The region's English name, for messages in English. */
  regionEn: string;
  indicator: IndicatorDef;
  /** The name as the plan wrote it. */
  name: string;
  unit: string;
  row?: number;
  remark?: string;
  /** Where the plan's wording differs from the indicator's definition (see `IndicatorDef.definition`). */
  wording?: string;
  /** Baselines by year (the plan period's baseline years, e.g. 2019 and 2020) as far as the plan states them. */
  values: Partial<Record<number, Value>>;
  target?: Value;
  /** Staged targets for years other than 2025, in year order (absent when the plan states none). */
  milestones?: Milestone[];
  conflicts: Conflict[];
  /** The 属性 column of an imported table: 预期性 (expected) or 约束性 (binding). */
  attribute?: '预期性' | '约束性';
  /** The plan's period (its region's); absent means the 十四五 period of the seed plans, {@link SEED_PERIOD}. */
  period?: Period;
  /** Further places the plan states the same figures (absent when there are none). */
  corroborations?: Corroboration[];
  /** The annual growth rate the same plan states for this measure ("R&D经费年均增长17%"): its expected path is then
   * the plan's own, compound. Absent when the plan states none. */
  pathRate?: { name: string; target: Value };
}

export interface Region {
  name: string;
  fullName: string;
  en: string;
  level: 'province' | 'city';
  seed: string;
  planTitle: string;
  issuingNumber?: string;
  issuedOn?: string;
  table?: { title: string; line: number; footnote?: string };
  /** The plan's period: baseline year(s) and target year. Absent means {@link SEED_PERIOD}. */
  period?: Period;
  /** True for a plan loaded from a table (CSV) rather than from the seeds. */
  imported?: boolean;
  entries: Entry[];
}

export interface Dataset {
  /** Version of the dataset, bumped when a figure changes. */
  version: string;
  /** Checksum of the dataset's figures and sources (FNV-1a, 64-bit, hex): two copies with the same checksum hold the same data. */
  checksum: string;
  regions: Region[];
  catalogue: IndicatorDef[];
}

/** A plan's period: the years whose values are its baselines (ascending, the last is the path's start) and its target year. */
export interface Period {
  baselines: number[];
  target: number;
}

/** The seed plans' (十四五) period; the constants below are its years, kept for the seed plans' layout and help texts. */
export const BASELINE_YEAR = 2020;
export const TARGET_YEAR = 2025;
export const FIRST_YEAR = 2019;
export const SEED_PERIOD: Period = { baselines: [FIRST_YEAR, BASELINE_YEAR], target: TARGET_YEAR };

/** The period of an entry or region: its own, else the seed plans' period. */
export function periodOf(x: { period?: Period }): Period {
  return x.period ?? SEED_PERIOD;
}

/** The last baseline year of a period (the year a path starts from when the plan states it). */
export function baseYearOf(p: Period): number {
  return p.baselines[p.baselines.length - 1];
}

/** The first year a period speaks of (its earliest baseline). */
export function firstYearOf(p: Period): number {
  return p.baselines[0];
}

/** True when the period is the seed plans' 2019/2020 → 2025. */
export function isSeedPeriod(p: Period): boolean {
  return p.target === TARGET_YEAR && p.baselines.length === 2 && p.baselines[0] === FIRST_YEAR && p.baselines[1] === BASELINE_YEAR;
}

/** The years a period's actual values are for, "first-last" (the year after the last baseline, the target year): "2021-2025". */
export function periodText(p: Period): string {
  return `${baseYearOf(p) + 1}-${p.target}`;
}

/** The period as people write it: "2019/2020→2025". */
export function describePeriod(p: Period): string {
  return `${p.baselines.join('/')}→${p.target}`;
}
