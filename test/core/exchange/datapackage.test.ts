/** The package's CSV reader and writer (src/core/exchange/datapackage.ts), against csv-parse and csv-stringify. */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { parseCsv, toCsv, packageVersion, PackageError } from '../../../src/core/exchange/datapackage';
import { csvQuote } from '../../../src/core/exchange/formulaText';

const cell = fc.string({ unit: fc.constantFrom('a', '赣', ',', '"', '\n', '\r\n', ' ', '1', '“', '=', '+', '-', '@', "'", '\t', '＝') });
const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }).map((rows) => {
  const width = rows[0].length;
  // A record of one empty cell is a blank line, which CSV readers skip; give every row the first row's width.
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
});

test('what toCsv writes, parseCsv reads back cell for cell; csv-parse too, with the apostrophe before a formula character', () => {
  fc.assert(
    fc.property(table, (rows) => {
      const text = toCsv(rows);
      const norm = (rs: string[][]): string[][] => rs.map((r) => r.map((c) => c.replace(/\r\n/g, '\n')));
      expect(norm(parseCsv(text, 'x.csv').map((r) => r.cells))).toEqual(norm(rows));
      expect(norm(parse(text, { relax_column_count: true }) as string[][])).toEqual(norm(rows.map((r) => r.map(csvQuote))));
    }),
    { numRuns: 300 },
  );
});

test('parseCsv gives the line each record starts on, across quoted line breaks and CRLF', () => {
  const recs = parseCsv('a,b\r\n"x\ny",2\r\nz,3\n', 'f.csv');
  expect(recs.map((r) => [r.line, r.cells])).toEqual([
    [1, ['a', 'b']],
    [2, ['x\ny', '2']],
    [4, ['z', '3']],
  ]);
});

test('an unclosed quote names the file and the line it opens on', () => {
  expect(() => parseCsv('a,b\n1,"oops\n2,3\n', 'values.csv')).toThrow(PackageError);
  expect(() => parseCsv('a,b\n1,"oops\n2,3\n', 'values.csv')).toThrow('values.csv，第2行：引号没有闭合');
});

test('the package version is the data version, +, and the UTC publication stamp', () => {
  expect(packageVersion('1.2.0', new Date('2026-11-26T03:23:34.567Z'))).toBe('1.2.0+20261126T032334Z');
});
