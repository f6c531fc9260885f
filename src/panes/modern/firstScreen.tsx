/**
 * The modern pane's first screen as static HTML, made at build time (scripts/first-screen.js puts it into
 * taskpane.html's #root), so the page shows it before any script has run (issue 30: ready at once). It is App's own
 * first render — the compiled-in dataset's regions, in Chinese, before the person does anything — with Griffel's
 * style rules collected beside it, so the two cannot drift apart. The pane's script later renders the live App with
 * createRoot, which replaces this markup (no hydration: the language, a published package or imported plans may
 * change what it shows); the style rules stay and are not inserted again (RendererProvider rehydrates them).
 *
 * Runs in Node at build time: no Office, no window.
 */
import {
  createDOMRenderer,
  FluentProvider,
  RendererProvider,
  renderToStyleElements,
  SSRProvider,
  webLightTheme,
} from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { renderToStaticMarkup, renderToString } from 'react-dom/server';
import { Plan } from '../../core/plan/plan';
import { actionsThatFail } from '../shared/actions';
import { STATIC_ATTR } from '../startup/early';
import { App } from './App';

/** Actions of a screen that has no workbook: the static screen's clicks are kept by startup.js, never sent here. */
export const STATIC_ACTIONS = actionsThatFail('the static first screen has no workbook');

/** The tree index.tsx renders, for the static screen: the same provider and theme, the Chinese pane. */
export function firstScreenElement(plan: Plan): ReactElement {
  return (
    <FluentProvider theme={webLightTheme}>
      <App plan={plan} actions={STATIC_ACTIONS} lang="zh" />
    </FluentProvider>
  );
}

/**
 * The theme's <style> FluentProvider renders into the markup: every token of the theme (≈ 460 CSS custom properties,
 * 19 KB) as one rule on the provider's class. `id` is the provider's own id, by which a FluentProvider rendered later
 * in the page would adopt the element (moved to <head>, used instead of inserting its theme).
 */
const THEME_STYLE = /<style id="(fui-FluentProvider[^"]*)">([^{<]*)\{([^}<]*)\}<\/style>/;

/**
 * The theme's <style> cut down to the tokens the static screen uses (`var(--…)` in its markup and Griffel's rules: ≈ 100;
 * issue 30: the page is parsed, and these properties inherited, before anything shows), without its id: the live pane's
 * FluentProvider inserts the whole theme itself (its id differs, client ids are not server ids) and must never adopt
 * this partial one. The screen looks the same: every property it reads is still defined.
 */
export function usedThemeTokens(html: string, styles: string): string {
  const m = html.match(THEME_STYLE);
  if (!m) return html;
  const rest = html.replace(m[0], '') + styles;
  const used = new Set([...rest.matchAll(/var\((--[\w-]+)/g)].map((u) => u[1]));
  const decls = m[3]
    .split(';')
    .map((d) => d.trim())
    .filter((d) => used.has(d.slice(0, d.indexOf(':')).trim()));
  return html.replace(m[0], `<style>${m[2].trim()} { ${decls.join('; ')}; }</style>`);
}

/** { html: the markup for #root, styles: Griffel's <style> elements for <head> }. */
export function renderFirstScreen(plan: Plan): { html: string; styles: string } {
  const renderer = createDOMRenderer();
  const html = renderToString(
    <RendererProvider renderer={renderer}>
      <SSRProvider>{firstScreenElement(plan)}</SSRProvider>
    </RendererProvider>,
  );
  const styles = renderToStaticMarkup(<>{renderToStyleElements(renderer)}</>);
  return { html: `<div ${STATIC_ATTR}="">${usedThemeTokens(html, styles)}</div>`, styles };
}
