/**
 * Sealing a package a manager edited by hand (`plan seal`): each resource's sha256 and bytes recomputed, the version
 * bumped, the edited figures found and marked in their quote, the conflict notes that spoke of the old figure
 * rewritten, and one change-log entry added to `datapackage.json`. Pure: file texts in, file texts out.
 *
 * The previous sealed state is what the package itself says: each figure's `quote` is the text its `raw` was read
 * from (the seed's words, or for a table plan the cell itself). A figure whose raw is no longer in its quote was
 * edited after the package was published or last sealed. Its quote is then rewritten to lead with the new text,
 * then who changed it, why and when, then the original quote, so that it no longer claims the old number and the
 * seed's words are not lost:  `12000（经编辑：据2023年调整文件；编辑：李四；2026-12-03。原文：2000）`.
 * A plan imported from a table must keep quote = raw (the reader's rule), so its edits are only written to the log.
 */
import { rawInQuote } from '../plan/parse';
import type { IndicatorDef } from '../plan/model';
import { fileOf, PackageError, parseCsv, RESOURCES, SCHEMAS, toCsv, utf8Length, type ResourceName, type Sha256 } from './packageFormat';
import { packageVersion } from './packageWriter';
import { readPackage, type LoadedPackage } from './packageReader';

/** Where an edited figure's quote stops claiming a text of its own: what comes before it is the figure as it now reads. */
export const EDIT_MARK = '（经编辑：';
const ORIGINAL_MARK = '。原文：';
/** A conflict note rewritten by a seal: the new verdict first, then the note as it was before the first edit. */
const NOTE_MARK = '经编辑（';
const NOTE_BEFORE = '。编辑前的注：';

/** The text a quote claims now: for a quote a seal marked, the part before the mark; else the whole quote. */
export function quoteClaim(quote: string): string {
  const at = quote.indexOf(EDIT_MARK);
  return at < 0 ? quote : quote.slice(0, at);
}

/** The seed's words a quote was first taken from, kept through any number of seals. */
export function originalQuote(quote: string): string {
  if (!quote.includes(EDIT_MARK)) return quote;
  const at = quote.lastIndexOf(ORIGINAL_MARK);
  return at < 0 ? quote : quote.slice(at + ORIGINAL_MARK.length).replace(/）$/, '');
}

/**
 * `rawInQuote`, where a piece that begins or ends with a digit must not be cut out of a longer number: "200" is not
 * in "2000", nor "5" in "1.5", so an edit 2000 → 200 is found.
 */
export function figureInQuote(raw: string, quote: string): boolean {
  if (!rawInQuote(raw, quote)) return false;
  let from = 0;
  for (const piece of raw.split('…')) {
    const cut = (at: number): boolean =>
      (/^\d/.test(piece) && /[\d.]$/.test(quote.slice(0, at))) || (/\d$/.test(piece) && /^(\d|\.\d)/.test(quote.slice(at + piece.length)));
    let at = quote.indexOf(piece, from);
    while (at >= 0 && cut(at)) at = quote.indexOf(piece, at + 1);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}

/** One figure found edited: where it stands and what its quote said before. */
export interface EditedFigure {
  line: number;
  region: string;
  indicator: string;
  role: string;
  field: string;
  period: string;
  /** What the quote claimed before this seal (the seed's words, or the text of the last seal). */
  before: string;
  raw: string;
  value: string;
}

export interface SealInput {
  /** datapackage.json as it stands. */
  descriptor: string;
  /** Each resource's text, decoded. */
  texts: Record<ResourceName, string>;
  /** Files that must be written again even if their text is kept: saved as GBK, or with a byte-order mark. */
  reencode: ResourceName[];
  note?: string;
  editor?: string;
  date: Date;
}

export interface SealResult {
  /** False when the package was already sealed as it stands: nothing to write. */
  changed: boolean;
  from: string;
  version: string;
  /** Files whose text or encoding changed since the last seal (their hash, bytes or encoding). */
  files: string[];
  figures: EditedFigure[];
  /** Lines of values.csv whose conflict note was rewritten. */
  notes: number[];
  /** The figures' checksum did not match `datasetChecksum` (an edit the quotes do not show). */
  checksumChanged: boolean;
  /** The files to write: the resources that changed and datapackage.json. */
  write: Record<string, string>;
  loaded?: LoadedPackage;
}

/** The note or name a person typed, on one line. */
const oneLine = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

const DESC = 'datapackage.json';

/** The version after a seal: the patch number up by one, and the seal's instant as the stamp (packageVersion's form). */
export function bumpVersion(version: string, date: Date): string {
  const m = /^(\d+)\.(\d+)\.(\d+)(\+[0-9A-Za-z.-]+)?$/.exec(version);
  if (!m)
    throw new PackageError(DESC, undefined, 'version', [
      `“${version}”不是 plan publish 写出的“主.次.修订+时间戳”形式，无法递增`,
      `"${version}" is not MAJOR.MINOR.PATCH+stamp as plan publish writes it; it cannot be bumped`,
    ]);
  return packageVersion(`${m[1]}.${m[2]}.${Number(m[3]) + 1}`, date);
}

/**
 * Seal a package: see the file's comment. Throws a PackageError (file, line, field) for a package that would not be
 * read after sealing, and for edited figures without a note saying why; nothing is to be written then.
 */
export function sealPackage(input: SealInput, catalogue: IndicatorDef[], sha256: Sha256): SealResult {
  let desc: {
    version?: unknown;
    created?: unknown;
    datasetChecksum?: unknown;
    resources?: { name?: unknown; hash?: unknown; bytes?: unknown }[];
    changes?: unknown;
  };
  try {
    desc = JSON.parse(input.descriptor) as typeof desc;
  } catch (e) {
    throw new PackageError(DESC, undefined, undefined, [
      `不是有效的 JSON：${(e as Error).message}`,
      `not valid JSON: ${(e as Error).message}`,
    ]);
  }
  if (!desc || typeof desc !== 'object' || !Array.isArray(desc.resources))
    throw new PackageError(DESC, undefined, 'resources', ['缺少资源列表', 'no list of resources']);
  if (typeof desc.version !== 'string' || !desc.version) throw new PackageError(DESC, undefined, 'version', ['缺少版本', 'no version']);
  const from = desc.version;
  const resources = desc.resources;
  const resourceOf = (name: ResourceName): { name?: unknown; hash?: unknown; bytes?: unknown } => {
    const r = resources.find((x) => x && x.name === name);
    if (!r) throw new PackageError(DESC, undefined, 'resources', [`缺少资源 ${name}`, `resource ${name} is missing`]);
    return r;
  };
  const files = RESOURCES.filter((name) => {
    const r = resourceOf(name);
    const text = input.texts[name];
    return r.hash !== `sha256:${sha256(text)}` || r.bytes !== utf8Length(text) || input.reencode.includes(name);
  }).map(fileOf);

  // values.csv and regions.csv, cell by cell, once their header is the schema's (the reader checks the rest).
  const table = (name: 'values' | 'regions'): { line: number; cells: string[] }[] => {
    const records = parseCsv(input.texts[name], fileOf(name));
    const all = SCHEMAS[name].map((x) => x.name).join(',');
    if (records[0]?.cells.join(',') !== all)
      throw new PackageError(fileOf(name), 1, undefined, [`表头应为 ${all}`, `the header should be ${all}`]);
    return records;
  };
  const records = table('values');
  const head = records[0].cells;
  const col = (name: string): number => head.indexOf(name);
  const [REGION, INDICATOR, ROLE, FIELD, RAW, VALUE, QUOTE, NOTE, PERIOD] = [
    'region',
    'indicator',
    'role',
    'field',
    'raw',
    'value',
    'quote',
    'note',
    'period',
  ].map(col);
  const plans = table('regions');
  const [R, P, O] = ['region', 'period', 'origin'].map((n) => plans[0].cells.indexOf(n));
  const tablePlans = new Set(plans.filter((r) => r.cells[O] === 'table').map((r) => `${r.cells[R]}\u0000${r.cells[P]}`));
  const rows = records.slice(1);
  const isTable = (cells: string[]): boolean => tablePlans.has(`${cells[REGION]}\u0000${cells[PERIOD]}`);
  const edited = rows.filter(({ cells }) =>
    isTable(cells) ? cells[QUOTE] !== cells[RAW] : !figureInQuote(cells[RAW], quoteClaim(cells[QUOTE])),
  );
  const figures: EditedFigure[] = edited.map(({ line, cells }) => ({
    line,
    region: cells[REGION],
    indicator: cells[INDICATOR],
    role: cells[ROLE],
    field: cells[FIELD],
    period: cells[PERIOD],
    before: quoteClaim(cells[QUOTE]),
    raw: cells[RAW],
    value: cells[VALUE],
  }));

  // A table plan's quote is its raw (the reader's rule): set again here, so that the check below reads the edit.
  const tableEdits = edited.filter(({ cells }) => isTable(cells));
  for (const { cells } of tableEdits) cells[QUOTE] = cells[RAW];
  const texts = { ...input.texts };
  if (tableEdits.length) texts.values = toCsv([head, ...rows.map((r) => r.cells)]);

  // The package with its checksums recomputed must read as it is, before anything is marked: a refusal then names
  // the line the manager edited, in the file as they saved it.
  const rehashed = (t: Record<ResourceName, string>): string =>
    JSON.stringify({
      ...desc,
      resources: resources.map((r) => {
        const name = RESOURCES.find((n) => n === r?.name);
        return name ? { ...r, hash: `sha256:${sha256(t[name])}`, bytes: utf8Length(t[name]) } : r;
      }),
    });
  const read = (t: Record<ResourceName, string>, descriptor: string): LoadedPackage =>
    readPackage((p) => (p === DESC ? descriptor : t[RESOURCES.find((n) => fileOf(n) === p) as ResourceName]), catalogue, sha256);
  const loadedBefore = read(texts, rehashed(texts));

  const note = oneLine(input.note);
  const editor = oneLine(input.editor);
  if (figures.length && !note) {
    const list = (sep: string): string => figures.map((f) => `${f.region} ${f.indicator} ${f.field} (values.csv:${f.line})`).join(sep);
    throw new PackageError(fileOf('values'), figures[0].line, 'raw', [
      `${figures.length} 项数值已改动（${list('、')}）：请用 --note 写明改动的依据（文件、文号或网址），改动才能封存`,
      `${figures.length} figure(s) changed (${list(', ')}): say where the new figures come from with --note (a document, its number or a URL) to seal them`,
    ]);
  }
  const checksumChanged = desc.datasetChecksum !== loadedBefore.dataset.checksum;
  if (!files.length && !figures.length && !checksumChanged)
    return { changed: false, from, version: from, files: [], figures: [], notes: [], checksumChanged, write: {} };

  const version = bumpVersion(from, input.date);
  const day = input.date.toISOString().slice(0, 10);
  const editedLines = new Set(edited.map((r) => r.line));
  // A quote marked, for a plan from the seeds (a table plan's is its raw, set above).
  for (const { cells } of edited) {
    if (!isTable(cells))
      cells[QUOTE] =
        `${cells[RAW]}${EDIT_MARK}${note}${editor ? `；编辑：${editor}` : ''}；${day}${ORIGINAL_MARK}${originalQuote(cells[QUOTE])}）`;
  }
  // A conflict note speaks of the figure beside it ("表中为2000；数值一致"): where either was edited, it is rewritten
  // with the verdict as it now stands, and the note as it was before the first edit follows, its verdict named as past.
  const notes: number[] = [];
  const figureOf = (c: string[]): string[] | undefined =>
    rows.find(
      (r) =>
        (r.cells[ROLE] === 'value' || r.cells[ROLE] === 'milestone') &&
        r.cells[REGION] === c[REGION] &&
        r.cells[INDICATOR] === c[INDICATOR] &&
        r.cells[PERIOD] === c[PERIOD] &&
        r.cells[FIELD] === c[FIELD],
    )?.cells;
  for (const { line, cells } of rows) {
    if (cells[ROLE] !== 'conflict') continue;
    const beside = figureOf(cells);
    const besideLine = beside ? rows.find((r) => r.cells === beside)!.line : -1;
    if (!beside || (!editedLines.has(line) && !editedLines.has(besideLine))) continue;
    const a = beside[VALUE] === '' ? NaN : Number(beside[VALUE]);
    const b = cells[VALUE] === '' ? NaN : Number(cells[VALUE]);
    const verdict =
      !Number.isFinite(a) || !Number.isFinite(b)
        ? '无法按数值比较'
        : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))
          ? '数值一致'
          : '数值不同';
    const old = cells[NOTE];
    const first = old.startsWith(NOTE_MARK) && old.includes(NOTE_BEFORE) ? old.slice(old.indexOf(NOTE_BEFORE) + NOTE_BEFORE.length) : old;
    const past = first.replace(/数值一致/g, '编辑前相符').replace(/数值不同/g, '编辑前不符');
    cells[NOTE] =
      `${NOTE_MARK}${day}）：该项现为“${beside[RAW]}”，与此处“${cells[RAW]}”${verdict}` + (past ? `${NOTE_BEFORE}${past}` : '。');
    notes.push(line);
  }

  if (edited.length || notes.length) {
    texts.values = toCsv([head, ...rows.map((r) => r.cells)]);
    if (!files.includes(fileOf('values'))) files.push(fileOf('values'));
  }
  const created = input.date.toISOString().replace(/\.\d+Z$/, 'Z');
  const entry = {
    version,
    from,
    date: created,
    ...(editor ? { editor } : {}),
    ...(note ? { note } : {}),
    files,
    figures,
    conflictNotes: notes,
  };
  const next: Record<string, unknown> = { ...desc, version, created };
  next.resources = resources.map((r) => {
    const name = RESOURCES.find((n) => n === r?.name);
    return name ? { ...r, bytes: utf8Length(texts[name]), hash: `sha256:${sha256(texts[name])}` } : r;
  });
  const loaded = read(texts, JSON.stringify(next));
  next.datasetChecksum = loaded.dataset.checksum;
  next.changes = [...(Array.isArray(desc.changes) ? desc.changes : []), entry];
  const descriptor = JSON.stringify(next, null, 2) + '\n';
  const write: Record<string, string> = {};
  for (const name of RESOURCES) if (files.includes(fileOf(name))) write[fileOf(name)] = texts[name];
  write[DESC] = descriptor;
  return { changed: true, from, version, files, figures, notes, checksumChanged, write, loaded };
}
