/**
 * Answers say what the plan says (issue 28): a figure written in 万 is answered in compare's unit, never as a bare 3;
 * a measure added over the period is a flow, apart from a level, in `info` and the export.
 */
import { plan } from './shell';
import { Plan } from '../../src/core/plan/plan';
import { exportDataset } from '../../src/core/exchange/export';
import { inCompareUnit } from '../../src/core/plan/units';
import { dataset } from '../../src/data/index';

const p = new Plan(dataset());

test('赣州 新增注册企业 "3万个" is answered as 30000, as plan compare states it', async () => {
  expect(p.entry('赣州', '新增注册企业').unit).toBe('万个');
  expect(await plan(['target', '赣州', '新增注册企业'])).toMatchObject({ code: 0, out: '30000' });
});

test('property: every numeric target the CLI prints is in the indicator definition’s unit', async () => {
  for (const r of dataset().regions)
    for (const e of r.entries) {
      if (!e.target || e.target.value === null || e.target.low !== undefined) continue;
      const answer = await plan(['target', r.name, e.indicator.id]);
      if (answer.code !== 0) continue; // an ambiguous id within a region is refused, as it should be
      expect({ where: `${r.name} ${e.name}`, out: answer.out }).toEqual({
        where: `${r.name} ${e.name}`,
        out: String(inCompareUnit(e, e.target.value)),
      });
    }
});

test('a flow (added over the plan period) is told apart from a level in info and the export', () => {
  expect(p.info('赣州', '新增注册企业', 'kind')).toBe('flow');
  expect(p.info('上饶', '淡水鱼增产', 'kind')).toBe('flow');
  expect(p.info('赣州', '高新技术企业', 'kind')).toBe('level');
  const exported = exportDataset(dataset());
  for (const r of dataset().regions)
    for (const e of r.entries) {
      const kind = p.info(r.name, e.indicator.id, 'kind');
      if (e.indicator.definition?.period === 'period_total')
        expect({ id: e.indicator.id, kind }).toEqual({ id: e.indicator.id, kind: 'flow' });
      else expect({ id: e.indicator.id, kind }).toEqual({ id: e.indicator.id, kind: e.indicator.kind });
    }
  const flows = JSON.stringify(exported).match(/"kind":"flow"/g) ?? [];
  expect(flows.length).toBeGreaterThanOrEqual(38);
});

test('a status answer names the unit its figures are in', async () => {
  const r = await plan(['status', '赣州', '高新技术企业', '2023', '1500']);
  expect(r).toMatchObject({ code: 0 });
  expect(r.out).toMatch(/目标2000；单位：家）$/);
  const en = await plan(['status', '赣州', '高新技术企业', '2023', '1500', '--lang', 'en']);
  expect(en.out).toMatch(/target 2000; unit: enterprises\)$/);
});

test('a gap or a yearly change in 万 is said with its unit', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const file = join(mkdtempSync(join(tmpdir(), 'plan-unit-')), '南昌.csv');
  writeFileSync(file, '序号,指标名称,单位,2025年(基期),2030年目标\n1,高新技术企业数量,万家,0.2,0.4\n');
  const gap = await plan(['gap', '南昌', '高新技术企业', '2027', '0.25', '--plan', file]);
  expect(gap).toMatchObject({ code: 0, out: '-0.03', err: '单位：万家' });
  const req = await plan(['required', '南昌', '高新技术企业', '2027', '0.25', '--plan', file]);
  expect(req.err).toBe('');
  const plain = await plan(['gap', '赣州', '高新技术企业', '2023', '1500']);
  expect(plain).toMatchObject({ out: '-100', err: '' });
});
