/**
 * One indicator id, one measure: every id has a definition; regions share an id only when they measure the same
 * thing; flows (新增, 新建 …) are never read as levels; qualifiers the quote has are kept in raw.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataset } from '../../src/data/index';
import { CATALOGUE } from '../../src/data/catalogue';
import { isFlow } from '../../src/core/plan/compare';
import { normalizeName, stripUnit } from '../../src/core/plan/normalize';
import { Plan } from '../../src/core/plan/plan';
import { PlanError } from '../../src/core/errors';
import { convert, convertible } from '../../src/core/plan/units';
import type { Conflict, Entry, Value } from '../../src/core/plan/model';

const d = dataset();
const plan = new Plan(d);
const PERIODS = ['stock', 'annual', 'period_total', 'annual_growth', 'average_annual_growth', 'position', 'qualitative'];

const byId = new Map<string, Entry[]>();
for (const r of d.regions) for (const e of r.entries) byId.set(e.indicator.id, [...(byId.get(e.indicator.id) ?? []), e]);
const shared = [...byId].filter(([, es]) => es.length > 1);

const stated = (e: Entry): (Value | Conflict)[] => [...Object.values(e.values), e.target, ...e.conflicts].filter((v): v is Value => !!v);

test('every catalogue id has a complete definition that agrees with its kind', () => {
  for (const c of CATALOGUE) {
    const def = c.definition;
    expect({
      id: c.id,
      ok: !!def && def.zh.length > 0 && def.en.length > 0 && def.unit.length > 0 && PERIODS.includes(def.period),
    }).toEqual({
      id: c.id,
      ok: true,
    });
    const growth = def.period === 'annual_growth' || def.period === 'average_annual_growth';
    expect({ id: c.id, growth }).toEqual({ id: c.id, growth: c.kind === 'growth' });
    if (c.kind === 'rank') expect({ id: c.id, period: def.period }).toEqual({ id: c.id, period: 'position' });
    if (c.kind === 'share') expect({ id: c.id, denominator: typeof def.denominator }).toEqual({ id: c.id, denominator: 'string' });
    if (c.id.startsWith('new_')) expect({ id: c.id, flow: isFlow(c) }).toEqual({ id: c.id, flow: true });
    if (def.flowOf !== undefined) {
      const stock = CATALOGUE.find((x) => x.id === def.flowOf);
      expect({ id: c.id, stock: stock?.definition.period }).toEqual({ id: c.id, stock: 'stock' });
      expect(isFlow(c)).toBe(true);
    }
  }
});

test('the national statistical definition is named where one exists', () => {
  for (const id of ['rd_intensity', 'high_tech_enterprises', 'tech_contract_value', 'invention_patents_per_10k', 'tech_smes']) {
    expect(CATALOGUE.find((c) => c.id === id)?.definition.statistic).toBeTruthy();
  }
});

test('no two entries of one region share an id', () => {
  for (const r of d.regions) {
    const ids = r.entries.map((e) => e.indicator.id);
    expect({ region: r.name, dupes: ids.filter((id, i) => ids.indexOf(id) !== i) }).toEqual({ region: r.name, dupes: [] });
  }
});

/** Words that change what a name measures: a name that has one and a definition that lacks it (or the reverse) differ. */
const SCOPE_WORDS = [
  '省级以上',
  '市级以上',
  '国家级',
  '潜在',
  '种子',
  '年均',
  '年度',
  '新增',
  '新建',
  '培育',
  '获批',
  '每年',
  '技术交易额',
];

test.each(shared.map(([id, es]) => [id, es] as const))('shared id %s: every entry measures what the definition says', (id, es) => {
  const def = es[0].indicator.definition;
  for (const e of es) {
    // the unit converts exactly to the definition's unit
    expect({ region: e.region, unit: e.unit, convertible: convertible(e.unit, def.unit) }).toEqual({
      region: e.region,
      unit: e.unit,
      convertible: true,
    });
    // the scope words of the name as written agree with the definition, unless the entry says how its wording differs
    const differs = SCOPE_WORDS.filter(
      (w) => e.name.includes(w) !== (def.zh.includes(w) || e.indicator.zh.includes(w)) && e.name.includes(w),
    );
    const missing = SCOPE_WORDS.filter((w) => def.zh.includes(w) && e.indicator.zh.includes(w) && !e.name.includes(w));
    if (differs.length || missing.length)
      expect({ id, region: e.region, wording: typeof e.wording }).toEqual({ id, region: e.region, wording: 'string' });
    // a flow target under a shared level id must be converted from a stated stock
    if (!isFlow(e.indicator) && e.target?.increment)
      expect({ id, region: e.region, value: e.target.value === null }).toEqual({ id, region: e.region, value: false });
  }
});

test('the 22 ids the seeds share before this review: split where they differ, kept where they agree', () => {
  const regionsOf = (id: string) => (byId.get(id) ?? []).map((e) => e.region);
  // kept: the same measure in every region that has it
  expect(regionsOf('rd_intensity')).toEqual(['江西', '九江', '吉安', '上饶', '赣州']);
  expect(regionsOf('patent_grants')).toEqual(['江西', '赣州']);
  expect(regionsOf('invention_patent_applications_growth')).toEqual(['九江', '吉安']);
  // split: potential and seed unicorns apart from recognised unicorns; yearly growth apart from average growth …
  expect(regionsOf('unicorn_enterprises')).toEqual(['江西']);
  expect(regionsOf('unicorns_excl_potential')).toEqual(['上饶']);
  expect(regionsOf('tech_contract_value_growth')).toEqual(['吉安']);
  expect(regionsOf('tech_transaction_value_avg_growth')).toEqual(['赣州']);
  expect(regionsOf('major_st_rd_projects')).toEqual(['上饶']);
  expect(regionsOf('new_major_st_projects')).toEqual(['赣州']);
  expect(regionsOf('industrial_cluster_innovation_consortia')).toEqual(['九江']);
  expect(regionsOf('new_st_innovation_consortia')).toEqual(['赣州']);
  expect(regionsOf('city_innovation_platforms')).toEqual(['上饶']);
  expect(regionsOf('new_city_innovation_platforms')).toEqual(['九江']);
  expect(regionsOf('provincial_new_rd_institutions')).toEqual(['九江']);
  expect(regionsOf('new_provincial_new_rd_institutions')).toEqual(['吉安']);
  // both plans give a flow: one flow id
  expect(regionsOf('provincial_innovation_consortia')).toEqual([]);
  expect(regionsOf('new_provincial_innovation_consortia')).toEqual(['九江', '吉安']);
  expect(regionsOf('new_tech_smes')).toEqual(['吉安']);
  // 赣州's 2020 slot no longer holds the 十三五 average growth of another measure
  expect(byId.get('tech_transaction_value_avg_growth')?.[0].values[2020]).toBeUndefined();
});

test('every 新增/新建 figure is under a flow id or converted from a stated stock', () => {
  let seen = 0;
  for (const r of d.regions)
    for (const e of r.entries)
      for (const v of stated(e)) {
        const says = /新增|新建/.test(v.raw);
        const quoteSays = /新增|新建/.test(v.source.quote);
        if (!says && !quoteSays) continue;
        seen++;
        const where = `${r.name} ${e.name} ${v.raw}`;
        // the word in the quote is kept in raw (or the quote's 新增 belongs to another figure of the same sentence)
        if (quoteSays && !says) expect({ where, flow: isFlow(e.indicator) }).toEqual({ where, flow: true });
        if (isFlow(e.indicator)) {
          expect({ where, value: v.value !== null, increment: v.increment }).toEqual({ where, value: true, increment: undefined });
        } else if ('field' in v && v.field !== 'target') {
          continue;
        } else if (/总数达/.test(v.raw)) {
          // a level whose total the plan writes beside the increment ("新增1家…（总数达3家）"): the total is the figure,
          // and it agrees with baseline + increment
          const total = Number(/总数达到?\s*(\d+(?:\.\d+)?)/.exec(v.raw)?.[1]);
          const added = Number(/新增\s*(\d+(?:\.\d+)?)/.exec(v.raw)?.[1]);
          const base = e.values[2020]?.value ?? e.values[2019]?.value ?? null;
          expect({ where, value: v.value, increment: v.increment }).toEqual({ where, value: total, increment: undefined });
          expect({ where, sum: (base ?? NaN) + added }).toEqual({ where, sum: total });
        } else {
          // a level: the figure is baseline + increment, or no level at all (value null), never the increment alone
          expect({ where, increment: !!v.increment }).toEqual({ where, increment: true });
          const base = e.values[2020]?.value ?? e.values[2019]?.value ?? null;
          if (base === null) expect({ where, value: v.value }).toEqual({ where, value: null });
          else expect({ where, value: v.value }).toEqual({ where, value: base + (v.increment?.low ?? NaN) });
        }
      }
  expect(seen).toBeGreaterThan(25);
});

test('九江 市级创新平台: 100 new platforms are named as such, never answered as a 2025 level', () => {
  expect(() => plan.target('九江', '市级创新平台', 2025)).toThrow(PlanError);
  try {
    plan.target('九江', '市级创新平台', 2025);
  } catch (e) {
    expect((e as PlanError).code).toBe('NOT_IN_PLAN');
    expect((e as PlanError).message).toContain('新建市级创新平台和载体');
    expect((e as PlanError).message).toContain('市级100个');
    expect((e as PlanError).messageEn).toContain('not a total');
  }
  expect(plan.target('九江', '新建市级创新平台', 2025)).toBe(100);
  const flow = plan.entry('九江', '新建市级创新平台');
  expect(flow.indicator.id).toBe('new_city_innovation_platforms');
  expect(flow.indicator.definition.period).toBe('period_total');
  expect(flow.target?.source.line).toBe(262);
  // the national and provincial figures on the same line are increments on the table's stock: 18 + 10, 115 + 30
  expect(plan.target('九江', '国家级创新平台载体')).toBe(28);
  expect(plan.target('九江', '省级创新创业平台载体')).toBe(145);
  // their line-262 conflicts are increments too, and so agree with the table (28, 145), not 10 and 30
  expect(plan.entry('九江', '国家级创新平台载体').conflicts.map((c) => c.value)).toEqual([28]);
  expect(plan.entry('九江', '省级创新创业平台载体').conflicts.map((c) => c.value)).toEqual([145]);
  // 上饶 states both the increment and the total (2 + 1 = 3): the total it writes is the target, a level, not tagged 新增
  expect(plan.entry('上饶', '独角兽企业').target).toMatchObject({ value: 3, reach: true, remark: '新增1家独角兽企业' });
  expect(plan.entry('上饶', '独角兽企业').target?.qualifiers).not.toContain('新增');
});

test('no alias resolves to two ids, and no name means two ids within one region', () => {
  expect(() => plan.entry('九江', '发明专利申请量和授权量年均递增')).toThrow(/不明确/);
  const key = (t: string) => normalizeName(stripUnit(t));
  const owners = new Map<string, Set<string>>();
  for (const c of CATALOGUE)
    for (const t of [c.id, c.zh, c.en, ...c.aliases]) owners.set(key(t), new Set([...(owners.get(key(t)) ?? []), c.id]));
  const twice = [...owners].filter(([, ids]) => ids.size > 1).map(([k, ids]) => `${k}: ${[...ids].join(', ')}`);
  expect(twice).toEqual([]);
  for (const r of d.regions) {
    const here = new Set(r.entries.map((e) => e.indicator.id));
    const local = new Map<string, Set<string>>();
    const add = (k: string, id: string) => here.has(id) && local.set(k, new Set([...(local.get(k) ?? []), id]));
    for (const [k, ids] of owners) for (const id of ids) add(k, id);
    for (const e of r.entries) add(key(e.name), e.indicator.id);
    const clash = [...local].filter(([, ids]) => ids.size > 1).map(([k, ids]) => `${r.name} ${k}: ${[...ids].join(', ')}`);
    // 九江 line 59 states one rate for applications and grants in one phrase: that phrase is rightly ambiguous
    const joint = `九江 ${key('发明专利申请量和授权量年均递增')}: invention_patent_applications_growth, invention_patent_grants_growth`;
    expect(clash.filter((c) => c !== joint)).toEqual([]);
  }
});

test('a name of a stock never finds a flow entry: asking for the level names the flow', () => {
  for (const c of CATALOGUE) {
    const stockId = c.definition.flowOf;
    if (!stockId) continue;
    const stock = CATALOGUE.find((x) => x.id === stockId)!;
    for (const r of d.regions) {
      const flow = r.entries.find((e) => e.indicator.id === c.id);
      if (!flow || r.entries.some((e) => e.indicator.id === stockId)) continue;
      expect(() => plan.entry(r.name, stock.zh)).toThrow(/年末总数/);
    }
  }
});

/** Qualifiers the sentence puts before the figure (力争 …, 争取 …) are in raw. */
const SENTENCE_EXCEPTIONS: Record<string, string> = {
  // "…比重达到35%以上，力争达到全省平均水平，数字经济…达到7%左右": 力争 governs the clause before, not this one
  '九江 digital_economy_core_share': '力争 belongs to the preceding clause',
};

test('力争 and 争取 in the sentence before a figure are kept in its raw text', () => {
  const seeds = new Map<string, string[]>();
  const lines = (seed: string) => {
    if (!seeds.has(seed)) seeds.set(seed, readFileSync(join(__dirname, '..', '..', 'seeds', seed), 'utf8').split('\n'));
    return seeds.get(seed)!;
  };
  const missing: string[] = [];
  let kept = 0;
  for (const r of d.regions)
    for (const e of r.entries)
      for (const v of stated(e)) {
        if (v.source.kind !== 'prose') continue;
        const text = lines(v.source.seed)
          .slice(v.source.line - 1, v.source.endLine ?? v.source.line)
          .join('');
        const at = text.indexOf(v.source.quote);
        const before = text.slice(0, at);
        const start = Math.max(before.lastIndexOf('。'), before.lastIndexOf('；')) + 1;
        const lead = text.slice(start, at + v.source.quote.indexOf(v.raw.split('…')[0]));
        for (const w of ['力争', '争取']) {
          if (v.raw.includes(w)) kept++;
          else if (!lead.includes(w)) continue;
          else if (!SENTENCE_EXCEPTIONS[`${r.name} ${e.indicator.id}`])
            missing.push(`${r.name} ${e.name} ${v.raw} (${w}, line ${v.source.line})`);
        }
      }
  expect(missing).toEqual([]);
  expect(kept).toBeGreaterThan(40);
});

test('a firm target and an aspiration look different, in raw and in the parsed fields', () => {
  const firm = plan.entry('江西', '科技型中小企业').target!;
  const aspiration = plan.entry('江西', '高新技术企业').target!;
  expect([firm.raw, firm.aspiration]).toEqual(['达到12000家', false]);
  expect([aspiration.raw, aspiration.aspiration, aspiration.bound]).toEqual(['力争…突破10000家', true, 'above']);
  expect(plan.entry('上饶', '引进院士').target).toMatchObject({
    raw: '力争引进（含柔性）院士1-2名',
    value: 1,
    low: 1,
    high: 2,
    aspiration: true,
  });
  expect(plan.entry('上饶', '省级重点学科').target).toMatchObject({
    raw: '争取2025年达省级重点学科7个',
    value: 7,
    aspiration: true,
    reach: true,
  });
});

test('a "以上" target is met on reaching the number', () => {
  const e = plan.entry('江西', '技术合同成交额');
  expect(e.target).toMatchObject({ value: 300, bound: 'at_least' });
  expect(plan.assess('江西', '技术合同成交额', 2025, 300).status).toBe('achieved');
  expect(plan.assess('江西', '技术合同成交额', 2025, 299.9).status).not.toBe('achieved');
});

test('units: every entry converts exactly to its definition unit', () => {
  let converted = 0;
  for (const r of d.regions)
    for (const e of r.entries) {
      const unit = e.indicator.definition.unit;
      expect({ where: `${r.name} ${e.name}`, unit: e.unit, ok: convertible(e.unit, unit) }).toEqual({
        where: `${r.name} ${e.name}`,
        unit: e.unit,
        ok: true,
      });
      for (const v of stated(e)) {
        if (v.value === null) continue;
        const there = convert(v.value, e.unit, unit);
        expect(convert(there, unit, e.unit)).toBe(v.value);
        if (e.unit !== unit) converted++;
      }
    }
  expect(converted).toBeGreaterThan(0);
  expect(convert(8, '万件', '件')).toBe(80000);
});

test('the definition shows in PLAN.INFO, in the workbook sources sheet and side by side in the CLI', async () => {
  expect(plan.info('江西', '专利授权总量', 'definition')).toContain('当年专利授权量');
  expect(plan.info('江西', '专利授权总量', '口径')).toContain('单位：件');
  expect(plan.info('吉安', 'R&D投入占GDP比例', 'definition', 'en')).toContain('denominator: “地区生产总值（GDP）”');
  expect(plan.info('上饶', '独角兽企业', 'definition')).toContain('本规划表述：');

  const { buildWorkbook } = await import('../../src/workbook/writer');
  const ws = buildWorkbook(d, d.regions, 'zh').getWorksheet('来源与冲突')!;
  expect(ws.getRow(1).getCell(12).value).toBe('指标定义');
  const defs = new Set<string>();
  ws.eachRow((row, i) => i > 1 && defs.add(String(row.getCell(12).value)));
  for (const r of d.regions)
    for (const e of r.entries) expect(defs.has(plan.info(r.name, e.indicator.id, 'definition') as string)).toBe(true);

  const { run } = await import('../../src/cli/main');
  const out: string[] = [];
  const code = await run(['compare', '专利授权量'], { out: (t) => out.push(t), err: (t) => out.push(t) });
  expect(code).toBe(0);
  const text = out.join('\n');
  expect(text).toMatch(/江西\s+专利授权总量\s+万件\s+80000/);
  expect(text).toMatch(/赣州\s+专利授权量\s+件\s+17619\s+20000/);
  const err: string[] = [];
  expect(await run(['compare', '独角兽'], { out: () => undefined, err: (t) => err.push(t) })).toBe(1);
  expect(err.join('')).toContain('unicorns_excl_potential');
});
