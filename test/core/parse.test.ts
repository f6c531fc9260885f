import { parseValue } from '../../src/core/parse';

describe('parseValue', () => {
  test('plain numbers', () => {
    expect(parseValue('710')).toMatchObject({ value: 710, estimate: false, qualifiers: [], qualitative: false });
    expect(parseValue('26.80').value).toBe(26.8);
  });
  test('bracketed and starred figures are estimates', () => {
    expect(parseValue('[0.63]')).toMatchObject({ value: 0.63, estimate: true });
    expect(parseValue('1.25*')).toMatchObject({ value: 1.25, estimate: true });
    expect(parseValue('6100*')).toMatchObject({ value: 6100, estimate: true });
  });
  test('qualifier and remark are kept beside the number', () => {
    const v = parseValue('2.5左右（力争达全国平均水平）');
    expect(v).toMatchObject({ value: 2.5, qualifiers: ['左右'], remark: '力争达全国平均水平', estimate: false });
  });
  test.each([
    ['突破10000家', 10000, '突破'],
    ['达到12000家', 12000, '达到'],
    ['20家以上', 20, '以上'],
    ['300亿元以上', 300, '以上'],
    ['超过2.5%', 2.5, '超过'],
    ['达1000家', 1000, '达'],
    ['1200家左右', 1200, '左右'],
  ])('%s', (raw, value, qualifier) => {
    const v = parseValue(raw);
    expect(v.value).toBe(value);
    expect(v.qualifiers[0]).toBe(qualifier);
  });
  test('increments add to the baseline', () => {
    expect(parseValue('新增10', 18)).toMatchObject({ value: 28, increment: { low: 10, high: 10 }, qualifiers: ['新增'] });
    expect(parseValue('新增10').value).toBeNull();
  });
  test('a range of increments: the low end is the commitment', () => {
    expect(parseValue('新增 2-5', 34)).toMatchObject({ value: 36, low: 36, high: 39, increment: { low: 2, high: 5 } });
  });
  test('a plain range', () => {
    expect(parseValue('5-10项')).toMatchObject({ value: 5, low: 5, high: 10 });
  });
  test('qualitative text and dashes have no number', () => {
    expect(parseValue('全省中上游')).toMatchObject({ value: null, qualitative: true });
    expect(parseValue('-')).toMatchObject({ value: null, qualitative: false });
  });
  test('full-width digits are read', () => {
    expect(parseValue('１２００').value).toBe(1200);
  });
});

test('counts written in Chinese numerals before a measure word are read as numbers', () => {
  expect(parseValue('千名').value).toBe(1000);
  expect(parseValue('百个').value).toBe(100);
  expect(parseValue('万家').value).toBe(10000);
  expect(parseValue('十大科创新城').value).toBe(10);
  expect(parseValue('二十五项').value).toBe(25);
  expect(parseValue('两万人').value).toBe(20000);
  expect(parseValue('全省中上游')).toMatchObject({ value: null, qualitative: true });
  expect(parseValue('进入全省前三')).toMatchObject({ value: null, qualitative: true });
  expect(parseValue('新增十个', 5)).toMatchObject({ value: 15, increment: { low: 10, high: 10 } });
});
