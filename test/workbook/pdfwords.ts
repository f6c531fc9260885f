/**
 * The printed report as a reader sees it: the words of a PDF with their boxes (`pdftotext -bbox`, poppler-utils), and
 * the checks the print test makes against the workbook's cell texts — no word made of two cells' texts, no two words
 * of different cells touching or overlapping, every printed cell's text whole, and the size of the smallest font.
 */
import { execFileSync } from 'node:child_process';

export interface Word {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Every word of the PDF, page by page (1-based), with its box in points. */
export function pdfWords(pdf: string): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const words: Word[] = [];
  let page = 0;
  const re = /<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[0] === '<page ') {
      page++;
      continue;
    }
    const text = m[5].replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_e, n: string) =>
      n.startsWith('#') ? String.fromCodePoint(Number(n.slice(1))) : ENTITIES[n],
    );
    words.push({ page, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text });
  }
  return words;
}

const squeezed = new Map<string, string>();
/**
 * A cell text as the checks compare it: without white space (a cell's words wrap at spaces, or anywhere in CJK).
 * Remembered: the checks ask for the same few thousand texts millions of times.
 */
export const squeeze = (s: string): string => {
  let out = squeezed.get(s);
  if (out === undefined) squeezed.set(s, (out = s.replace(/\s+/g, '')));
  return out;
};

/** A word with its squeezed text. */
interface Piece {
  w: Word;
  sq: string;
}
/** One page's words in their order, and the same by the first character of their squeezed text. */
interface Page {
  pieces: Piece[];
  byFirst: Map<string, Piece[]>;
}

const indexOf = new WeakMap<Word[], Map<number, Page>>();
/** The words of each page, in their order in `words` (built once per list of words). */
function byPage(words: Word[]): Map<number, Page> {
  let out = indexOf.get(words);
  if (!out) {
    out = new Map();
    for (const w of words) {
      let page = out.get(w.page);
      if (!page) out.set(w.page, (page = { pieces: [], byFirst: new Map() }));
      const piece = { w, sq: squeeze(w.text) };
      page.pieces.push(piece);
      const first = piece.sq.charAt(0);
      const same = page.byFirst.get(first);
      if (same) same.push(piece);
      else page.byFirst.set(first, [piece]);
    }
    indexOf.set(words, out);
  }
  return out;
}

/** The texts a page may show: every cell's text, kept apart so that no match runs from one cell into the next. */
export class Texts {
  private readonly joined: string;
  private readonly squeezed: string[];
  constructor(readonly texts: string[]) {
    this.squeezed = texts.map(squeeze);
    this.joined = `\u0000${this.squeezed.join('\u0000')}\u0000`;
  }
  /** True when `s` lies within one text. */
  within(s: string): boolean {
    return this.joined.includes(squeeze(s));
  }
  /** True when one text holds both `a` and `b` (two lines of one wrapped text). */
  together(a: string, b: string): boolean {
    const [x, y] = [squeeze(a), squeeze(b)];
    return this.squeezed.some((s) => s.includes(x) && s.includes(y));
  }
}

const sameLine = (a: Word, b: Word): boolean => Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) >= 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0);

/**
 * Words that are not part of any one text: two cells' texts printed so close that they read as one word
 * (`1,0002000`), or a text cut short by its neighbour and run into it.
 */
export function mergedWords(words: Word[], texts: Texts): Word[] {
  return words.filter((w) => !texts.within(w.text));
}

/**
 * Pairs of words on one line closer than `gap` points (or overlapping), or overlapping at all on different lines,
 * that are not two pieces of one text in reading order.
 */
export function touchingPairs(words: Word[], texts: Texts, gap = 2): [Word, Word][] {
  const out: [Word, Word][] = [];
  for (const page of byPage(words).values()) {
    const list = page.pieces.map((p) => p.w).sort((a, b) => a.x0 - b.x0);
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      for (let j = i + 1; j < list.length && list[j].x0 < a.x1 + gap; j++) {
        const b = list[j];
        const xOverlap = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const yOverlap = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        const close = sameLine(a, b) ? xOverlap > -gap : xOverlap > 0.5 && yOverlap > 1;
        if (!close) continue;
        const [left, right] = a.x0 <= b.x0 ? [a, b] : [b, a];
        if (sameLine(a, b) && texts.within(left.text + right.text)) continue; // one text, e.g. a CJK run then Latin
        // One text wrapped: its next line may reach a little into the box of the line above.
        if (!sameLine(a, b) && texts.together(a.text, b.text)) continue;
        out.push([left, right]);
      }
    }
  }
  return out;
}

/**
 * Whether `text` is printed whole on one of `pages`: a chain of words, each a next piece of it, on the same line to
 * the right or on the next line below, within the text's cell.
 */
export function printedWhole(text: string, words: Word[], pages: Set<number>): boolean {
  const want = squeeze(text);
  if (!want) return true;
  const paged = byPage(words);
  // Only a word whose text begins as `want` or `rest` does can start or go on: looked up by its first character.
  const starting = (page: number, rest: string): Piece[] => paged.get(page)?.byFirst.get(rest.charAt(0)) ?? [];
  const starts = [...pages]
    .sort((a, b) => a - b)
    .flatMap((p) => [...starting(p, want), ...starting(p, '')]) // '': a word of white space alone
    .filter((p) => p.w.text.length > 0 && want.startsWith(p.sq))
    .map((p) => p.w);
  const follow = (cur: Word, rest: string, left: number, depth: number): boolean => {
    if (!rest) return true;
    if (depth > 200) return false;
    const h = cur.y1 - cur.y0;
    for (const { w, sq: piece } of starting(cur.page, rest)) {
      if (w === cur) continue;
      if (!piece || !rest.startsWith(piece)) continue;
      const right = sameLine(cur, w) && w.x0 >= cur.x1 - 0.5 && w.x0 - cur.x1 < 8;
      const below = w.y0 > cur.y0 + 0.5 * h && w.y0 < cur.y1 + 0.8 * h && w.x0 > left - 120 && w.x0 < cur.x1 + 20;
      if ((right || below) && follow(w, rest.slice(piece.length), Math.min(left, w.x0), depth + 1)) return true;
    }
    return false;
  };
  return starts.some((s) => follow(s, want.slice(squeeze(s.text).length), s.x0, 0));
}

const CJK = /^[\u4e00-\u9fff]+$/;

/** Calibri's (and Carlito's) figures are each 0.507 em wide: a word of digits gives its font size too. */
const DIGIT_EM = 0.507;

/**
 * The font size of the smallest word on each page that tells its size: a CJK word (an ideograph is one em wide) or a
 * word of digits (the pages of an English workbook may have no CJK at all).
 */
export function smallestSize(words: Word[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const w of words) {
    const n = [...w.text].length;
    const size = CJK.test(w.text) ? (w.x1 - w.x0) / n : /^\d+$/.test(w.text) ? (w.x1 - w.x0) / (n * DIGIT_EM) : undefined;
    if (size !== undefined) out.set(w.page, Math.min(out.get(w.page) ?? Infinity, size));
  }
  return out;
}

/** What the print test measures of a workbook rendered to PDF by LibreOffice. */
export interface PrintCheck {
  pages: number;
  /** The sheet each page prints (from its footer), by page number. */
  sheetOf: Map<number, string>;
  words: Word[];
  merged: Word[];
  touching: [Word, Word][];
  /** Printed cells whose text is not whole on the sheet's pages: sheet, A1 reference, text. */
  cut: { sheet: string; ref: string; text: string }[];
  smallest: Map<number, number>;
}

/**
 * Render each workbook (an .xlsx, names distinct) to PDF with LibreOffice, read its cells as LibreOffice shows them
 * (CSV, as shown), and measure: every visible cell (hidden columns are neither printed nor checked) must be printed
 * whole, and every word must be a piece of one text, apart from the words of other texts.
 */
export async function checkPrints(xlsxs: string[], dir: string): Promise<PrintCheck[]> {
  const { soffice, recalculatedWorkbooks } = await import('./libreoffice');
  // Two starts of LibreOffice for all the workbooks (one per output kind), not two per workbook.
  soffice(['--convert-to', 'pdf', '--outdir', dir, ...xlsxs]);
  const reads = recalculatedWorkbooks(xlsxs, dir, true);
  const out: PrintCheck[] = [];
  for (const [i, xlsx] of xlsxs.entries()) out.push(await checked(xlsx, dir, reads[i]));
  return out;
}

async function checked(xlsx: string, dir: string, read: (sheet: string) => string[][]): Promise<PrintCheck> {
  const { default: ExcelJS } = await import('exceljs');
  const { basename, join } = await import('node:path');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const words = pdfWords(join(dir, basename(xlsx).replace(/\.xlsx$/, '.pdf')));
  const pages = Math.max(0, ...words.map((w) => w.page));
  const names = wb.worksheets.map((w) => w.name);
  // The footer: sheet name on the left, "第 n 页，共 m 页" in the middle, the data version on the right.
  const sheetOf = new Map<number, string>();
  for (let p = 1; p <= pages; p++) {
    const on = words.filter((w) => w.page === p);
    const bottom = Math.max(...on.map((w) => w.y0));
    const left = on
      .filter((w) => w.y0 > bottom - 1 && w.x0 < 200)
      .sort((a, b) => a.x0 - b.x0)
      .map((w) => w.text)
      .join(' ');
    if (names.includes(left)) sheetOf.set(p, left);
  }
  const footer = [
    ...names,
    ...Array.from({ length: pages }, (_x, i) => [`第 ${i + 1} 页，共 ${pages} 页`, `Page ${i + 1} of ${pages}`]).flat(),
  ];
  const cells: { sheet: string; ref: string; text: string; visible: boolean }[] = [];
  for (const ws of wb.worksheets) {
    const rows = read(ws.name);
    // The print area, where one is set ("$A1:$K343"): cells past it show on screen only.
    const area = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(ws.pageSetup.printArea ?? '');
    const lastCol = area ? ws.getColumn(area[3]).number : Infinity;
    const lastRow = area ? Number(area[4]) : Infinity;
    rows.forEach((row, r) =>
      row.forEach((text, c) => {
        const visible = !ws.getColumn(c + 1).hidden && c + 1 <= lastCol && r + 1 <= lastRow;
        if (text.trim()) cells.push({ sheet: ws.name, ref: `${ws.getColumn(c + 1).letter}${r + 1}`, text, visible });
      }),
    );
    // The footer's version text, read from the page setup as written.
    const m = /&R(.*)$/.exec(ws.headerFooter.oddFooter ?? '');
    if (m) footer.push(m[1]);
  }
  const texts = new Texts([...cells.map((c) => c.text), ...footer]);
  const pagesOfSheet = new Map<string, Set<number>>();
  for (const [p, sheet] of sheetOf) pagesOfSheet.set(sheet, (pagesOfSheet.get(sheet) ?? new Set()).add(p));
  const cut = cells.filter((c) => c.visible && !printedWhole(c.text, words, pagesOfSheet.get(c.sheet) ?? new Set()));
  return {
    pages,
    sheetOf,
    words,
    merged: mergedWords(words, texts),
    touching: touchingPairs(words, texts),
    cut: cut.map(({ sheet, ref, text }) => ({ sheet, ref, text })),
    smallest: smallestSize(words),
  };
}
