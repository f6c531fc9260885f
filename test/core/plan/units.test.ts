import fc from 'fast-check';
import { convert, convertible, shiftDecimal, unitParts } from '../../../src/core/plan/units';
import { acrossRegions, resolveAcross } from '../../../src/core/plan/compare';
import { dataset } from '../../../src/data/index';
import { Plan } from '../../../src/core/plan/plan';

/** The decimal point moved by string, independently of floating-point multiplication. */
function shiftByString(x: number, k: number): number {
  const [int, frac = ''] = String(x).split('.');
  const digits = int.replace('-', '') + frac;
  let point = int.replace('-', '').length + k;
  const padded = point > digits.length ? digits + '0'.repeat(point - digits.length) : digits;
  const lead = point < 0 ? '0'.repeat(-point) : '';
  point = Math.max(point, 0);
  const all = lead + padded;
  const text = `${all.slice(0, point) || '0'}.${all.slice(point) || '0'}`;
  return Number((x < 0 ? '-' : '') + text);
}

test('units split into a base and a power of ten', () => {
  expect(unitParts('万件')).toEqual({ base: '件', exponent: 4 });
  expect(unitParts('亿元')).toEqual({ base: '元', exponent: 8 });
  expect(unitParts('万名')).toEqual({ base: '人', exponent: 4 });
  expect(unitParts('%')).toEqual({ base: '%', exponent: 0 });
  expect(unitParts('万')).toEqual({ base: '万', exponent: 0 });
});

test('conversions are exact, both ways', () => {
  expect(convert(8, '万件', '件')).toBe(80000);
  expect(convert(0.07, '万件', '件')).toBe(700);
  expect(0.07 * 10000).not.toBe(700); // what multiplying would give
  expect(convert(17619, '件', '万件')).toBe(1.7619);
  expect(convert(2.43, '亿元', '万元')).toBe(24300);
  expect(convert(50, '万名', '人')).toBe(500000);
  expect(convert(3, '万个', '家')).toBe(30000);
  expect(convert(7, '-', '位')).toBe(7);
});

test('every conversion equals moving the decimal point (property)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -10_000_000, max: 10_000_000 }),
      fc.integer({ min: 0, max: 4 }),
      fc.constantFrom(-8, -4, 0, 4, 8),
      (n, places, k) => {
        const x = n / 10 ** places;
        const x2 = Number(x.toFixed(places));
        expect(shiftDecimal(x2, k)).toBe(shiftByString(x2, k));
        expect(shiftDecimal(shiftDecimal(x2, k), -k)).toBe(x2);
      },
    ),
  );
});

test('units that count different things never convert', () => {
  expect(convertible('件', '家')).toBe(false);
  expect(convertible('万件', '件')).toBe(true);
  expect(() => convert(1, '件', '亿元')).toThrow(/不可换算/);
});

test('regions side by side: joined by id, in the definition unit', () => {
  const d = dataset();
  const view = acrossRegions(d, 'patent_grants');
  expect(view.rows.map((r) => [r.region, r.unitAsWritten, r.unit, r.baselines[2020], r.target])).toEqual([
    ['江西', '万件', '件', 80000, null],
    ['赣州', '件', '件', 17619, 20000],
  ]);
  // 江西's potential unicorns and 上饶's unicorns are different ids: one view never holds both
  expect(acrossRegions(d, 'unicorn_enterprises').rows.map((r) => r.region)).toEqual(['江西']);
  const hte = acrossRegions(d, 'high_tech_enterprises');
  expect(hte.rows.find((r) => r.region === '江西')).toMatchObject({ targetRaw: '力争…突破10000家', aspiration: true, target: 10000 });
  expect(hte.rows.find((r) => r.region === '九江')).toMatchObject({ aspiration: false, target: 1200 });
});

test('a name resolves to one id across regions, or the ambiguity is said', () => {
  const d = dataset();
  const plan = new Plan(d);
  expect(resolveAcross(d, plan.resolver, '专利授权量').id).toBe('patent_grants');
  expect(resolveAcross(d, plan.resolver, 'R&D强度').id).toBe('rd_intensity');
  expect(resolveAcross(d, plan.resolver, 'unicorn_enterprises').id).toBe('unicorn_enterprises');
  expect(() => resolveAcross(d, plan.resolver, '不存在的指标')).toThrow();
});
