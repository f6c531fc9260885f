import { DetailedCellError } from 'hyperformula';
import { createEngine } from '../../src/hyperformula/engine';
import { setLanguage } from '../../src/functions/impl';

beforeEach(() => setLanguage('zh-CN'));

function evalIn(rows: (string | number | null)[][], address = { sheet: 0, row: 0, col: rows[0].length - 1 }) {
  const hf = createEngine({ Sheet1: rows });
  const v = hf.getCellValue(address);
  hf.destroy();
  return v;
}

test('PLAN functions inside ordinary formulas', () => {
  expect(evalIn([['=PLAN.TARGET("赣州","高新技术企业",2025)']])).toBe(2000);
  expect(evalIn([['=PLAN.TARGET("九江","技术合同成交额")-PLAN.BASELINE("九江","技术合同成交额")']])).toBeCloseTo(61.6, 9);
  expect(evalIn([['=IF(PLAN.STATUS("赣州","高新技术企业",2023,1700)="符合进度","ok","no")']])).toBe('ok');
  expect(evalIn([['=SUM(PLAN.TARGET("赣州","高企"),PLAN.TARGET("九江","高企"),PLAN.TARGET("吉安","高企"))']])).toBe(2000 + 1200 + 800);
});

test('cell references, numbers as text and blanks for optional arguments', () => {
  expect(evalIn([['赣州', '高新技术企业', '2023', '=PLAN.TARGET(A1,B1,C1)']])).toBe(1600);
  expect(evalIn([['赣州', '高新技术企业', null, '=PLAN.TARGET(A1,B1,C1)']])).toBe(2000);
  expect(evalIn([['赣州', '高新技术企业', '=PLAN.TARGET(A1,B1,,"cagr")']])).toBe(2000);
});

test('errors: #N/A for unknown names, #VALUE! for bad numbers, with messages', () => {
  const na = evalIn([['=PLAN.TARGET("南昌","高新技术企业")']]) as DetailedCellError;
  expect(na).toBeInstanceOf(DetailedCellError);
  expect(na.value).toBe('#N/A');
  expect(na.message).toContain('南昌');
  const bad = evalIn([['=PLAN.STATUS("赣州","高新技术企业",2023,"abc")']]) as DetailedCellError;
  expect(bad.value).toBe('#VALUE!');
  expect(bad.message).toContain('实际值');
  const year = evalIn([['=PLAN.TARGET("赣州","高新技术企业",2031)']]) as DetailedCellError;
  expect(year.value).toBe('#VALUE!');
  const err = evalIn([['=PLAN.TARGET("赣州",1/0)']]) as DetailedCellError;
  expect(err.value).toBe('#DIV/0!');
});

test('dynamic arrays spill: REGIONS, INDICATORS, TABLE', () => {
  const hf = createEngine({ Sheet1: [['=PLAN.REGIONS()', '=PLAN.TABLE("赣州")']] });
  const values = hf.getSheetValues(0);
  expect(values.slice(0, 5).map((r) => r[0])).toEqual(['江西', '九江', '吉安', '上饶', '赣州']);
  expect(values[0][1]).toBe('序号');
  const row = values.find((r) => r[2] === '高新技术企业数量')!;
  expect(row.slice(1, 8)).toEqual([7, '高新技术企业数量', '家', '', 1000, '2000', 2000]);
  hf.destroy();
});

test('English messages when the language is not Chinese', () => {
  setLanguage('en-US');
  const na = evalIn([['=PLAN.TARGET("Nanchang","high-tech enterprises")']]) as DetailedCellError;
  expect(na.message).toContain('Nanchang');
  expect(evalIn([['=PLAN.STATUS("Ganzhou","high-tech enterprises",2023,1200)']])).toBe('behind');
});

test('PLAN.ACTUAL: the official figure, its source fields, and #N/A saying which years have one', () => {
  expect(evalIn([['=PLAN.ACTUAL("江西","研发经费投入强度",2023)']])).toBe(1.88);
  expect(evalIn([['=ROUND(PLAN.ACTUAL("江西","研发经费投入强度",2023)-PLAN.ACTUAL("江西","研发经费投入强度",2022),2)']])).toBe(0.14);
  expect(String(evalIn([['=PLAN.ACTUAL("江西","研发经费投入强度",,"quote")']]))).toContain('1.88%');
  const e = evalIn([['=PLAN.ACTUAL("江西","研发经费投入强度",2021)']]) as DetailedCellError;
  expect(e).toBeInstanceOf(DetailedCellError);
  expect(e.value).toBe('#N/A');
  expect(e.message).toMatch(/有公开实际值的年份：2022、2023/);
});
