/**
 * WPS on the strict fake ET host: an imported 十五五 plan's sheet in its own years (as in Excel), beside the seed
 * 赣州; official actuals from a published package go only into free actual cells of the plan whose years hold them,
 * in the official colour; a typed value is kept.
 */
import { colIndex, columnsFor, FONT } from '../../../src/core/sheet/layout';
import { periodOf } from '../../../src/core/plan/model';
import { planWithImported } from '../../../src/core/exchange/importedPlans';
import { dataset } from '../../../src/data/index';
import { bgr } from '../../../src/hosts/wps/et';
import { wpsActions } from '../../../src/hosts/wps/actions';
import { FakeEt } from '../../fakes/fakeEt';
import { nanchangRows } from '../../fixtures/nanchang';

const rows = nanchangRows();
const plan = planWithImported(dataset(), [{ region: '南昌', source: 'Sheet1!A1:G9', rows }]);
const nc = plan.region('南昌');
const columns = columnsFor(periodOf(nc));
const SHEET = '南昌指标(2025-2030)';
const row = 6 + nc.entries.findIndex((e) => e.indicator.id === 'high_tech_enterprises'); // 1-based sheet row
const letter = (i: number) => String.fromCharCode(65 + i);
const cellOf = (y: number) => `${letter(colIndex(`actual${y}`, columns))}${row}`;

test('a 2024→2030 plan is inserted in its own years; official actuals fill free cells of its years only', async () => {
  const et = new FakeEt();
  const actions = wpsActions(plan, 'zh', et);
  expect(await actions.insertNew(['赣州', '南昌'], 'plain')).toBe(`赣州指标、${SHEET}`);
  const ws = et.sheet(SHEET);
  expect(ws.at('D5')?.value).toBe('2024年（基期）');
  expect(ws.at(`${letter(colIndex('actual2030', columns))}5`)?.value).toBe('2030年实际');
  expect(ws.at(`${letter(colIndex('target', columns))}${row}`)?.value).toBe(5500);

  ws.type(cellOf(2030), 5600); // typed by a person
  const src = '南昌统计公报';
  const out = await actions.fillOfficialActuals!([
    { region: '南昌', indicator: 'high_tech_enterprises', year: 2026, value: 3100, source: src },
    { region: '南昌', indicator: 'high_tech_enterprises', year: 2030, value: 5000, source: src },
    { region: '南昌', indicator: 'high_tech_enterprises', year: 2023, value: 1, source: 'not a year of this plan' },
    { region: '九江', indicator: 'high_tech_enterprises', year: 2024, value: 900, source: 'no 九江 table here' },
  ]);
  expect(out).toEqual({ filled: [`${SHEET}!${cellOf(2026)}`], kept: [`${SHEET}!${cellOf(2030)}`] });
  expect(ws.at(cellOf(2026))).toMatchObject({ value: 3100, color: bgr(FONT.official) });
  expect(ws.at(cellOf(2030))?.value).toBe(5600);
  expect(ws.at(cellOf(2030))?.color).not.toBe(bgr(FONT.official));
  // Refresh afterwards: the official value counts as the cell's content, and nothing owned changed.
  expect(await actions.refresh()).toMatchObject({ tables: 2, changed: 0, edits: [] });
  expect(ws.at(cellOf(2026))?.value).toBe(3100);
});
