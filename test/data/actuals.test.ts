/**
 * Official actual values (data/actuals/): every row must be readable by the `--actuals` reader, belong to an indicator
 * of its region's plan in that entry's unit, carry its source, and say its number exactly as the source wrote it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataset } from '../../src/data/index';
import { Plan } from '../../src/core/plan/plan';
import { parseCsv } from '../../src/core/exchange/datapackage';
import { readActualsFile } from '../../src/cli/datapackage';
import { actualConflicts, officialActuals } from '../../src/data/actuals';
import { generated } from '../../scripts/gen-actuals';

const DIR = join(__dirname, '..', '..', 'data', 'actuals');
const FILES = ['actuals.csv', 'conflicts.csv'] as const;
const COLUMNS = [
  'region',
  'indicator',
  'year',
  'value',
  'unit',
  'caliber',
  'publisher',
  'title',
  'date',
  'url',
  'quote',
  'reprint',
  'derived',
  'conflict',
  'source',
];
const plan = new Plan(dataset());

type Row = Record<string, string> & { file: string; line: number };

function rows(file: string): Row[] {
  const records = parseCsv(readFileSync(join(DIR, file), 'utf8'), file);
  const head = records[0].cells;
  return records.slice(1).map(({ line, cells }) => {
    const r = { file, line } as Row;
    head.forEach((h, i) => (r[h] = cells[i] ?? ''));
    return r;
  });
}
const all = FILES.flatMap(rows);
const where = (r: Row): string => `${r.file}:${r.line} ${r.region} ${r.indicator} ${r.year}`;

describe.each(FILES)('%s', (file) => {
  const text = readFileSync(join(DIR, file), 'utf8');

  test('is UTF-8 without BOM, with the columns in order', () => {
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(parseCsv(text, file)[0].cells).toEqual(COLUMNS);
  });

  test('the actuals reader reads it, one actual per data line', () => {
    const dataLines = text
      .split('\n')
      .slice(1)
      .filter((l) => l.trim() !== '');
    const read = readActualsFile(join(DIR, file), plan);
    expect(read.length).toBe(dataLines.length);
    expect(read.length).toBe(rows(file).length);
  });
});

test('actuals.csv holds rows', () => {
  expect(rows('actuals.csv').length).toBeGreaterThan(0);
});

test.each(all.map((r) => [where(r), r] as const))('%s: an indicator of the plan, in its unit, with its source', (_, r) => {
  const region = plan.region(r.region);
  const entry = region.entries.find((e) => e.indicator.id === r.indicator);
  expect(entry).toBeDefined(); // the id, not a name
  expect(r.unit).toBe(entry!.unit);
  expect(r.year).toMatch(/^20(2[1-5])$/);
  expect(r.value).toMatch(/^-?\d+(\.\d+)?$/);
  expect(r.url).toMatch(/^https?:\/\/\S+$/);
  expect(r.date).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
  expect(r.publisher.trim()).not.toBe('');
  expect(r.title.trim()).not.toBe('');
  expect(r.quote.trim()).not.toBe('');
  expect(r.reprint === '' || r.reprint.startsWith('转载：')).toBe(true);
  expect(r.source).toBe(`${r.publisher}《${r.title}》${r.date} ${r.url}`);
});

/**
 * The value as the quote writes it. Strictly: the value's digits stand in the quote as a whole number (not part of a
 * longer one). Only a row whose derived or caliber column says it was converted (换算) may instead match the value
 * written with thousands separators or in 万 / 亿.
 */
function valueInQuote(r: Row): boolean {
  const whole = (s: string): RegExp => new RegExp(`(?<![\\d.])${s.replace(/[.]/g, '\\.')}(?![\\d]|\\.\\d)`);
  if (whole(r.value).test(r.quote)) return true;
  if (!/换算/.test(`${r.derived} ${r.caliber}`)) return false;
  const n = Number(r.value);
  const grouped = n.toLocaleString('en-US', { maximumFractionDigits: 10 });
  const wan = String(Number((n / 1e4).toPrecision(12)));
  const yi = String(Number((n / 1e8).toPrecision(12)));
  return (
    whole(grouped).test(r.quote) ||
    new RegExp(`${whole(wan).source}\\s*万`).test(r.quote) ||
    new RegExp(`${whole(yi).source}\\s*亿`).test(r.quote)
  );
}

test('the number check is strict', () => {
  const r = (value: string, quote: string, caliber = ''): Row =>
    ({ file: 'test', line: 0, value, quote, caliber, derived: '' }) as unknown as Row;
  expect(valueInQuote(r('16', '居全国第16位'))).toBe(true);
  expect(valueInQuote(r('16', '较2016年'))).toBe(false);
  expect(valueInQuote(r('1.8', '强度为1.88%'))).toBe(false);
  expect(valueInQuote(r('38.5', '比重达38.5%,'))).toBe(true);
  expect(valueInQuote(r('15000', '达1.5万家'))).toBe(false);
  expect(valueInQuote(r('15000', '达1.5万家', '由“1.5万家”换算'))).toBe(true);
  expect(valueInQuote(r('15000', '达15,000家', '换算'))).toBe(true);
});

test.each(all.map((r) => [where(r), r] as const))('%s: the quote states the value', (_, r) => {
  expect(valueInQuote(r)).toBe(true);
});

test('every conflict names a row of the other file, and that row names it back', () => {
  const other = { 'actuals.csv': 'conflicts.csv', 'conflicts.csv': 'actuals.csv' } as Record<string, string>;
  const key = (r: Row): string => `${r.region} ${r.indicator} ${r.year}`;
  for (const r of all.filter((x) => x.conflict !== '')) {
    expect(r.conflict.startsWith(`${other[r.file]} ${key(r)}`)).toBe(true);
    const peer = all.find((x) => x.file === other[r.file] && key(x) === key(r));
    expect(peer).toBeDefined();
    expect(peer!.conflict.startsWith(`${r.file} ${key(r)}`)).toBe(true);
  }
  // every row of conflicts.csv is there because it disagrees with a row of actuals.csv
  for (const r of rows('conflicts.csv')) expect(r.conflict).not.toBe('');
});

test('the compiled-in actuals are these files as they stand (npm run gen:actuals after an edit), read whole', () => {
  const committed = readFileSync(join(__dirname, '..', '..', 'src', 'data', 'actuals.generated.ts'), 'utf8');
  expect(committed).toBe(generated());
  expect(officialActuals().length).toBe(rows('actuals.csv').length);
  expect(actualConflicts().length).toBe(rows('conflicts.csv').length);
  for (const r of rows('actuals.csv')) {
    const a = officialActuals().find((x) => x.region === r.region && x.indicator === r.indicator && x.year === Number(r.year))!;
    expect({ value: a.value, quote: a.quote, url: a.url, caliber: a.caliber ?? '' }).toEqual({
      value: Number(r.value),
      quote: r.quote,
      url: r.url,
      caliber: r.caliber,
    });
  }
});
