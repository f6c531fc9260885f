/**
 * @jest-environment jsdom
 *
 * The legacy pane's static first screen (src/panes/legacy/firstScreen.ts, in taskpane.html) against the pane's own
 * first render (renderLegacy), and a click kept on it (startup.js's queue, src/panes/startup/early.ts) performed by
 * the pane once. In jsdom's DOM; the shipped page is exercised by the end-to-end test (test/e2e/run.ts).
 */
import { Plan } from '../../../src/core/plan/plan';
import { DATA_VERSION, dataset } from '../../../src/data/index';
import { linkedMissing } from '../../../src/hosts/excel/requirements';
import { renderLegacyFirstScreen } from '../../../src/panes/legacy/firstScreen';
import { renderLegacy } from '../../../src/panes/legacy/pane';
import { actionsThatFail, type PaneActions } from '../../../src/panes/shared/actions';
import type { DataSource } from '../../../src/panes/shared/dataSource';
import { installEarly, LEGACY_SCREEN_ATTR, STATIC_ATTR, type EarlyQueue } from '../../../src/panes/startup/early';

const plan = new Plan(dataset());
const why = linkedMissing({ linked: false }, 'zh') as string;
const source = {
  kind: 'compiled',
  dataset: plan.dataset,
  plan,
  version: DATA_VERSION,
  actuals: [],
  known: async () => [],
} as unknown as DataSource;

/** Actions that record what the pane asks (the legacy pane inserts with insertNew, always 'plain'). */
function recording(): { actions: PaneActions; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const actions: PaneActions = {
    ...actionsThatFail('not in this test'),
    insertNew: (regions, mode) => {
      calls.push(['insertNew', regions, mode]);
      return Promise.resolve(`${regions.length} sheets`);
    },
  };
  return { actions, calls };
}

/** A page whose #root holds the static legacy screen, as taskpane.html does. */
function page(): { doc: Document; root: HTMLElement } {
  document.body.innerHTML = `<div id="root">${renderLegacyFirstScreen(plan, why)}</div>`;
  return { doc: document, root: document.getElementById('root')! };
}

function render(root: HTMLElement, early?: EarlyQueue): { calls: unknown[][] } {
  const { actions, calls } = recording();
  renderLegacy(root, {
    plan,
    actions,
    lang: 'zh',
    why,
    workbookUrl: 'plan-indicators.xlsx',
    source,
    early,
  });
  return { calls };
}

/** What a screen offers at first: title, regions (value, text), the region shown, the visible buttons (action, text). */
function offered(root: Element) {
  const select = root.querySelector<HTMLSelectElement>('select[data-region]')!;
  const row = [...root.querySelectorAll('div')].find((d) => d.className === 'buttons')!;
  return {
    title: root.querySelector('h1')!.textContent,
    why: [...root.querySelectorAll('p')].find((p) => /\bwhy\b/.test(p.className))!.textContent,
    regions: [...select.options].map((o) => [o.getAttribute('value'), o.textContent]),
    selected: select.value,
    buttons: [...row.querySelectorAll('button')]
      .filter((b) => b.style.display !== 'none')
      .map((b) => [b.getAttribute('data-action'), b.textContent]),
  };
}

afterEach(() => {
  document.body.innerHTML = '';
});

test('the static legacy screen offers what renderLegacy first renders: title, every region, the region shown, the buttons', () => {
  const { root } = page();
  const screen = root.querySelector(`div[${LEGACY_SCREEN_ATTR}]`)!;
  const before = offered(screen);
  // Every compiled-in region, by its reference, and the three insert buttons, in the pane's order.
  expect(before.regions.map((r) => r[0])).toEqual(plan.allRegions().map((r) => plan.refOf(r)));
  expect(before.buttons.map((b) => b[0])).toEqual(['insert', 'insert-all', 'refresh']);
  expect(before.title).toBe('十四五科技规划指标');
  render(root);
  expect(root.querySelector(`div[${LEGACY_SCREEN_ATTR}]`)).toBeNull(); // replaced
  expect(offered(root.querySelector('div[data-pane="legacy"]')!)).toEqual(before);
});

test('a click on the static legacy screen is kept with its region and performed once when the pane renders', async () => {
  const { doc, root } = page();
  const early = installEarly({}, doc, LEGACY_SCREEN_ATTR);
  const screen = root.querySelector(`div[${LEGACY_SCREEN_ATTR}]`)!;
  const select = screen.querySelector<HTMLSelectElement>('select[data-region]')!;
  const jian = [...select.options].find((o) => o.textContent!.startsWith('吉安 — '))!.getAttribute('value')!;
  select.value = jian;
  const insert = screen.querySelector<HTMLButtonElement>('button[data-action="insert"]')!;
  insert.click();
  // The static buttons wait and a notice says the click is kept; a second click is not kept.
  expect(insert.disabled).toBe(true);
  expect(screen.querySelector('div[data-early-notice]')!.textContent).toMatch(/正在准备/);
  screen.querySelector<HTMLButtonElement>('button[data-action="refresh"]')!.click();
  expect(early.choice()).toEqual({ region: jian });

  const { calls } = render(root, early);
  expect(calls).toEqual([['insertNew', [jian], 'plain']]);
  expect(root.querySelector<HTMLSelectElement>('select[data-region]')!.value).toBe(jian);
  await Promise.resolve();
  expect(early.take()).toBeNull(); // answered once
  expect(calls).toHaveLength(1);
});

test('no click: the pane starts with the region chosen on the static screen and performs nothing', () => {
  const { doc, root } = page();
  const early = installEarly({}, doc, LEGACY_SCREEN_ATTR);
  const select = root.querySelector<HTMLSelectElement>('select[data-region]')!;
  const first = select.options[0].getAttribute('value')!;
  expect(select.value).not.toBe(first); // the pane shows the province's plan first
  select.value = first;
  const { calls } = render(root, early);
  expect(root.querySelector<HTMLSelectElement>('select[data-region]')!.value).toBe(first);
  expect(calls).toEqual([]);
});

test('startup.js watches only the screen it chose: a queue for the modern screen ignores the legacy screen', () => {
  const { doc, root } = page();
  const early = installEarly({}, doc, STATIC_ATTR);
  root.querySelector<HTMLButtonElement>('button[data-action="insert"]')!.click();
  expect(root.querySelector<HTMLButtonElement>('button[data-action="insert"]')!.disabled).toBe(false);
  expect(early.take()).toBeNull();
});
