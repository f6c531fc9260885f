/** LibreOffice for the workbook tests: recalculate a workbook headless and read each sheet's values back as CSV. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { PATIENCE_MS } from '../patience';

/** `soffice --headless --norestore …`. */
export function soffice(args: string[]): void {
  execFileSync('soffice', ['--headless', '--norestore', ...args], { stdio: 'pipe', timeout: PATIENCE_MS });
}

/**
 * Recalculate `file` (an .xlsx) in LibreOffice and write every sheet as UTF-8 CSV into `dir` (`<name>-<sheet>.csv`);
 * returns a reader of one sheet's rows, as LibreOffice computed them: numbers in full, or with `asShown` as the cells
 * show them (their number formats applied, as printed).
 */
export function recalculatedSheets(file: string, dir: string, asShown = false): (sheet: string) => string[][] {
  return recalculatedWorkbooks([file], dir, asShown)[0];
}

/**
 * recalculatedSheets for several workbooks (distinct names) in one start of LibreOffice: each start costs about 2.5 s
 * before the first file is read, so a test file that reads several workbooks converts them together.
 */
export function recalculatedWorkbooks(files: string[], dir: string, asShown = false): ((sheet: string) => string[][])[] {
  soffice([
    '--convert-to',
    `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${asShown},false,false,-1`,
    '--outdir',
    dir,
    ...files,
  ]);
  return files.map((file) => {
    const name = basename(file).replace(/\.xlsx$/, '');
    return (sheet) => {
      const hit = readdirSync(dir).find((f) => f === `${name}-${sheet}.csv`);
      if (!hit) throw new Error(`LibreOffice wrote no CSV for ${sheet}: ${readdirSync(dir).join(', ')}`);
      return parse(readFileSync(join(dir, hit), 'utf8'), { relax_column_count: true });
    };
  });
}
