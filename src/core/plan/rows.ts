/** A region's indicator table as rows of cells: what `plan table` prints and `PLAN.TABLE` spills. */
import { figureText, rangeOf } from './parse';
import { periodOf, type Entry, type Lang, type Period, type Region, type Value } from './model';

export type Cell = string | number | null;

export interface RegionRows {
  header: string[];
  rows: Cell[][];
  /** Footnotes: the plan's own table note, and what the marks mean. */
  notes: string[];
}

/** The header for a plan's period: for the seeds 2019年, 2020年, 2025年目标… */
function headers(p: Period, lang: Lang): string[] {
  const T = p.target;
  return lang === 'zh'
    ? ['序号', '指标', '单位', ...p.baselines.map((y) => `${y}年`), `${T}年目标（原文）`, `${T}年目标值`, '标记', '来源']
    : ['No.', 'Indicator', 'Unit', ...p.baselines.map(String), `${T} target (as written)`, `${T} target value`, 'Marks', 'Source'];
}

/** The entry's stated baselines in year order (2019, 2020 for the seeds). */
function stated(e: Entry): Value[] {
  return Object.keys(e.values)
    .map(Number)
    .sort((a, b) => a - b)
    .map((y) => e.values[y] as Value);
}

/** What a value shows in a table: the number when there is one, else the words as written. */
export function cellOf(v: Value | undefined, asWritten: boolean): Cell {
  if (!v) return null;
  if (asWritten || v.value === null) return v.raw;
  return v.value;
}

/** Short marks for a row: staged targets, estimates, conflicts, qualitative target, stated only in prose. */
export function marksOf(e: Entry, lang: Lang): string {
  const zh = lang === 'zh';
  const marks: string[] = [];
  // A staged target has no column of its own: the path runs through it, and the mark says what it is.
  for (const m of e.milestones ?? []) marks.push(zh ? `${m.year}年阶段目标${m.raw}` : `${m.year} staged target “${m.raw}”`);
  const estimates = [...stated(e), e.target].filter((v) => v?.estimate);
  if (estimates.length) marks.push(zh ? '预计数' : 'estimate');
  if (e.conflicts.length) marks.push(zh ? `冲突${e.conflicts.length}处` : `${e.conflicts.length} conflict(s)`);
  if (e.target?.qualitative) marks.push(zh ? '定性目标' : 'qualitative');
  if (e.row === undefined) marks.push(zh ? '正文' : 'prose');
  return marks.join(zh ? '；' : '; ');
}

export function sourceLines(e: Entry): string {
  const lines = new Set<string>();
  for (const v of [...stated(e), e.target]) {
    // A figure from an imported table names its cell (D5); a seed figure its line (12, or 12-13 when broken).
    if (v) lines.add(v.source.cell ?? (v.source.endLine ? `${v.source.line}-${v.source.endLine}` : `${v.source.line}`));
  }
  return `${e.region}:${[...lines].join(',')}`;
}

export function regionRows(region: Region, lang: Lang, asWritten = true): RegionRows {
  const rows: Cell[][] = region.entries.map((e) => [
    e.row ?? null,
    lang === 'zh' ? e.name : e.indicator.en,
    lang === 'zh' ? e.unit : e.indicator.unitEn,
    ...periodOf(region).baselines.map((y) => cellOf(e.values[y], asWritten)),
    e.target?.raw ?? null,
    e.target?.value ?? null,
    marksOf(e, lang),
    sourceLines(e),
  ]);
  const notes: string[] = [];
  if (region.table?.footnote) notes.push(region.table.footnote);
  notes.push(
    lang === 'zh'
      ? `来源：${region.seed}（${region.imported ? '单元格' : '行号'}）；“预计数”为规划标注的估计值（[ ] 或 *）；“冲突”指正文与表格表述不一致，详见 plan info <地区> <指标> conflicts。`
      : `Source: ${region.seed} (${region.imported ? 'cells' : 'line numbers'}); "estimate": marked by the plan ([ ] or *); "conflict": the text and the table disagree, see plan info <region> <indicator> conflicts.`,
  );
  return { header: headers(periodOf(region), lang), rows, notes };
}

/** The target as written and, for a range added to a baseline ("新增 2-5"), the level range it means ("36–39"). */
export function targetText(e: Entry): string {
  const t = e.target;
  if (!t) return '';
  return t.increment && rangeOf(t) ? `${t.raw}（${figureText(t)}）` : t.raw;
}
