/** The pane's source detail shows staged targets and corroborating statements beside the entry's own sources. */
import { renderToString } from 'react-dom/server';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { EntryDetail } from '../../../src/panes/modern/RegionTable';

const plan = new Plan(dataset());

test('the pane shows corroborating statements in the source detail', () => {
  const e = plan.entry('九江', '研发投入');
  const html = renderToString(<EntryDetail e={e} lang="zh" />);
  expect(html).toContain('另见 目标: “达到110亿元”');
  expect(html).toContain('000_e84ad2424e8474cb.txt:60');
  const staged = renderToString(<EntryDetail e={plan.entry('赣州', 'gjiri_staff')} lang="zh" />);
  expect(staged).toContain('2022: 达到600人左右');
});
