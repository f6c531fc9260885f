import * as f from '../../src/functions/impl';
import { planError } from '../fixture';

const err = planError;

beforeEach(() => f.setLanguage('zh-CN'));

describe('PLAN.TARGET', () => {
  test('the issue example', () => {
    expect(f.TARGET('赣州', '高新技术企业', 2025)).toBe(2000);
  });
  test('year omitted or blank is 2025; numbers as text and 1×1 ranges are read', () => {
    expect(f.TARGET('赣州', '高新技术企业')).toBe(2000);
    expect(f.TARGET('赣州', '高新技术企业', '')).toBe(2000);
    expect(f.TARGET('赣州', '高新技术企业', null)).toBe(2000);
    expect(f.TARGET('赣州', '高新技术企业', '2025')).toBe(2000);
    expect(f.TARGET('赣州', '高新技术企业', '２０２５年')).toBe(2000);
    expect(f.TARGET([['赣州']], [['高新技术企业']], [[2025]])).toBe(2000);
  });
  test('intermediate years are on the path, linear or cagr', () => {
    expect(f.TARGET('赣州', '高新技术企业', 2023)).toBe(1600);
    expect(f.TARGET('赣州', '高新技术企业', 2023, 'cagr')).toBeCloseTo(1000 * Math.pow(2, 3 / 5), 6);
  });
  test('2019 and 2020 are the baselines', () => {
    expect(f.TARGET('九江', '高新技术企业', 2019)).toBe(510);
    expect(f.TARGET('九江', '高新技术企业', 2020)).toBe(710);
  });
  test('qualitative targets return their text', () => {
    expect(f.TARGET('九江', '科技进步综合水平全省排位')).toBe('全省中上游');
  });
  test('bad years', () => {
    expect(err(() => f.TARGET('赣州', '高新技术企业', 2030)).code).toBe('BAD_YEAR');
    expect(err(() => f.TARGET('赣州', '高新技术企业', 2022.5)).code).toBe('BAD_YEAR');
    expect(err(() => f.TARGET('赣州', '高新技术企业', 'abc')).message).toContain('年份必须是数字');
    expect(err(() => f.TARGET('赣州', '高新技术企业', true)).message).toContain('TRUE');
  });
  test('bad names', () => {
    expect(err(() => f.TARGET('南昌', '高新技术企业')).code).toBe('NO_PLAN');
    expect(err(() => f.TARGET('赣州', '')).code).toBe('BAD_ARGUMENT');
    expect(err(() => f.TARGET('赣州', [['a', 'b']])).message).toContain('单个单元格');
    expect(err(() => f.TARGET(true, '高新技术企业')).message).toContain('逻辑值');
  });
});

describe('the other functions', () => {
  test('BASELINE', () => {
    expect(f.BASELINE('九江', '高新技术企业')).toBe(710);
    expect(f.BASELINE('九江', '高新技术企业', 2019)).toBe(510);
    expect(err(() => f.BASELINE('九江', '高新技术企业', 2021)).code).toBe('BAD_YEAR');
    expect(err(() => f.BASELINE('赣州', '高新技术企业', 2019)).code).toBe('NO_BASELINE');
  });
  test('STATUS in Chinese, and English when Office is not Chinese', () => {
    expect(f.STATUS('赣州', '高新技术企业', 2023, 1200)).toBe('滞后');
    expect(f.STATUS('赣州', '高新技术企业', 2023, 1600)).toBe('符合进度');
    expect(f.STATUS('赣州', '高新技术企业', 2023, '2,100')).toBe('已完成');
    f.setLanguage('en-US');
    expect(f.STATUS('赣州', '高新技术企业', 2023, 1500)).toBe('slightly behind');
    expect(f.STATUS('赣州', '高新技术企业', 2023, 900)).toBe('moving away');
  });
  test('GAP, PROGRESS, REQUIRED', () => {
    expect(f.GAP('赣州', '高新技术企业', 2023, 1500)).toBe(-100);
    expect(f.PROGRESS('赣州', '高新技术企业', 1500)).toBe(0.5);
    expect(f.REQUIRED('赣州', '高新技术企业', 2023, 1500)).toBeCloseTo(Math.sqrt(2000 / 1500) - 1, 9);
  });
  test('a non-numeric actual is #VALUE!-worthy', () => {
    const e = err(() => f.STATUS('赣州', '高新技术企业', 2023, 'n/a'));
    expect(e.code).toBe('BAD_NUMBER');
    expect(e.message).toContain('实际值');
    expect(err(() => f.GAP('赣州', '高新技术企业', 2023, null)).message).toContain('缺少实际值');
  });
  test('INFO', () => {
    expect(f.INFO('赣州', '高新技术企业', 'unit')).toBe('家');
    expect(f.INFO('赣州', '高新技术企业', 'name')).toBe('高新技术企业数量');
    expect(f.INFO('赣州', '高新技术企业', 'source')).toMatch(/^004_2f23a6af36b04d93\.txt:\d+ \(table\)/);
    expect(f.INFO('赣州', '高新技术企业', 'conflicts')).toContain('1107');
    expect(f.INFO('赣州', '国家级科技创新基地', 'raw')).toBe('新增 2-5');
    expect(f.INFO('赣州', '国家级科技创新基地', 'qualifier')).toBe('新增');
    expect(f.INFO('九江', 'R&D经费支出占GDP比重', 'direction')).toBe('越高越好');
    expect(f.INFO('九江', '科技进步综合水平全省排位', 'direction')).toBe('越低越好');
    expect(String(f.INFO('赣州', '高新技术企业', 'version'))).toMatch(/^\d+\.\d+\.\d+ \([0-9a-f]{16}\)$/);
    expect(err(() => f.INFO('赣州', '高新技术企业', 'colour')).code).toBe('BAD_ARGUMENT');
  });
  test('REGIONS, INDICATORS, TABLE spill', () => {
    expect(f.REGIONS()).toEqual([['江西'], ['九江'], ['吉安'], ['上饶'], ['赣州']]);
    expect(f.INDICATORS('赣州')).toHaveLength(f.TABLE('赣州').length - 1);
    const t = f.TABLE('赣州');
    expect(t[0][0]).toBe('序号');
    const row = t.find((r) => r[1] === '高新技术企业数量')!;
    expect(row.slice(0, 7)).toEqual([7, '高新技术企业数量', '家', '', 1000, '2000', 2000]);
  });
});

describe('Excel data types are named, never read', () => {
  // What Excel hands a custom function for a data type when allowCustomDataForDataTypeAny is set (ours is not):
  // the CellValue object of the Excel JavaScript API.
  const linked = {
    type: 'LinkedEntity',
    text: 'Ganzhou',
    id: { entityId: 'x', domainId: 'geo', serviceId: 268, culture: 'en-US' },
    properties: { Population: { type: 'Double', basicValue: 8970014 } },
  };
  const formatted = { type: 'Double', basicValue: 19.5, numberFormat: '0.0' };

  test('a linked entity as actual gives #VALUE! with its type and text, in Chinese and English', () => {
    const e = err(() => f.STATUS('赣州', '高新技术企业', 2023, linked));
    expect(e.code).toBe('BAD_ARGUMENT');
    expect(e.text('zh')).toBe('实际值不能是数据类型（LinkedEntity “Ganzhou”），请填写当年的实际数值');
    expect(e.text('en')).toBe('The actual value cannot be a data type (LinkedEntity “Ganzhou”); give the figure for that year');
  });

  test('so does a formatted number, a data type in a 1×1 range, and one in any argument', () => {
    expect(err(() => f.GAP('赣州', '高新技术企业', 2023, formatted)).message).toContain('Double “19.5”');
    expect(err(() => f.PROGRESS('赣州', '高新技术企业', [[linked]])).message).toContain('LinkedEntity');
    expect(err(() => f.TARGET(linked, '高新技术企业')).message).toContain('地区不能是数据类型');
    expect(err(() => f.TARGET('赣州', '高新技术企业', { type: 'Double', basicValue: 2025 })).message).toContain('年份不能是数据类型');
  });

  test('objects that would break String() do not crash it', () => {
    const bare = Object.create(null) as object;
    expect(err(() => f.STATUS('赣州', '高新技术企业', 2023, bare)).message).toBe('实际值不能是数据类型，请填写当年的实际数值');
    const hostile = {
      type: 42,
      text: {
        toString: () => {
          throw new Error('boom');
        },
      },
    };
    expect(err(() => f.REQUIRED('赣州', '高新技术企业', 2023, hostile)).code).toBe('BAD_ARGUMENT');
  });
});
