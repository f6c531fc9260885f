/**
 * The Node side of the published data package (src/core/datapackage.ts holds the pure parts): reading and
 * writing its files, sha256 by node:crypto, the publication stamp.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE } from '../data/catalogue';
import { DATA_VERSION, dataset } from '../data/index';
import { buildPackage, readActuals, readPackage, type Actual, type LoadedPackage } from '../core/datapackage';
import type { Plan } from '../core/plan';

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * When the package is published: SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when set, so that
 * the same data published twice gives the same files; else now.
 */
export function publicationDate(env: Record<string, string | undefined> = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

/** An `--actuals` file read and checked against the plans. */
export function readActualsFile(file: string, plan: Plan): Actual[] {
  return readActuals(file, readFileSync(file, 'utf8'), (region, indicator) => {
    const r = plan.region(region);
    return { region: r.name, indicator: plan.resolver.entry(r, indicator).indicator.id };
  });
}

/** Write the package into `dir` (made if missing); only its own five files are written. Returns their names. */
export function publish(dir: string, actuals: Actual[], published: Date): string[] {
  const files = buildPackage(dataset(), actuals, DATA_VERSION, published, sha256, (t) => Buffer.byteLength(t, 'utf8'));
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text, 'utf8');
  return Object.keys(files);
}

/** A package read from a directory, refused whole (PackageError) at its first fault. */
export function loadPackageDir(dir: string): LoadedPackage {
  return readPackage(
    (name) => {
      const p = join(dir, name);
      return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
    },
    CATALOGUE,
    sha256,
  );
}
