/**
 * Hostile input, thousands of times: every PLAN function and every `plan` command either answers or raises a
 * PlanError with a specific message — never another exception. How fast they answer is measured by the bench.
 */
import fc from 'fast-check';
import { PlanError } from '../../src/core/errors';
import { run } from '../../src/cli/main';
import { FUNCTIONS, setLanguage, type FunctionId } from '../../src/functions/impl';

const NAMES = [
  '赣州',
  '贛州',
  '九江市',
  'Jiangxi',
  '吉安',
  '上饶',
  '南昌',
  '高新技术企业',
  '高企',
  'R&D',
  '技术合同成交额',
  '专利',
  '科技型中小企业',
];

/** Names one character off: a real name with one character dropped, doubled or replaced. */
const oneOff = fc.tuple(fc.constantFrom(...NAMES), fc.nat(), fc.constantFrom('', 'x', '的', '企', ' ', '\u0000')).map(([n, i, c]) => {
  const chars = [...n];
  const k = i % chars.length;
  return [...chars.slice(0, k), c, ...chars.slice(k + 1)].join('');
});

const hostile = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '=1+1',
    '=PLAN.TARGET("赣州","高企")',
    '#N/A',
    'NaN',
    'Infinity',
    '-0',
    '1e309',
    '２０２５年',
    '2025.0',
    '\t\n',
    '\u200b',
    '𠀀𠀁',
    'ＡＢＣ',
  ),
  fc.constantFrom(null, undefined, true, false, NaN, Infinity, -Infinity, 0, -1, 2019, 2020, 2025, 2026, 1e308, -1e308, 45658),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ minLength: 500, maxLength: 3000 }),
  fc.double(),
  fc.integer(),
  fc.date({ noInvalidDate: true }),
  fc.array(fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 3 }), { maxLength: 3 }),
  fc.constantFrom(...NAMES),
  oneOff,
);

const ARITY: Record<FunctionId, number> = {
  TARGET: 4,
  BASELINE: 3,
  STATUS: 5,
  GAP: 5,
  PROGRESS: 5,
  REQUIRED: 4,
  INFO: 3,
  REGIONS: 0,
  INDICATORS: 1,
  TABLE: 1,
};

beforeAll(() => {
  setLanguage('zh-CN');
  // Build the dataset and indexes once, as the add-in does at load, so timings measure calls, not start-up.
  FUNCTIONS.TARGET('赣州', '高新技術企業', 2023);
});

/** Runs one call; returns its duration in ms (the call alone, not the checks on its error). */
function check(call: () => unknown): number {
  let error: unknown = null;
  const t0 = performance.now();
  try {
    call();
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - t0;
  if (error !== null) {
    if (!(error instanceof PlanError)) throw error;
    expect(error.message.length).toBeGreaterThan(4);
    expect(error.messageEn.length).toBeGreaterThan(4);
    expect(error.message.length).toBeLessThan(400);
  }
  return ms;
}

describe.each(Object.keys(FUNCTIONS) as FunctionId[])('PLAN.%s', (id) => {
  test('hostile arguments: an answer or a specific error, fast', () => {
    const times: number[] = [];
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 0, maxLength: ARITY[id] }), (args) => {
        times.push(check(() => (FUNCTIONS[id] as (...a: unknown[]) => unknown)(...args)));
      }),
      { numRuns: 1500 },
    );
    // Speed is measured by `npm run bench` (hostile input: p99 well under 1 ms); this bound only catches a
    // pathological case (say, quadratic work on a long string), with room for a slow machine or a GC pause.
    times.sort((a, b) => a - b);
    expect(times[Math.floor(times.length * 0.99)]).toBeLessThan(5);
    expect(times[times.length - 1]).toBeLessThan(50);
  });

  test('valid region and indicator with hostile years and actuals', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('赣州', '九江', '江西', '吉安', '上饶'),
        fc.constantFrom('高新技术企业', 'R&D经费支出占GDP比重', '技术合同成交额', '科技进步综合水平全省排位'),
        hostile,
        hostile,
        (r, n, a, b) => {
          check(() => (FUNCTIONS[id] as (...x: unknown[]) => unknown)(r, n, a, b));
        },
      ),
      { numRuns: 800 },
    );
  });
});

test('plan commands: exit 0, 1 (bad data request) or 2 (bad usage), never an exception', async () => {
  const word = fc.oneof(
    fc.constantFrom(
      'regions',
      'table',
      'target',
      'baseline',
      'status',
      'gap',
      'progress',
      'required',
      'info',
      'export',
      'indicators',
      '--json',
      '--lang',
      'en',
      '--path',
      'cagr',
      '-h',
    ),
    fc.string({ maxLength: 12 }),
    oneOff,
    fc.integer().map(String),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(word, { maxLength: 6 }), async (argv) => {
      if (argv.includes('eval') || argv.includes('workbook')) return;
      const code = await run(argv, { out: () => undefined, err: () => undefined });
      expect([0, 1, 2]).toContain(code);
    }),
    { numRuns: 1500 },
  );
});
