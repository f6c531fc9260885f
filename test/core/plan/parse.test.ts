import { parseValue } from '../../../src/core/plan/parse';

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
  test('力争 and 争取 are kept and mark an aspiration; a plain figure is firm', () => {
    expect(parseValue('力争引进（含柔性）院士1-2名')).toMatchObject({
      value: 1,
      low: 1,
      high: 2,
      qualifiers: ['力争'],
      aspiration: true,
      bound: 'range', // a range is bound by both ends, not "exact" (issue 28)
      remark: '含柔性',
    });
    expect(parseValue('争取2025年达省级重点学科7个')).toMatchObject({
      value: 7,
      qualifiers: ['争取', '达'],
      aspiration: true,
      reach: true,
    });
    expect(parseValue('7个')).toMatchObject({ value: 7, aspiration: false, reach: false, bound: 'exact' });
  });
  test.each([
    ['20家以上', 'at_least'],
    ['不少于5个', 'at_least'],
    ['突破 800 家', 'above'],
    ['超过2.5%', 'above'],
    ['1200家左右', 'about'],
    ['约3家', 'about'],
    ['达到12000家', 'exact'],
  ])('%s bounds the value as %s', (raw, bound) => {
    expect(parseValue(raw).bound).toBe(bound);
  });
  test('a date in the words is not the figure', () => {
    expect(parseValue('争取到2025年，新建国家创新平台和载体10个', 18)).toMatchObject({ value: 28, increment: { low: 10, high: 10 } });
    expect(parseValue('力争到2025年底，达3家以上')).toMatchObject({ value: 3, bound: 'at_least' });
  });
  test('新建 is an increment like 新增', () => {
    expect(parseValue('新建…省级30个', 115)).toMatchObject({ value: 145, qualifiers: ['新建'], increment: { low: 30, high: 30 } });
    expect(parseValue('新建…省级30个')).toMatchObject({ value: null, increment: { low: 30, high: 30 } });
  });
  test('words kept from further back in the sentence, with "…" for what is left out', () => {
    expect(parseValue('力争…新增…10 家', 5)).toMatchObject({ value: 15, qualifiers: ['力争', '新增'], aspiration: true });
    expect(parseValue('力争…突破10000家')).toMatchObject({ value: 10000, qualifiers: ['力争', '突破'], bound: 'above' });
  });
  test('for a flow measure, "新增 N" is the figure N itself, not an increment on a level', () => {
    expect(parseValue('力争…新增…10 家', 5, { flow: true })).toMatchObject({ value: 10, qualifiers: ['力争', '新增'] });
    expect(parseValue('力争…新增…10 家', 5, { flow: true }).increment).toBeUndefined();
    expect(parseValue('新增 2-5', null, { flow: true })).toMatchObject({ value: 2, low: 2, high: 5 });
  });
  test('the increment and the total side by side: the total the plan writes is the figure, the increment its remark', () => {
    const v = parseValue('新增1家独角兽企业（总数达3家）', 2);
    expect(v).toMatchObject({ value: 3, qualifiers: ['达'], reach: true, bound: 'exact', remark: '新增1家独角兽企业' });
    expect(v.increment).toBeUndefined();
    expect(v.qualifiers).not.toContain('新增');
  });
  test('以上 after 级 qualifies the level (省级以上), not the figure', () => {
    expect(parseValue('新增省级以上科技企业孵化器6个', null, { flow: true })).toMatchObject({
      value: 6,
      bound: 'exact',
      qualifiers: ['新增'],
    });
    expect(parseValue('国家级以上平台10个以上')).toMatchObject({ value: 10, bound: 'at_least' });
  });
  test('至少 is a lower bound', () => {
    expect(parseValue('力争…至少建有2家')).toMatchObject({ value: 2, bound: 'at_least', qualifiers: ['至少', '力争'] });
  });
  test('raw is always the text exactly as given', () => {
    for (const raw of ['力争…新增…10 家', '争取2025年达省级重点学科7个', '2.5左右（力争达全国平均水平）'])
      expect(parseValue(raw).raw).toBe(raw);
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

test('a minus sign written before the figure is a negative number; words of direction are not', () => {
  expect(parseValue('-0.5').value).toBe(-0.5);
  expect(parseValue('－3').value).toBe(-3); // full width
  expect(parseValue('−1.2以上')).toMatchObject({ value: -1.2, bound: 'at_least' }); // U+2212
  expect(parseValue('[-2.1]')).toMatchObject({ value: -2.1, estimate: true });
  // Not a sign: a range's dash, a direction in words, an empty cell's dash.
  expect(parseValue('0.5-1.0')).toMatchObject({ value: 0.5, low: 0.5, high: 1 });
  expect(parseValue('下降5%').value).toBe(5);
  expect(parseValue('-').value).toBeNull();
});
