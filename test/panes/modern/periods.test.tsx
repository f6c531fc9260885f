/** The pane with an imported plan of another period beside a seed plan of the same region: both listed, apart. */
import { FluentProvider, SSRProvider, webLightTheme } from '@fluentui/react-components';
import { renderToString } from 'react-dom/server';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { App } from '../../../src/panes/modern/App';
import { importParser } from '../../../src/panes/modern/importParser';
import { actionsThatFail } from '../../../src/panes/shared/actions';
import { nanchangRows } from '../../fixtures/nanchang';

const rows = nanchangRows();
const actions = actionsThatFail('no workbook in this test');

test('赣州 (2019/2020→2025) and an imported 赣州 (2024→2030): two options, each naming its plan', async () => {
  // The table parser is a chunk the pane's start-up loads for a workbook that holds imported plans (index.tsx).
  await importParser();
  const html = renderToString(
    <SSRProvider>
      <FluentProvider theme={webLightTheme}>
        <App plan={new Plan(dataset())} actions={actions} lang="zh" importedPlans={[{ region: '赣州', source: 'Sheet1!A1:G9', rows }]} />
      </FluentProvider>
    </SSRProvider>,
  );
  expect(html).toMatch(/<option value="赣州@2025"[^>]*>赣州 — [^<(]+<\/option>/);
  expect(html).toMatch(/<option value="赣州@2030"[^>]*>赣州 — [^<]+\(2024→2030\)<\/option>/);
  expect(html).toContain('<option value="九江"');
});

test('before the table parser is loaded the pane lists the seed plans; once it is in, the imported plan too', async () => {
  await jest.isolateModulesAsync(async () => {
    // A fresh module registry: the parser's chunk not loaded yet, as in a pane that has not needed it.
    const fresh = (await import('../../../src/panes/modern/App')) as typeof import('../../../src/panes/modern/App');
    const parser = (await import('../../../src/panes/modern/importParser')) as typeof import('../../../src/panes/modern/importParser');
    const { Plan: FreshPlan } = (await import('../../../src/core/plan/plan')) as typeof import('../../../src/core/plan/plan');
    const { dataset: freshData } = (await import('../../../src/data/index')) as typeof import('../../../src/data/index');
    // React and Fluent from the same registry as the App (one copy of React's hooks).
    const server = (await import('react-dom/server')) as typeof import('react-dom/server');
    const fluent = (await import('@fluentui/react-components')) as typeof import('@fluentui/react-components');
    expect(parser.importParserNow()).toBeUndefined();
    const render = (): string =>
      server.renderToString(
        <fluent.SSRProvider>
          <fluent.FluentProvider theme={fluent.webLightTheme}>
            <fresh.App
              plan={new FreshPlan(freshData())}
              actions={actions}
              lang="zh"
              importedPlans={[{ region: '赣州', source: 'Sheet1!A1:G9', rows }]}
            />
          </fluent.FluentProvider>
        </fluent.SSRProvider>,
      );
    const before = render();
    expect(before).toContain('<option value="赣州"');
    expect(before).not.toContain('赣州@2030');
    await parser.importParser();
    expect(render()).toMatch(/<option value="赣州@2030"[^>]*>赣州 — [^<]+\(2024→2030\)<\/option>/);
  });
});
