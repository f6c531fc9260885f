/**
 * The static first screen in taskpane.html (src/panes/modern/firstScreen.tsx, made at build time) is App's own first
 * render: the same title, region options, controls and buttons as the pane renders before anyone acts, so the two
 * cannot drift apart. And it carries Griffel's style rules for what it shows.
 */
import { FluentProvider, SSRProvider, webLightTheme } from '@fluentui/react-components';
import { prerenderToNodeStream } from 'react-dom/static';
import { Plan } from '../../../src/core/plan/plan';
import { dataset } from '../../../src/data/index';
import { App } from '../../../src/panes/modern/App';
import { renderFirstScreen, STATIC_ACTIONS, usedThemeTokens } from '../../../src/panes/modern/firstScreen';
import { STATIC_ATTR } from '../../../src/panes/startup/early';

const plan = new Plan(dataset());

async function appHtml(): Promise<string> {
  const { prelude } = await prerenderToNodeStream(
    <SSRProvider>
      <FluentProvider theme={webLightTheme}>
        <App plan={plan} actions={STATIC_ACTIONS} lang="zh" />
      </FluentProvider>
    </SSRProvider>,
  );
  let html = '';
  for await (const chunk of prelude) html += String(chunk);
  return html;
}

/** What a person sees and uses on the first screen: every option of every select, the radios, the buttons. */
function controls(html: string) {
  const selects = [...html.matchAll(/<select([^>]*)>([\s\S]*?)<\/select>/g)].map((m) => ({
    region: /data-region/.test(m[1]),
    options: [...m[2].matchAll(/<option[^>]*value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((o) => [o[1], o[2]]),
    selected: (m[2].match(/<option[^>]*value="([^"]*)"[^>]*selected/) ?? [])[1],
  }));
  const radios = [...html.matchAll(/<input[^>]*type="radio"[^>]*>/g)].map((m) => [m[0].match(/value="([^"]*)"/)![1], /checked/.test(m[0])]);
  const buttons = [...html.matchAll(/<button[^>]*data-action="([^"]+)"[^>]*>([\s\S]*?)<\/button>/g)].map((m) => [
    m[1],
    m[2].replace(/<[^>]+>/g, ''),
  ]);
  return { selects, radios, buttons };
}

test('the static first screen shows what App first renders: regions, mode, method, the buttons', async () => {
  const shot = renderFirstScreen(plan);
  const live = controls(await appHtml());
  const still = controls(shot.html);
  expect(still).toEqual(live);
  // What that is, so an empty screen does not pass: every compiled-in region, the insert button first.
  const regions = still.selects.find((s) => s.region)!;
  expect(regions.options.map((o) => o[0])).toEqual(plan.allRegions().map((r) => plan.refOf(r)));
  for (const r of plan.allRegions()) expect(regions.options.some((o) => o[1].startsWith(`${r.name} — `))).toBe(true);
  expect(still.buttons.map((b) => b[0])).toEqual(['insert', 'insert-here', 'insert-all', 'refresh']);
  expect(still.buttons[0][1]).toBe('插入到新工作表');
  expect(still.radios.length).toBe(2);
});

test('the static screen is marked for startup.js, and its style rules come with it', () => {
  const { html, styles } = renderFirstScreen(plan);
  expect(html.startsWith(`<div ${STATIC_ATTR}="">`)).toBe(true);
  // Griffel's buckets, as <style> elements the pane's RendererProvider rehydrates; every class Griffel gave the
  // insert button is defined in them.
  expect(styles).toMatch(/<style[^>]*data-make-styles-bucket="d"/);
  const tag = html.match(/<button[^>]*data-action="insert"[^>]*>/)![0];
  const button = tag.match(/class="([^"]+)"/)![1].split(' ');
  const atomic = button.filter((c) => /^f[0-9a-z]{5,8}$/.test(c));
  expect(atomic.length).toBeGreaterThan(5);
  for (const c of atomic) expect(styles).toContain(`.${c}`);
});

test('the static screen carries the theme tokens it uses, and only those, in a style no FluentProvider adopts', async () => {
  const { html, styles } = renderFirstScreen(plan);
  const full = await appHtml();
  const theme = (h: string) => h.match(/<style[^>]*>(\.fui-FluentProvider[^{<]*)\{([^}<]*)\}<\/style>/)!;
  const names = (body: string) => new Set([...body.matchAll(/(--[\w-]+)\s*:/g)].map((m) => m[1]));
  const defined = names(theme(html)[2]);
  const all = names(theme(full)[2]);
  // Every custom property the screen's markup or Griffel's rules read is defined, with the theme's own value.
  const used = new Set([...(html + styles).matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]));
  expect(used.size).toBeGreaterThan(50);
  for (const v of used) if (all.has(v)) expect(defined.has(v)).toBe(true);
  for (const v of defined) {
    const value = (body: string) => body.match(new RegExp(`${v}:\\s*([^;]*)`))![1].trim();
    expect(value(theme(html)[2])).toBe(value(theme(full)[2]));
  }
  // Only those: far fewer than the theme's ≈ 460.
  expect(all.size).toBeGreaterThan(400);
  expect(defined.size).toBeLessThan(all.size / 2);
  // The same selector (the provider's class in the markup), but no id: the live pane's FluentProvider looks its theme
  // element up by id and would use this partial one instead of inserting the whole theme.
  expect(theme(html)[1].trim()).toBe(theme(full)[1].trim());
  expect(html).toContain(`class="fui-FluentProvider ${theme(html)[1].trim().slice(1)} `);
  expect(theme(html)[0]).not.toMatch(/\bid=/);
  // Markup without a theme style is left as it is.
  expect(usedThemeTokens('<div>x</div>', styles)).toBe('<div>x</div>');
});
