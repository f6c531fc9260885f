import { dataset } from '../../src/data/index';
import { CATALOGUE } from '../../src/data/catalogue';
import type { Entry } from '../../src/core/plan/model';

const d = dataset();
const region = (name: string) => d.regions.find((r) => r.name === name)!;
const entry = (r: string, id: string): Entry => {
  const e = region(r).entries.find((x) => x.indicator.id === id);
  if (!e) throw new Error(`${r} has no ${id}`);
  return e;
};

test('one region per seed, in order: the province, then the cities', () => {
  expect(d.regions.map((r) => [r.name, r.level, r.seed.slice(0, 3)])).toEqual([
    ['江西', 'province', '001'],
    ['九江', 'city', '000'],
    ['吉安', 'city', '002'],
    ['上饶', 'city', '003'],
    ['赣州', 'city', '004'],
  ]);
  expect(region('江西').issuingNumber).toBe('赣府发〔2021〕22号');
  expect(region('江西').issuedOn).toBe('2021-10-15');
  expect(region('吉安').issuingNumber).toBe('吉府办发〔2022〕11号');
  expect(region('赣州').issuingNumber).toBe('赣市府发〔2022〕2号');
});

test('every table row is in the dataset: 九江 16, 吉安 11 (row 11 holds two), 上饶 9, 赣州 8', () => {
  const rows = (r: string) => [
    ...new Set(
      region(r)
        .entries.filter((e) => e.row !== undefined)
        .map((e) => e.row),
    ),
  ];
  expect(rows('九江')).toEqual([...Array(16)].map((_, i) => i + 1));
  expect(rows('吉安')).toEqual([...Array(11)].map((_, i) => i + 1));
  expect(rows('上饶')).toEqual([...Array(9)].map((_, i) => i + 1));
  expect(rows('赣州')).toEqual([...Array(8)].map((_, i) => i + 1));
  expect(
    region('吉安')
      .entries.filter((e) => e.row === 11)
      .map((e) => e.indicator.id),
  ).toEqual(['provincial_st_projects', 'provincial_st_project_funding']);
});

test('cells as the plans wrote them', () => {
  const gz = entry('赣州', 'high_tech_enterprises');
  expect([gz.values[2020]?.raw, gz.target?.raw, gz.target?.value]).toEqual(['1000', '2000', 2000]);
  expect(gz.values[2019]).toBeUndefined();

  const bases = entry('赣州', 'national_innovation_bases');
  expect(bases.target).toMatchObject({ raw: '新增 2-5', value: 36, low: 36, high: 39, qualifiers: ['新增'] });

  const rd = entry('九江', 'rd_intensity');
  expect(rd.target).toMatchObject({ raw: '2.5左右（力争达全国平均水平）', value: 2.5, qualifiers: ['左右'], remark: '力争达全国平均水平' });
  expect(rd.target?.source).toMatchObject({ line: 97, endLine: 98, kind: 'table' });

  expect(entry('九江', 'enterprise_rd_revenue_ratio').values[2020]).toMatchObject({ raw: '[0.63]', value: 0.63, estimate: true });
  expect(entry('上饶', 'rd_intensity').values[2020]).toMatchObject({ raw: '1.25*', value: 1.25, estimate: true });
  expect(entry('九江', 'innovation_rank').target).toMatchObject({ raw: '全省中上游', value: null, qualitative: true });
  expect(entry('九江', 'national_innovation_platforms').target).toMatchObject({ raw: '新增10', value: 28 });

  const projects = entry('吉安', 'provincial_st_projects');
  const funding = entry('吉安', 'provincial_st_project_funding');
  expect([projects.values[2019]?.value, projects.values[2020]?.value, projects.target?.value]).toEqual([55, 65, 90]);
  expect([funding.values[2019]?.value, funding.values[2020]?.value, funding.target?.value]).toEqual([5600, 4934, 16000]);
  expect(projects.values[2019]?.source.quote).toContain('55/5600');
});

test('江西 has its prose targets and baselines', () => {
  const jx = (id: string) => entry('江西', id);
  expect(jx('high_tech_enterprises').target).toMatchObject({
    value: 10000,
    qualifiers: ['力争', '突破'],
    aspiration: true,
    bound: 'above',
  });
  expect(jx('high_tech_enterprises').values[2020]?.value).toBe(5595);
  expect(jx('tech_smes').target?.value).toBe(12000);
  expect(jx('unicorn_enterprises').target).toMatchObject({ value: 20, qualifiers: ['力争', '以上'], aspiration: true, bound: 'at_least' });
  expect(jx('tech_contract_value').target).toMatchObject({ value: 300, qualifiers: ['以上'], aspiration: false, bound: 'at_least' });
  expect(jx('tech_contract_registrations').target?.value).toBe(4000);
  expect(jx('tech_brokers').target?.value).toBe(1500);
  expect(jx('rd_intensity').values[2020]?.value).toBe(1.68);
  for (const e of region('江西').entries) expect(e.row).toBeUndefined();
});

test('conflicts between text and table are kept, with the table as the value', () => {
  const share = entry('九江', 'enterprise_rd_activity_share');
  expect(share.target?.value).toBe(50);
  expect(share.conflicts.map((c) => c.raw)).toContain('达到60%以上');
  const gz = entry('赣州', 'high_tech_enterprises');
  expect(gz.values[2020]?.value).toBe(1000);
  expect(gz.conflicts.find((c) => c.field === '2020')?.raw).toContain('1107');
  for (const r of d.regions) for (const e of r.entries) for (const c of e.conflicts) expect(c.note.length).toBeGreaterThan(0);
});

test('one entry per indicator per region, every indicator id in the catalogue, catalogue ids unique', () => {
  for (const r of d.regions) {
    const ids = r.entries.map((e) => e.indicator.id);
    expect(ids.length).toBe(new Set(ids).size);
  }
  expect(new Set(CATALOGUE.map((c) => c.id)).size).toBe(CATALOGUE.length);
});

test('the catalogue links the same indicator across regions despite wording', () => {
  const names = d.regions.flatMap((r) => r.entries.filter((e) => e.indicator.id === 'high_tech_enterprises').map((e) => e.name));
  expect(new Set(names).size).toBeGreaterThanOrEqual(3);
  const rd = d.regions.flatMap((r) => r.entries.filter((e) => e.indicator.id === 'rd_intensity').map((e) => e.name));
  expect(rd.length).toBe(5);
  expect(new Set(rd).size).toBe(5);
});

test('every entry has a value or a target, and every value a source', () => {
  for (const r of d.regions)
    for (const e of r.entries) {
      const vals = [...Object.values(e.values), e.target].filter(Boolean);
      expect(vals.length).toBeGreaterThan(0);
      for (const v of vals) expect(v!.source.seed).toBe(r.seed);
    }
});

test('version and checksum', () => {
  expect(d.version).toMatch(/^\d+\.\d+\.\d+$/);
  expect(d.checksum).toMatch(/^[0-9a-f]{16}$/);
});
