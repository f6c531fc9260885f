/** The pane's source detail shows what an indicator counts, and how the plan's wording differs from it. */
import { FluentProvider, SSRProvider, webLightTheme } from '@fluentui/react-components';
import { renderToString } from 'react-dom/server';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { EntryDetail } from '../../../src/panes/modern/RegionTable';

const plan = new Plan(dataset());

function render(region: string, indicator: string, lang: 'zh' | 'en'): string {
  return renderToString(
    <SSRProvider>
      <FluentProvider theme={webLightTheme}>
        <EntryDetail e={plan.entry(region, indicator)} lang={lang} />
      </FluentProvider>
    </SSRProvider>,
  );
}

test('the source detail shows the definition, its period type and the wording note', () => {
  const zh = render('上饶', '独角兽企业', 'zh');
  expect(zh).toContain('定义: 年末已认定的独角兽企业总数（不含潜在、种子独角兽）；年末存量');
  expect(zh).toContain('本规划表述：上饶计已认定的独角兽企业');
  expect(zh).toContain('新增1家独角兽企业（总数达3家）');
  const en = render('九江', '新建市级创新平台', 'en');
  expect(en).toContain(
    'Definition: City-level innovation platforms and carriers built over the plan period; total over the plan period (added)',
  );
  expect(en).toContain('争取…新建…市级100个');
});
