import type { Direction, IndicatorDef, IndicatorKind, SourceKind } from '../data/types';
import type { ParsedValue } from './parse';

export type { Direction, IndicatorDef, IndicatorKind, SourceKind };

/** Where a value was written: seed file, 1-based line (and last line when broken), kind and exact quote. */
export interface Source {
  seed: string;
  line: number;
  endLine?: number;
  kind: SourceKind;
  quote: string;
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
  /** Baselines by year (2019, 2020) as far as the plan states them. */
  values: Partial<Record<2019 | 2020, Value>>;
  target?: Value;
  /** Staged targets for years other than 2025, in year order (absent when the plan states none). */
  milestones?: Milestone[];
  conflicts: Conflict[];
  /** Further places the plan states the same figures (absent when there are none). */
  corroborations?: Corroboration[];
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

export const BASELINE_YEAR = 2020;
export const TARGET_YEAR = 2025;
export const FIRST_YEAR = 2019;
