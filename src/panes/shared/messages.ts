/** What a pane says when an action is refused or fails, or after a refresh; pure, so the React and legacy panes share it. */
import { describeRefusal } from '../../core/sheet/cells';
import type { Lang } from '../../core/plan/plan';
import { Occupied, Refused, type RefreshSummary } from './actions';
import { strings } from './i18n';

export type Notice = { kind: 'success' | 'error' | 'info' | 'warning'; text: string } | null;

/** What the pane says when an action is refused or fails, in the pane's language. */
export function errorText(e: unknown, lang: Lang): string {
  const t = strings(lang);
  if (e instanceof Refused) return describeRefusal(e.refusal, e.sheet, lang);
  if (e instanceof Occupied) return e.refusal ? describeRefusal(e.refusal, e.sheet ?? '', lang) : t.occupiedPlain(e.address);
  return t.failed(e instanceof Error ? e.message : String(e));
}

/** What the pane says after a refresh: what changed, which hand edits were kept, which tables were not found. */
export function refreshNotice(r: RefreshSummary, lang: Lang): NonNullable<Notice> {
  const t = strings(lang);
  const parts: string[] = [r.tables ? t.refreshed(r.tables, r.changed) : t.nothingToRefresh];
  if (r.edits.length) parts.push(t.editsKept(r.edits));
  if (r.removed.length) parts.push(t.rowsRemoved(r.removed.length));
  parts.push(...r.blocked);
  if (r.missing.length) parts.push(t.missingTables(r.missing));
  const warn = r.edits.length || r.missing.length || r.blocked.length;
  return { kind: warn ? 'warning' : r.tables ? 'success' : 'info', text: parts.join(' ') };
}
