/** The pane says which data is in use, under the plan's line: version, date, compiled-in or published, and a refusal. */
import { FluentProvider, SSRProvider, webLightTheme } from '@fluentui/react-components';
import { renderToString } from 'react-dom/server';
import { App } from '../../../src/panes/modern/App';
import { compiledSource, type DataSource } from '../../../src/panes/shared/dataSource';
import { actionsThatFail } from '../../../src/panes/shared/actions';

const actions = actionsThatFail('no workbook in this test');
const text = (source: DataSource, lang: 'zh' | 'en'): string =>
  renderToString(
    <SSRProvider>
      <FluentProvider theme={webLightTheme}>
        <App plan={source.plan} actions={actions} lang={lang} source={source} />
      </FluentProvider>
    </SSRProvider>,
  )
    .replace(/<[^>]+>/g, '\n')
    .replace(/&quot;/g, '"');

test('compiled-in, and published with its version and date', () => {
  const c = compiledSource();
  expect(text(c, 'zh')).toContain(`使用数据：${c.version} · 内置`);
  expect(text(c, 'en')).toContain(`Data in use: ${c.version} · compiled-in`);
  const p: DataSource = { ...c, kind: 'published', version: '1.2.0+20251127T000000Z', created: '2025-11-27T00:00:00Z' };
  expect(text(p, 'zh')).toContain('使用数据：1.2.0+20251127T000000Z · 2025-11-27 · 已发布');
  expect(text(p, 'en')).toContain('Data in use: 1.2.0+20251127T000000Z · 2025-11-27 · published');
});

test('a refused package: compiled-in, and why', () => {
  const c: DataSource = {
    ...compiledSource(),
    refused: ['values.csv，字段 hash：校验和不符', 'values.csv, field hash: checksum mismatch'],
  };
  expect(text(c, 'zh')).toContain('内置（发布的数据包未采用：values.csv，字段 hash：校验和不符）');
  expect(text(c, 'en')).toContain('compiled-in (the published package was refused: values.csv, field hash: checksum mismatch)');
});
