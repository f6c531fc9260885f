/**
 * The modern static screen's style rules (Griffel's, ≈ 31 KB, made at build time by scripts/first-screen.js) wait in
 * taskpane.html's <head> inside an inert `<template>`, before startup.js: a browser builds no style sheet from a
 * template's content. startup.js moves them into <head> when it chooses the modern pane, before the body (and the
 * Fluent screen they style) is parsed, after the page's own style (the cascade as if they were written there); the pane's
 * RendererProvider then finds them as before. When it chooses the legacy pane they stay inert: the legacy page never
 * parses CSS for a screen it does not show (issue 30: ready at once; docs/startup.md, step eight).
 *
 * IE11 has no `<template>`: its parser takes the element for an unknown one and its style elements are live, as they
 * were before (IE11 always gets the legacy pane, which leaves them alone).
 *
 * ES5 and no polyfills, like the rest of startup.js.
 */
export const FIRST_SCREEN_STYLES_ID = 'first-screen-styles';

/** Moves the template's style elements into <head> (at its end) and drops the template; no template, nothing done. */
export function adoptFirstScreenStyles(doc: Document): void {
  const template = doc.getElementById(FIRST_SCREEN_STYLES_ID);
  if (!template || !template.parentNode) return;
  const head = doc.getElementsByTagName('head')[0];
  const content = (template as HTMLTemplateElement).content;
  template.parentNode.removeChild(template);
  // The fragment goes in with one insertion; where the parser made them elements, one by one.
  if (content) head.appendChild(content);
  else while (template.firstChild) head.appendChild(template.firstChild);
}
