/** Expected-value columns headed 应达值; tables inserted under the former headers (序时进度, 复合路径值) are still found. */
import { columnsFor, positionIn, SEED_COLUMNS } from '../../../src/core/sheet/layout';
import { SEED_PERIOD } from '../../../src/core/plan/model';

test('expected columns are headed as expected values, in both methods', () => {
  const linear = SEED_COLUMNS.find((c) => c.key === 'expected2023')!;
  const cagr = columnsFor(SEED_PERIOD, 'cagr').find((c) => c.key === 'expected2023')!;
  expect(linear.header).toEqual({ zh: '2023年应达值', en: '2023 expected' });
  expect(cagr.header.zh).toBe('2023年应达值（复合路径）');
});

test('a table headed 序时进度 or 复合路径值 (inserted before) is still found by its former header', () => {
  const linear = SEED_COLUMNS.find((c) => c.key === 'expected2023')!;
  const cagr = columnsFor(SEED_PERIOD, 'cagr').find((c) => c.key === 'expected2023')!;
  const latest = SEED_COLUMNS.find((c) => c.key === 'lastExpected')!;
  expect(positionIn(['指标', '2023年序时进度', '最新序时值'], linear)).toBe(1);
  expect(positionIn(['指标', '2023年复合路径值'], cagr)).toBe(1);
  expect(positionIn(['指标', '2023年序时进度', '最新序时值'], latest)).toBe(2);
  // The current header wins over a former one, and another year's former header is not this column's.
  expect(positionIn(['2023年序时进度', '2023年应达值'], linear)).toBe(1);
  expect(positionIn(['2024年序时进度'], linear)).toBe(-1);
});
