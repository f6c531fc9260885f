/**
 * The legacy pane's first screen as static HTML, made at build time (scripts/first-screen.js puts it into
 * taskpane.html's #root beside the modern pane's), so IE11 and EdgeHTML show the pane's top — title, why, region
 * select, insert buttons — before legacy/legacy.js has run (issue 30: ready at once). It is drawn from legacyTop
 * (./pane.ts), the data renderLegacy draws its top from, in Chinese with the compiled-in dataset's regions, so the
 * two cannot drift apart (test/panes/legacy/firstScreen.test.ts checks it). Plain HTML styled by the page's `.legacy`
 * rules: no CSS variables, nothing IE11 cannot show. A click on its buttons is kept by startup.js
 * (src/panes/startup/early.ts) and performed by renderLegacy once it has replaced this markup.
 *
 * Runs in Node at build time: no Office, no window.
 */
import type { Plan } from '../../core/plan/plan';
import { LEGACY_SCREEN_ATTR } from '../startup/early';
import { legacyTop } from './pane';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The markup for #root (the page's style shows it only to the legacy pane: taskpane.html). `why` is what index.ts
 * gives renderLegacy (linkedMissing: these hosts never have the PLAN functions), passed in by the build script, since a
 * pane reaches a host's code only through its entry file.
 */
export function renderLegacyFirstScreen(plan: Plan, why: string): string {
  const top = legacyTop(plan, 'zh', why);
  const options = top.options
    .map((o) => `<option value="${esc(o.value)}"${o.value === top.selected ? ' selected' : ''}>${esc(o.label)}</option>`)
    .join('');
  const buttons = top.buttons.map((b) => `<button type="button" data-action="${b.action}">${esc(b.text)}</button>`).join('');
  return (
    `<div ${LEGACY_SCREEN_ATTR}="">` +
    `<div class="pane legacy" lang="zh-CN">` +
    `<h1>${esc(top.title)}</h1>` +
    `<p class="why">${esc(top.why)}</p>` +
    `<label for="legacy-static-region">${esc(top.regionLabel)}</label>` +
    `<select id="legacy-static-region" data-region="">${options}</select>` +
    `<p class="plan-meta">${esc(top.plainOnly)}</p>` +
    `<div class="buttons">${buttons}</div>` +
    `</div></div>`
  );
}
