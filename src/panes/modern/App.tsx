/**
 * The task pane. It knows the plan (to show tables, match templates, build formulas) and receives every
 * workbook operation as a prop (`actions`), so it renders and is tested without Office.
 */
import { Button, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Text } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import type { Mode } from '../../core/sheet/layout';
import { describePeriod, isSeedPeriod, periodOf } from '../../core/plan/model';
import type { Lang, Plan } from '../../core/plan/plan';
import { METHOD_IDS, METHODS, type MethodId } from '../../core/progress/methods';
import { Occupied, type PaneActions } from '../shared/actions';
import type { ImportedPlanRecord } from '../../core/exchange/importedRecords';
import { errorText, refreshNotice, type Notice } from '../shared/messages';
import { strings } from '../shared/i18n';
import { progressStrings } from './progressWords';
import { describeDataSource, previewText, type DataSource } from '../shared/dataSource';
import { changesSince, newerThanInUse } from '../../core/sheet/diff';
import { dataset as compiledDataset } from '../../data/index';
import { NoticeBar } from './Notice';
import { importParser, importParserNow } from './importParser';
import type { Ask } from './AskDialog';
import type { Checked } from './CheckTab';
import type { TabId } from './Tabs';
import type { EarlyQueue } from '../startup/early';

// The first screen (region, mode, method, the buttons, the tabs) is in the first chunk; what a tab shows, the
// dialog and the self-test are chunks of their own, loaded when first shown (issue 30: ready at once).
const RegionTable = lazy(() => import('./RegionTable').then((m) => ({ default: m.RegionTable })));
const Progress = lazy(() => import('./Progress').then((m) => ({ default: m.Progress })));
const CheckTab = lazy(() => import('./CheckTab').then((m) => ({ default: m.CheckTab })));
const FormulaTab = lazy(() => import('./FormulaTab').then((m) => ({ default: m.FormulaTab })));
const AskDialog = lazy(() => import('./AskDialog').then((m) => ({ default: m.AskDialog })));
const SelfTest = lazy(() => import('./SelfTest').then((m) => ({ default: m.SelfTest })));
const PaneTabs = lazy(() => import('./Tabs').then((m) => ({ default: m.PaneTabs })));

/** While a chunk loads: a plain line, so the pane does not jump. */
function Later({ children }: { children: ReactNode }): ReactElement {
  return <Suspense fallback={<div className="loading" aria-busy="true" />}>{children}</Suspense>;
}

export { Occupied, Refused, type MarkCell, type PaneActions, type RefreshSummary, type Selection } from '../shared/actions';

export type { Notice } from '../shared/messages';
export { errorText, refreshNotice } from '../shared/messages';
export { NoticeBar } from './Notice';

export interface AppProps {
  plan: Plan;
  actions: PaneActions;
  lang: Lang;
  /** Why the linked mode (PLAN functions) is missing in this host; the pane then inserts plain tables only. */
  linkedMissing?: string | null;
  /** Plan tables imported earlier and kept in the workbook (see src/core/exchange/importedPlans.ts). */
  importedPlans?: ImportedPlanRecord[];
  /** Told of the plans in use whenever a table is imported (the entry hands them to the PLAN functions). */
  onPlan?: (plan: Plan) => void;
  /** Which data is in use (src/panes/shared/dataSource.ts): shown under the plan's line. */
  source?: DataSource;
  /**
   * The static first screen's queue (startup.js, src/panes/startup/early.ts): the pane starts with the region, mode
   * and method chosen there, and performs, once, a button clicked there before the pane took over.
   */
  early?: EarlyQueue;
}

export function App({ plan: basePlan, actions, lang, linkedMissing, importedPlans, onPlan, source, early }: AppProps): ReactElement {
  const t = strings(lang);
  // The seed (or published) plans, with any plan tables imported in this workbook beside them.
  const [records, setRecords] = useState<ImportedPlanRecord[]>(importedPlans ?? []);
  // Built by the table parser, a chunk of its own (./importParser.ts): at once when start-up loaded it (a workbook with
  // imported plans), else the seed plans first and the imported ones beside them once it is in, a moment later.
  const [parser, setParser] = useState(importParserNow);
  useEffect(() => {
    if (!records.length || parser) return;
    let live = true;
    void importParser().then((m) => {
      if (live) setParser(() => m);
    });
    return () => {
      live = false;
    };
  }, [records, parser]);
  const plan = useMemo(
    () => (records.length && parser ? parser.planWithImported(basePlan.dataset, records) : basePlan),
    [basePlan, records, parser],
  );
  // Every plan, imported ones of another period included; `region` is the chosen plan's reference (Plan.refOf).
  const regions = plan.allRegions();
  const isRegion = (ref: string | undefined): ref is string => !!ref && regions.some((r) => plan.refOf(r) === ref);
  const isMode = (m: string | undefined): m is Mode => m === 'plain' || (m === 'linked' && !linkedMissing);
  const isMethod = (m: string | undefined): m is MethodId => (METHOD_IDS as readonly string[]).includes(m ?? '');
  // What the static first screen shows chosen, read once: the person's choice made before the pane took over.
  const [chosen] = useState(() => early?.choice() ?? {});
  const [region, setRegionRef] = useState(isRegion(chosen.region) ? chosen.region : plan.refOf(plan.regions()[plan.regions().length - 1]));
  // A notice speaks of the region it was given for: choosing another clears it.
  const setRegion = (ref: string): void => {
    setRegionRef(ref);
    setNotice(null);
  };
  const [mode, setMode] = useState<Mode>(isMode(chosen.mode) ? chosen.mode : linkedMissing ? 'plain' : 'linked');
  // How flags judge progress: the sheet's rules on insertion and the template check (src/core/progress/methods.ts).
  const [method, setMethod] = useState<MethodId>(isMethod(chosen.method) ? chosen.method : 'linear');
  const [tab, setTab] = useState<TabId>('table');
  const [notice, setNotice] = useState<Notice>(null);
  const [ask, setAsk] = useState<Ask>(null);
  const [busy, setBusy] = useState(false);
  const current = useMemo(() => plan.regionByRef(region), [plan, region]);

  const attempt = async (op: () => Promise<void>, onOccupied?: (address: string, why: string) => Ask): Promise<void> => {
    setBusy(true);
    try {
      await op();
    } catch (e) {
      if (e instanceof Occupied && onOccupied) setAsk(onOccupied(e.address, errorText(e, lang)));
      else setNotice({ kind: 'error', text: errorText(e, lang) });
    } finally {
      setBusy(false);
    }
  };

  // Refresh: when the tables used other data than the data in use, what changed is listed first and confirmed;
  // hand edits are kept and listed; the person may then confirm overwriting them.
  const refresh = (overwriteEdits: boolean, confirmed = false): Promise<void> =>
    attempt(async () => {
      if (!overwriteEdits && !confirmed && actions.recordedTables) {
        const recorded = await actions.recordedTables();
        // Data older than what the workbook's tables were written with is refused: nothing changes.
        const newer = newerThanInUse(recorded, plan.dataset.version);
        if (newer) {
          setNotice({ kind: 'error', text: t.olderData(plan.dataset.version, newer) });
          return;
        }
        const preview = changesSince(recorded, plan.dataset, source ? await source.known() : [compiledDataset(), plan.dataset]);
        if (preview) {
          const p = previewText(preview, plan.dataset.version, lang);
          setAsk({ title: t.askTitleRefresh, text: p.text, items: p.items, confirm: t.refresh, run: () => refresh(false, true) });
          return;
        }
      }
      const r = await actions.refresh(overwriteEdits ? { overwriteEdits: true } : undefined);
      const notice = refreshNotice(r, lang);
      // Official actuals from the published package go only into free actual cells, in their own colour.
      if (source?.actuals.length && actions.fillOfficialActuals) {
        const o = await actions.fillOfficialActuals(source.actuals);
        if (o.filled.length || o.kept.length) notice.text = `${notice.text} ${t.officialFilled(o.filled.length, o.kept.length)}`;
      }
      setNotice(notice);
      if (r.edits.length)
        setAsk({ title: t.askTitleOverwrite, text: t.askOverwrite(r.edits), confirm: t.overwrite, run: () => refresh(true) });
    });

  const insertNew = (names: string[], m: Mode = mode, how: MethodId = method): Promise<void> =>
    attempt(async () => setNotice({ kind: 'success', text: t.inserted(await actions.insertNew(names, m, how)) }));

  const insertHere = (ref: string, m: Mode = mode, how: MethodId = method): Promise<void> =>
    attempt(
      async () => setNotice({ kind: 'success', text: t.inserted(await actions.insertHere(ref, m, how)) }),
      (_address, why) => ({
        title: t.askTitleNewSheet,
        text: `${why} ${t.askNewSheet}`,
        confirm: t.useNewSheet,
        run: () => insertNew([ref], m, how),
      }),
    );

  // Insert all: a region whose table is in the workbook already is not inserted twice (refresh updates it); the
  // notice names the ones skipped.
  const insertAll = (m: Mode = mode, how: MethodId = method): Promise<void> =>
    attempt(async () => {
      const present = new Set(((await actions.recordedTables?.()) ?? []).map((r) => r.ref).filter((r): r is string => !!r));
      const all = regions.map((r) => plan.refOf(r));
      const todo = all.filter((r) => !present.has(r));
      const skipped = regions.filter((r) => present.has(plan.refOf(r))).map((r) => (lang === 'zh' ? r.name : r.en || r.name));
      const made = todo.length ? t.inserted(await actions.insertNew(todo, m, how)) : t.nothingNew;
      setNotice({ kind: skipped.length ? 'info' : 'success', text: skipped.length ? `${made} ${t.skipped(skipped)}` : made });
    });

  // A plan table read from the selection (CheckTab.tsx reads it): kept in the workbook, beside the seed plans.
  const [importName, setImportName] = useState('');
  const importPlan = async (record: ImportedPlanRecord): Promise<void> => {
    const others = records.filter((r) => !(r.region === record.region && r.source === record.source));
    const m = await importParser();
    const next = m.planWithImported(basePlan.dataset, [...others, record]); // refuses a table it cannot read, naming the cell
    const imported = next.allRegions().find((r) => r.imported && r.name === record.region && r.seed === record.source)!;
    if (actions.saveImportedPlan) await actions.saveImportedPlan(record);
    setParser(() => m);
    setRecords([...others, record]);
    onPlan?.(next);
    setRegion(next.refOf(imported));
    setNotice({
      kind: 'success',
      text: t.importedPlan(imported.name, record.source, imported.entries.length, !!actions.saveImportedPlan),
    });
  };

  // Template check: what was read stays here while the person looks at other tabs.
  const [checked, setChecked] = useState<Checked>(null);

  // Formula builder (FormulaTab.tsx): writing asks before replacing a cell that holds something.
  const writeFormula = (formula: string, replace: boolean): Promise<void> =>
    attempt(
      async () => setNotice({ kind: 'success', text: t.written(await actions.writeFormula(formula, replace)) }),
      (_address, why) => ({
        title: t.askTitleReplace,
        text: `${why} ${t.askReplace}`,
        confirm: t.replace,
        run: () => writeFormula(formula, true),
      }),
    );

  // A button clicked on the static first screen before the pane took over, performed once after the first commit
  // with the choices made when it was clicked (take() answers it once: a second mount or effect gets nothing).
  useEffect(() => {
    const click = early?.take();
    if (!click) return;
    const ref = isRegion(click.region) ? click.region : region;
    const m = isMode(click.mode) ? click.mode : mode;
    const how = isMethod(click.method) ? click.method : method;
    if (ref !== region) setRegionRef(ref);
    if (click.action === 'insert') void insertNew([ref], m, how);
    else if (click.action === 'insert-here') void insertHere(ref, m, how);
    else if (click.action === 'insert-all') void insertAll(m, how);
    else if (click.action === 'refresh') void refresh(false);
    // Once, on mount: the queue is read when the pane first shows, whatever changes later.
  }, []);

  return (
    <div className="pane" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <Text as="h1" size={500} weight="semibold">
        {t.title}
      </Text>
      <Field label={t.region}>
        <Select value={region} onChange={(_e, d) => setRegion(d.value)} aria-label={t.region} data-region="">
          {regions.map((r) => (
            <option key={plan.refOf(r)} value={plan.refOf(r)}>
              {/* English: the region and its years; the plan's Chinese title is under 数据来源与版本. */}
              {`${lang === 'zh' ? `${r.name} — ${r.planTitle}` : r.en || r.name}${isSeedPeriod(periodOf(r)) ? '' : ` (${describePeriod(periodOf(r))})`}`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.mode}>
        <RadioGroup value={mode} onChange={(_e, d) => setMode(d.value as Mode)}>
          <Radio value="linked" label={t.linked} disabled={!!linkedMissing} />
          <Radio value="plain" label={t.plain} />
        </RadioGroup>
      </Field>
      <Field label={t.method}>
        <Select value={method} aria-label={t.method} data-action="method" onChange={(_e, d) => setMethod(d.value as MethodId)}>
          {METHOD_IDS.map((id) => (
            <option key={id} value={id} title={METHODS[id].formula}>
              {lang === 'zh' ? METHODS[id].zh : METHODS[id].en}
            </option>
          ))}
        </Select>
      </Field>
      <div className="buttons">
        <Button appearance="primary" disabled={busy} onClick={() => void insertNew([region])} data-action="insert">
          {t.insertNew}
        </Button>
        <Button disabled={busy} data-action="insert-here" onClick={() => void insertHere(region)}>
          {t.insertHere}
        </Button>
        <Button disabled={busy} onClick={() => void insertAll()} data-action="insert-all">
          {t.allRegions}
        </Button>
        <Button disabled={busy} data-action="refresh" onClick={() => void refresh(false)}>
          {t.refresh}
        </Button>
      </div>
      {notice ? <NoticeBar notice={notice} /> : null}
      {linkedMissing ? (
        <MessageBar intent="info" layout="multiline" data-linked-missing="">
          <MessageBarBody>{linkedMissing}</MessageBarBody>
        </MessageBar>
      ) : null}
      {source?.refused ? (
        <Text size={200} className="data-source" data-source={source.kind} data-refused="">
          {describeDataSource(source, lang)}
        </Text>
      ) : null}
      {/* The plan's document, seed file and data version: for whoever checks a figure, not for the first screen. */}
      <details className="about" data-about="">
        <summary>{t.aboutData}</summary>
        <p className="plan-meta">
          {`${lang === 'zh' ? `${current.planTitle}${current.issuingNumber ? `（${current.issuingNumber}）` : ''}` : `“${current.planTitle}${current.issuingNumber ? ` ${current.issuingNumber}` : ''}”`} · ${current.seed} · ${t.version(plan.dataset.version)}`}
        </p>
        {source && !source.refused ? (
          <p className="data-source" data-source={source.kind}>
            {describeDataSource(source, lang)}
          </p>
        ) : null}
      </details>
      <Text size={200} className="legend">
        <span className="swatch amber" /> {t.legendAmber}; <span className="swatch red" /> {t.legendRed}; {t.legendRank}
      </Text>

      {/* Its own chunk, with a stand-in of the same height meanwhile: the buttons above do not wait for it. */}
      <Suspense fallback={<div className="tabs-loading" aria-busy="true" />}>
        <PaneTabs
          tab={tab}
          onTab={setTab}
          labels={{ table: t.tabTable, check: t.tabCheck, formula: t.tabFormula, progress: progressStrings(lang).tab }}
          formulaDisabled={!!linkedMissing}
        />
      </Suspense>

      <Later>
        {tab === 'progress' ? (
          <Progress
            key={region}
            region={current}
            lang={lang}
            busy={busy}
            method={method}
            readActuals={actions.readActuals ? () => actions.readActuals!(region) : undefined}
            insertOverview={actions.insertOverview?.bind(actions)}
            onNotice={(kind, text) => setNotice({ kind, text })}
          />
        ) : null}

        {tab === 'table' ? <RegionTable region={current} lang={lang} /> : null}

        {tab === 'check' ? (
          <CheckTab
            plan={plan}
            current={current}
            lang={lang}
            busy={busy}
            method={method}
            actions={actions}
            checked={checked}
            setChecked={setChecked}
            importName={importName}
            setImportName={setImportName}
            attempt={(op) => attempt(op)}
            setNotice={setNotice}
            importPlan={importPlan}
          />
        ) : null}

        {tab === 'formula' ? <FormulaTab current={current} lang={lang} busy={busy} write={(f) => void writeFormula(f, false)} /> : null}
      </Later>

      {actions.selfTest ? (
        <Later>
          <SelfTest run={actions.selfTest} lang={lang} />
        </Later>
      ) : null}

      {ask ? (
        <Later>
          <AskDialog ask={ask} cancel={t.cancel} onClose={() => setAsk(null)} />
        </Later>
      ) : null}
    </div>
  );
}
