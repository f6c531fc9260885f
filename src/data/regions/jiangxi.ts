import type { AuthoredRegion } from '../types';

/** 江西省“十四五”科技创新规划 has no indicator table: every entry is taken from running text. */
export const region: AuthoredRegion = {
  name: '江西',
  fullName: '江西省',
  en: 'Jiangxi',
  level: 'province',
  seed: '001_d24e6e608ec2dcda.txt',
  planTitle: '江西省“十四五”科技创新规划',
  issuingNumber: '赣府发〔2021〕22号',
  issuedOn: '2021-10-15',
  meta: { titleLine: 8, issuingNumberLine: 2, issuedOnLine: 6 },
  entries: [
    {
      indicator: 'national_innovation_level',
      name: '综合科技创新水平',
      unit: '位',
      values: {
        '2020': {
          raw: '16位',
          line: 14,
          kind: 'prose',
          quote: '全省综合科技创新水平在全国位次前移6位，至16位',
        },
      },
      target: {
        raw: '达到全国中上游水平',
        line: 27,
        kind: 'prose',
        quote: '综合科技创新水平达到全国中上游水平',
      },
      remark: '基期为“十三五”期末全国位次（正文：“十三五”期间前移6位，至16位），未注明年份。',
    },
    {
      indicator: 'rd_intensity',
      name: '全社会研发经费支出占地区生产总值之比',
      unit: '%',
      values: {
        '2020': {
          raw: '1.68%',
          line: 14,
          kind: 'prose',
          quote: '2020年全社会研发经费支出占地区生产总值之比为1.68%',
        },
      },
      remark: '正文无2025年量化目标（“全社会研发投入实现大幅提升”）。',
    },
    {
      indicator: 'patent_grants',
      name: '专利授权总量',
      unit: '万件',
      values: {
        '2020': {
          raw: '8万件',
          line: 14,
          kind: 'prose',
          quote: '专利授权总量达8万件，是2015年的3.3倍',
        },
      },
      remark: '单位为万件；正文与2015年相比，视为2020年当年授权量（未注明年份）。无2025年目标。',
      wording: '单位为万件（赣州为件）；跨地区比较时换算为件（8万件 = 80000件）。',
    },
    {
      indicator: 'invention_patents_per_10k',
      name: '万人发明专利拥有量',
      unit: '件',
      values: {
        '2020': {
          raw: '3.68件',
          line: 14,
          kind: 'prose',
          quote: '万人发明专利拥有量达3.68件',
        },
      },
      remark: '“十三五”目标为2件（正文：超额完成2件的目标任务）。正文无2025年量化目标。',
      wording: '原文为“万人发明专利拥有量”，未写“有效”；国家知识产权局的“每万人口发明专利拥有量”按有效发明专利计，同一指标。',
    },
    {
      indicator: 'tech_contract_value',
      name: '技术合同成交额',
      unit: '亿元',
      values: {
        '2020': {
          raw: '233.4亿元',
          line: 14,
          kind: 'prose',
          quote: '技术合同成交额233.4亿元，是2015年的4.6倍',
        },
      },
      target: {
        raw: '300亿元以上',
        line: 121,
        kind: 'prose',
        quote: '成交总金额300亿元以上',
      },
    },
    {
      indicator: 'high_tech_value_added_share',
      name: '高新技术产业增加值占规模以上工业增加值比重',
      unit: '%',
      values: {
        '2020': {
          raw: '38.2%',
          line: 15,
          kind: 'prose',
          quote: '高新技术产业增加值占规模以上工业增加值比重从2015年的26%上升至2020年的38.2%',
        },
      },
      remark: '2015年为26%。正文无2025年量化目标（“进一步提升”）。',
    },
    {
      indicator: 'high_tech_enterprises',
      name: '高新技术企业总数',
      unit: '家',
      values: {
        '2020': {
          raw: '5595家',
          line: 15,
          kind: 'prose',
          quote: '高新技术企业数量大幅增长，达到5595家',
        },
      },
      target: {
        raw: '力争…突破10000家',
        line: 61,
        kind: 'prose',
        quote: '力争高新技术企业总数突破10000家',
      },
    },
    {
      indicator: 'tech_smes',
      name: '科技型中小企业总数',
      unit: '家',
      values: {
        '2020': {
          raw: '6416家',
          line: 15,
          kind: 'prose',
          quote: '入国家库科技型中小企业6416家',
        },
      },
      target: {
        raw: '达到12000家',
        line: 61,
        kind: 'prose',
        quote: '科技型中小企业总数达到12000家',
      },
      remark: '基期为入国家库科技型中小企业数。',
    },
    {
      indicator: 'local_academicians',
      name: '本土院士',
      unit: '人',
      values: {
        '2020': {
          raw: '4人',
          line: 16,
          kind: 'prose',
          quote: '全省现有本土院士4人',
        },
      },
      remark: '正文为“现有”，未注明年份，列于“十三五”成效。无2025年量化目标。',
    },
    {
      indicator: 'rd_personnel',
      name: '研发人员',
      unit: '万人',
      values: {
        '2019': {
          raw: '16万人',
          line: 16,
          kind: 'prose',
          quote: '2019年，全省研发人员达16万人',
        },
      },
      remark: '正文无2025年量化目标（“研发人员规模进一步提升”）。',
    },
    {
      indicator: 'provincial_innovative_counties',
      name: '省级创新型县（市、区）',
      unit: '个',
      values: {
        '2020': {
          raw: '19个',
          line: 17,
          kind: 'prose',
          quote: '南昌市青山湖区、抚州市临川区等19个县区成为省级创新型县（市、区）',
        },
      },
      remark: '列于“十三五”成效，未注明年份。无2025年量化目标。',
    },
    {
      indicator: 'unicorn_enterprises',
      name: '独角兽（潜在、种子）企业',
      unit: '家',
      values: {},
      target: {
        raw: '力争培育…20家以上',
        line: 60,
        kind: 'prose',
        quote: '到2025年，力争培育独角兽（潜在、种子）企业20家以上',
      },
      wording:
        '原文“培育…20家以上”，未说明是2025年在库数还是期间累计培育数，按年末在库数；含潜在、种子独角兽，与上饶的“独角兽企业”（已认定）不同。',
    },
    {
      indicator: 'agri_tech_commissioners',
      name: '农业科技特派员队伍',
      unit: '人',
      values: {},
      target: {
        raw: '1000人左右',
        line: 74,
        kind: 'prose',
        quote: '建立1000人左右的农业科技特派员队伍',
      },
      remark: '规划期内目标，正文未注明“到2025年”。',
    },
    {
      indicator: 'provincial_basic_discipline_centers',
      name: '省基础学科研究中心',
      unit: '个',
      values: {},
      target: {
        raw: '1-2个',
        line: 82,
        kind: 'prose',
        quote: '打造1-2个省基础学科研究中心',
      },
      remark: '规划期内目标，正文未注明“到2025年”。',
    },
    {
      indicator: 'tech_brokers',
      name: '技术经纪人',
      unit: '人',
      values: {},
      target: {
        raw: '达1500人',
        line: 121,
        kind: 'prose',
        quote: '全省培育各类技术经纪人达1500人',
      },
    },
    {
      indicator: 'tech_contract_registrations',
      name: '技术合同登记数量',
      unit: '项',
      values: {},
      target: {
        raw: '4000项以上',
        line: 121,
        kind: 'prose',
        quote: '全省技术合同登记数量4000项以上',
      },
    },
    {
      indicator: 'high_end_rd_institutions',
      name: '高端研发机构',
      unit: '家',
      values: {},
      target: {
        raw: '力争…150家左右',
        line: 134,
        kind: 'prose',
        quote: '力争到“十四五”末，建设150家左右高端研发机构',
      },
      remark: '其中重大战略性10家、产业引领性30家以上、研发应用型100家以上（见下三条）。',
    },
    {
      indicator: 'strategic_high_end_rd_institutions',
      name: '重大战略性高端研发机构',
      unit: '家',
      values: {},
      target: {
        raw: '力争…重大战略性高端研发机构10家',
        line: 134,
        kind: 'prose',
        quote: '力争到“十四五”末，建设150家左右高端研发机构，其中，重大战略性高端研发机构10家',
      },
      remark: '“十四五”末目标，为高端研发机构150家左右之一部分。',
    },
    {
      indicator: 'industry_leading_high_end_rd_institutions',
      name: '产业引领性高端研发机构',
      unit: '家',
      values: {},
      target: {
        raw: '力争…产业引领性高端研发机构30家以上',
        line: 134,
        kind: 'prose',
        quote: '力争到“十四五”末，建设150家左右高端研发机构，其中，重大战略性高端研发机构10家，产业引领性高端研发机构30家以上',
      },
      remark: '“十四五”末目标，为高端研发机构150家左右之一部分。',
    },
    {
      indicator: 'applied_high_end_rd_institutions',
      name: '研发应用型高端研发机构',
      unit: '家',
      values: {},
      target: {
        raw: '力争…研发应用型高端研发机构100家以上',
        line: 134,
        kind: 'prose',
        quote:
          '力争到“十四五”末，建设150家左右高端研发机构，其中，重大战略性高端研发机构10家，产业引领性高端研发机构30家以上，研发应用型高端研发机构100家以上',
      },
      remark: '“十四五”末目标，为高端研发机构150家左右之一部分。',
    },
    {
      indicator: 'national_agri_sci_tech_parks',
      name: '国家级农业科技园区数量',
      unit: '家',
      values: {},
      target: {
        raw: '达11家左右',
        line: 141,
        kind: 'prose',
        quote: '全省国家级农业科技园区数量达11家左右',
      },
      remark: '“十四五”末目标。',
    },

    // ---- issue 13: prose targets ----
    {
      indicator: 'enterprise_st_commissioners',
      name: '企业科技特派员',
      unit: '名',
      values: {},
      target: { raw: '千名', line: 74, kind: 'prose', quote: '选派千名企业科技特派员' },
      remark: '科技特派员“千百万”帮扶行动：选派千名企业科技特派员，进入全省百个开发区，为万家企业提供科技服务。数字以汉字书写。',
    },
    {
      indicator: 'dev_zones_served_by_commissioners',
      name: '科技特派员进驻开发区',
      unit: '个',
      values: {},
      target: { raw: '百个', line: 74, kind: 'prose', quote: '进入全省百个开发区' },
      remark: '科技特派员“千百万”帮扶行动。数字以汉字书写。',
    },
    {
      indicator: 'enterprises_served_by_commissioners',
      name: '科技特派员服务企业',
      unit: '家',
      values: {},
      target: { raw: '万家', line: 74, kind: 'prose', quote: '为万家企业提供科技服务' },
      remark: '科技特派员“千百万”帮扶行动。数字以汉字书写。',
    },
    {
      indicator: 'st_innovation_cities',
      name: '科创城',
      unit: '个',
      values: {},
      target: { raw: '十大科创新城', line: 28, kind: 'prose', quote: '推进已建六大科创城发展，扩大范围建设十大科创新城' },
      remark: '已建六大科创城（第17、44行），第45行新增四大科创城。数字以汉字书写。',
    },
  ],
};
