/**
 * @jest-environment jsdom
 *
 * The modern static screen's style rules wait inert in a <template> and are made live only when startup.js chooses the
 * modern pane (src/panes/startup/firstScreenStyles.ts). In jsdom, on a page shaped as taskpane.html's <head> is; the
 * built page in Chromium is checked by the end-to-end test (test/e2e/run.ts: the static insert button wears Fluent's
 * style for the modern pane, and the legacy page has none of Griffel's sheets).
 */
import { adoptFirstScreenStyles, FIRST_SCREEN_STYLES_ID } from '../../../src/panes/startup/firstScreenStyles';

const PAGE = `<head><title>t</title><style>.pane{padding:12px}</style>
<template id="${FIRST_SCREEN_STYLES_ID}"><style data-make-styles-bucket="r" data-priority="0">.fabc123{color:red}</style><style data-make-styles-bucket="d" data-priority="0">.fdef456{display:flex}</style><style media="(forced-colors: active)" data-make-styles-bucket="m" data-priority="0">.fghi789{color:CanvasText}</style></template>
<script src="startup.js"></script></head><body><div id="root"><button class="fabc123 fdef456">插入到新工作表</button></div></body>`;

/** This test's document, parsed from `html` as the page is (a parsed document of its own would build no style sheets). */
const page = (html = PAGE): Document => {
  document.documentElement.innerHTML = html;
  return document;
};
/** The text of every rule of every live style sheet, in the cascade's order. */
const rules = (doc: Document): string[] => [...doc.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText.replace(/\s+/g, '')));
const buckets = (doc: Document): string[] =>
  [...doc.head.querySelectorAll('style[data-make-styles-bucket]')].map((s) => s.getAttribute('data-make-styles-bucket')!);

test('inert until adopted: the template’s rules are in no style sheet of the page', () => {
  const doc = page();
  expect(rules(doc)).toEqual(['.pane{padding:12px;}']);
  expect(buckets(doc)).toEqual([]);
});

test('adopted: the rules move to the end of <head>, after the page’s own style, in order and with their attributes', () => {
  const doc = page();
  adoptFirstScreenStyles(doc);
  expect(rules(doc)).toEqual(['.pane{padding:12px;}', '.fabc123{color:red;}', '.fdef456{display:flex;}', '.fghi789{color:CanvasText;}']);
  expect(buckets(doc)).toEqual(['r', 'd', 'm']);
  const heads = [...doc.head.children].map((e) => e.tagName.toLowerCase());
  expect(heads).toEqual(['title', 'style', 'script', 'style', 'style', 'style']);
  expect(doc.head.lastElementChild!.getAttribute('media')).toBe('(forced-colors: active)');
  expect(doc.getElementById(FIRST_SCREEN_STYLES_ID)).toBeNull();
  // Once only: a second call finds no template and changes nothing.
  adoptFirstScreenStyles(doc);
  expect(buckets(doc)).toEqual(['r', 'd', 'm']);
});

test('a page without the template (the WPS page) is left as it is', () => {
  const doc = page(PAGE.replace(/<template[\s\S]*<\/template>/, ''));
  const before = doc.documentElement.outerHTML;
  adoptFirstScreenStyles(doc);
  expect(doc.documentElement.outerHTML).toBe(before);
});

test('a parser without <template> (IE11) made the style elements live where they are: they are moved all the same', () => {
  const doc = page(PAGE.replace(/<template([^>]*)>/, '<div$1>').replace('</template>', '</div>'));
  expect(rules(doc)).toHaveLength(4);
  adoptFirstScreenStyles(doc);
  expect(buckets(doc)).toEqual(['r', 'd', 'm']);
  expect(rules(doc)).toHaveLength(4);
  expect(doc.getElementById(FIRST_SCREEN_STYLES_ID)).toBeNull();
});
