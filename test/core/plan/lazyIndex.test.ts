/**
 * A Plan is made at every pane's start, and its first screen names regions only: the indicator names (catalogue
 * and plans, each normalised) are indexed when the first indicator is asked for, not when the Plan is made
 * (issue 30: ready at once; see docs/startup.md). Counted by the calls to normalizeName, the index's main cost.
 */
import * as normalize from '../../../src/core/plan/normalize';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';

// Every module of this file's registry that imports normalizeName gets this counting wrapper of the real one.
jest.mock('../../../src/core/plan/normalize', () => {
  const actual = jest.requireActual('../../../src/core/plan/normalize');
  return { ...actual, normalizeName: jest.fn(actual.normalizeName) };
});

test('making a Plan and choosing a region leaves the indicator names alone; the first indicator indexes them once', () => {
  const d = dataset();
  const calls = jest.mocked(normalize.normalizeName);
  calls.mockClear();
  const plan = new Plan(d);
  const region = plan.regionByRef(plan.refOf(plan.regions()[0]));
  // The region tables: a few names per region and the cities without a plan, far fewer than the catalogue.
  const atStart = calls.mock.calls.length;
  expect(atStart).toBeLessThan(d.catalogue.length);
  const e = region.entries[0];
  expect(plan.entry(region.name, e.name).indicator.id).toBe(e.indicator.id);
  const indexed = calls.mock.calls.length - atStart;
  expect(indexed).toBeGreaterThan(d.catalogue.length * 2); // every id, zh, en and alias of the catalogue at least
  // Indexed once: another indicator costs a lookup's few calls, not a second index.
  const e2 = region.entries[region.entries.length - 1];
  const before = calls.mock.calls.length;
  expect(plan.entry(region.name, e2.indicator.zh).indicator.id).toBe(e2.indicator.id);
  expect(calls.mock.calls.length - before).toBeLessThan(20);
});
