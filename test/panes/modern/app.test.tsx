/**
 * The pane renders without Office: its workbook actions are props. Rendered to HTML on the server (react-dom/static's
 * prerender, which waits for the tabs loaded as chunks of their own, as the browser does).
 */
import { FluentProvider, SSRProvider, webLightTheme } from '@fluentui/react-components';
import { prerenderToNodeStream } from 'react-dom/static';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { App } from '../../../src/panes/modern/App';
import { actionsThatFail } from '../../../src/panes/shared/actions';

const plan = new Plan(dataset());
const actions = actionsThatFail('no workbook in this test');

async function render(lang: 'zh' | 'en'): Promise<string> {
  const { prelude } = await prerenderToNodeStream(
    <SSRProvider>
      <FluentProvider theme={webLightTheme}>
        <App plan={plan} actions={actions} lang={lang} />
      </FluentProvider>
    </SSRProvider>,
  );
  let html = '';
  for await (const chunk of prelude) html += String(chunk);
  return html;
}

test('Chinese: title, region picker, every entry of the default region with its marks', async () => {
  const html = await render('zh');
  expect(html).toContain('十四五科技规划指标');
  expect(html).toContain('插入到新工作表');
  expect(html).toContain('赣市府发〔2022〕2号');
  expect(html).toContain(`数据版本 ${plan.dataset.version}`);
  for (const e of plan.region('赣州').entries) expect(html).toContain(`data-indicator="${e.indicator.id}"`);
  expect(html).toContain('新增 2-5');
  expect(html).toMatch(/冲突 2/);
  for (const r of plan.regions()) expect(html).toContain(`<option value="${r.name}"`);
});

test('English: the same pane in English', async () => {
  const html = await render('en');
  expect(html).toContain('Insert on a new sheet');
  expect(html).toContain('High-tech enterprises');
  expect(html).not.toContain('插入到新工作表');
});
