/**
 * The progress view: each indicator of a region as a bar from its baseline (left edge) to its target (right
 * edge), a tick where the plan's path expects it in the chosen year, and the actual where one is entered — read
 * from the region's inserted table. Plain divs, no chart library. Figures and statuses come from the core;
 * statuses and their counts by the method the pane chose (as the sheet's status column judges), the tick on the
 * linear path (序时进度).
 */
import { Badge, Button, Field, Select, Text } from '@fluentui/react-components';
import { useState, type CSSProperties, type ReactElement } from 'react';
import { finalAssessment, numericTarget, ROW_STATUSES, ROW_STATUS_LABELS, rowStatus, type RowStatus } from '../../core/progress/assessment';
import { actualYears, FILL } from '../../core/sheet/layout';
import { baseYearOf, periodOf, type Entry, type Region } from '../../core/plan/model';
import type { MethodId } from '../../core/progress/methods';
import { overviewCounts, type RegionActuals } from '../../core/sheet/overview';
import type { Lang } from '../../core/plan/plan';
import { expectedValue, holdsEveryYear, statedBaseline } from '../../core/progress/trajectory';
import { unitLabel } from '../../core/plan/units';
import { progressStrings } from './progressWords';

export { progressStrings, type ProgressStrings } from './progressWords';

/** Bar colours by status: the sheet's flag colours for behind, a calm blue and green otherwise. */
const COLOUR: Record<RowStatus, string> = {
  achieved: '#107C10',
  on_track: '#5B9BD5',
  slightly_behind: `#${FILL.slightlyBehind}`,
  behind: `#${FILL.behind}`,
  moving_away: '#C50F1F',
  no_path: '#8A8886',
  qualitative: '#8A8886',
  no_data: '#C8C6C4',
};

function fmt(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

interface BarModel {
  from: number;
  to: number;
  /** Position (0 = baseline, 1 = target) of the expected value in the chosen year, or null. */
  expected: { value: number; at: number } | null;
  actual: { year: number; value: number; at: number } | null;
  noBaseline: boolean;
}

/** Where the numbers fall on a bar from baseline (0) to target (1); a growth rate runs from 0 to the target rate. */
export function barModel(e: Entry, year: number, actuals: Record<number, number | null | undefined>): BarModel | null {
  const target = numericTarget(e);
  if (target === null) return null;
  let from = 0;
  let noBaseline = false;
  if (!holdsEveryYear(e)) {
    const b = statedBaseline(e);
    if (b) from = b.value;
    else noBaseline = true;
  }
  const at = (v: number): number =>
    target === from ? (Math.sign(v - target) * (e.indicator.direction === 'down' ? -1 : 1) >= 0 ? 1 : 0) : (v - from) / (target - from);
  let expected: BarModel['expected'] = null;
  if (!noBaseline) {
    try {
      const v = expectedValue(e, year);
      expected = { value: v, at: at(v) };
    } catch {
      expected = null;
    }
  }
  let actual: BarModel['actual'] = null;
  for (let y = year; y > baseYearOf(periodOf(e)); y--) {
    const v = actuals[y];
    if (typeof v === 'number' && Number.isFinite(v)) {
      actual = { year: y, value: v, at: at(v) };
      break;
    }
  }
  return { from, to: target, expected, actual, noBaseline };
}

const clamp = (x: number): number => Math.max(0, Math.min(1, x));

function Bar({ model, status, label }: { model: BarModel; status: RowStatus; label: string }): ReactElement {
  const track: CSSProperties = { position: 'relative', height: 12, background: '#F3F2F1', border: '1px solid #E1DFDD', borderRadius: 2 };
  const fill: CSSProperties = {
    position: 'absolute',
    left: 0,
    top: 0,
    bottom: 0,
    width: `${clamp(model.actual?.at ?? 0) * 100}%`,
    background: COLOUR[status],
  };
  const tick: CSSProperties = { position: 'absolute', top: -3, bottom: -3, width: 2, background: '#323130' };
  return (
    <div style={track} role="img" aria-label={label} data-bar="">
      {model.actual ? <div style={fill} data-actual={fmt(model.actual.at)} /> : null}
      {model.expected ? (
        <div style={{ ...tick, left: `calc(${clamp(model.expected.at) * 100}% - 1px)` }} data-expected={fmt(model.expected.at)} />
      ) : null}
    </div>
  );
}

export interface ProgressProps {
  region: Region;
  lang: Lang;
  /** Actual values already read (tests, or a previous read). */
  initialActuals?: RegionActuals;
  readActuals?: (region: string) => Promise<RegionActuals>;
  insertOverview?: () => Promise<string>;
  /** Report an error or a result to the pane's notice bar. */
  onNotice?: (kind: 'success' | 'error' | 'info', text: string) => void;
  busy?: boolean;
  /** The method statuses judge by (the pane's choice, as the sheets it inserts); linear by default. */
  method?: MethodId;
}

export function Progress({
  region,
  lang,
  initialActuals,
  readActuals,
  insertOverview,
  onNotice,
  busy,
  method = 'linear',
}: ProgressProps): ReactElement {
  const t = progressStrings(lang);
  const period = periodOf(region);
  const years = actualYears(period);
  const [chosen, setYear] = useState(period.target);
  // A region of another period chosen after this one: its target year, not a year outside its plan.
  const year = years.includes(chosen) ? chosen : period.target;
  const [actuals, setActuals] = useState<RegionActuals>(initialActuals ?? {});
  const counts = overviewCounts(region, actuals, method);
  const numeric = region.entries.filter((e) => numericTarget(e) !== null);
  const words = region.entries.filter((e) => numericTarget(e) === null);
  const name = (e: Entry): string => (lang === 'zh' ? e.name : e.indicator.en);
  const read = async (): Promise<void> => {
    if (!readActuals) return;
    try {
      const a = await readActuals(region.name);
      setActuals(a);
      if (Object.keys(a).length === 0) onNotice?.('info', t.read0);
    } catch (err) {
      onNotice?.('error', err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div className="progress" data-view="progress">
      <Text size={200}>{t.help(period.target)}</Text>
      <Text size={200} data-method={method}>
        {t.judgedBy(method)}
      </Text>
      <div className="buttons">
        <Field label={t.year}>
          <Select value={String(year)} onChange={(_e, d) => setYear(Number(d.value))} aria-label={t.year}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        {readActuals ? (
          <Button disabled={busy} onClick={() => void read()} data-action="read-actuals">
            {t.read}
          </Button>
        ) : null}
        {insertOverview ? (
          <Button
            disabled={busy}
            data-action="insert-overview"
            onClick={() =>
              void insertOverview().then(
                (sheet) => onNotice?.('success', `${lang === 'zh' ? '已插入：' : 'Inserted: '}${sheet}`),
                (err: unknown) => onNotice?.('error', err instanceof Error ? err.message : String(err)),
              )
            }
          >
            {t.insertOverview}
          </Button>
        ) : null}
      </div>
      <Text weight="semibold">{t.summary}</Text>
      <div className="status-summary" data-summary="">
        {ROW_STATUSES.filter((s) => counts.byStatus[s] > 0).map((s) => (
          <Badge key={s} appearance="tint" style={{ borderColor: COLOUR[s] }} data-status={s}>
            {`${ROW_STATUS_LABELS[s][lang]} ${counts.byStatus[s]}`}
          </Badge>
        ))}
      </div>
      {counts.assessedFinal ? <Text size={200}>{t.final(counts.targetYear, counts.metFinal, counts.assessedFinal)}</Text> : null}
      {/* Said once for every row it concerns (marked *), not repeated on each. */}
      {numeric.some((e) => barModel(e, year, actuals[e.indicator.id] ?? {})?.noBaseline) ? (
        <Text size={200} italic data-note="no-baseline">{`* ${t.noBaseline}`}</Text>
      ) : null}
      <ul className="progress-list" style={{ listStyle: 'none', padding: 0 }}>
        {numeric.map((e) => {
          const a = actuals[e.indicator.id] ?? {};
          const model = barModel(e, year, a)!;
          const status = rowStatus(e, Object.fromEntries(Object.entries(a).filter(([y]) => Number(y) <= year)), method);
          // A scaled unit reads as a multiplier: "3 × 10,000 enterprises", not "3 10,000 enterprises".
          const unit = unitLabel(e, lang).replace(/^(?=\d)/, '× ');
          const final = year === period.target && model.actual?.year === period.target ? finalAssessment(e, model.actual.value) : null;
          const facts = [
            `${model.noBaseline ? '0' : `${t.baseline} ${fmt(model.from)}`} → ${t.target} ${fmt(model.to)} ${unit}`.trim(),
            model.expected ? `${t.expected(year)} ${fmt(model.expected.value)}` : null,
            model.actual ? `${t.actual(model.actual.year)} ${fmt(model.actual.value)}` : t.noActual,
          ].filter(Boolean);
          return (
            <li key={e.indicator.id} data-indicator={e.indicator.id} data-status={status} style={{ margin: '6px 0' }}>
              <Text size={200} weight="semibold">
                {name(e)}
              </Text>{' '}
              <Badge size="small" appearance="outline">
                {ROW_STATUS_LABELS[status][lang]}
              </Badge>
              {final ? (
                <Badge size="small" color={final.met ? 'success' : 'danger'} data-met={final.met ? 'met' : 'not_met'}>
                  {`${final.met ? t.met : t.notMet}${final.reached !== null ? ` · ${t.reached} ${Math.round(final.reached * 1000) / 10}%` : ''}`}
                </Badge>
              ) : null}
              <Bar model={model} status={status} label={`${name(e)}: ${facts.join('; ')}`} />
              <Text size={100}>{facts.join(' · ')}</Text>
              {model.noBaseline ? (
                <Text size={100} italic data-no-baseline="">
                  {' *'}
                </Text>
              ) : null}
            </li>
          );
        })}
      </ul>
      {words.length ? (
        <>
          <Text weight="semibold">{t.qualitative}</Text>
          <ul>
            {words.map((e) => (
              // The target as the plan wrote it: quoted, it is the plan's own words (Chinese in an English pane too).
              <li key={e.indicator.id} data-indicator={e.indicator.id}>{`${name(e)}: ${e.target ? `“${e.target.raw}”` : '—'}`}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
