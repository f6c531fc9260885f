/**
 * The 检查我的模板 tab (the template check, its results under its button) and the 导入规划表 section under it: a
 * chunk of its own, with the template matcher, loaded when the tab is opened (App.tsx). What was read stays in App,
 * so it is still there when the person comes back to the tab.
 */
import { Button, Field, Input, Text } from '@fluentui/react-components';
import { useMemo, type ReactElement } from 'react';
import type { Lang, Plan } from '../../core/plan/plan';
import type { Region } from '../../core/plan/model';
import { METHODS, type MethodId } from '../../core/progress/methods';
import { STATUS_LABELS } from '../../core/progress/status';
import { FILL } from '../../core/sheet/layout';
import { flagTemplate, matchTemplate, type TemplateMatch } from '../../core/sheet/template';
import { cellTexts, type ImportedPlanRecord } from '../../core/exchange/importedPlans';
import type { PaneActions, Selection } from '../shared/actions';
import type { Notice } from '../shared/messages';
import { strings } from '../shared/i18n';

/** The selection read and how it matched the region's plan. */
export type Checked = { selection: Selection; match: TemplateMatch } | null;

export interface CheckTabProps {
  plan: Plan;
  current: Region;
  lang: Lang;
  busy: boolean;
  method: MethodId;
  actions: PaneActions;
  checked: Checked;
  setChecked: (c: Checked) => void;
  importName: string;
  setImportName: (name: string) => void;
  attempt: (op: () => Promise<void>) => Promise<void>;
  setNotice: (n: Notice) => void;
  /** Add the table read from the selection as a plan; throws when it cannot be read (naming the cell). */
  importPlan: (record: ImportedPlanRecord) => Promise<void>;
}

export function CheckTab(p: CheckTabProps): ReactElement {
  const { plan, current, lang, busy, method, actions, checked, attempt, setNotice } = p;
  const t = strings(lang);
  // Flags follow the method chosen above, without reading the selection again.
  const flags = useMemo(() => (checked ? flagTemplate(checked.selection.values, checked.match, method) : []), [checked, method]);
  const readTemplate = (): Promise<void> =>
    attempt(async () => {
      const sel = await actions.readSelection();
      p.setChecked({ selection: sel, match: matchTemplate(sel.values, current, plan.resolver) });
      setNotice(null);
    });
  // Import the selected range as a plan table: read by the same parser as `--plan`, kept in the workbook.
  const importTable = (): Promise<void> =>
    attempt(async () => {
      const sel = await actions.readSelection();
      await p.importPlan({
        region: p.importName.trim(),
        source: `${sel.sheet}!${sel.address.replace(/^.*!/, '')}`,
        rows: cellTexts(sel.values),
      });
    });
  const selection = checked?.selection;
  const match = checked?.match;
  return (
    <div className="check">
      {/* The check first, its results right under its button; importing a plan table is a section of its own below. */}
      <Text as="h2" className="section-title">
        {t.sectionCheck}
      </Text>
      <Text size={200}>{t.checkHelp}</Text>
      <Button disabled={busy} onClick={() => void readTemplate()} data-action="read-selection">
        {t.readSelection}
      </Button>
      {match && selection ? (
        <>
          <Text weight="semibold">{t.matches}</Text>
          <ul className="matches">
            {match.rows.map((r) => (
              <li key={r.row} title={r.problem ?? ''}>
                {`${r.label} → ${r.entry ? r.entry.name : t.noMatch}`}
              </li>
            ))}
          </ul>
          <Text weight="semibold">{t.flags}</Text>
          {flags.length === 0 ? <Text>{t.noFlags}</Text> : null}
          {flags.some((f) => f.assessment.kind !== 'trend') ? (
            <Text size={200} className="help" data-ratio-help="">
              {t.ratioHelp}
            </Text>
          ) : null}
          <ul className="flags">
            {flags.map((f) => (
              <li key={`${f.row}-${f.col}`} data-status={f.assessment.status} data-method={f.assessment.method}>
                {`${f.label} ${f.assessment.year}: ${f.assessment.actual} — ${STATUS_LABELS[f.assessment.status][lang]}; ${
                  f.assessment.kind === 'trend'
                    ? `${t.trendRate} ${(f.assessment.rate * 100).toFixed(2)}%`
                    : `${t.expected} ${f.assessment.expected}; ${t.gap} ${f.assessment.gap}; ${t.ratio} ${f.assessment.ratio === null ? '-' : f.assessment.ratio.toFixed(2)}`
                }; ${t.method}: ${lang === 'zh' ? METHODS[f.assessment.method].zh : METHODS[f.assessment.method].en}`}
              </li>
            ))}
          </ul>
          {flags.length ? (
            <Button
              disabled={busy}
              data-action="mark"
              onClick={() =>
                void attempt(async () => {
                  const r = await actions.markCells(
                    selection,
                    flags.map((f) => ({
                      row: selection.rowIndex + f.row,
                      col: selection.columnIndex + f.col,
                      fill:
                        f.assessment.status === 'slightly_behind' || f.assessment.status === 'trend_moderate_away'
                          ? FILL.slightlyBehind
                          : FILL.behind,
                    })),
                  );
                  setNotice({ kind: r.left.length ? 'warning' : 'success', text: t.marked(r.marked, r.restored, r.left) });
                })
              }
            >
              {t.markFlags}
            </Button>
          ) : null}
        </>
      ) : null}
      <Button
        disabled={busy}
        data-action="clear-marks"
        onClick={() =>
          void attempt(async () => {
            const r = await actions.clearMarks();
            setNotice({ kind: r.left.length ? 'warning' : 'success', text: t.cleared(r.restored, r.left) });
          })
        }
      >
        {t.clearMarks}
      </Button>
      <section className="import" data-section="import">
        <Text as="h2" className="section-title">
          {t.sectionImport}
        </Text>
        <Field label={t.importRegion} hint={t.importHelp}>
          <Input value={p.importName} onChange={(_e, d) => p.setImportName(d.value)} placeholder="南昌" data-import-region="" />
        </Field>
        <Button disabled={busy || !p.importName.trim()} onClick={() => void importTable()} data-action="import-plan">
          {t.importPlan}
        </Button>
      </section>
    </div>
  );
}
