/** A region's indicator table in the pane and a row's detail (sources, conflicts, definition): a chunk of its own. */
import { Badge, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Tooltip } from '@fluentui/react-components';
import { targetText } from '../../core/plan/rows';
import { Fragment, useState, type ReactElement } from 'react';
import { periodOf, type Entry, type Region, type Value } from '../../core/plan/model';
import type { Lang } from '../../core/plan/plan';
import { describeConflict, describeCorroboration, describeDefinition, describeSource } from '../../core/plan/plan';
import { strings } from '../shared/i18n';
import { unitLabel } from '../../core/plan/units';

export { NoticeBar } from './Notice';

function valueText(e: Entry, year: number): string {
  return e.values[year]?.raw ?? '';
}

/** "2025年目标" / "2025 target", in the year of the plan's period. */
function targetLabel(year: number, lang: Lang): string {
  return lang === 'zh' ? `${year}年目标` : `${year} target`;
}

/** Where a figure was written, in the pane's words: table or text, file and line (or cell), and the quote. */
function sourceText(v: Pick<Value, 'source'>, lang: Lang): string {
  const s = v.source;
  const at = s.cell ? `${s.seed}!${s.cell}` : `${s.seed}:${s.endLine ? `${s.line}-${s.endLine}` : s.line}`;
  const kinds: Record<string, Record<Lang, string>> = { table: { zh: '指标表', en: 'table' }, prose: { zh: '正文', en: 'text' } };
  return `${kinds[s.kind]?.[lang] ?? s.kind} ${at} “${s.quote}”`;
}

export function EntryDetail({ e, lang }: { e: Entry; lang: Lang }): ReactElement {
  const t = strings(lang);
  const p = periodOf(e);
  const items = [...p.baselines.map((y) => [String(y), e.values[y]] as const), [targetLabel(p.target, lang), e.target] as const];
  return (
    <div className="detail">
      <Text weight="semibold">{lang === 'zh' ? e.name : `${e.indicator.en || e.name} “${e.name}”`}</Text>
      <div className="definition">{`${lang === 'zh' ? '定义' : 'Definition'}: ${describeDefinition(e, lang)}`}</div>
      {items.map(([label, v]) => (v ? <div key={label}>{`${label}: ${v.raw} — ${sourceText(v, lang)}`}</div> : null))}
      {(e.milestones ?? []).map((m) => (
        <div key={`m${m.year}`}>{`${m.year}: ${m.raw} — ${sourceText(m, lang)}`}</div>
      ))}
      {(e.corroborations ?? []).map((c, i) => (
        <div key={`c${i}`} className="corroboration">
          {describeCorroboration(c, lang)}
        </div>
      ))}
      {e.conflicts.map((c, i) => (
        <div key={i} className="conflict">
          {`${t.conflicts}: ${describeConflict(c, lang)}`}
        </div>
      ))}
      {e.remark ? <div className="remark">{lang === 'zh' ? e.remark : `Remark (in Chinese): “${e.remark}”`}</div> : null}
    </div>
  );
}

export function RegionTable({ region, lang }: { region: Region; lang: Lang }): ReactElement {
  const t = strings(lang);
  const [open, setOpen] = useState<string | null>(null);
  const entries = region.entries;
  const period = periodOf(region);
  // The last baseline always has its column; an earlier one when the plan states any value for it (2019 in 九江's table).
  const years = period.baselines.filter((y, i) => i === period.baselines.length - 1 || entries.some((e) => e.values[y]));
  return (
    <Table size="small" aria-label={t.tabTable} className="region-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className="name-col">{t.indicator}</TableHeaderCell>
          <TableHeaderCell>{t.unit}</TableHeaderCell>
          {years.map((y) => (
            <TableHeaderCell key={y}>{y}</TableHeaderCell>
          ))}
          <TableHeaderCell>{targetLabel(period.target, lang)}</TableHeaderCell>
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
                  <Tooltip content={t.proseHelp} relationship="description">
                    <Badge size="small" appearance="outline" title={t.proseHelp} data-prose="">
                      {t.prose}
                    </Badge>
                  </Tooltip>
                ) : null}
                {years.some((y) => e.values[y]?.estimate) ? (
                  <Badge size="small" color="informative">
                    {t.estimate}
                  </Badge>
                ) : null}
                {e.conflicts.length ? <Badge size="small" color="warning">{`${t.conflicts} ${e.conflicts.length}`}</Badge> : null}
              </TableCell>
              <TableCell>{unitLabel(e, lang)}</TableCell>
              {years.map((y) => (
                <TableCell key={y}>{valueText(e, y)}</TableCell>
              ))}
              <TableCell>{targetText(e)}</TableCell>
            </TableRow>
            {open === e.indicator.id ? (
              <TableRow>
                <TableCell colSpan={years.length + 3}>
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
