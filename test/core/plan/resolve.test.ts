import { dataset } from '../../../src/data/index';
import { Resolver } from '../../../src/core/plan/resolve';
import { normalizeName, toSimplified } from '../../../src/core/plan/normalize';
import { planError } from '../../fixture';

const r = new Resolver(dataset());
const err = planError;

describe('regions', () => {
  test.each([
    ['赣州', '赣州'],
    ['赣州市', '赣州'],
    ['贛州', '赣州'],
    ['贛州市', '赣州'],
    ['Ganzhou', '赣州'],
    ['GANZHOU', '赣州'],
    [' 赣 州 ', '赣州'],
    ['江西', '江西'],
    ['江西省', '江西'],
    ['Jiangxi', '江西'],
    ['全省', '江西'],
    ['九江市', '九江'],
    ["Ji'an", '吉安'],
    ['Jian', '吉安'],
    ['上饒', '上饶'],
    ['Shangrao', '上饶'],
    ['上', '上饶'],
  ])('%s → %s', (input, name) => {
    expect(r.region(input).name).toBe(name);
  });
  test('a city without a plan in the seeds says so', () => {
    const e = err(() => r.region('南昌'));
    expect(e.code).toBe('NO_PLAN');
    expect(e.message).toContain('南昌');
    expect(err(() => r.region('Nanchang市')).code).toBe('NO_PLAN');
  });
  test('unknown regions name the closest', () => {
    const e = err(() => r.region('Ganzou'));
    expect(e.code).toBe('UNKNOWN_REGION');
    expect(e.candidates[0]).toBe('赣州');
    expect(e.messageEn).toContain('Ganzou');
  });
  test('blank and overlong input get their own errors', () => {
    expect(err(() => r.region('')).code).toBe('BAD_ARGUMENT');
    expect(err(() => r.region('赣'.repeat(500))).message).toContain('过长');
  });
  test('errors are cached like results, and thrown each time', () => {
    expect(err(() => r.region('南昌')).code).toBe('NO_PLAN');
    expect(err(() => r.region('南昌')).code).toBe('NO_PLAN');
  });
});

describe('indicators', () => {
  const gz = r.region('赣州');
  test.each([
    '高新技术企业',
    '高新技术企业数量',
    '高新技术企业数量（家）',
    '高新技术企业数量 (家)',
    '高新技術企業',
    '高企',
    'high_tech_enterprises',
    'High-tech enterprises',
    '高新技术企业数(家)',
  ])('%s → 赣州 高新技术企业', (input) => {
    expect(r.entry(gz, input).indicator.id).toBe('high_tech_enterprises');
  });
  test.each([
    ['全社会R&D经费支出占GDP之比', '赣州'],
    ['全社会研发经费支出占GDP比重', '赣州'],
    ['R&D投入占GDP比例', '吉安'],
    ['全社会R＆D经费支出占GDP的比重', '九江'],
    ['全社会 R&D 经费支出占 GDP 之比 (%)', '赣州'],
    ['研发投入强度', '上饶'],
  ])('R&D wording "%s" in %s → rd_intensity', (input, region) => {
    expect(r.entry(r.region(region), input).indicator.id).toBe('rd_intensity');
  });
  test('a partial name is accepted when unambiguous', () => {
    expect(r.entry(gz, '专利授权').indicator.id).toBe('patent_grants');
    expect(r.entry(gz, '高新技术产业增加值').indicator.id).toBe('high_tech_value_added_share');
  });
  test('an ambiguous partial name lists the candidates', () => {
    expect(err(() => r.entry(gz, '技术合同')).candidates).toEqual(['技术合同成交金额', '技术交易额年均增长']);
    const e = err(() => r.entry(r.region('九江'), '发明专利'));
    expect(e.code).toBe('AMBIGUOUS_INDICATOR');
    expect(e.candidates.length).toBeGreaterThan(1);
  });
  test('an indicator the region does not plan says where it is', () => {
    const e = err(() => r.entry(gz, '技术经纪人'));
    expect(e.code).toBe('NOT_IN_PLAN');
    expect(e.candidates).toEqual(['江西']);
    expect(e.message).toContain('江西');
  });
  test('an unknown indicator names the closest', () => {
    const e = err(() => r.entry(gz, '高兴技术企业'));
    expect(e.code).toBe('UNKNOWN_INDICATOR');
    expect(e.candidates[0]).toBe('高新技术企业数量');
  });
});

describe('normalisation', () => {
  test('traditional to simplified', () => {
    expect(toSimplified('規模以上工業企業研發經費')).toBe('规模以上工业企业研发经费');
  });
  test('widths, spaces, case, R&D and 研发 are the same', () => {
    expect(normalizeName('Ｒ＆Ｄ 经费')).toBe(normalizeName('研发经费'));
    expect(normalizeName('规上工业企业')).toBe(normalizeName('规模以上工业企业'));
  });
});

describe('a bare R&D / 研发: its common reading, with a note', () => {
  test.each(['江西', '九江', '吉安', '上饶', '赣州'])('%s: R&D, 研发, 研究与试验发展 → rd_intensity', (name) => {
    const region = r.region(name);
    for (const input of ['R&D', '研发', 'R＆D', '研究与试验发展']) expect(r.entry(region, input).indicator.id).toBe('rd_intensity');
  });
  test('the note names the reading and the others; names that were not ambiguous have none', () => {
    const jj = r.region('九江');
    const note = r.reading(jj, '研发');
    expect(note?.zh).toMatch(/^注：“研发”按最常见的含义读作“全社会R&D经费支出占GDP的比重”；也可能指：全社会R&D经费支出；/);
    expect(note?.en).toContain('Gross R&D expenditure');
    expect(r.reading(jj, '全社会R&D经费支出占GDP的比重')).toBeUndefined();
    expect(r.reading(jj, '高企')).toBeUndefined();
  });
  test('other ambiguous names stay ambiguous', () => {
    expect(err(() => r.entry(r.region('九江'), '研发机构')).code).toBe('AMBIGUOUS_INDICATOR');
  });
});
