/** The optional method argument of PLAN.STATUS, PLAN.GAP and PLAN.PROGRESS. */
import * as f from '../../src/functions/impl';
import { planError } from '../fixture';

beforeEach(() => f.setLanguage('zh-CN'));

test('STATUS: blank method is 序时进度; eurostat judges growth rates', () => {
  expect(f.STATUS('赣州', '高新技术企业', 2024, 1720)).toBe('略滞后');
  expect(f.STATUS('赣州', '高新技术企业', 2024, 1720, '')).toBe('略滞后');
  expect(f.STATUS('赣州', '高新技术企业', 2024, 1720, 'eurostat')).toBe('符合进度');
  expect(f.STATUS('赣州', '高新技术企业', 2024, 1720, [['EUROSTAT']])).toBe('符合进度');
  expect(f.STATUS('赣州', '高新技术企业', 2024, 1720, 'cagr')).toBe('符合进度');
  f.setLanguage('en-US');
  expect(f.STATUS('赣州', '高新技术企业', 2024, 1720, 'eurostat')).toBe('on track');
  expect(f.STATUS('江西', '专利授权总量', 2023, 7, 'eurostat')).toBe('trend: significant movement away');
});

test('GAP and PROGRESS by method', () => {
  expect(f.GAP('赣州', '高新技术企业', 2024, 1720)).toBe(-80);
  expect(f.GAP('赣州', '高新技术企业', 2024, 1720, 'eurostat')).toBeCloseTo(1720 - 1000 * Math.pow(2, 4 / 5), 6);
  expect(f.PROGRESS('赣州', '高新技术企业', 1500)).toBe(0.5);
  expect(f.PROGRESS('赣州', '高新技术企业', 1720, 'eurostat', 2024)).toBeCloseTo(0.976487, 6);
  expect(f.PROGRESS('赣州', '高新技术企业', 1720, 'linear', '2024')).toBe(0.9);
});

test('bad or missing method arguments give specific errors', () => {
  expect(planError(() => f.STATUS('赣州', '高新技术企业', 2024, 1720, 'ratio')).message).toContain('方法“ratio”无效');
  expect(planError(() => f.STATUS('赣州', '高新技术企业', 2024, 1720, true)).message).toContain('方法应为文字');
  expect(planError(() => f.PROGRESS('赣州', '高新技术企业', 1720, 'eurostat')).message).toContain('年份');
  expect(planError(() => f.GAP('江西', '专利授权总量', 2023, 9, 'trend')).code).toBe('BAD_ARGUMENT');
});

test('TARGET with eurostat gives the value its required growth rate reaches: the compound path', () => {
  expect(f.TARGET('赣州', '高新技术企业', 2024, 'eurostat')).toBeCloseTo(1000 * Math.pow(2, 4 / 5), 6);
  expect(f.TARGET('赣州', '高新技术企业', 2024, 'eurostat')).toBe(f.TARGET('赣州', '高新技术企业', 2024, 'cagr'));
});
