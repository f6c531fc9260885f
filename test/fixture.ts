import { buildDataset } from '../src/core/plan/dataset';
import { PlanError } from '../src/core/errors';
import type { Dataset, Entry } from '../src/core/plan/model';
import type { AuthoredEntry, AuthoredRegion, AuthoredValue, IndicatorDef } from '../src/data/types';
import { CATALOGUE } from '../src/data/catalogue';

const cell = (raw: string): AuthoredValue => ({ raw, line: 1, kind: 'table', quote: raw });

/**
 * A dataset of one made-up region (测试, a city) built by the real dataset builder from the given rows; `more` adds to
 * or replaces the region's other fields (corroborations, say).
 */
export function madeDataset(entries: AuthoredEntry[], more: Partial<AuthoredRegion> = {}, catalogue: IndicatorDef[] = CATALOGUE): Dataset {
  const region: AuthoredRegion = {
    name: '测试',
    fullName: '测试市',
    en: 'Test',
    level: 'city',
    seed: 'x.txt',
    planTitle: 't',
    meta: { titleLine: 1 },
    entries,
    ...more,
  };
  return buildDataset([region], catalogue, 'test');
}

/** One entry built by the real dataset builder from a made-up row: baselines and target as written. */
export function makeEntry(
  indicator: string,
  v2019: string | null,
  v2020: string | null,
  target: string | null,
  catalogue: IndicatorDef[] = CATALOGUE,
): Entry {
  const e: AuthoredEntry = { indicator, name: indicator, unit: '', values: {} };
  if (v2019 !== null) e.values['2019'] = cell(v2019);
  if (v2020 !== null) e.values['2020'] = cell(v2020);
  if (target !== null) e.target = cell(target);
  return madeDataset([e], {}, catalogue).regions[0].entries[0];
}

/** The PlanError a call raises; fails the test when it raises nothing or something else. */
export function planError(f: () => unknown): PlanError {
  try {
    f();
  } catch (e) {
    if (e instanceof PlanError) return e;
    throw e;
  }
  throw new Error('expected a PlanError');
}
