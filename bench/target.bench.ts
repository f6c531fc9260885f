/**
 * npm run bench: the speed of PLAN.TARGET as Excel calls it (through src/functions/impl, arguments as cells hand
 * them over), with a realistic mix of names: mostly repeated, some variant spellings, traditional characters,
 * English. Reports calls per second, median and p99 µs per call, and the first-call cost of a new spelling.
 */
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { regionLayout } from '../src/core/sheet/layout';
import { insertOnNewSheets } from '../src/hosts/excel/excel';
import { officeActions } from '../src/hosts/excel/actions';
import { FakeExcelNamespace, FakeHost } from '../test/fakes/fakeExcel';
import { Plan } from '../src/core/plan/plan';
import { dataset } from '../src/data/index';
import { Resolver } from '../src/core/plan/resolve';
import * as f from '../src/functions/impl';

const MIX: [string, string, number | string | undefined][] = [
  ['赣州', '高新技术企业', 2025],
  ['赣州', '高新技术企业', 2023],
  ['九江', '技术合同成交额', undefined],
  ['吉安', 'R&D投入占GDP比例', 2024],
  ['上饶', '高新技术企业数量', '2022'],
  ['贛州市', '高新技術企業', 2025],
  ['Ganzhou', 'High-tech enterprises', 2021],
  ['九江市', '全社会R＆D经费支出占GDP的比重', 2025],
  ['江西', '科技型中小企业', 2025],
  ['赣州', '全社会 R&D 经费支出占 GDP 之比 (%)', 2022],
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function main(): void {
  f.setLanguage('zh-CN');
  f.getPlan();
  // Warm up the JIT and the resolver cache.
  for (let i = 0; i < 20000; i++) {
    const [r, n, y] = MIX[i % MIX.length];
    f.TARGET(r, n, y);
  }
  // Repeated calls: the steady state of a workbook full of PLAN formulas.
  const N = 200_000;
  const batch = 100;
  const perCall: number[] = [];
  const start = performance.now();
  for (let i = 0; i < N; i += batch) {
    const t0 = performance.now();
    for (let j = 0; j < batch; j++) {
      const [r, n, y] = MIX[(i + j) % MIX.length];
      f.TARGET(r, n, y);
    }
    perCall.push(((performance.now() - t0) * 1000) / batch);
  }
  const elapsed = performance.now() - start;
  perCall.sort((a, b) => a - b);

  // First call of a spelling never seen: the add-in's one resolver, warm, asked for spellings it has not cached
  // (the same names with spaces and full-width spaces around them, which normalise away).
  const spellings = [
    '高新技术企业数',
    '高企数量',
    '高新技術企業總數',
    '科技型中小企业数量',
    '技术合同成交总金额',
    'R&D经费支出占GDP之比',
    '全社会研发投入强度',
    '每万人发明专利拥有量',
    '国家级科技创新平台载体',
    '发明专利申请',
  ];
  const d = dataset();
  const res = new Resolver(d);
  const region = res.region('九江');
  const firsts: number[] = [];
  for (let k = 0; k < 100; k++) {
    for (const s of spellings) {
      const spelling = ' '.repeat(k % 7) + s + '\u3000'.repeat(Math.floor(k / 7) + 1);
      const t0 = performance.now();
      try {
        res.entry(region, spelling);
      } catch {
        /* ambiguous or unknown spellings cost the same search */
      }
      firsts.push((performance.now() - t0) * 1000);
    }
  }
  firsts.sort((a, b) => a - b);
  const plan = new Plan(d);
  const fmt = (x: number) => x.toFixed(2);
  console.log(`PLAN.TARGET, ${N.toLocaleString('en')} calls over ${MIX.length} spellings (repeated, variants, traditional, English):`);
  console.log(`  calls per second:        ${Math.round((N / elapsed) * 1000).toLocaleString('en')}`);
  console.log(`  median µs per call:      ${fmt(percentile(perCall, 50))}`);
  console.log(`  p99 µs per call:         ${fmt(percentile(perCall, 99))}   (batches of ${batch})`);
  console.log(`First call of a new spelling (not yet cached, ${firsts.length} samples):`);
  console.log(`  median µs:               ${fmt(percentile(firsts, 50))}`);
  console.log(`  p99 µs:                  ${fmt(percentile(firsts, 99))}`);

  // Hostile input: every function, random and malformed arguments (the fuzz test's kinds), each call timed.
  const hostile = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ minLength: 500, maxLength: 3000 }),
    fc.double(),
    fc.integer(),
    fc.constantFrom(null, true, '', '=1+1', '赣州', '高企', 2023),
    fc.array(fc.array(fc.integer(), { maxLength: 3 }), { maxLength: 3 }),
  );
  const samples = fc.sample(fc.array(hostile, { maxLength: 5 }), { numRuns: 20000, seed: 42 });
  const fns = Object.values(f.FUNCTIONS) as ((...a: unknown[]) => unknown)[];
  const hostileTimes: number[] = [];
  samples.forEach((args, i) => {
    const t0 = performance.now();
    try {
      fns[i % fns.length](...args);
    } catch {
      /* a PlanError: what the fuzz test checks */
    }
    hostileTimes.push((performance.now() - t0) * 1000);
  });
  hostileTimes.sort((a, b) => a - b);
  console.log(`Hostile input, ${samples.length} calls over all ${fns.length} PLAN functions:`);
  console.log(`  median µs:               ${fmt(percentile(hostileTimes, 50))}`);
  console.log(`  p99 µs:                  ${fmt(percentile(hostileTimes, 99))}`);
  console.log(`  max µs:                  ${fmt(hostileTimes[hostileTimes.length - 1])}`);

  // Round trips to Excel, counted on the fake host.
  (globalThis as unknown as { Excel: unknown }).Excel = FakeExcelNamespace;
  const host = new FakeHost();
  const layouts = (names: string[]) => names.map((n) => regionLayout(plan.region(n), 'plain', 'zh', plan.dataset.version));
  const counted = async (what: string, op: () => Promise<unknown>) => {
    host.syncs = 0;
    await op();
    console.log(`  ${what.padEnd(25)}${host.syncs}`);
  };
  console.log('context.sync() calls:');
  void (async () => {
    await counted('insert one region:', () => insertOnNewSheets(host.context() as never, layouts(['赣州'])));
    await counted('insert all five regions:', () => insertOnNewSheets(host.context() as never, layouts(plan.regions().map((r) => r.name))));
    await counted('refresh all six tables:', () => officeActions(plan, 'zh', host.run as never).refresh());
    console.log(`Dataset ${plan.dataset.version} (${plan.dataset.checksum}), node ${process.version}`);
  })();
}

main();
