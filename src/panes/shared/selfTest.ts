/**
 * 自检 / the self-test, as every pane and host shares it: which capabilities are tried, how each outcome is told, and
 * the report a person copies and sends. No Office, no ET, no DOM: the host adapters (src/hosts/excel/selfTest.ts,
 * src/hosts/wps/selfTest.ts) carry out each step on a scratch sheet of their own and hand the outcomes here.
 * ES5-safe and small: the legacy pane bundles it too.
 */
import type { Lang } from '../../core/plan/plan';
import { TARGET } from '../../functions/impl';

/** The capabilities the add-in uses, in the order they are tried. */
export const CAPABILITIES = [
  'values',
  'formulas',
  'text',
  'table',
  'conditionalFormat',
  'customXml',
  'pageLayout',
  'chart',
  'customFunction',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const LABELS: Record<Capability, [string, string]> = {
  values: ['数值', 'values'],
  formulas: ['公式', 'formulas'],
  text: ['文本保持为文本', 'texts stay text'],
  table: ['表格', 'table'],
  conditionalFormat: ['条件格式', 'conditional format'],
  customXml: ['自定义 XML 部件', 'custom XML part'],
  pageLayout: ['打印设置', 'page layout'],
  chart: ['图表', 'chart'],
  customFunction: ['自定义函数', 'custom function'],
};

/** Texts a host would read as a time, a date, a negative, a number, a boolean or a formula if written as typed. */
export const TEXT_SAMPLES = ['004:228', '2-5', '1-2', '3/4', '(100)', '007', '1E5', '5%', 'TRUE', '=1+1', '新增 2-5'];

/** The custom function call tried, and the value it must give (the same data as the pane's). */
export const FUNCTION_CALL = '=PLAN.TARGET("赣州","高新技术企业",2025)';
export function functionExpected(): number | string {
  return TARGET('赣州', '高新技术企业', 2025);
}

/** The namespace of the custom XML part the self-test writes and deletes (never the add-in's records). */
export const SELFTEST_NS = 'urn:plan-indicators:selftest';

export type Outcome = { state: 'ok' } | { state: 'failed'; code: string; message: string } | { state: 'unsupported'; need: string };

/** Thrown by a step whose host lacks what it needs (a requirement set, an API): reported, not failed. */
export class Unsupported extends Error {
  constructor(readonly need: string) {
    super(`unsupported: ${need}`);
    this.name = 'Unsupported';
  }
}

/** Thrown by a step that read back something else than it wrote. */
export class Mismatch extends Error {
  readonly code = 'Mismatch';
  constructor(expected: unknown, got: unknown) {
    super(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
    this.name = 'Mismatch';
  }
}

/** Throws Mismatch unless `got` equals `expected` (compared as JSON: rows of cells). */
export function expectSame(got: unknown, expected: unknown): void {
  if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Mismatch(expected, got);
}

/** The code an error carries: Office's `code` (InvalidArgument, ApiNotFound…), a COM `number`, else its name. */
export function errorCode(e: unknown): string {
  const x = (e || {}) as { code?: unknown; number?: unknown; name?: unknown };
  if (typeof x.code === 'string' && x.code) return x.code;
  if (typeof x.number === 'number') return `0x${(x.number >>> 0).toString(16).toUpperCase()}`;
  return typeof x.name === 'string' && x.name ? x.name : 'Error';
}

/** What happened to a step that threw. */
export function outcomeOf(e: unknown): Outcome {
  if (e instanceof Unsupported) return { state: 'unsupported', need: e.need };
  const message = e instanceof Error ? e.message : String(e);
  return { state: 'failed', code: errorCode(e), message: message.slice(0, 300) };
}

export interface HostInfo {
  host: string;
  version: string;
  platform: string;
  /** The requirement sets the host reports (highest version of each), or what stands for them. */
  sets: string[];
}

export interface SelfTestReport extends HostInfo {
  /** The scratch sheet used (and deleted). */
  sheet: string;
  results: { capability: Capability; outcome: Outcome }[];
  /** Whether the scratch sheet was deleted again. */
  cleanup: Outcome;
  dataVersion: string;
  when: string;
}

/** A sheet name not in `taken` (case-insensitive), for this moment: "自检 20261203-063814". */
export function scratchName(taken: string[], now: Date): string {
  const p = (n: number): string => (n < 10 ? '0' : '') + n;
  const base = `自检 ${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  const lower = taken.map((n) => n.toLowerCase());
  let name = base;
  for (let i = 2; lower.indexOf(name.toLowerCase()) >= 0; i++) name = `${base} (${i})`;
  return name;
}

/** The highest version of each set the host supports, e.g. "ExcelApi 1.17"; sets it lacks entirely are left out. */
export function highestSets(check: (name: string, version: string) => boolean, sets: [string, number][]): string[] {
  const out: string[] = [];
  for (let i = 0; i < sets.length; i++) {
    let best = '';
    for (let v = 1; v <= sets[i][1]; v++) {
      let ok: boolean;
      try {
        ok = check(sets[i][0], `1.${v}`);
      } catch {
        ok = false;
      }
      if (ok) best = `1.${v}`;
    }
    if (best) out.push(`${sets[i][0]} ${best}`);
  }
  return out;
}

/**
 * Run the steps in order, each on its own (one that throws does not stop the others), then `cleanup` (deleting the
 * scratch sheet) whatever happened. A capability without a step is reported as not supported by `missing`.
 * Promise chains, not async functions: the legacy pane's IE11 bundle stays small.
 */
export function runSteps(
  steps: Partial<Record<Capability, () => Promise<void>>>,
  cleanup: () => Promise<void>,
  missing: string,
): Promise<{ results: SelfTestReport['results']; cleanup: Outcome }> {
  const results: SelfTestReport['results'] = [];
  const attempt = (f: (() => Promise<void>) | undefined, none: Outcome): Promise<Outcome> =>
    f
      ? new Promise<void>((resolve) => resolve(f())).then(
          (): Outcome => ({ state: 'ok' }),
          (e: unknown) => outcomeOf(e),
        )
      : Promise.resolve(none);
  const next = (i: number): Promise<void> =>
    i < CAPABILITIES.length
      ? attempt(steps[CAPABILITIES[i]], { state: 'unsupported', need: missing }).then((outcome) => {
          results.push({ capability: CAPABILITIES[i], outcome });
          return next(i + 1);
        })
      : Promise.resolve();
  return next(0)
    .then(() => attempt(cleanup, { state: 'ok' }))
    .then((done) => ({ results, cleanup: done }));
}

function outcomeText(o: Outcome, zh: boolean): string {
  if (o.state === 'ok') return zh ? '正常' : 'ok';
  if (o.state === 'unsupported') return zh ? `此宿主不支持（${o.need}）` : `not supported by this host (${o.need})`;
  return `${zh ? '失败' : 'failed'} [${o.code}] ${o.message}`;
}

/** The report as plain text, to show and to copy: the host, then one line per capability. */
export function reportText(r: SelfTestReport, lang: Lang): string {
  const zh = lang === 'zh';
  const lines = [
    zh ? '规划指标加载项 自检报告' : 'Plan indicators add-in: self-test report',
    `${zh ? '宿主' : 'Host'}: ${r.host} ${r.version} (${r.platform})`,
    `${zh ? '要求集' : 'Requirement sets'}: ${r.sets.length ? r.sets.join(', ') : '-'}`,
    `${zh ? '数据版本' : 'Data version'}: ${r.dataVersion} · ${r.when}`,
    `${zh ? '临时工作表' : 'Scratch sheet'}: ${r.sheet}`,
  ];
  for (let i = 0; i < r.results.length; i++) {
    const x = r.results[i];
    const mark = x.outcome.state === 'ok' ? '✓' : x.outcome.state === 'failed' ? '✗' : '–';
    lines.push(`${mark} ${LABELS[x.capability][zh ? 0 : 1]}: ${outcomeText(x.outcome, zh)}`);
  }
  lines.push(`${zh ? '删除临时工作表' : 'Scratch sheet deleted'}: ${outcomeText(r.cleanup, zh)}`);
  return lines.join('\n');
}

/** The pane's words for the self-test (the modern pane adds a line on what it does: src/panes/modern/SelfTest.tsx). */
export function selfTestWords(lang: Lang): { run: string; copy: string; copied: string } {
  return lang === 'zh' ? { run: '自检', copy: '复制报告', copied: '已复制' } : { run: 'Self-test', copy: 'Copy report', copied: 'Copied' };
}
