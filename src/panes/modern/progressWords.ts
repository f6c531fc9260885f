/** The progress view's words, apart from the view itself: the tab's label is on the first screen, the view is a chunk. */
import type { Lang } from '../../core/plan/plan';
import { METHODS, type MethodId } from '../../core/progress/methods';

export const WORDS = {
  zh: {
    tab: '进度图',
    year: '年份',
    read: '从已插入的表读取实际值',
    insertOverview: '插入总览表',
    help: (T: number) => `每条横条左端为基期值、右端为${T}年目标；竖线为所选年份的序时进度，色条为最新实际值（在表中“实际”列填写后读取）。`,
    judgedBy: (m: MethodId) =>
      m === 'trend' ? '状态按序时进度判断（趋势不对照目标）。' : `状态按${METHODS[m].zh}判断（与插入表的“进展状态”列相同）。`,
    baseline: '基期',
    target: '目标',
    expected: (y: number) => `${y}年应达`,
    actual: (y: number) => `${y}年实际`,
    noActual: '尚无实际值',
    noBaseline: '规划未给出基期：横条从0到目标',
    qualitative: '定性目标或无目标值',
    summary: '状态汇总',
    final: (T: number, met: number, n: number) => `${T}年终期评估：已填报 ${n} 项，达标 ${met} 项`,
    met: '达标',
    notMet: '未达标',
    reached: '完成率',
    read0: '未找到该地区已插入的表；请先插入，再在“实际”列填写。',
  },
  en: {
    tab: 'Progress',
    year: 'Year',
    read: 'Read actuals from the inserted table',
    insertOverview: 'Insert the overview sheet',
    help: (T: number) =>
      `Each bar runs from the baseline (left) to the ${T} target (right); the tick is where the plan’s path expects the chosen year, the fill is the latest actual (typed in the table’s actual columns, then read).`,
    judgedBy: (m: MethodId) =>
      m === 'trend'
        ? 'Statuses judge as linear (a trend has no target).'
        : `Statuses judge by the ${METHODS[m].en} (as the inserted table’s Status column does).`,
    baseline: 'baseline',
    target: 'target',
    expected: (y: number) => `expected ${y}`,
    actual: (y: number) => `actual ${y}`,
    noActual: 'no actual yet',
    noBaseline: 'no baseline in the plan: the bar runs from 0 to the target',
    qualitative: 'Qualitative or no target value',
    summary: 'Statuses',
    final: (T: number, met: number, n: number) => `${T} final assessment: ${n} with a ${T} actual, ${met} met`,
    met: 'met',
    notMet: 'not met',
    reached: 'share of target',
    read0: 'No inserted table for this region: insert it, fill the actual columns, then read.',
  },
};

export type ProgressStrings = (typeof WORDS)['zh'];

export function progressStrings(lang: Lang): ProgressStrings {
  return WORDS[lang];
}
