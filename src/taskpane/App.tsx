/**
 * The task pane. It knows the plan (to show tables, match templates, build formulas) and receives every
 * workbook operation as a prop (`actions`), so it renders and is tested without Office.
 */
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Tooltip,
} from '@fluentui/react-components';
import { Fragment, useMemo, useState, type ReactElement } from 'react';
import { FILL, type Mode } from '../core/layout';
import type { Entry } from '../core/model';
import type { Lang, Plan } from '../core/plan';
import { describeConflict, describeSource } from '../core/plan';
import { STATUS_LABELS } from '../core/status';
import { flagTemplate, matchTemplate, type Flag, type TemplateMatch } from '../core/template';
import { BUILDABLE, buildFormula, type Buildable } from '../functions/formula';
import { strings } from './i18n';
import { describeRefusal, type Refusal } from '../core/cells';

export interface Selection {
  /** The sheet the values were read from (marks are painted there, whichever sheet is active by then). */
  sheet: string;
  values: unknown[][];
  address: string;
  rowIndex: number;
  columnIndex: number;
}

/** One cell to colour: 0-based sheet row and column, fill RRGGBB. */
export interface MarkCell {
  row: number;
  col: number;
  fill: string;
}

export interface RefreshSummary {
  tables: number;
  /** Rows whose figures were rewritten. */
  changed: number;
  /** Cells a person edited, kept as they are (Sheet!A1); empty after `overwriteEdits`. */
  edits: string[];
  /** Tables the add-in inserted that are no longer in the workbook (renamed, converted to a range, deleted), by name. */
  missing: string[];
  /** Rows a person deleted from a table: not added back (indicator ids). */
  removed: string[];
  /** New rows not added because the cells under a table hold something (the refusal, in the pane's language). */
  blocked: string[];
}

/**
 * What the pane asks of the workbook. Every host (the Excel adapter in src/office, a WPS adapter, the legacy pane)
 * implements the same contract, judging cells with src/core/cells.ts and recording with src/core/ledger.ts:
 * - `insertHere` and `writeFormula` write only into free cells (no value and no formula; for insertion also no
 *   merged area and no table crossing the block); otherwise they write nothing and reject with `Occupied`,
 *   carrying the refusal (which cells, areas or tables).
 * - `readSelection` returns the sheet name with the values; `markCells(selection, cells)` paints only when that
 *   block on that sheet still holds what was read (else rejects with `Refused`), saves each cell's previous fill
 *   in the workbook, and replaces earlier marks (marking twice does not stack); `clearMarks` restores the fills.
 * - `refresh` keeps cells a person edited (listed in `edits`) unless called with `{ overwriteEdits: true }`,
 *   and names the tables it expected and did not find.
 * Other rejections are Errors whose message is shown in plain words.
 */
export interface PaneActions {
  /** Insert on new sheets; resolves to a description of what was made. */
  insertNew(regions: string[], mode: Mode): Promise<string>;
  /** Insert at the selected cell; rejects with `Occupied` when the block is not free. */
  insertHere(region: string, mode: Mode): Promise<string>;
  refresh(options?: { overwriteEdits?: boolean }): Promise<RefreshSummary>;
  readSelection(): Promise<Selection>;
  markCells(selection: Selection, cells: MarkCell[]): Promise<{ marked: number; restored: number; left: string[] }>;
  clearMarks(): Promise<{ restored: number; left: string[] }>;
  /** Rejects with `Occupied` when the active cell holds a value or formula and `replace` is false. */
  writeFormula(formula: string, replace: boolean): Promise<string>;
}

/** An operation refused because cells are not free; the pane asks before doing anything else. */
export class Occupied extends Error {
  constructor(
    readonly address: string,
    readonly refusal?: Refusal,
    readonly sheet?: string,
  ) {
    super(`occupied: ${address}`);
    this.name = 'Occupied';
  }
}

/** An operation refused outright (marks on cells that changed since they were read, or on a sheet that is gone). */
export class Refused extends Error {
  constructor(
    readonly refusal: Refusal,
    readonly sheet: string,
  ) {
    super(`refused: ${refusal.kind}`);
    this.name = 'Refused';
  }
}

export type Notice = { kind: 'success' | 'error' | 'info' | 'warning'; text: string } | null;
type Ask = { text: string; confirm: string; run: () => Promise<void> } | null;

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

/** The message bar under the buttons. */
export function NoticeBar({ notice }: { notice: NonNullable<Notice> }): ReactElement {
  return (
    <MessageBar intent={notice.kind} className="notice" data-notice={notice.kind}>
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}

function valueText(e: Entry, year: 2019 | 2020): string {
  return e.values[year]?.raw ?? '';
}

function EntryDetail({ e, lang }: { e: Entry; lang: Lang }): ReactElement {
  const t = strings(lang);
  const items = [
    ['2019', e.values[2019]],
    ['2020', e.values[2020]],
    [t.target, e.target],
  ] as const;
  return (
    <div className="detail">
      <Text weight="semibold">{e.name}</Text>
      {items.map(([label, v]) => (v ? <div key={label}>{`${label}: ${v.raw} — ${describeSource(v)}`}</div> : null))}
      {e.conflicts.map((c, i) => (
        <div key={i} className="conflict">
          {`${t.conflicts}: ${describeConflict(c, lang)}`}
        </div>
      ))}
      {e.remark ? <div className="remark">{e.remark}</div> : null}
    </div>
  );
}

function RegionTable({ entries, lang }: { entries: Entry[]; lang: Lang }): ReactElement {
  const t = strings(lang);
  const [open, setOpen] = useState<string | null>(null);
  const has2019 = entries.some((e) => e.values[2019]);
  return (
    <Table size="small" aria-label={t.tabTable} className="region-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className="name-col">{t.indicator}</TableHeaderCell>
          <TableHeaderCell>{t.unit}</TableHeaderCell>
          {has2019 ? <TableHeaderCell>2019</TableHeaderCell> : null}
          <TableHeaderCell>2020</TableHeaderCell>
          <TableHeaderCell>{t.target}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((e) => (
          <Fragment key={e.indicator.id}>
            <TableRow onClick={() => setOpen(open === e.indicator.id ? null : e.indicator.id)} data-indicator={e.indicator.id}>
              <TableCell>
                <Tooltip content={e.target ? describeSource(e.target) : e.indicator.zh} relationship="description">
                  <span>{lang === 'zh' ? e.name : e.indicator.en}</span>
                </Tooltip>
                {e.row === undefined ? (
                  <Badge size="small" appearance="outline">
                    {t.prose}
                  </Badge>
                ) : null}
                {[e.values[2019], e.values[2020]].some((v) => v?.estimate) ? (
                  <Badge size="small" color="informative">
                    {t.estimate}
                  </Badge>
                ) : null}
                {e.conflicts.length ? <Badge size="small" color="warning">{`${t.conflicts} ${e.conflicts.length}`}</Badge> : null}
              </TableCell>
              <TableCell>{lang === 'en' && e.unit === e.indicator.unit ? e.indicator.unitEn : e.unit}</TableCell>
              {has2019 ? <TableCell>{valueText(e, 2019)}</TableCell> : null}
              <TableCell>{valueText(e, 2020)}</TableCell>
              <TableCell>{e.target?.raw ?? ''}</TableCell>
            </TableRow>
            {open === e.indicator.id ? (
              <TableRow>
                <TableCell colSpan={has2019 ? 5 : 4}>
                  <EntryDetail e={e} lang={lang} />
                </TableCell>
              </TableRow>
            ) : null}
          </Fragment>
        ))}
      </TableBody>
    </Table>
  );
}

export interface AppProps {
  plan: Plan;
  actions: PaneActions;
  lang: Lang;
}

export function App({ plan, actions, lang }: AppProps): ReactElement {
  const t = strings(lang);
  const regions = plan.regions();
  const [region, setRegion] = useState(regions[regions.length - 1].name);
  const [mode, setMode] = useState<Mode>('linked');
  const [tab, setTab] = useState<'table' | 'check' | 'formula'>('table');
  const [notice, setNotice] = useState<Notice>(null);
  const [ask, setAsk] = useState<Ask>(null);
  const [busy, setBusy] = useState(false);
  const current = useMemo(() => plan.region(region), [plan, region]);

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

  // Refresh: hand edits are kept and listed; the person may then confirm overwriting them.
  const refresh = (overwriteEdits: boolean): Promise<void> =>
    attempt(async () => {
      const r = await actions.refresh(overwriteEdits ? { overwriteEdits: true } : undefined);
      setNotice(refreshNotice(r, lang));
      if (r.edits.length) setAsk({ text: t.askOverwrite(r.edits), confirm: t.overwrite, run: () => refresh(true) });
    });

  const insertNew = (names: string[]): Promise<void> =>
    attempt(async () => setNotice({ kind: 'success', text: t.inserted(await actions.insertNew(names, mode)) }));

  // Template check
  const [selection, setSelection] = useState<Selection | null>(null);
  const [match, setMatch] = useState<TemplateMatch | null>(null);
  const [flags, setFlags] = useState<Flag[]>([]);
  const readTemplate = (): Promise<void> =>
    attempt(async () => {
      const sel = await actions.readSelection();
      const m = matchTemplate(sel.values, current, plan.resolver);
      setSelection(sel);
      setMatch(m);
      setFlags(flagTemplate(sel.values, m));
      setNotice(null);
    });

  // Formula builder
  const [fn, setFn] = useState<Buildable>('TARGET');
  const [indicator, setIndicator] = useState<string>('');
  const [year, setYear] = useState(2025);
  const [actual, setActual] = useState('');
  const chosen = current.entries.find((e) => e.indicator.id === indicator) ?? current.entries[0];
  const formula = chosen ? buildFormula(fn, current.name, chosen.name, year, actual) : '';
  const writeFormula = (replace: boolean): Promise<void> =>
    attempt(
      async () => setNotice({ kind: 'success', text: t.written(await actions.writeFormula(formula, replace)) }),
      (_address, why) => ({ text: `${why} ${t.askReplace}`, confirm: t.replace, run: () => writeFormula(true) }),
    );

  return (
    <div className="pane" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <Text as="h1" size={500} weight="semibold">
        {t.title}
      </Text>
      <Field label={t.region}>
        <Select value={region} onChange={(_e, d) => setRegion(d.value)} aria-label={t.region}>
          {regions.map((r) => (
            <option key={r.name} value={r.name}>
              {lang === 'zh' ? `${r.name} — ${r.planTitle}` : `${r.en} — ${r.planTitle}`}
            </option>
          ))}
        </Select>
      </Field>
      <Text size={200} className="plan-meta">
        {`${current.planTitle}${current.issuingNumber ? `（${current.issuingNumber}）` : ''} · ${current.seed} · ${t.version(plan.dataset.version)}`}
      </Text>
      <Field label={t.mode}>
        <RadioGroup value={mode} onChange={(_e, d) => setMode(d.value as Mode)}>
          <Radio value="linked" label={t.linked} />
          <Radio value="plain" label={t.plain} />
        </RadioGroup>
      </Field>
      <div className="buttons">
        <Button appearance="primary" disabled={busy} onClick={() => void insertNew([region])} data-action="insert">
          {t.insertNew}
        </Button>
        <Button
          disabled={busy}
          data-action="insert-here"
          onClick={() =>
            void attempt(
              async () => setNotice({ kind: 'success', text: t.inserted(await actions.insertHere(region, mode)) }),
              (_address, why) => ({ text: `${why} ${t.askNewSheet}`, confirm: t.useNewSheet, run: () => insertNew([region]) }),
            )
          }
        >
          {t.insertHere}
        </Button>
        <Button disabled={busy} onClick={() => void insertNew(regions.map((r) => r.name))} data-action="insert-all">
          {t.allRegions}
        </Button>
        <Button disabled={busy} data-action="refresh" onClick={() => void refresh(false)}>
          {t.refresh}
        </Button>
      </div>
      {notice ? <NoticeBar notice={notice} /> : null}
      <Text size={200} className="legend">
        <span className="swatch amber" /> <span className="swatch red" /> {t.legend}
      </Text>

      <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(d.value as typeof tab)}>
        <Tab value="table">{t.tabTable}</Tab>
        <Tab value="check">{t.tabCheck}</Tab>
        <Tab value="formula">{t.tabFormula}</Tab>
      </TabList>

      {tab === 'table' ? <RegionTable entries={current.entries} lang={lang} /> : null}

      {tab === 'check' ? (
        <div className="check">
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
              <ul className="flags">
                {flags.map((f) => (
                  <li key={`${f.row}-${f.col}`} data-status={f.assessment.status}>
                    {`${f.label} ${f.assessment.year}: ${f.assessment.actual} — ${STATUS_LABELS[f.assessment.status][lang]}; ${t.expected} ${f.assessment.expected}; ${t.gap} ${f.assessment.gap}`}
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
                          fill: f.assessment.status === 'slightly_behind' ? FILL.slightlyBehind : FILL.behind,
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
        </div>
      ) : null}

      {tab === 'formula' ? (
        <div className="formula">
          <Field label={t.fn}>
            <Select value={fn} onChange={(_e, d) => setFn(d.value as Buildable)}>
              {BUILDABLE.map((f) => (
                <option key={f} value={f}>{`PLAN.${f}`}</option>
              ))}
            </Select>
          </Field>
          <Field label={t.indicator}>
            <Select value={chosen?.indicator.id ?? ''} onChange={(_e, d) => setIndicator(d.value)}>
              {current.entries.map((e) => (
                <option key={e.indicator.id} value={e.indicator.id}>
                  {lang === 'zh' ? e.name : e.indicator.en}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t.year}>
            <Select value={String(year)} onChange={(_e, d) => setYear(Number(d.value))}>
              {[2019, 2020, 2021, 2022, 2023, 2024, 2025].map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t.actualCell}>
            <Input value={actual} onChange={(_e, d) => setActual(d.value)} placeholder="B7" />
          </Field>
          <code className="formula-preview">{formula}</code>
          <Button appearance="primary" disabled={busy || !formula} onClick={() => void writeFormula(false)} data-action="write-formula">
            {t.writeFormula}
          </Button>
        </div>
      ) : null}

      <Dialog open={ask !== null} onOpenChange={(_e, d) => !d.open && setAsk(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.title}</DialogTitle>
            <DialogContent>{ask?.text}</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => setAsk(null)}>
                {t.cancel}
              </Button>
              <Button
                appearance="primary"
                data-action="confirm"
                onClick={() => {
                  const run = ask?.run;
                  setAsk(null);
                  if (run) void run();
                }}
              >
                {ask?.confirm}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
