/**
 * Issue 28: every name finds its own measure. The names China's statistical bulletins, plans and monitoring reports
 * use (docs/aliases.md gives the source of each alias), asked of every region: where the region's plan has the
 * measure, the answer is that entry; where it has not, a PlanError — never another measure.
 */
import { dataset } from '../../../src/data/index';
import { Plan } from '../../../src/core/plan/plan';
import { importPlanTable } from '../../../src/core/exchange/import';
import { PlanError } from '../../../src/core/errors';
import { planError } from '../../fixture';

const d = dataset();
const plan = new Plan(d);
const REGIONS = ['江西', '九江', '吉安', '上饶', '赣州'];

/** A name as people write it, and the indicator it must find (null: no indicator; refused everywhere). */
const NAMES: [string, string | null][] = [
  // R&D intensity: the 统计公报's wording and the everyday ones
  ['研发经费投入强度', 'rd_intensity'],
  ['R&D经费投入强度', 'rd_intensity'],
  ['研究与试验发展(R&D)经费投入强度', 'rd_intensity'],
  ['研究与试验发展（R&D）经费投入强度', 'rd_intensity'],
  ['研究与试验发展经费投入强度', 'rd_intensity'],
  ['全社会研发经费投入强度', 'rd_intensity'],
  ['江西省研究与试验发展(R&D)经费投入强度', 'rd_intensity'],
  ['2025年全社会研发经费投入强度（%）', 'rd_intensity'],
  ['研发投入强度', 'rd_intensity'],
  ['研發經費投入強度', 'rd_intensity'],
  ['R&D intensity', 'rd_intensity'],
  ['全社会R&D经费支出占GDP比重', 'rd_intensity'],
  ['全社会研究开发（R&D）经费支出占地区生产总值（GDP）之比', 'rd_intensity'],
  ['R&D经费支出占GDP比重', 'rd_intensity'],
  // R&D expenditure
  ['全社会研发经费支出', 'rd_expenditure'],
  ['全社会R&D经费支出（亿元）', 'rd_expenditure'],
  ['R&D经费支出', 'rd_expenditure'],
  ['研究与试验发展(R&D)经费', 'rd_expenditure'],
  ['研发经费投入总量', 'rd_expenditure'],
  ['研究与试验发展(R&D)经费投入总量', 'rd_expenditure'],
  ['全社会研发投入', 'rd_expenditure'],
  ['研发经费', 'rd_expenditure'],
  // its growth
  ['全社会研发经费投入年均增长', 'rd_growth'],
  ['全社会R&D经费支出年均增速', 'rd_growth'],
  ['研发经费增速', 'rd_growth'],
  // enterprises' R&D
  ['规上工业企业研发经费占营业收入比重', 'enterprise_rd_revenue_ratio'],
  ['规模以上工业企业研发经费支出与营业收入之比', 'enterprise_rd_revenue_ratio'],
  ['规模以上工业企业研发经费支出与主营业务收入之比', 'enterprise_rd_revenue_ratio'],
  ['规上工业企业R&D经费占主营业务收入比重', 'enterprise_rd_revenue_ratio'],
  ['企业研发投入强度', 'enterprise_rd_revenue_ratio'],
  ['规上工业企业有研发活动比例', 'enterprise_rd_activity_share'],
  ['参与研发活动的规模以上工业企业占比', 'enterprise_rd_activity_share'],
  // enterprises
  ['高新技术企业数', 'high_tech_enterprises'],
  ['高新技术企业数量', 'high_tech_enterprises'],
  ['九江市高新技术企业', 'high_tech_enterprises'],
  ['科技型中小企业', 'tech_smes'],
  ['科技型中小企业数量', 'tech_smes'],
  ['高新技术产业增加值占规模以上工业增加值比重', 'high_tech_value_added_share'],
  ['高新技术产业增加值占规上工业增加值比重', 'high_tech_value_added_share'],
  // patents
  ['每万人口有效发明专利拥有量', 'invention_patents_per_10k'],
  ['每万人口发明专利拥有量', 'invention_patents_per_10k'],
  ['每万人有效发明专利拥有量', 'invention_patents_per_10k'],
  ['每万人口高价值发明专利拥有量', 'high_value_patents_per_10k'],
  ['专利授权量', 'patent_grants'],
  ['发明专利申请量', 'invention_patent_applications'],
  ['发明专利授权量', 'invention_patent_grants'],
  ['发明专利申请量年均增长', 'invention_patent_applications_growth'],
  // technology market, public money, digital economy, people, rank
  ['技术合同成交额', 'tech_contract_value'],
  ['技术合同成交金额', 'tech_contract_value'],
  ['技术合同成交总金额', 'tech_contract_value'],
  ['技术合同成交额增幅', 'tech_contract_value_growth'],
  ['地方财政科技支出占财政支出比重', 'gov_st_expenditure_share'],
  ['公共财政科学技术支出占公共财政支出比重', 'gov_st_expenditure_share'],
  ['数字经济核心产业增加值占GDP比重', 'digital_economy_core_share'],
  ['研发人员', 'rd_personnel'],
  ['每万名从业人员中研发人员数', 'rd_personnel_per_10k_employed'],
  ['科技进步综合水平全省排位', 'innovation_rank'],
  // a known name with a word of another measure: no indicator at all
  ['全社会研发经费支出强度', null],
  ['地方财政科技支出', null],
  ['高新技术企业增速', null],
  ['高新技术企业占比', null],
  ['新增高新技术企业', null],
  ['科技型中小企业增速', null],
  ['每万人口有效发明专利拥有量增速', null],
  ['技术合同成交额占GDP比重', null],
  ['研发人员占比', null],
];

test('the table holds at least 60 names, and every id it names is in the catalogue', () => {
  expect(NAMES.length).toBeGreaterThanOrEqual(60);
  for (const [, id] of NAMES) if (id) expect(d.catalogue.some((c) => c.id === id)).toBe(true);
});

describe.each(REGIONS)('%s', (regionName) => {
  const region = d.regions.find((r) => r.name === regionName)!;
  test.each(NAMES)('%s → %s, or a refusal', (name, id) => {
    const own = id ? region.entries.find((e) => e.indicator.id === id) : undefined;
    if (own) {
      expect(plan.entry(regionName, name)).toBe(own);
    } else {
      const e = planError(() => plan.entry(regionName, name));
      expect(e.message).toMatch(/没有/);
      expect(e.messageEn).toMatch(/no /i);
    }
  });
});

describe('done when', () => {
  test('九江 研发经费投入强度 → 2.5 (not 110, the R&D expenditure)', () => {
    expect(plan.target('九江', '研发经费投入强度', 2025)).toBe(2.5);
    for (const name of ['R&D经费投入强度', '研究与试验发展(R&D)经费投入强度', '全社会研发经费投入强度', '研发投入强度']) {
      expect(plan.target('九江', name, 2025)).toBe(2.5);
    }
  });
  test('赣州 R&D经费投入强度 → 2.6', () => {
    expect(plan.target('赣州', 'R&D经费投入强度', 2025)).toBe(2.6);
  });
  test('九江 规上工业企业研发经费占营业收入比重 → 1.1', () => {
    expect(plan.target('九江', '规上工业企业研发经费占营业收入比重', 2025)).toBe(1.1);
  });
  test('赣州 全社会研发经费支出 → refused, saying where it is', () => {
    const e = planError(() => plan.target('赣州', '全社会研发经费支出', 2025));
    expect(e.code).toBe('NOT_IN_PLAN');
    expect(e.candidates).toEqual(['九江', '吉安']);
  });
  test('赣州, 上饶 and 吉安 answer the intensity under the 公报 wording', () => {
    for (const r of ['赣州', '上饶', '吉安']) expect(plan.entry(r, '研究与试验发展(R&D)经费投入强度').indicator.id).toBe('rd_intensity');
  });
  test('a word of another measure is refused with the closest measures, in Chinese and English', () => {
    const e = planError(() => plan.entry('九江', '全社会研发经费支出强度'));
    expect(e.code).toBe('UNKNOWN_INDICATOR');
    expect(e.message).toContain('“强度”指比重（%）');
    expect(e.candidates[0]).toBe('全社会R&D经费支出占GDP的比重');
    expect(e.messageEn).toContain('"强度" names a ratio (%)');
  });
});

describe('九江 line 59: applications and grants, one phrase', () => {
  test('each entry has a name of its own, and the joint phrase stays ambiguous', () => {
    const names = ['发明专利申请量和授权量年均递增：申请量', '发明专利申请量和授权量年均递增：授权量'];
    const ids = names.map((n) => plan.entry('九江', n).indicator.id);
    expect(ids).toEqual(['invention_patent_applications_growth', 'invention_patent_grants_growth']);
    expect(plan.entry('九江', '发明专利申请量年均递增').indicator.id).toBe('invention_patent_applications_growth');
    expect(plan.entry('九江', '发明专利授权量年均递增').indicator.id).toBe('invention_patent_grants_growth');
    expect(planError(() => plan.entry('九江', '发明专利申请量和授权量年均递增')).code).toBe('AMBIGUOUS_INDICATOR');
  });
});

describe('imported plans: a short name finds the one row that contains it', () => {
  const rows = [
    ['序号', '指标名称', '单位', '2024年(基期)', '2030年目标'],
    ['1', '科技型中小企业评价入库数量', '家', '3000', '6000'],
    ['2', '全年发明专利授权量', '件', '900', '1500'],
    ['3', 'R&D经费投入强度（%）', '', '2.1', '2.8以上'],
  ];
  const region = importPlanTable(rows, { file: '南昌.csv', region: '南昌', catalogue: d.catalogue });
  const withNc = Plan.withImported(d, [region]);
  test('科技型中小企业 → 科技型中小企业评价入库数量', () => {
    expect(withNc.entry('南昌', '科技型中小企业').name).toBe('科技型中小企业评价入库数量');
    expect(withNc.target('南昌', '科技型中小企业', 2030)).toBe(6000);
  });
  test('a name of another measure does not find it: 专利授权量 is not 发明专利授权量, 高新技术企业 not 科技型中小企业', () => {
    expect(planError(() => withNc.entry('南昌', '专利授权量')).code).toBe('NOT_IN_PLAN');
    expect(planError(() => withNc.entry('南昌', '科技型中小企业增速'))).toBeInstanceOf(PlanError);
    expect(withNc.entry('南昌', '研究与试验发展(R&D)经费投入强度').indicator.id).toBe('rd_intensity');
    expect(planError(() => withNc.entry('南昌', '研发经费')).code).toBe('NOT_IN_PLAN');
  });
});
