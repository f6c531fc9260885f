/**
 * Corroborating statements: prose that repeats a figure the table (or another passage) gives with the same value is
 * kept as a further source of that value, and shown wherever sources are shown.
 */
import { exportDataset } from '../../../src/core/exchange/export';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { madeDataset } from '../../fixture';

const plan = new Plan(dataset());

test('九江 全社会研发投入110亿元 (line 60) is a second source of the table target, not a conflict', () => {
  const e = plan.entry('九江', 'rd_expenditure');
  expect(e.target?.value).toBe(110);
  const c = e.corroborations?.find((x) => x.field === 'target');
  expect(c).toMatchObject({ raw: '达到110亿元', value: 110, source: { line: 60, kind: 'prose', seed: '000_e84ad2424e8474cb.txt' } });
  expect(e.conflicts.some((x) => x.source.line === 60)).toBe(false);
});

test('九江 高新技术企业 1200 家 is stated in the table and at lines 63 and 286', () => {
  const e = plan.entry('九江', '高新技术企业');
  expect((e.corroborations ?? []).filter((c) => c.field === 'target').map((c) => c.source.line)).toEqual([63, 286]);
});

test('PLAN.INFO(…,"source") lists the corroborating statements after the main source, in zh and en', () => {
  const zh = String(plan.info('九江', '研发投入', 'source', 'zh')).split('\n');
  expect(zh[0]).toContain(':90');
  expect(zh.some((l) => l.startsWith('另见 目标: “达到110亿元”') && l.includes('000_e84ad2424e8474cb.txt:60'))).toBe(true);
  const en = String(plan.info('九江', '研发投入', 'source', 'en'));
  expect(en).toContain('also stated target: “达到110亿元”');
  // An entry without corroborations keeps its single-line source.
  expect(String(plan.info('九江', '技术合同成交额', 'source'))).not.toContain('另见 目标');
});

test('the JSON export carries corroborations beside conflicts', () => {
  const out = exportDataset(dataset()) as {
    entries: { region: string; indicator: string; corroborations: { field: string; value: number; source: { line: number } }[] }[];
  };
  const e = out.entries.find((x) => x.region === '九江' && x.indicator === 'high_tech_enterprises')!;
  // Line 286 "全市高企总数达到1200家" repeats the table's 2025 target (1200).
  expect(e.corroborations).toContainEqual(
    expect.objectContaining({ field: 'target', value: 1200, source: expect.objectContaining({ line: 286 }) }),
  );
});

test('a corroboration naming an indicator the region has no entry for is refused when the dataset is built', () => {
  expect(() =>
    madeDataset([{ indicator: 'tech_smes', name: 'x', unit: '家', values: {}, target: { raw: '5', line: 1, kind: 'prose', quote: '5' } }], {
      corroborations: [{ indicator: 'high_tech_enterprises', field: 'target', raw: '5', line: 2, kind: 'prose', quote: '5' }],
    }),
  ).toThrow(/line 2 names indicator "high_tech_enterprises"/);
});
