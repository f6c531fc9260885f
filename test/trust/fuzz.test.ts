/**
 * Hostile input, thousands of times: every PLAN function and every `plan` command either answers or raises a
 * PlanError with a specific message — never another exception. How fast they answer is measured by the bench.
 */
import fc from 'fast-check';
import { PlanError } from '../../src/core/errors';
import { run } from '../../src/cli/main';
import { FUNCTIONS, setLanguage, type FunctionId } from '../../src/functions/impl';
import { ARITY, hostile, oneOff } from './hostile';

beforeAll(() => {
  setLanguage('zh-CN');
  // Build the dataset and indexes once, as the add-in does at load, so timings measure calls, not start-up.
  FUNCTIONS.TARGET('赣州', '高新技術企業', 2023);
});

/** Runs one call: an answer, or a PlanError with a message of reasonable length; anything else fails. */
function check(call: () => unknown): void {
  let error: unknown = null;
  try {
    call();
  } catch (e) {
    error = e;
  }
  if (error !== null) {
    if (!(error instanceof PlanError)) throw error;
    expect(error.message.length).toBeGreaterThan(4);
    expect(error.messageEn.length).toBeGreaterThan(4);
    expect(error.message.length).toBeLessThan(400);
  }
}

describe.each(Object.keys(FUNCTIONS) as FunctionId[])('PLAN.%s', (id) => {
  test('hostile arguments: an answer or a specific error', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 0, maxLength: ARITY[id] }), (args) => {
        check(() => (FUNCTIONS[id] as (...a: unknown[]) => unknown)(...args));
      }),
      { numRuns: 1500 },
    );
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
