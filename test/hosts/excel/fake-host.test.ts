/**
 * The fake host is as strict as the Office JS reference: these tests pin the behaviour the adapter relies on, so a
 * fake that grows forgiving again fails here first.
 */
import { FakeExcelNamespace, FakeHost, FakeOfficeError } from '../../fakes/fakeExcel';

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelNamespace;

type Ctx = ReturnType<FakeHost['context']>;
const code = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return e instanceof FakeOfficeError ? e.code : String(e);
  }
};

describe('errors surface at sync, and the batch stops at the failing operation', () => {
  test('values of the wrong size: InvalidArgument; earlier writes applied, later ones not', async () => {
    const host = new FakeHost();
    const ctx: Ctx = host.context();
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    ws.getRange('A1').values = [['before']];
    ws.getRange('A2:B2').values = [[1, 2, 3]] as never;
    ws.getRange('A3').values = [['after']];
    expect(await code(ctx.sync())).toBe('InvalidArgument');
    expect(host.sheet('Sheet1').value(0, 0)).toBe('before');
    expect(host.sheet('Sheet1').value(1, 0)).toBe('');
    expect(host.sheet('Sheet1').value(2, 0)).toBe('');
    // The next batch runs normally.
    ws.getRange('A3').values = [['next']];
    await ctx.sync();
    expect(host.sheet('Sheet1').value(2, 0)).toBe('next');
  });

  test('formulas with too few rows, or ragged rows: InvalidArgument; a single value fills the range', async () => {
    const host = new FakeHost();
    const ctx: Ctx = host.context();
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    ws.getRange('A1:B2').formulas = [['=1', '=2']] as never;
    expect(await code(ctx.sync())).toBe('InvalidArgument');
    ws.getRange('A1:B2').formulas = [['=1', '=2'], ['=3']] as never;
    expect(await code(ctx.sync())).toBe('InvalidArgument');
    ws.getRange('A1:B2').values = 7 as never;
    await ctx.sync();
    expect(host.sheet('Sheet1').value(1, 1)).toBe(7);
  });

  test('a missing sheet or table: ItemNotFound; OrNullObject gives a null object', async () => {
    const host = new FakeHost();
    const ctx: Ctx = host.context();
    ctx.workbook.worksheets.getItem('不存在').getRange('A1').values = [['x']];
    expect(await code(ctx.sync())).toBe('ItemNotFound');
    ctx.workbook.tables.getItem('PLAN_P_Nowhere');
    expect(await code(ctx.sync())).toBe('ItemNotFound');
    const maybe = ctx.workbook.worksheets.getItemOrNullObject('不存在');
    expect(() => maybe.isNullObject).toThrow(/PropertyNotLoaded/);
    maybe.load();
    await ctx.sync();
    expect(maybe.isNullObject).toBe(true);
    const sheet1 = ctx.workbook.worksheets.getItemOrNullObject('sheet1').load();
    await ctx.sync();
    expect(sheet1.isNullObject).toBe(false);
    expect(ctx.workbook.worksheets.getItem(sheet1.id).name).toBe('Sheet1');
  });

  test.each([
    ['', 'InvalidArgument'],
    ['   ', 'InvalidArgument'],
    ['a'.repeat(32), 'InvalidArgument'],
    ['a/b', 'InvalidArgument'],
    ['a\\b', 'InvalidArgument'],
    ['a:b', 'InvalidArgument'],
    ['a?b', 'InvalidArgument'],
    ['a*b', 'InvalidArgument'],
    ['a[b', 'InvalidArgument'],
    ['a]b', 'InvalidArgument'],
    ["'quoted", 'InvalidArgument'],
    ["quoted'", 'InvalidArgument'],
    ['History', 'InvalidArgument'],
    ['history', 'InvalidArgument'],
    ['sheet1', 'ItemAlreadyExists'],
    ['a'.repeat(31), 'no error'],
    ["it's", 'no error'],
    ['赣州指标 (2)', 'no error'],
  ])('sheet name %j: %s', async (name, expected) => {
    const host = new FakeHost();
    const ctx: Ctx = host.context();
    ctx.workbook.worksheets.add(name);
    expect(await code(ctx.sync())).toBe(expected);
    expect(host.sheets.length).toBe(expected === 'no error' ? 2 : 1);
    // Renaming follows the same rules.
    const host2 = new FakeHost();
    const ctx2: Ctx = host2.context();
    ctx2.workbook.worksheets.add('Other');
    await ctx2.sync();
    ctx2.workbook.worksheets.getItem('Other').name = name;
    expect(await code(ctx2.sync())).toBe(expected);
  });

  test('a table over a merged area or over another table: InvalidArgument, nothing after it written', async () => {
    const host = new FakeHost();
    host.merge('Sheet1', 'C3:D3');
    const ctx: Ctx = host.context();
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    ws.tables.add('A1:E5', true);
    ws.getRange('A1').values = [['after']];
    expect(await code(ctx.sync())).toBe('InvalidArgument');
    expect(host.tables).toHaveLength(0);
    expect(host.sheet('Sheet1').value(0, 0)).toBe('');
    ws.tables.add('G1:H5', true).name = 'Mine';
    await ctx.sync();
    ws.tables.add('H4:J9', true);
    expect(await code(ctx.sync())).toBe('InvalidArgument');
    ws.tables.add('K1:L2', true).name = 'mine';
    expect(await code(ctx.sync())).toBe('ItemAlreadyExists');
    // The table was added (its own operation); naming it failed.
    expect(host.tables.map((t) => t.name)).toEqual(['Mine', 'Table2']);
  });

  test('merged areas and crossing tables are visible to a probe', async () => {
    const host = new FakeHost();
    host.merge('Sheet1', 'C3:D3');
    const ctx: Ctx = host.context();
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    ws.tables.add('G1:H5', true).name = 'Theirs';
    await ctx.sync();
    const block = ws.getRange('B2:G4');
    const merged = block.getMergedAreasOrNullObject().load();
    const tables = block.getTables(false).load();
    const clear = ws.getRange('A10:B11').getMergedAreasOrNullObject();
    await ctx.sync();
    expect(merged.isNullObject).toBe(false);
    expect(merged.address).toBe('C3:D3');
    expect(tables.items.map((t) => t.name)).toEqual(['Theirs']);
    expect(clear.isNullObject).toBe(true);
  });

  test('fills: #FFFFFF and None for no fill, loaded before read, clear() removes the fill', async () => {
    const host = new FakeHost();
    host.paint('Sheet1', 'B2', '#00b050');
    const ctx: Ctx = host.context();
    const ws = ctx.workbook.worksheets.getItem('Sheet1');
    const b2 = ws.getRange('B2').format.fill;
    const c2 = ws.getRange('C2').format.fill;
    const both = ws.getRange('B2:C2').format.fill;
    expect(() => b2.color).toThrow(/PropertyNotLoaded/);
    for (const f of [b2, c2, both]) f.load(['color', 'pattern']);
    await ctx.sync();
    expect([b2.color, b2.pattern]).toEqual(['#00B050', 'Solid']);
    expect([c2.color, c2.pattern]).toEqual(['#FFFFFF', 'None']);
    expect([both.color, both.pattern]).toEqual([null, null]);
    b2.clear();
    await ctx.sync();
    expect(host.sheet('Sheet1').format.get('1,1')?.fill).toBeUndefined();
  });

  test('custom XML parts: added, found by namespace, read after sync, replaced, deleted; bad XML refused', async () => {
    const host = new FakeHost();
    const ctx: Ctx = host.context();
    const part = ctx.workbook.customXmlParts.add('<r xmlns="urn:x" version="1"><a b="1"/></r>');
    await ctx.sync();
    const found = ctx.workbook.customXmlParts.getByNamespace('urn:x').load();
    await ctx.sync();
    expect(found.items.map((p) => p.id)).toEqual([part.id]);
    const xml = part.getXml();
    expect(() => xml.value).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    expect(xml.value).toContain('<a b="1"/>');
    ctx.workbook.customXmlParts.add('<r xmlns="urn:y"><unclosed></r>');
    expect(await code(ctx.sync())).toBe('InvalidArgument');
    part.delete();
    await ctx.sync();
    expect(host.xmlParts).toHaveLength(0);
  });
});
