/**
 * An English sheet is English: the layout (title, subtitle, legend, header, sheet name, every cell the add-in writes)
 * and the sheet a fake Excel computes from it hold no Chinese characters outside quoted source text — the plan's own
 * words the sheet quotes on purpose: the target as written ("目标原文"), text in quotes, and the original term a
 * name glosses in brackets ("Star innovation bases (星创天地)"). Formulas are not read, their values are.
 */
import { FakeExcelNamespace, FakeHost } from '../../fakes/fakeExcel';
import { dataset } from '../../../src/data/index';
import { Plan } from '../../../src/core/plan/plan';
import { colIndex, regionLayout, type Mode } from '../../../src/core/sheet/layout';
import { officeActions } from '../../../src/hosts/excel/actions';
import { setLanguage } from '../../../src/functions/impl';

(globalThis as unknown as { Excel: unknown }).Excel = FakeExcelNamespace;
setLanguage('en-US');

const plan = new Plan(dataset());
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
/** The text left once quoted source text is taken out. */
const unquoted = (s: string): string =>
  s
    .replace(/“.*”/g, '') // from the first opening quote to the last closing one: quotes nest (“赣州市“十四五”科技创新规划”)
    .replace(/"[^"]*"/g, '')
    .replace(/\([^()]*\)|（[^（）]*）/g, (m) => (/[A-Za-z]/.test(m) ? m : ''));

function cjkIn(texts: [string, unknown][]): string[] {
  return texts.filter(([, v]) => typeof v === 'string' && CJK.test(unquoted(v))).map(([w, v]) => `${w}: ${String(v)}`);
}

test.each(plan.allRegions().map((r) => [r.name, r] as const))('%s: the English layout writes no Chinese outside quotes', (_n, region) => {
  const l = regionLayout(region, 'plain', 'en', plan.dataset.version);
  const quotedCols = new Set(l.columns.flatMap((c, i) => (c.key === 'targetRaw' || /^v\d{4}$/.test(c.key) ? [i] : [])));
  const texts: [string, unknown][] = [
    ['sheet', l.sheetName],
    ['title', l.title],
    ['subtitle', l.subtitle],
    ...l.legend.map((x, i) => [`legend ${i}`, x.text] as [string, unknown]),
    ...l.header.map((h, i) => [`header ${i}`, h] as [string, unknown]),
    ...l.rows.flatMap((r) =>
      r.cells.flatMap((c, i) => (quotedCols.has(i) || r.formulas[i] ? [] : [[`${r.id} col ${i}`, c] as [string, unknown]])),
    ),
  ];
  expect(cjkIn(texts)).toEqual([]);
  // And it does say the indicator's English name and unit where the Chinese sheet says the Chinese ones.
  const e = region.entries[0];
  expect(l.rows[0].cells[colIndex('name', l.columns)]).toBe(e.indicator.en || e.name);
});

test.each(['plain', 'linked'] as Mode[])('inserted in English (%s) on the fake Excel: every computed cell is English', async (mode) => {
  const host = new FakeHost();
  const actions = officeActions(plan, 'en', host.run as never);
  const made = await actions.insertNew(['赣州'], mode);
  expect(made).toBe('Ganzhou indicators');
  const ws = host.sheet(made);
  const l = regionLayout(plan.region('赣州'), mode, 'en', plan.dataset.version);
  const quotedCols = new Set(l.columns.flatMap((c, i) => (c.key === 'targetRaw' || /^v\d{4}$/.test(c.key) ? [i] : [])));
  const texts: [string, unknown][] = [];
  for (let r = 0; r < l.headerRow + l.rows.length; r++)
    for (let c = 0; c < l.columns.length; c++)
      if (!(r >= l.headerRow && quotedCols.has(c))) texts.push([`R${r + 1}C${c + 1}`, ws.value(r, c)]);
  expect(cjkIn(texts)).toEqual([]);
  // The header and the sheet's computed status labels are the English ones.
  expect(ws.value(l.headerRow - 1, colIndex('name', l.columns))).toBe('Indicator');
  const statuses = l.rows.map((_r, i) => ws.value(l.headerRow + i, colIndex('status', l.columns)));
  expect(statuses.filter((v) => v !== '').length).toBeGreaterThan(0);
});
