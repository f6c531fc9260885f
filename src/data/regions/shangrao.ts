import type { AuthoredRegion } from '../types';

export const region: AuthoredRegion = {
  name: '上饶',
  fullName: '上饶市',
  en: 'Shangrao',
  level: 'city',
  seed: '003_75e9b4ace7e3940a.txt',
  planTitle: '上饶市“十四五”科技创新发展规划（2021—2025）',
  meta: { titleLine: 3 },
  table: {
    title: '专栏1：全市科技创新“十四五”主要发展目标',
    line: 71,
    footnote: '*2020年预测数',
  },
  entries: [
    // ---- 专栏1 table, rows 1-9 ----
    {
      indicator: 'rd_intensity',
      name: '全社会R&D经费支出占GDP比例',
      unit: '%',
      row: 1,
      values: {
        '2019': { raw: '1.04', line: 81, kind: 'table', quote: '1.04' },
        '2020': { raw: '1.25*', line: 82, kind: 'table', quote: '1.25*' },
      },
      target: { raw: '2.3', line: 83, kind: 'table', quote: '2.3' },
      conflicts: [
        {
          field: 'target',
          raw: '达到2.3%',
          line: 65,
          kind: 'prose',
          quote: '全社会研究开发（R&D）经费支出占地区生产总值（GDP）之比达到2.3%',
          note: '正文（具体目标）为“达到2.3%”，表中为2.3；数值一致，仅多“达到”。',
        },
      ],
      remark:
        '2020年值带“*”，为预测数。正文第18行“投入强度为1.04%”、第26行“2019年全市R&D投入占GDP的比重只有1.04%”与表中2019年值一致。',
    },
    {
      indicator: 'rd_growth',
      name: '全社会R&D经费支出投入年均增速',
      unit: '%',
      row: 2,
      values: {
        '2019': { raw: '30', line: 87, kind: 'table', quote: '30' },
        '2020': { raw: '25*', line: 88, kind: 'table', quote: '25*' },
      },
      target: { raw: '21', line: 89, kind: 'table', quote: '21' },
      conflicts: [
        {
          field: '2019',
          raw: '40.10%',
          line: 18,
          kind: 'prose',
          quote: '2019年R&D经费投入总量为26.19亿元，同比增长40.10%',
          note: '正文为2019年R&D经费投入“同比增长40.10%”，表中2019年为30；数值不同（表为“年均增速”，口径或不同）。',
        },
      ],
      remark: '2020年值带“*”，为预测数。',
    },
    {
      indicator: 'enterprise_rd_revenue_ratio',
      name: '规模以上工业企业R&D经费支出与营业收入之比',
      unit: '%',
      row: 3,
      values: {
        '2019': { raw: '0.80', line: 93, kind: 'table', quote: '0.80' },
        '2020': { raw: '0.9*', line: 94, kind: 'table', quote: '0.9*' },
      },
      target: { raw: '1.5', line: 95, kind: 'table', quote: '1.5' },
      remark: '2020年值带“*”，为预测数。',
    },
    {
      indicator: 'enterprise_rd_personnel',
      name: '规模以上工业企业R&D人员全时当量',
      unit: '人年',
      row: 4,
      values: {
        '2019': { raw: '5114', line: 99, kind: 'table', quote: '5114' },
        '2020': { raw: '6100*', line: 100, kind: 'table', quote: '6100*' },
      },
      target: { raw: '12000', line: 101, kind: 'table', quote: '12000' },
      remark: '2020年值带“*”，为预测数。',
    },
    {
      indicator: 'invention_patents_per_10k',
      name: '每万人有效发明专利拥有量',
      unit: '件',
      row: 5,
      values: {
        '2019': { raw: '0.94', line: 105, kind: 'table', quote: '0.94' },
        '2020': { raw: '1.07', line: 106, kind: 'table', quote: '1.07' },
      },
      target: { raw: '2.5', line: 107, kind: 'table', quote: '2.5' },
      remark: '正文第24行“2020年……每万人发明专利拥有量1.07件”与表中2020年值一致。',
    },
    {
      indicator: 'tech_contract_value',
      name: '技术合同成交金额',
      unit: '亿元',
      row: 6,
      values: {
        '2019': { raw: '9.34', line: 111, kind: 'table', quote: '9.34' },
        '2020': { raw: '13', line: 112, kind: 'table', quote: '13' },
      },
      target: { raw: '20', line: 113, kind: 'table', quote: '20' },
      remark: '正文第25行“2020年，我市技术市场合同交易额总量13亿元”与表中2020年值一致。',
    },
    {
      indicator: 'high_tech_value_added_share',
      name: '高新技术产业增加值占工业增加值比重',
      unit: '%',
      row: 7,
      values: {
        '2019': { raw: '29.49', line: 117, kind: 'table', quote: '29.49' },
        '2020': { raw: '32.7', line: 118, kind: 'table', quote: '32.7' },
      },
      target: { raw: '43', line: 119, kind: 'table', quote: '43' },
      conflicts: [
        {
          field: 'target',
          raw: '达43%',
          line: 412,
          kind: 'prose',
          quote: '高新技术产业增加值占规模以上工业增加值比重达43%',
          note: '专栏10正文为“占规模以上工业增加值比重达43%”，表中为43；数值一致，仅多“达”，且正文写明“规模以上”。',
        },
      ],
      remark:
        '正文第18行“2020年，高新技术产业增加值占规模以上工业的比重达到32.7%”、第24行“比重为32.7%”与表中2020年值一致。',
    },
    {
      indicator: 'high_tech_enterprises',
      name: '高新技术企业数量',
      unit: '家',
      row: 8,
      values: {
        '2019': { raw: '487', line: 123, kind: 'table', quote: '487' },
        '2020': { raw: '669', line: 124, kind: 'table', quote: '669' },
      },
      target: { raw: '1000', line: 125, kind: 'table', quote: '1000' },
      conflicts: [
        {
          field: 'target',
          raw: '达1000家',
          line: 63,
          kind: 'prose',
          quote: '到2025年，高新技术企业总数达1000家',
          note: '具体目标正文为“达1000家”，表中为1000；数值一致，仅多“达”。',
        },
        {
          field: 'target',
          raw: '突破1000家',
          line: 412,
          kind: 'prose',
          quote: '高新技术企业总数突破1000家',
          note: '专栏10正文为“突破1000家”（超过1000家），表中为1000。',
        },
      ],
      remark: '正文第16行“至2020年底……全市高新技术企业总数达669家”与表中2020年值一致。',
    },
    {
      indicator: 'provincial_plus_innovation_platforms',
      name: '省级以上创新平台和载体',
      unit: '个',
      row: 9,
      values: {
        '2019': { raw: '130', line: 129, kind: 'table', quote: '130' },
        '2020': { raw: '151', line: 130, kind: 'table', quote: '151' },
      },
      target: { raw: '200', line: 131, kind: 'table', quote: '200' },
    },
    // ---- prose targets, in document order ----
    {
      indicator: 'city_plus_key_labs',
      name: '市级以上重点实验室',
      unit: '个',
      values: {},
      target: {
        raw: '达30个',
        line: 387,
        kind: 'prose',
        quote: '到2025年市级以上重点实验室达30个',
      },
      remark: '专栏8“建设一批重大创新平台”。',
    },
    {
      indicator: 'city_innovation_platforms',
      name: '市级创新平台',
      unit: '个',
      values: {},
      target: {
        raw: '达 50个',
        line: 389,
        kind: 'prose',
        quote: '到2025年市级创新平台达 50个',
      },
      remark: '专栏8：“建设一批市级技术创新中心、工程研究中心、企业技术中心”之后的目标。',
    },
    {
      indicator: 'unicorn_enterprises',
      name: '独角兽企业',
      unit: '家',
      values: {
        '2020': { raw: '2家', line: 16, kind: 'prose', quote: '至2020年底，我市有独角兽企业2家' },
      },
      target: {
        raw: '达3家',
        line: 412,
        kind: 'prose',
        quote: '新增1家独角兽企业（总数达3家）',
      },
      remark: '专栏10原文：“到2025年，新增1家独角兽企业（总数达3家）”。',
    },
    {
      indicator: 'provincial_key_disciplines',
      name: '省级重点学科',
      unit: '个',
      values: {},
      target: {
        raw: '7个',
        line: 433,
        kind: 'prose',
        quote: '争取2025年达省级重点学科7个',
      },
      remark: '专栏12“基础研究领域”；原文为“争取……达……7个”。',
    },
    {
      indicator: 'major_st_rd_projects',
      name: '省级以上重大科技研发专项',
      unit: '项',
      values: {},
      target: {
        raw: '5-10项',
        line: 440,
        kind: 'prose',
        quote: '谋划省级以上重大科技研发专项5-10项',
      },
      remark: '专栏13；原文动词为“谋划”，未说明是期末存量还是“十四五”期间累计。',
    },
    {
      indicator: 'provincial_st_plan_projects',
      name: '省级科技计划',
      unit: '项',
      values: {},
      target: {
        raw: '180项',
        line: 440,
        kind: 'prose',
        quote: '省级科技计划180项',
      },
      remark:
        '专栏13；与“谋划”连用，未说明是年度数还是期间累计。参照：正文第18行“十三五”期间申报省级科技计划项目1356项，其中274项获批立项。',
    },
    {
      indicator: 'academicians_introduced',
      name: '引进（含柔性）院士',
      unit: '名',
      values: {},
      target: {
        raw: '1-2名',
        line: 653,
        kind: 'prose',
        quote: '到2025年，力争引进（含柔性）院士1-2名',
      },
      remark: '专栏15；原文带“力争”，“含柔性”引进。',
    },
  ],
};

