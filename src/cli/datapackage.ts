/**
 * The Node side of the published data package (src/core/exchange/datapackage.ts holds the pure parts): reading and
 * writing its files, sha256 by node:crypto, the publication stamp.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { CATALOGUE } from '../data/catalogue';
import { DATA_VERSION } from '../data/index';
import {
  buildPackage,
  fileOf,
  PackageError,
  packageDataset,
  readActuals,
  readPackage,
  RESOURCES,
  sealPackage,
  type Actual,
  type LoadedPackage,
  type ResourceName,
  type SealResult,
} from '../core/exchange/datapackage';
import { periodOf, periodText } from '../core/plan/model';
import type { Plan } from '../core/plan/plan';
import { checkDelimiter, decodeText } from './text';

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
  const text = decodeText(readFileSync(file), file, true).text;
  checkDelimiter(text, file);
  return readActuals(file, text, (region, indicator, year) => {
    const r = plan.region(region, year);
    return { region: r.name, indicator: plan.resolver.entry(r, indicator).indicator.id };
  });
}

/**
 * Refuses to write over a package someone has changed since it was published: files that no longer match their
 * checksums, or figures that no longer match the package's `datasetChecksum` (edited, with the checksums updated).
 * A package as `plan publish` wrote it may be replaced.
 */
function checkReplaceable(dir: string, names: string[]): void {
  if (!names.some((n) => existsSync(join(dir, n)))) return;
  const edited = (why: readonly [string, string]): PackageError =>
    new PackageError(dir, undefined, undefined, [
      `这里已有一个发布后被改动过的数据包（${why[0]}），不覆盖；请换一个目录，或先把它移走`,
      `this directory holds a package changed since it was published (${why[1]}); it is not overwritten: choose another directory, or move it away first`,
    ]);
  let loaded: LoadedPackage;
  try {
    loaded = loadPackageDir(dir);
  } catch (e) {
    if (e instanceof PackageError) throw edited([e.message, e.messageEn]);
    throw e;
  }
  const desc = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as { datasetChecksum?: unknown; changes?: unknown };
  if (desc.datasetChecksum !== loaded.dataset.checksum)
    throw edited(['数值与 datasetChecksum 不符', 'its figures do not match its datasetChecksum']);
  // A package sealed after a manager's edits (plan seal) holds figures no seed has: publishing over it would lose them.
  if (Array.isArray(desc.changes) && desc.changes.length)
    throw edited(['其中的编辑已用 plan seal 封存', 'its edits were sealed with plan seal']);
}

/**
 * Write the package of every plan of `plan` (the seed or published plans, and any `--plan` tables) into `dir` (made
 * if missing); only its own five files are written, and never over a package edited since publication. Returns
 * their names.
 */
export function publish(dir: string, plan: Plan, actuals: Actual[], published: Date, actualsVersion?: string): string[] {
  const regions = plan.allRegions();
  const seen = new Map<string, string>();
  for (const r of regions) {
    const key = `${r.name}\u0000${periodText(periodOf(r))}`;
    const other = seen.get(key);
    if (other !== undefined) {
      throw new PackageError(r.seed, undefined, undefined, [
        `${r.name}已有${periodText(periodOf(r))}期的规划（${other}），数据包中每个地区每个时期只能有一个规划`,
        `${r.en} already has a plan for ${periodText(periodOf(r))} (${other}); a package holds one plan per region and period`,
      ]);
    }
    seen.set(key, r.seed);
  }
  const d = packageDataset(CATALOGUE, regions, DATA_VERSION);
  const files = buildPackage(d, actuals, DATA_VERSION, published, sha256, (t) => Buffer.byteLength(t, 'utf8'), actualsVersion);
  checkReplaceable(dir, Object.keys(files));
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text, 'utf8');
  return Object.keys(files);
}

/** The most a package file may hold: the whole 十四五 dataset is under 1 MB. */
export const PACKAGE_FILE_LIMIT = 50 * 1024 * 1024;

/**
 * The bytes of one file of a package folder, read only when it is a regular file inside the folder (a link may point
 * only to another file inside it) and no larger than PACKAGE_FILE_LIMIT: never /etc/passwd through a link, /dev/zero
 * or a FIFO.
 */
function packageFileBytes(dir: string, name: string): Buffer {
  const p = join(dir, name);
  const refuse = (zh: string, en: string): never => {
    throw new PackageError(name, undefined, undefined, [zh, en]);
  };
  const real = realpathSync(p);
  const inside = relative(realpathSync(dir), real);
  if (inside.startsWith('..') || isAbsolute(inside))
    refuse('链接指向数据包目录之外，不读取', 'it links outside the package folder; not read');
  const st = statSync(real);
  if (!st.isFile()) refuse('不是普通文件（设备、管道或目录），不读取', 'it is not a regular file (a device, pipe or folder); not read');
  if (st.size > PACKAGE_FILE_LIMIT)
    refuse(
      `文件过大（${st.size} 字节，上限 ${PACKAGE_FILE_LIMIT}）`,
      `the file is too large (${st.size} bytes; the limit is ${PACKAGE_FILE_LIMIT})`,
    );
  return readFileSync(real);
}

function readPackageFile(dir: string, name: string): string {
  const text = decodeText(packageFileBytes(dir, name), name, false).text;
  if (name.endsWith('.csv')) checkDelimiter(text, name);
  return text;
}

/** A package read from a directory, refused whole (PackageError) at its first fault. */
export function loadPackageDir(dir: string): LoadedPackage {
  return readPackage(
    (name) => {
      const p = join(dir, name);
      return existsSync(p) ? readPackageFile(dir, name) : undefined;
    },
    CATALOGUE,
    sha256,
  );
}

export interface Sealed extends Omit<SealResult, 'write'> {
  /** Files rewritten from GBK or without their byte-order mark, so that sha256sum of the file is its hash. */
  reencoded: string[];
}

/**
 * `plan seal DIR`: a package edited by hand, sealed again in place (src/core/exchange/packageSeal.ts). Every file is
 * read and the sealed package is read back whole before anything is written; then the changed CSV files are written,
 * and datapackage.json last, each to a temporary file renamed over the old one.
 */
export function sealDir(dir: string, opts: { note?: string; editor?: string; date: Date }): Sealed {
  const notPackage = (zh: string, en: string): never => {
    throw new PackageError(dir, undefined, undefined, [zh, en]);
  };
  if (!existsSync(dir)) notPackage('找不到这个目录', 'no such folder');
  if (!statSync(dir).isDirectory())
    notPackage('不是目录：请给出 plan publish 写出的数据包目录', 'not a folder: give the folder plan publish wrote');
  if (!existsSync(join(dir, 'datapackage.json')))
    notPackage(
      '不是数据包：没有 datapackage.json（只能封存 plan publish 写出的数据包目录）',
      'not a data package: there is no datapackage.json (only a folder plan publish wrote can be sealed)',
    );
  const descriptor = readPackageFile(dir, 'datapackage.json');
  const texts = {} as Record<ResourceName, string>;
  const reencode: ResourceName[] = [];
  for (const name of RESOURCES) {
    const file = fileOf(name);
    if (!existsSync(join(dir, file))) throw new PackageError(file, undefined, undefined, ['找不到文件', 'file not found']);
    const bytes = packageFileBytes(dir, file);
    // A manager's spreadsheet may save "CSV" as GBK, or UTF-8 with a BOM: read both, and write plain UTF-8 back.
    const decoded = decodeText(bytes, file, true);
    checkDelimiter(decoded.text, file);
    if (decoded.from || (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) reencode.push(name);
    texts[name] = decoded.text;
  }
  const { write, ...result } = sealPackage({ descriptor, texts, reencode, ...opts }, CATALOGUE, sha256);
  for (const [name, text] of Object.entries(write)) {
    const tmp = join(dir, `.${name}.seal-tmp`);
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, join(dir, name));
  }
  return { ...result, reencoded: result.changed ? reencode.map(fileOf) : [] };
}
