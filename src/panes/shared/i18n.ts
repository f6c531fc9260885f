/** The pane's words, Chinese first. */
import type { Lang } from '../../core/plan/plan';

const zh = {
  title: '十四五科技规划指标',
  region: '地区',
  allRegions: '插入全部地区（每区一表）',
  mode: '插入方式',
  linked: '链接公式（PLAN 函数，随数据更新）',
  plain: '普通数值与公式（WPS、LibreOffice 及未装加载项的 Excel 可用）',
  insertNew: '插入到新工作表',
  insertHere: '插入到所选单元格',
  refresh: '刷新已插入的表',
  tabTable: '指标表',
  tabCheck: '检查我的模板',
  tabFormula: '生成公式',
  indicator: '指标',
  unit: '单位',
  marks: '标记',
  source: '来源',
  conflicts: '冲突',
  estimate: '预计数',
  detail: '详情',
  close: '关闭',
  inserted: (s: string) => `已插入：${s}`,
  refreshed: (n: number, changed: number) => `已刷新 ${n} 张表，${changed} 行数值有更新；填写的实际值未改动。`,
  nothingToRefresh: '工作簿中没有本加载项插入的表（名称以 PLAN_ 开头）。',
  occupiedPlain: (a: string) => `所选位置 ${a} 已有内容，未写入任何单元格。`,
  askNewSheet: '要改为插入到新工作表吗？',
  askReplace: '要替换吗？',
  useNewSheet: '插入到新工作表',
  cancel: '取消',
  replace: '替换',
  checkHelp: '先在工作表中选中你的报表区域（左侧为指标名称，上方为年份），再点击“读取所选区域”。',
  readSelection: '读取所选区域',
  officialFilled: (filled: number, kept: number) =>
    `已填入 ${filled} 个官方实际值（蓝色字）${kept ? `；${kept} 个单元格已有内容，保留未动` : ''}。`,
  olderData: (inUse: string, workbook: string) =>
    `正在使用的数据（${inUse}）旧于本工作簿的表所用的数据（${workbook}），未刷新，工作簿未改动。请确认数据包已更新。`,
  importRegion: '导入规划表：地区名称',
  importHelp:
    '选中一张规划指标表（左侧指标名称，上方“2024年(基期)”“2030年目标”等年份），填地区名称后导入；PLAN 函数随即可用，表格保存在本工作簿中。',
  importPlan: '把所选区域导入为规划表',
  importedPlan: (region: string, source: string, n: number, kept: boolean) =>
    `已导入${region}的规划表（${source}，${n} 项指标）${kept ? '，已保存在本工作簿中' : '；此宿主无法保存到工作簿，关闭后需重新导入'}。`,
  matches: '匹配结果（请核对）',
  noMatch: '未匹配',
  flags: '落后的单元格（按所选方法）',
  noFlags: '按所选方法，所有已填写的实际值均符合进度。',
  method: '判断方法',
  ratio: '比率',
  trendRate: '年均变化',
  markFlags: '在表中标色',
  marked: (n: number, restored: number, left: string[]) =>
    `已为 ${n} 个单元格标色（只改底色，未改数值；原底色已保存在工作簿中，可用“清除标色”恢复）。` +
    (restored ? `上次的 ${restored} 处标色已恢复原底色。` : '') +
    (left.length ? `以下上次标色的单元格已被改过底色，保持不变：${left.join('、')}` : ''),
  clearMarks: '清除标色（恢复原底色）',
  cleared: (n: number, left: string[]) =>
    (n ? `已恢复 ${n} 个单元格的原底色。` : '没有需要清除的标色。') +
    (left.length ? `以下单元格在标色后被改过底色（或所在工作表已删除），保持不变：${left.join('、')}` : ''),
  editsKept: (cells: string[]) => `以下单元格已被手动修改，已保留未刷新：${cells.join('、')}。`,
  askOverwrite: (cells: string[]) => `以下单元格已被手动修改：${cells.join('、')}。要用规划数据覆盖这些修改吗？`,
  overwrite: '覆盖我的修改',
  rowsRemoved: (n: number) => `${n} 行已被删除，未重新添加。`,
  missingTables: (names: string[]) => `未找到以下之前插入的表（可能已改名、转换为区域或删除）：${names.join('、')}。`,
  expected: '应达',
  gap: '差距',
  status: '状态',
  fn: '函数',
  year: '年份',
  actualCell: '实际值（单元格或数值）',
  writeFormula: '写入活动单元格',
  written: (a: string) => `已写入 ${a}`,
  failed: (m: string) => `操作失败：${m}`,
  version: (v: string) => `数据版本 ${v}`,
  legend: '黄色：略滞后；红色：滞后或逆向（排位类越小越好）',
  prose: '正文',
};

export type Strings = typeof zh;

const en: Strings = {
  title: 'Plan indicators (14th FYP, S&T)',
  region: 'Region',
  allRegions: 'Insert all regions (a sheet each)',
  mode: 'Insert as',
  linked: 'Linked formulas (PLAN functions, follow the data)',
  plain: 'Plain values and formulas (work in WPS, LibreOffice, Excel without the add-in)',
  insertNew: 'Insert on a new sheet',
  insertHere: 'Insert at the selected cell',
  refresh: 'Refresh inserted tables',
  tabTable: 'Table',
  tabCheck: 'Check my template',
  tabFormula: 'Build a formula',
  indicator: 'Indicator',
  unit: 'Unit',
  marks: 'Marks',
  source: 'Source',
  conflicts: 'Conflicts',
  estimate: 'estimate',
  detail: 'Details',
  close: 'Close',
  inserted: (s: string) => `Inserted: ${s}`,
  refreshed: (n: number, changed: number) => `Refreshed ${n} table(s); ${changed} row(s) updated; actual values untouched.`,
  nothingToRefresh: 'No tables inserted by this add-in (named PLAN_…) in this workbook.',
  occupiedPlain: (a: string) => `The cells at ${a} are not empty; nothing was written.`,
  askNewSheet: 'Insert on a new sheet instead?',
  askReplace: 'Replace it?',
  useNewSheet: 'Insert on a new sheet',
  cancel: 'Cancel',
  replace: 'Replace',
  checkHelp: 'Select your report range (indicator names down the side, years across the top), then read it.',
  readSelection: 'Read the selection',
  officialFilled: (filled: number, kept: number) =>
    `Filled ${filled} official actual value(s) (blue)${kept ? `; ${kept} cell(s) already held something and were kept` : ''}.`,
  olderData: (inUse: string, workbook: string) =>
    `The data in use (${inUse}) is older than the data this workbook's tables were written with (${workbook}); nothing was refreshed and the workbook is unchanged. Check that the data package is up to date.`,
  importRegion: 'Import a plan table: region name',
  importHelp:
    'Select a plan indicator table (names down the side, years such as "2024年(基期)" and "2030年目标" across), give the region, and import it; PLAN functions answer from it and the table is kept in this workbook.',
  importPlan: 'Import the selection as a plan table',
  importedPlan: (region: string, source: string, n: number, kept: boolean) =>
    `Imported the plan table of ${region} (${source}, ${n} indicators)${kept ? ', kept in this workbook' : '; this host cannot keep it in the workbook, so import it again next time'}.`,
  matches: 'Matches (please check)',
  noMatch: 'no match',
  flags: 'Cells behind (by the chosen method)',
  noFlags: 'By the chosen method, every actual value filled in is on track.',
  method: 'Method',
  ratio: 'ratio',
  trendRate: 'annual change',
  markFlags: 'Colour them in the sheet',
  marked: (n: number, restored: number, left: string[]) =>
    `Coloured ${n} cell(s) (fill only; values unchanged; their previous fills are saved in the workbook: "Clear marks" restores them).` +
    (restored ? ` The ${restored} earlier mark(s) got their previous fill back.` : '') +
    (left.length ? ` These earlier marks were re-coloured since and were left as they are: ${left.join(', ')}` : ''),
  clearMarks: 'Clear marks (restore previous fills)',
  cleared: (n: number, left: string[]) =>
    (n ? `Restored the previous fill of ${n} cell(s).` : 'No marks to clear.') +
    (left.length ? ` These cells were re-coloured since (or their sheet is gone) and were left as they are: ${left.join(', ')}` : ''),
  editsKept: (cells: string[]) => `These cells were edited by hand and were kept, not refreshed: ${cells.join(', ')}.`,
  askOverwrite: (cells: string[]) => `These cells were edited by hand: ${cells.join(', ')}. Overwrite your edits with the plan figures?`,
  overwrite: 'Overwrite my edits',
  rowsRemoved: (n: number) => `${n} row(s) you deleted were not added back.`,
  missingTables: (names: string[]) =>
    `These tables inserted earlier were not found (renamed, converted to a range or deleted): ${names.join(', ')}.`,
  expected: 'Expected',
  gap: 'Gap',
  status: 'Status',
  fn: 'Function',
  year: 'Year',
  actualCell: 'Actual (cell or number)',
  writeFormula: 'Write to the active cell',
  written: (a: string) => `Written to ${a}`,
  failed: (m: string) => `Failed: ${m}`,
  version: (v: string) => `Data version ${v}`,
  legend: 'Amber: slightly behind; red: behind or moving away (ranks: lower is better)',
  prose: 'prose',
};

export function strings(lang: Lang): Strings {
  return lang === 'zh' ? zh : en;
}
