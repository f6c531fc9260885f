/**
 * Every pane action at each ExcelApi level an Excel in the field reports (1.1 Excel 2016 volume-licensed, 1.2–1.4
 * early updates, 1.7, 1.8 Office 2019 volume, 1.9): each works, or rejects saying which set the host lacks, and
 * none calls a member above the level (the fake host fails the batch and records it; levels from the typings).
 */
import { colIndex, colLetter } from '../../../src/core/sheet/layout';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { configureHost } from '../../../src/hosts/excel/requirements';
import { officeActions } from '../../../src/hosts/excel/actions';
import { FakeExcelNamespace, FakeHost, newerThan } from '../../fakes/fakeExcel';

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelNamespace;
const plan = new Plan(dataset());
afterAll(() => configureHost(() => true));

const LEVELS = ['1.1', '1.2', '1.3', '1.4', '1.7', '1.8', '1.9'];
const at = (level: string, set: string): boolean => !newerThan(set, level);

describe.each(LEVELS)('ExcelApi %s', (level) => {
  let host: FakeHost;
  beforeEach(() => {
    host = new FakeHost();
    host.excelApi = level;
    configureHost(host.isSetSupported);
  });
  afterEach(() => expect(host.aboveLevel).toEqual([]));
  const actions = (): ReturnType<typeof officeActions> => officeActions(plan, 'zh', host.run);

  test('insert, insert here, all regions, formula', async () => {
    const a = actions();
    expect(await a.insertNew(['赣州'], 'plain')).toBe('赣州指标');
    host.select('Sheet1', 'A1');
    expect(await a.insertHere('九江', 'plain')).toBe('Sheet1');
    const all = plan.allRegions().map((r) => plan.refOf(r));
    expect((await a.insertNew(all, 'plain')).split('、')).toHaveLength(all.length);
    expect(host.tables).toHaveLength(all.length + 2);
    host.select('Sheet1', 'AZ1');
    expect(await a.writeFormula('=1+1', false)).toMatch(/AZ1$/);
    const gz = host.sheet('赣州指标');
    expect(gz.rules.length > 0).toBe(at(level, '1.6'));
    expect(gz.frozen !== null).toBe(at(level, '1.7'));
    expect(gz.widths.size > 0).toBe(at(level, '1.2'));
    expect(gz.print.orientation).toBe(at(level, '1.9') ? 'Landscape' : undefined);
  });

  test('refresh adds two lost rows back (one call from 1.4, one per row below), or says it needs ExcelApi 1.2', async () => {
    const a = actions();
    await a.insertNew(['赣州'], 'plain');
    // Without a record (none below ExcelApi 1.5; removed here above it), lost rows are rows to add back.
    host.xmlParts.splice(0, host.xmlParts.length);
    const t = host.tables[0];
    const before = t.height;
    host.deleteRows('赣州指标', t.top + 1, 2);
    const out = await a.refresh();
    expect(out.tables).toBe(1);
    if (at(level, '1.2')) {
      expect(out.blocked).toEqual([]);
      expect(t.height).toBe(before);
    } else {
      expect(out.blocked).toEqual(['此版本 Excel 不支持 ExcelApi 1.2，无法先确认单元格为空，因此未写入']);
      expect(t.height).toBe(before - 2);
    }
  });

  test('overview (print setup at 1.9, chart from 1.7), read actuals, official actuals', async () => {
    const a = actions();
    await a.insertNew(['赣州', '九江'], 'plain');
    const row = 6 + plan.region('赣州').entries.findIndex((e) => e.indicator.id === 'high_tech_enterprises');
    host.type('赣州指标', `${colLetter(colIndex('actual2023'))}${row}`, 1700);
    const name = await a.insertOverview!();
    const ov = host.sheet(name);
    expect(ov.value(0, 0)).toMatch(/总览/);
    expect(ov.chartList.length).toBe(at(level, '1.7') ? 1 : 0);
    expect(ov.print.titleRows !== undefined).toBe(at(level, '1.9'));
    expect(ov.widths.size > 0).toBe(at(level, '1.2'));
    expect((await a.readActuals!('赣州')).high_tech_enterprises[2023]).toBe(1700);
    const filled = await a.fillOfficialActuals!([
      { region: '九江', indicator: 'high_tech_enterprises', year: 2024, value: 900, source: 'bulletin' },
    ]);
    expect(filled.filled).toHaveLength(1);
  });

  test('marks and import: work from ExcelApi 1.5, else say it is needed', async () => {
    const a = actions();
    host.type('Sheet1', 'A1', '高新技术企业');
    host.type('Sheet1', 'B1', 100);
    host.select('Sheet1', 'A1:B1');
    const sel = await a.readSelection!();
    const record = {
      region: '南昌',
      source: 'Sheet1!A1:B2',
      rows: [
        ['指标', '2030年目标'],
        ['高新技术企业', '5500'],
      ],
    };
    if (at(level, '1.5')) {
      expect(await a.markCells!(sel, [{ row: 0, col: 1, fill: 'FFC7CE' }])).toMatchObject({ marked: 1 });
      expect(await a.clearMarks!()).toMatchObject({ restored: 1 });
      await a.saveImportedPlan!(record);
      expect(await a.loadImportedPlans!()).toEqual([record]);
    } else {
      await expect(a.markCells!(sel, [{ row: 0, col: 1, fill: 'FFC7CE' }])).rejects.toThrow(/ExcelApi 1\.5 needed/);
      await expect(a.clearMarks!()).rejects.toThrow(/ExcelApi 1\.5 needed/);
      await expect(a.saveImportedPlan!(record)).rejects.toThrow(/ExcelApi 1\.5 needed/);
      expect(await a.loadImportedPlans!()).toEqual([]);
      expect(host.sheet('Sheet1').format.get('0,1')?.fill).toBeUndefined();
    }
  });
});
