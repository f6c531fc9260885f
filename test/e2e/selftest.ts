/**
 * 自检 in an end-to-end pane (test/e2e/run.ts for Excel's modern and legacy panes, test/panes/wps/render.ts for WPS):
 * run it, read the report, check that no capability failed and that the workbook is as it was (the scratch sheet
 * gone, no other sheet touched), and save a screenshot of the report.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** `workbook` reads the fake workbook's state in the page (every sheet's cells, names, tables). Returns the report. */
export async function runSelfTest(page: Page, workbook: () => Promise<string>, shot: string): Promise<string> {
  const before = await workbook();
  await page.click('[data-action="self-test"]');
  const report = page.locator('[data-self-test-report]');
  await page.waitForFunction(() => {
    const t = document.querySelector('[data-self-test-report]') as HTMLTextAreaElement | null;
    return !!t && t.value.length > 0;
  });
  const text = await report.inputValue();
  assert.match(text, /✓ /, text);
  assert.doesNotMatch(text, /✗|失败|failed/, text);
  assert.equal(await workbook(), before, 'the self-test left the workbook as it was');
  await page.click('[data-action="copy-report"]');
  await page.locator('[data-self-test]').screenshot({ path: shot, animations: 'disabled' });
  return text;
}
