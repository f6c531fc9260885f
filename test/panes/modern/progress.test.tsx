/**
 * The progress view, rendered without Office: bars placed from baseline to target, the expected tick for the
 * chosen year, the actual's fill and status, the 2025 assessment, English units.
 */
import { FluentProvider, SSRProvider, webLightTheme } from '@fluentui/react-components';
import { renderToString } from 'react-dom/server';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { barModel, Progress } from '../../../src/panes/modern/Progress';
import type { RegionActuals } from '../../../src/core/sheet/overview';
import { unitLabel } from '../../../src/core/plan/units';

const plan = new Plan(dataset());
const gz = plan.region('赣州');

function render(lang: 'zh' | 'en', actuals: RegionActuals): string {
  return renderToString(
    <SSRProvider>
      <FluentProvider theme={webLightTheme}>
        <Progress region={gz} lang={lang} initialActuals={actuals} />
      </FluentProvider>
    </SSRProvider>,
  );
}

test('bar model: baseline at 0, target at 1, expected and actual where they fall (ranks and rates too)', () => {
  const hte = gz.entries.find((e) => e.indicator.id === 'high_tech_enterprises')!; // 1000 → 2000
  const m = barModel(hte, 2023, { 2022: 1300 })!;
  expect(m.expected).toEqual({ value: 1600, at: 0.6 });
  expect(m.actual).toEqual({ year: 2022, value: 1300, at: 0.3 });
  expect(barModel(hte, 2021, { 2022: 1300 })!.actual).toBeNull(); // a later actual is not shown for an earlier year
  const rate = plan
    .regions()
    .flatMap((r) => r.entries)
    .find((e) => e.indicator.kind === 'growth' && e.target?.value)!;
  expect(barModel(rate, 2023, { 2023: rate.target!.value! / 2 })!.actual!.at).toBeCloseTo(0.5, 9);
  const qual = plan
    .regions()
    .flatMap((r) => r.entries)
    .find((e) => e.target?.qualitative)!;
  expect(barModel(qual, 2023, {})).toBeNull();
});

test('Chinese: one bar per numeric indicator, statuses from the core, the 2025 assessment', () => {
  const html = render('zh', { high_tech_enterprises: { 2025: 2100 }, rd_intensity: { 2023: 1.55 } });
  const numeric = gz.entries.filter((e) => e.target?.value !== null && e.target?.value !== undefined);
  expect((html.match(/data-bar=""/g) ?? []).length).toBe(numeric.length);
  expect(html).toMatch(/data-indicator="high_tech_enterprises" data-status="achieved"/);
  expect(html).toMatch(/data-indicator="rd_intensity" data-status="behind"/);
  expect(html).toContain('data-met="met"');
  expect(html).toContain('2025年终期评估：已填报 1 项，达标 1 项');
  expect(html).toContain('达标 · 完成率 105%');
});

test('English: English names and units from the catalogue, scaled where the plan counts in 万', () => {
  const html = render('en', {});
  expect(html).toContain('High-tech enterprises');
  expect(html).not.toContain('进度图');
  const scaled = plan
    .regions()
    .flatMap((r) => r.entries)
    .find((e) => e.unit === '万个')!;
  expect(unitLabel(scaled, 'en')).toBe(`10,000 ${scaled.indicator.unitEn}`);
  const yi = plan
    .regions()
    .flatMap((r) => r.entries)
    .find((e) => e.unit === '亿元')!;
  expect(unitLabel(yi, 'en')).toBe('100 million yuan');
  for (const e of plan.regions().flatMap((r) => r.entries)) expect(unitLabel(e, 'en')).not.toMatch(/[\u4e00-\u9fff]/);
});
