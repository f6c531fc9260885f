/** The formula builder tab: a chunk of its own, loaded when the tab is opened (App.tsx). */
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { periodOf, type Region } from '../../core/plan/model';
import type { Lang } from '../../core/plan/plan';
import { BUILDABLE, buildFormula, type Buildable } from '../../functions/formula';
import { strings } from '../shared/i18n';

export interface FormulaTabProps {
  current: Region;
  lang: Lang;
  busy: boolean;
  /** Write the formula into the active cell (App asks before replacing a cell that holds something). */
  write: (formula: string) => void;
}

export function FormulaTab({ current, lang, busy, write }: FormulaTabProps): ReactElement {
  const t = strings(lang);
  const [fn, setFn] = useState<Buildable>('TARGET');
  const [indicator, setIndicator] = useState<string>('');
  const currentPeriod = periodOf(current);
  const formulaYears: number[] = [];
  for (let y = currentPeriod.baselines[0]; y <= currentPeriod.target; y++) formulaYears.push(y);
  const [chosenYear, setYear] = useState(currentPeriod.target);
  // Another region's plan may have other years: keep the chosen year when it is one of them, else its target year.
  const year = formulaYears.includes(chosenYear) ? chosenYear : currentPeriod.target;
  const [actual, setActual] = useState('');
  const chosen = current.entries.find((e) => e.indicator.id === indicator) ?? current.entries[0];
  const formula = chosen ? buildFormula(fn, current.name, chosen.name, year, actual) : '';
  return (
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
          {formulaYears.map((y) => (
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
      <Button appearance="primary" disabled={busy || !formula} onClick={() => write(formula)} data-action="write-formula">
        {t.writeFormula}
      </Button>
    </div>
  );
}
