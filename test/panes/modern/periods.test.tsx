/** The pane with an imported plan of another period beside a seed plan of the same region: both listed, apart. */
import { FluentProvider, SSRProvider, webLightTheme } from '@fluentui/react-components';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { renderToString } from 'react-dom/server';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { App } from '../../../src/panes/modern/App';
import { noActions } from '../shared/noActions';

const rows = parse(readFileSync(join(__dirname, '..', '..', 'fixtures', '南昌十五五科技创新规划指标.csv'), 'utf8'), {
  bom: true,
  relax_column_count: true,
}) as string[][];
const actions = noActions;

test('赣州 (2019/2020→2025) and an imported 赣州 (2024→2030): two options, each naming its plan', () => {
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
