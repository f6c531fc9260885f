/**
 * The legacy pane's refresh, without the DOM: the same steps as the React pane's. First, what the tables' recorded
 * data version says — data older than the workbook's is refused, and when the tables used other data than the data
 * in use, what changed (figure, old, new, source; src/core/sheet/diff.ts) is listed for the person to confirm. Then the
 * refresh itself (hand edits kept and listed), and the package's official actuals into free actual cells only.
 */
import { changesSince, newerThanInUse } from '../../core/sheet/diff';
import type { Lang } from '../../core/plan/plan';
import type { PaneActions } from '../shared/actions';
import type { DataSource } from '../shared/dataSource';
import { previewText } from '../shared/dataSource';
import { strings } from '../shared/i18n';
import { refreshNotice, type Notice } from '../shared/messages';

/** What to do before refreshing: refuse (older data), ask (changes listed), or go straight on (null). */
export type BeforeRefresh = { kind: 'refused'; text: string } | { kind: 'ask'; text: string; items: string[] } | null;

/**
 * `insertedHere`: every table in the workbook was inserted from the data in use while this pane was open. A host
 * that keeps no record (ExcelApi 1.1) cannot say which data a table used; the pane knows, so it does not ask.
 */
export async function beforeRefresh(actions: PaneActions, source: DataSource, lang: Lang, insertedHere = false): Promise<BeforeRefresh> {
  if (!actions.recordedTables) return null;
  const recorded = await actions.recordedTables();
  const inUse = source.dataset;
  const newer = newerThanInUse(recorded, inUse.version);
  if (newer) return { kind: 'refused', text: strings(lang).olderData(inUse.version, newer) };
  const preview = changesSince(recorded, inUse, await source.known());
  if (!preview) return null;
  if (insertedHere && preview.changes.length === 0 && preview.unknown.every((v) => v === '')) return null;
  const p = previewText(preview, inUse.version, lang);
  return { kind: 'ask', text: p.text, items: p.items };
}

/** Refresh the inserted tables with the data in use; then the official actuals, where the actual cells are free. */
export async function applyRefresh(
  actions: PaneActions,
  source: DataSource,
  lang: Lang,
  overwriteEdits: boolean,
): Promise<{ notice: NonNullable<Notice>; edits: string[] }> {
  const r = await actions.refresh(overwriteEdits ? { overwriteEdits: true } : undefined);
  const notice = refreshNotice(r, lang);
  if (source.actuals.length && actions.fillOfficialActuals) {
    const o = await actions.fillOfficialActuals(source.actuals);
    if (o.filled.length || o.kept.length) notice.text = `${notice.text} ${strings(lang).officialFilled(o.filled.length, o.kept.length)}`;
  }
  return { notice, edits: r.edits };
}
