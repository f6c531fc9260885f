import { a1, describeRefusal, isFreeCell, refusalFor } from '../../../src/core/sheet/cells';

describe('is this cell free', () => {
  it('is free only with no value and no formula', () => {
    expect(isFreeCell('', '')).toBe(true);
    expect(isFreeCell(null, undefined)).toBe(true);
    expect(isFreeCell('', '=IF(1>2,1,"")')).toBe(false);
    expect(isFreeCell(0, 0)).toBe(false);
    expect(isFreeCell('x')).toBe(false);
  });

  it('names A1 addresses', () => {
    expect(a1(0, 0)).toBe('A1');
    expect(a1(9, 3)).toBe('D10');
    expect(a1(0, 26)).toBe('AA1');
    expect(a1(0, 701)).toBe('ZZ1');
    expect(a1(0, 702)).toBe('AAA1');
  });

  it('refuses a block holding a formula that shows nothing, naming the cell', () => {
    const values = [
      ['', ''],
      ['', ''],
    ];
    const formulas = [
      ['', ''],
      ['', '=IF(1>2,1,"")'],
    ];
    const r = refusalFor({ row: 8, col: 2, values, formulas });
    expect(r).toEqual({ kind: 'occupied', cells: ['D10'] });
    expect(describeRefusal(r!, '表1', 'zh')).toContain('表1!D10');
    expect(describeRefusal(r!, 'Sheet1', 'en')).toContain('Sheet1!D10');
    expect(refusalFor({ row: 0, col: 0, values, formulas: values })).toBeNull();
  });

  it('refuses merged areas and tables before looking at values', () => {
    const empty = [['']];
    expect(refusalFor({ row: 0, col: 0, values: empty, merged: ['B2:C3'] })).toEqual({ kind: 'merged', areas: ['B2:C3'] });
    expect(refusalFor({ row: 0, col: 0, values: empty, tables: ['Table1'] })).toEqual({ kind: 'table', tables: ['Table1'] });
  });
});
