import { readActuals, type Actual } from '../core/exchange/packageFormat';
import { Plan } from '../core/plan/plan';
import { ACTUALS_CSV, CONFLICTS_CSV } from './actuals.generated';
import { dataset } from './index';

/**
 * The version of the official actuals (data/actuals/), apart from the plans' DATA_VERSION: the actuals grow as
 * bulletins are published, the plans do not. Bump when a row is added, changed or removed.
 */
export const ACTUALS_VERSION = '0.1.0';

let cached: { actuals: Actual[]; conflicts: Actual[] } | undefined;

function read(): { actuals: Actual[]; conflicts: Actual[] } {
  if (cached) return cached;
  const plan = new Plan(dataset());
  const resolve = (region: string, indicator: string, year: number): { region: string; indicator: string } => {
    const r = plan.region(region, year);
    return { region: r.name, indicator: plan.resolver.entry(r, indicator).indicator.id };
  };
  cached = {
    actuals: readActuals('data/actuals/actuals.csv', ACTUALS_CSV, resolve),
    conflicts: readActuals('data/actuals/conflicts.csv', CONFLICTS_CSV, resolve),
  };
  return cached;
}

/** The official public actuals compiled in (data/actuals/actuals.csv), each with its source and quote. */
export function officialActuals(): Actual[] {
  return read().actuals;
}

/** A second public source that disagrees with one of `officialActuals` (data/actuals/conflicts.csv). */
export function actualConflicts(): Actual[] {
  return read().conflicts;
}
