/** The progress view judges statuses (and counts them) by the method the pane chose, as the inserted sheets do. */
import { FluentProvider, SSRProvider, webLightTheme } from '@fluentui/react-components';
import { renderToString } from 'react-dom/server';
import { rowStatus } from '../../../src/core/progress/assessment';
import type { MethodId } from '../../../src/core/progress/methods';
import type { RegionActuals } from '../../../src/core/sheet/overview';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { Progress } from '../../../src/panes/modern/Progress';

const plan = new Plan(dataset());
const gz = plan.region('赣州');

function render(actuals: RegionActuals, method?: MethodId, lang: 'zh' | 'en' = 'zh'): string {
  return renderToString(
    <SSRProvider>
      <FluentProvider theme={webLightTheme}>
        <Progress region={gz} lang={lang} initialActuals={actuals} method={method} />
      </FluentProvider>
    </SSRProvider>,
  );
}

test('赣州 高新技术企业 1720 in 2024: slightly behind by 序时进度 (the default), on track by Eurostat', () => {
  const a = { high_tech_enterprises: { 2024: 1720 } };
  const hte = gz.entries.find((e) => e.indicator.id === 'high_tech_enterprises')!;
  expect(render(a)).toMatch(/data-indicator="high_tech_enterprises" data-status="slightly_behind"/);
  expect(render(a, 'linear')).toMatch(/data-indicator="high_tech_enterprises" data-status="slightly_behind"/);
  const eu = render(a, 'eurostat');
  expect(eu).toMatch(/data-indicator="high_tech_enterprises" data-status="on_track"/);
  expect(rowStatus(hte, a.high_tech_enterprises, 'eurostat')).toBe('on_track');
  // The summary counts by the same method.
  expect(eu).toMatch(/data-status="on_track"[^>]*>符合进度 1</);
  expect(eu).not.toMatch(/>略滞后 \d+</);
  expect(eu).toContain('状态按Eurostat 增长率比判断');
  expect(render(a, 'trend')).toMatch(/data-indicator="high_tech_enterprises" data-status="slightly_behind"/);
  expect(render(a, 'trend', 'en')).toContain('Statuses judge as linear');
});
