/**
 * The shape of the authored dataset. Every value is kept as the plan wrote it (`raw`) with the place it was
 * written (`line`, 1-based, in the region's seed file, and `quote`, an exact substring of that line or of the
 * lines `line..endLine` joined without their line breaks). Parsed numbers are derived from `raw` by
 * `src/core/plan/parse.ts`; they are never typed by hand.
 */

/** How the value was stated: in the plan's indicator table, or in running text. */
export type SourceKind = 'table' | 'prose';

/** Where one value was written. `seed` is implied by the region the value belongs to. */
export interface AuthoredSource {
  /** 1-based line in the seed file where the quote starts. */
  line: number;
  /** Last line of the quote when a table cell or sentence is broken over several lines. */
  endLine?: number;
  kind: SourceKind;
  /** Exact text from the seed; `raw` occurs inside it. For table cells usually the cell itself or its row. */
  quote: string;
}

export interface AuthoredValue extends AuthoredSource {
  /** The value exactly as written, e.g. "710", "[0.63]", "1.25*", "2.5左右（力争达全国平均水平）", "新增 2-5". */
  raw: string;
}

/** A second statement of the same figure that disagrees with (or differs in wording from) the entry's value. */
export interface AuthoredConflict extends AuthoredValue {
  /** Which of the entry's values the other statement speaks of: a year ("2020") or "target". */
  field: string;
  /** Plain-language description of the disagreement, Chinese first. */
  note: string;
}

/** A staged target: a value the plan commits to for a year of its own (2021–2024, or after 2025). */
export type AuthoredMilestone = AuthoredValue & { year: number };

/**
 * A second place where the plan states the same figure with the same value (prose repeating the table, or one
 * passage repeating another). Kept as an additional source of the entry's value, not as a conflict.
 */
export type AuthoredCorroboration = AuthoredValue & {
  /** Catalogue id of the region's entry the statement corroborates. */
  indicator: string;
  /** Which of the entry's values: "2019", "2020", "target" or a milestone's year. */
  field: string;
};

export interface AuthoredEntry {
  /** Canonical indicator id from `src/data/catalogue.ts`. */
  indicator: string;
  /** The indicator's name exactly as the plan wrote it (without the unit in brackets when the table puts it there). */
  name: string;
  /** Unit as the plan wrote it: "家", "%", "亿元", "件", "项", "万元", "人年", "个", "-". */
  unit: string;
  /** Row number in the plan's table ("序号"), when the entry comes from a table. */
  row?: number;
  /** Baselines by year, "2019" and/or "2020", as written. */
  values: Partial<Record<'2019' | '2020', AuthoredValue>>;
  /** The 2025 target as written. */
  target?: AuthoredValue;
  conflicts?: AuthoredConflict[];
  /**
   * Staged targets with their own year (e.g. "到2022年…600人左右"), as written. A year other than 2025; a target
   * with no year is the plan period's and goes in `target`.
   */
  milestones?: AuthoredMilestone[];
  /** Remarks from the plan (the table's 备注 column, a footnote) or from us, e.g. a definition. */
  remark?: string;
  /**
   * Where the plan's wording differs from the catalogue definition of `indicator` (a different word for the same
   * measure, a joint statement, an unstated level): what differs, so a reader comparing regions sees it.
   */
  wording?: string;
}

export interface AuthoredRegion {
  /** Short Chinese name users type: 江西, 九江, 吉安, 上饶, 赣州. */
  name: string;
  /** Official full name: 江西省, 九江市, ... */
  fullName: string;
  en: string;
  level: 'province' | 'city';
  seed: string;
  /** The plan's title as written in the seed. */
  planTitle: string;
  /** Issuing document number (文号) when the seed gives one, e.g. "赣府发〔2021〕22号". */
  issuingNumber?: string;
  /** Date of issue as written in the seed, ISO form (YYYY-MM-DD), when the seed gives it. */
  issuedOn?: string;
  /** Where the title / number / date were found. */
  meta: { titleLine: number; issuingNumberLine?: number; issuedOnLine?: number };
  /** Title of the indicator table as written (e.g. "表1 九江市“十四五”科技创新发展规划主要指标表"), and its line. */
  table?: { title: string; line: number; footnote?: string };
  entries: AuthoredEntry[];
  /** Further statements of figures the entries already hold, attached to their entry by `buildDataset`. */
  corroborations?: AuthoredCorroboration[];
}

export type Direction = 'up' | 'down';

/** level: a count or amount; share: a ratio in %; growth: a yearly growth rate in %; rank: a position. */
export type IndicatorKind = 'level' | 'share' | 'growth' | 'rank' | 'qualitative';

export interface IndicatorDef {
  id: string;
  zh: string;
  en: string;
  unit: string;
  unitEn: string;
  direction: Direction;
  kind: IndicatorKind;
  /** Other ways plans and people write it; used by name resolution. */
  aliases: string[];
  /** Definition or caveat worth showing, e.g. that "省级以上" includes national platforms. */
  note?: string;
  /** What is counted, over which period, in which unit: two regions' entries are compared only under one id. */
  definition: Definition;
}

/**
 * stock: level at year end; annual: a flow within one year (e.g. yearly 技术合同成交额); period_total: a count or
 * amount cumulated over the plan period (新增/新建/获批/培育/引进/累计 …); annual_growth: yearly growth rate;
 * average_annual_growth: average annual growth over the period; position: a rank; qualitative: no number.
 */
export type PeriodType = 'stock' | 'annual' | 'period_total' | 'annual_growth' | 'average_annual_growth' | 'position' | 'qualitative';

/** What an indicator measures: the statistic behind its name. */
export interface Definition {
  /** What is counted, in Chinese. */
  zh: string;
  /** The same in English. */
  en: string;
  period: PeriodType;
  /** Canonical unit (e.g. '件', '家', '%', '亿元'); entries in another unit are converted by `src/core/plan/units.ts`. */
  unit: string;
  /** For shares: of what. */
  denominator?: string;
  /** The national statistical definition where one exists (R&D intensity, 高新技术企业, 技术合同成交额, 有效发明专利 …). */
  statistic?: string;
  /** For a flow: the id of the stock it adds to, so that asking for the stock names the flow instead of answering it. */
  flowOf?: string;
  /** For an annual growth rate: the id of the level it is the rate of. Where a plan states both, the level's expected
   * path is the plan's own: compound growth (see `pathRateOf` in src/core/progress/trajectory.ts). */
  rateOf?: string;
}
