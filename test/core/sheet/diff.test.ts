/** diffDatasets lists every figure that changed between two versions of the data; changesSince picks the versions. */
import { buildDataset } from '../../../src/core/plan/dataset';
import { changesSince, compareDataVersions, describeChange, diffDatasets, newerThanInUse } from '../../../src/core/sheet/diff';
import { parseTable, serializeTable } from '../../../src/core/sheet/ledger';
import type { AuthoredRegion } from '../../../src/data/types';
import { CATALOGUE } from '../../../src/data/catalogue';
import { AUTHORED_REGIONS, DATA_VERSION, dataset } from '../../../src/data/index';

/** The compiled-in data with one change made to the authored regions, as a new version. */
function changed(version: string, edit: (regions: AuthoredRegion[]) => void) {
  const regions = structuredClone(AUTHORED_REGIONS) as AuthoredRegion[];
  edit(regions);
  return buildDataset(regions, CATALOGUE, version);
}
const ganzhou = (rs: AuthoredRegion[]): AuthoredRegion => rs.find((r) => r.name === '赣州') as AuthoredRegion;
const hte = (rs: AuthoredRegion[]) => ganzhou(rs).entries.find((e) => e.indicator === 'high_tech_enterprises')!;

test('the same data: no change', () => {
  expect(diffDatasets(dataset(), dataset())).toEqual([]);
  expect(
    diffDatasets(
      dataset(),
      changed('x', () => undefined),
    ),
  ).toEqual([]);
});

test('a target edited: one change, old and new as written, the source line', () => {
  const next = changed('1.2.1', (rs) => {
    const t = hte(rs).target!;
    t.raw = '2100';
    t.quote = t.quote.replace('2000', '2100');
  });
  const d = diffDatasets(dataset(), next);
  const line = hte(AUTHORED_REGIONS as AuthoredRegion[]).target!.line;
  expect(d).toEqual([
    expect.objectContaining({
      region: '赣州',
      indicator: 'high_tech_enterprises',
      field: 'target',
      old: '2000',
      new: '2100',
      oldValue: 2000,
      newValue: 2100,
    }),
  ]);
  expect(d[0].source).toBe(`${ganzhou(AUTHORED_REGIONS as AuthoredRegion[]).seed}:${line}`);
  expect(describeChange(d[0], 'zh')).toBe(`赣州 ${d[0].name} 目标：2000 → 2100（${d[0].source}）`);
  expect(describeChange(d[0], 'en')).toMatch(/^Ganzhou .+ target: 2000 → 2100 \(/);
  // and back again
  expect(diffDatasets(next, dataset()).map((c) => [c.old, c.new])).toEqual([['2100', '2000']]);
});

test('a figure gone and an entry gone: listed with "none" on the new side', () => {
  const withBaseline = hte(AUTHORED_REGIONS as AuthoredRegion[]);
  const next = changed('1.2.1', (rs) => {
    delete hte(rs).values['2020'];
    const g = ganzhou(rs);
    g.entries = g.entries.filter((e) => e.indicator !== 'high_tech_enterprises');
  });
  const d = diffDatasets(dataset(), next);
  const fields = ['2019', '2020', 'target'].filter((f) =>
    f === 'target' ? withBaseline.target : withBaseline.values[f as '2019' | '2020'],
  );
  expect(d.map((c) => [c.region, c.indicator, c.field, c.new])).toEqual(fields.map((f) => ['赣州', 'high_tech_enterprises', f, null]));
  expect(describeChange(d[0], 'zh')).toContain('→ （无）');
});

test('changesSince: null when every table used the data in use; the old version diffed for its regions only', () => {
  const v1 = dataset();
  const v2 = changed('1.2.0+2', (rs) => {
    hte(rs).target!.raw = '2100';
    hte(rs).target!.quote = hte(rs).target!.quote.replace('2000', '2100');
  });
  expect(changesSince([{ region: '赣州', dataVersion: v2.version }], v2, [v1, v2])).toBeNull();
  expect(changesSince([], v2, [v1, v2])).toBeNull();
  const p = changesSince(
    [
      { region: '赣州', dataVersion: DATA_VERSION },
      { region: '九江', dataVersion: DATA_VERSION },
    ],
    v2,
    [v1, v2],
  );
  expect(p?.unknown).toEqual([]);
  expect(p?.changes.map((c) => [c.from, c.list.map((x) => x.new)])).toEqual([[DATA_VERSION, ['2100']]]);
  // a table of another region only: nothing of its region changed
  expect(changesSince([{ region: '九江', dataVersion: DATA_VERSION }], v2, [v1, v2])?.changes[0].list).toEqual([]);
  // a version not at hand, or a record from before versions were kept
  expect(changesSince([{ region: '赣州', dataVersion: '0.9.0' }, { region: '赣州' }], v2, [v1, v2])).toEqual({
    changes: [],
    unknown: ['0.9.0', ''],
  });
});

test('the table record keeps the data version; an older record without one still reads', () => {
  const t = {
    table: 'PLAN_P_Ganzhou',
    sheet: '赣州',
    columns: ['a'],
    rows: [{ id: 'x', hash: 'h', cells: ['c'] }],
    dataVersion: '1.2.0+20251126T000000Z',
  };
  expect(parseTable(serializeTable(t))).toEqual(t);
  const { dataVersion: _omit, ...old } = t;
  expect(parseTable(serializeTable(old))).toEqual(old);
});

describe('data versions: a package older than the workbook is refused', () => {
  test('SemVer first, then the publication stamp; the compiled-in data precedes its packages', () => {
    expect(compareDataVersions('1.2.0', '1.10.0')).toBe(-1);
    expect(compareDataVersions('1.2.0+20251127T000000Z', '1.2.0+20251126T235959Z')).toBe(1);
    expect(compareDataVersions('1.2.0', '1.2.0+20251127T000000Z')).toBe(-1);
    expect(compareDataVersions('1.2.0+20251127T000000Z', '1.2.0+20251127T000000Z')).toBe(0);
  });
  test('names the newest version a table was written with when the data in use is older, else null', () => {
    const tables = [
      { region: '赣州', dataVersion: '1.2.0+20251127T000000Z' },
      { region: '九江', dataVersion: '1.2.0+20251201T000000Z' },
      { region: '吉安' },
    ];
    expect(newerThanInUse(tables, '1.2.0')).toBe('1.2.0+20251201T000000Z');
    expect(newerThanInUse(tables, '1.2.0+20251127T000000Z')).toBe('1.2.0+20251201T000000Z');
    expect(newerThanInUse(tables, '1.2.0+20251201T000000Z')).toBeNull();
    expect(newerThanInUse(tables, '1.3.0')).toBeNull();
  });
});
