/**
 * A task pane is 300–400 px wide: the pane must fit it. For each width (320 and 350 px, 600 px high) and each tab of
 * the pane, nothing scrolls sideways (document.scrollingElement.scrollWidth ≤ clientWidth) and, scrolled to the top,
 * the first action is on screen: the region picker and the insert button, whole, without scrolling. Used by
 * test/e2e/run.ts (modern and legacy panes) and test/panes/wps/render.ts (WPS), in Chinese and English.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

export interface Fit {
  pane: string;
  width: number;
  tab: string;
  scrollWidth: number;
  clientWidth: number;
  insert: { top: number; bottom: number; right: number };
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** What was measured, for the report; throws on the first pane that does not fit. */
export const measured: Fit[] = [];

async function measure(page: Page, pane: string, width: number, tab: string, insert: string, region: string): Promise<Fit> {
  await page.evaluate(() => window.scrollTo(0, 0));
  // A string, not a function: tsx names inner functions with a helper (__name) the page does not have.
  const m = (await page.evaluate(`(() => {
    const se = document.scrollingElement;
    const box = function (sel) {
      const e = document.querySelector(sel);
      if (!e) return null;
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    };
    return { scrollWidth: se.scrollWidth, clientWidth: se.clientWidth, height: innerHeight, insert: box(${JSON.stringify(insert)}), region: box(${JSON.stringify(region)}) };
  })()`)) as {
    scrollWidth: number;
    clientWidth: number;
    height: number;
    insert: Box | null;
    region: Box | null;
  };
  const where = `${pane} at ${width} px, tab ${tab}`;
  assert.ok(m.insert, `${where}: no insert button`);
  assert.ok(m.region, `${where}: no region picker`);
  assert.ok(m.scrollWidth <= m.clientWidth, `${where}: scrolls sideways (scrollWidth ${m.scrollWidth} > clientWidth ${m.clientWidth})`);
  for (const [name, b] of [
    ['insert button', m.insert],
    ['region picker', m.region],
  ] as const) {
    assert.ok(b.top >= 0 && b.bottom <= m.height, `${where}: the ${name} is not on the first screen (${b.top}–${b.bottom} of ${m.height})`);
    assert.ok(
      b.left >= 0 && b.right <= m.clientWidth,
      `${where}: the ${name} is cut at the side (${b.left}–${b.right} of ${m.clientWidth})`,
    );
  }
  const fit = {
    pane,
    width,
    tab,
    scrollWidth: m.scrollWidth,
    clientWidth: m.clientWidth,
    insert: { top: m.insert.top, bottom: m.insert.bottom, right: m.insert.right },
  };
  measured.push(fit);
  return fit;
}

/**
 * Check `pane` at 320 and 350 px for every enabled tab (role=tab; a pane without tabs is checked as it is), then
 * restore the viewport it had. `insert` and `region` select the insert button and the region picker.
 */
export async function checkFit(
  page: Page,
  pane: string,
  insert = '[data-action="insert"]',
  region = 'select',
  widths = [320, 350],
): Promise<Fit[]> {
  const before = page.viewportSize();
  const out: Fit[] = [];
  try {
    for (const width of widths) {
      await page.setViewportSize({ width, height: 600 });
      const tabs = page.locator('[role="tab"]:not([disabled]):not([aria-disabled="true"])');
      const n = await tabs.count();
      if (n === 0) out.push(await measure(page, pane, width, '-', insert, region));
      for (let i = 0; i < n; i++) {
        const tab = tabs.nth(i);
        const name = (await tab.innerText()).trim();
        await tab.click();
        await page.waitForTimeout(50); // the tab's content renders
        out.push(await measure(page, pane, width, name, insert, region));
      }
      // Back to the first tab, as a person opening the pane sees it.
      if (n) await tabs.nth(0).click();
    }
  } finally {
    if (before) await page.setViewportSize(before);
  }
  const widest = Math.max(...out.map((f) => f.scrollWidth - f.clientWidth));
  console.log(`    fit ${pane}: ${out.length} views at ${widths.join(', ')} px, no sideways scroll (max overflow ${widest} px)`);
  return out;
}
