/** Hostile cell arguments for the PLAN functions: shared by the fuzz test and its benchmark (bench/fuzz.bench.ts). */
import fc from 'fast-check';
import type { FunctionId } from '../../src/functions/impl';

export const NAMES = [
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
export const oneOff = fc
  .tuple(fc.constantFrom(...NAMES), fc.nat(), fc.constantFrom('', 'x', '的', '企', ' ', '\u0000'))
  .map(([n, i, c]) => {
    const chars = [...n];
    const k = i % chars.length;
    return [...chars.slice(0, k), c, ...chars.slice(k + 1)].join('');
  });

export const hostile = fc.oneof(
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

export const ARITY: Record<FunctionId, number> = {
  TARGET: 4,
  BASELINE: 3,
  STATUS: 5,
  GAP: 5,
  PROGRESS: 5,
  REQUIRED: 4,
  INFO: 3,
  ACTUAL: 4,
  REGIONS: 0,
  INDICATORS: 1,
  TABLE: 1,
};
