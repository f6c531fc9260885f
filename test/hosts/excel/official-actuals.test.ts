/** Official actuals from a published package fill only free actual cells of the inserted tables, in their own colour. */
import { colIndex, colLetter } from '../../../src/core/sheet/layout';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { configureHost } from '../../../src/hosts/excel/requirements';
import { OFFICIAL_FONT } from '../../../src/hosts/excel/overview';
import { officeActions } from '../../../src/hosts/excel/actions';
import { FakeExcelNamespace, FakeHost } from '../../fakes/fakeExcel';

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelNamespace;
const plan = new Plan(dataset());
beforeAll(() => configureHost(() => true));

test('a typed actual is kept, an empty one is filled in blue, other regions and years are left alone', async () => {
  const host = new FakeHost();
  const actions = officeActions(plan, 'zh', host.run);
  await actions.insertNew(['赣州'], 'plain');
  const row = 6 + plan.region('赣州').entries.findIndex((e) => e.indicator.id === 'high_tech_enterprises');
  const cell = (y: number) => `${colLetter(colIndex(`actual${y}` as Parameters<typeof colIndex>[0]))}${row}`;
  host.type('赣州指标', cell(2023), 1700); // typed by a person
  const src = 'statistical bulletin';
  const out = await actions.fillOfficialActuals!([
    { region: '赣州', indicator: 'high_tech_enterprises', year: 2023, value: 1712, source: src },
    { region: '赣州', indicator: 'high_tech_enterprises', year: 2024, value: 1800, source: src },
    { region: '九江', indicator: 'high_tech_enterprises', year: 2024, value: 900, source: src }, // no 九江 table here
    { region: '赣州', indicator: 'high_tech_enterprises', year: 2019, value: 1, source: src }, // no actual column
  ]);
  expect(out).toEqual({ filled: [`赣州指标!${cell(2024)}`], kept: [`赣州指标!${cell(2023)}`] });
  const sheet = host.sheet('赣州指标');
  expect(sheet.value(row - 1, colIndex('actual2023'))).toBe(1700);
  expect(sheet.value(row - 1, colIndex('actual2024'))).toBe(1800);
  expect(sheet.cellFormat(row - 1, colIndex('actual2024')).fontColor).toBe(OFFICIAL_FONT);
  expect(sheet.cellFormat(row - 1, colIndex('actual2023')).fontColor).not.toBe(OFFICIAL_FONT);
  // Again: nothing new to fill, the official value now counts as the cell's content.
  const again = await actions.fillOfficialActuals!([
    { region: '赣州', indicator: 'high_tech_enterprises', year: 2024, value: 1800, source: src },
  ]);
  expect(again).toEqual({ filled: [], kept: [`赣州指标!${cell(2024)}`] });
});
