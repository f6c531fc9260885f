/** The pane's method selector, rendered without Office, and the template check by method. */
import { FluentProvider, SSRProvider, webLightTheme } from '@fluentui/react-components';
import { renderToString } from 'react-dom/server';
import { Plan } from '../../../src/core/plan/plan';
import { flagTemplate, matchTemplate } from '../../../src/core/sheet/template';
import { dataset } from '../../../src/data/index';
import { App } from '../../../src/panes/modern/App';
import { actionsThatFail } from '../../../src/panes/shared/actions';

const plan = new Plan(dataset());
const actions = actionsThatFail('no workbook in this test');

test.each([
  ['zh', '判断方法', ['序时进度（线性）', '复合增长路径', 'Eurostat 增长率比', '趋势（无目标）']],
  ['en', 'Method', ['time-proportional progress (linear)', 'compound-growth path', 'Eurostat growth-rate ratio', 'trend (no target)']],
] as const)('%s: a method selector with every method, 序时进度 first', (lang, label, names) => {
  const html = renderToString(
    <SSRProvider>
      <FluentProvider theme={webLightTheme}>
        <App plan={plan} actions={actions} lang={lang} />
      </FluentProvider>
    </SSRProvider>,
  );
  expect(html).toContain(label);
  expect(html).toContain('data-action="method"');
  const at = names.map((n) => html.indexOf(`>${n}</option>`));
  for (const i of at) expect(i).toBeGreaterThan(0);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
});

test('the template check flags by the chosen method, and each flag says which', () => {
  const values = [
    ['指标', '2024年'],
    ['高新技术企业', 1720],
    ['专利授权总量', 7],
  ];
  const hte = values.slice(0, 2);
  const ganzhou = matchTemplate(hte, plan.region('赣州'), plan.resolver);
  const linear = flagTemplate(hte, ganzhou, 'linear');
  expect(linear.map((f) => [f.label, f.assessment.status, f.assessment.method])).toEqual([['高新技术企业', 'slightly_behind', 'linear']]);
  expect(flagTemplate(hte, ganzhou, 'eurostat')).toEqual([]);
  // 江西 专利授权总量 has no numeric target: eurostat gives its trend, and 8 → 7 over four years is moving away.
  const patents = [values[0], values[2]];
  const jiangxi = matchTemplate(patents, plan.region('江西'), plan.resolver);
  const trend = flagTemplate(patents, jiangxi, 'eurostat');
  expect(trend.map((f) => [f.label, f.assessment.kind, f.assessment.status])).toEqual([
    ['专利授权总量', 'trend', 'trend_significant_away'],
  ]);
  expect(flagTemplate(patents, jiangxi, 'linear')).toEqual([]);
});
