/**
 * The browser panes' stand-in for index.ts (webpack swaps it in, scripts/data-json.js): the same `dataset()`, built
 * from data.<hash>.json, which webpack writes beside taskpane.html. `loadData()` reads it once (same origin, so the
 * CSP's connect-src 'self' allows it; offline from the add-in's own server as the scripts are); `dataset()` before
 * it has answered throws. XMLHttpRequest, not fetch: the legacy pane runs in IE11.
 */
import { buildDataset } from '../core/plan/dataset';
import type { Dataset } from '../core/plan/model';
import { setActualsCsv } from './actuals.generated.browser';
import { setVariantPairs } from '../core/plan/variants.generated.browser';
import { DATA_FILE } from './dataFile';
import type { DataPayload } from './payload';

export { DATA_FILE };

let cached: Dataset | undefined;
let loading: Promise<void> | undefined;

/** Why the data could not be read, in both languages, for the pane to show instead of a blank page. */
export class DataLoadError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

function get(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url, true);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.responseText);
      else reject(new DataLoadError(`HTTP ${xhr.status}`, `HTTP ${xhr.status}`));
    };
    xhr.onerror = () => reject(new DataLoadError('网络错误', 'network error'));
    xhr.send();
  });
}

/** Read the data once; every caller gets the same answer. Rejects with a DataLoadError naming the file. */
export function loadData(): Promise<void> {
  loading ??= get(DATA_FILE).then(
    (text) => {
      const p = JSON.parse(text) as DataPayload;
      setActualsCsv(p.actualsCsv, p.conflictsCsv);
      setVariantPairs(p.variantPairs);
      cached = buildDataset(p.regions, p.catalogue, p.version);
    },
    (e: unknown) => {
      const why = e instanceof DataLoadError ? e : new DataLoadError(String(e), String(e));
      throw new DataLoadError(
        `无法读取规划数据 ${DATA_FILE}（${why.zh}）。请检查加载项的部署是否完整，然后重新打开任务窗格。`,
        `The plan data ${DATA_FILE} could not be read (${why.en}). Check that the add-in is deployed in full, then open the task pane again.`,
      );
    },
  );
  return loading;
}

/** Undefined once the data is in; else the promise of it (started if need be), for callers that can wait. */
export function dataReady(): Promise<void> | undefined {
  return cached ? undefined : loadData();
}

/** The dataset, once `loadData()` has answered. */
export function dataset(): Dataset {
  if (!cached) throw new DataLoadError('规划数据尚未读入', 'the plan data is not loaded yet');
  return cached;
}
