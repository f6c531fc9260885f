import { buildDataset } from '../core/plan/dataset';
import type { Dataset } from '../core/plan/model';
import { CATALOGUE } from './catalogue';
import { region as ganzhou } from './regions/ganzhou';
import { region as jiangxi } from './regions/jiangxi';
import { region as jian } from './regions/jian';
import { region as jiujiang } from './regions/jiujiang';
import { region as shangrao } from './regions/shangrao';

/** Bump when any figure, source or catalogue entry changes; the checksum then changes too. */
export const DATA_VERSION = '1.2.0';

/** The authored regions in the order users see them: the province, then the cities as the seeds number them. */
export const AUTHORED_REGIONS = [jiangxi, jiujiang, jian, shangrao, ganzhou];

let cached: Dataset | undefined;

/** The dataset, built once from the authored regions and the catalogue. */
export function dataset(): Dataset {
  cached ??= buildDataset(AUTHORED_REGIONS, CATALOGUE, DATA_VERSION);
  return cached;
}

/**
 * Here the data is compiled in, so it is always ready. The browser panes use index.browser.ts instead (webpack swaps
 * it in), which reads data.<hash>.json beside the page: code that runs in both awaits `dataReady()` when it answers.
 */
export function dataReady(): Promise<void> | undefined {
  return undefined;
}

export function loadData(): Promise<void> {
  return Promise.resolve();
}
