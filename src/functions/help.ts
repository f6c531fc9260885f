/**
 * What Excel shows while a PLAN formula is typed, beyond the Chinese JSDoc in functions.ts: each parameter's name
 * in both languages, and the English help. scripts/functions-locales.js merges them into functions.json (zh-CN,
 * the default) and functions.en-US.json; test/functions/locales.test.ts checks that nothing is missing.
 * No imports: the build reads this file directly.
 */

/** Parameter names as Excel's autocomplete shows them, keyed by the TypeScript parameter name in functions.ts. */
export const PARAMETER_NAMES: Record<string, { zh: string; en: string }> = {
  region: { zh: '地区', en: 'region' },
  indicator: { zh: '指标', en: 'indicator' },
  year: { zh: '年份', en: 'year' },
  path: { zh: '路径', en: 'path' },
  method: { zh: '方法', en: 'method' },
  actual: { zh: '实际值', en: 'actual' },
  field: { zh: '字段', en: 'field' },
};

export interface FunctionHelp {
  description: string;
  parameters: Record<string, string>;
}

/** English help, keyed by function id, then by parameter name. */
export const HELP_EN: Record<string, FunctionHelp> = {
  TARGET: {
    description:
      "The target of the plan's target year (2025 for the 14th Five-Year plans), the expected value on the path before it, or the baseline.",
    parameters: {
      region: 'Jiangxi, Jiujiang, Ji’an, Shangrao or Ganzhou',
      indicator: 'indicator name, e.g. "high-tech enterprises"',
      year: "a year of the plan's period (2019–2025 for the 14th Five-Year plans); the target year if omitted",
      path: 'linear (default) or cagr',
    },
  },
  BASELINE: {
    description: 'The baseline the plan states (2020 by default for the 14th Five-Year plans, or 2019).',
    parameters: {
      region: 'region',
      indicator: 'indicator name',
      year: 'a baseline year (2019 or 2020 for the 14th Five-Year plans); the last one if omitted',
    },
  },
  STATUS: {
    description: 'Progress status: achieved, on track, slightly behind, behind or moving away (a trend for the trend method).',
    parameters: {
      region: 'region',
      indicator: 'indicator name',
      year: 'a year after the baseline up to the target year (2021–2025 for the 14th Five-Year plans)',
      actual: 'the actual value of that year',
      method: 'linear (time-elapsed progress, default), cagr, eurostat (growth-rate ratio) or trend',
    },
  },
  GAP: {
    description: 'Gap to the expected value; negative means behind, whatever the direction.',
    parameters: {
      region: 'region',
      indicator: 'indicator name',
      year: 'a year after the baseline up to the target year (2021–2025 for the 14th Five-Year plans)',
      actual: 'the actual value of that year',
      method: 'linear (default), cagr or eurostat',
    },
  },
  PROGRESS: {
    description:
      "Without a year, the share of the way from baseline to target (1 = reached); with a year, the ratio the method's status is judged on.",
    parameters: {
      region: 'region',
      indicator: 'indicator name',
      actual: 'actual value',
      method: 'linear (default), cagr, eurostat or trend',
      year: 'year of the actual value (needed by eurostat and trend)',
    },
  },
  REQUIRED: {
    description: 'Annual change still needed: a growth rate for levels (0.12 = 12%), points per year for shares and ranks.',
    parameters: {
      region: 'region',
      indicator: 'indicator name',
      year: 'year of the actual value, before the target year',
      actual: 'actual value',
    },
  },
  INFO: {
    description:
      'Indicator information: unit, name, qualifier, raw, source, seed, line, quote, conflicts, path, direction, kind, estimate, remark, version, definition, range (both ends of a range target, e.g. 36–39).',
    parameters: { region: 'region', indicator: 'indicator name', field: 'field; source if omitted' },
  },
  ACTUAL: {
    description:
      'An official public actual value (the latest year with one if the year is omitted), or a field of its source: value, year, unit, source, caliber, publisher, title, date, url, quote, reprint, derived, conflict.',
    parameters: {
      region: 'region',
      indicator: 'indicator name',
      year: 'year of the figure; the latest with a public figure if omitted',
      field: 'field; value if omitted',
    },
  },
  REGIONS: { description: 'The regions with a plan in the data.', parameters: {} },
  INDICATORS: {
    description: "The indicators of a region's plan, or the whole catalogue when the region is omitted.",
    parameters: { region: 'region (optional)' },
  },
  TABLE: { description: "A region's indicator table, as a spilling array that stays linked.", parameters: { region: 'region' } },
};
