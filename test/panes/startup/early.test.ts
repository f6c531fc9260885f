/**
 * The static first screen's early clicks (src/panes/startup/early.ts): the queue startup.js keeps and the pane takes.
 * The page wiring (the click listener, the notice, the pane performing the click) is exercised in the shipped page by
 * the end-to-end test (test/e2e/run.ts).
 */
import { EARLY_ACTIONS, earlyLang, earlyQueue, type EarlyClick } from '../../../src/panes/startup/early';

const click = (action: string, region = '赣州'): EarlyClick => ({ action, region, mode: 'plain', method: 'linear' });

test('the first click is kept with its choices; later clicks are refused, as the busy pane refuses them', () => {
  const q = earlyQueue();
  expect(q.offer(click('insert', '吉安'))).toBe(true);
  expect(q.offer(click('insert-all'))).toBe(false);
  expect(q.offer(click('insert', '九江'))).toBe(false);
  expect(q.take()).toEqual(click('insert', '吉安'));
});

test('take() answers the click once, then never again, and nothing is kept once it has been asked', () => {
  const q = earlyQueue();
  q.offer(click('refresh'));
  expect(q.take()).toEqual(click('refresh'));
  expect(q.take()).toBeNull();
  expect(q.offer(click('insert'))).toBe(false);
  expect(q.take()).toBeNull();
});

test('no click: take() answers nothing, and a click after the pane asked is not kept', () => {
  const q = earlyQueue();
  expect(q.take()).toBeNull();
  expect(q.offer(click('insert'))).toBe(false);
  expect(q.take()).toBeNull();
});

test('only the buttons that act are kept (not the method select, not the tabs)', () => {
  for (const a of EARLY_ACTIONS) expect(earlyQueue().offer(click(a))).toBe(true);
  for (const a of ['method', 'tab', '', 'insert-nothing']) expect(earlyQueue().offer(click(a))).toBe(false);
});

test('the notice speaks the host’s display language once Office knows it, else the page’s', () => {
  const doc = (lang: string | null) => ({ documentElement: { getAttribute: () => lang } }) as unknown as Document;
  expect(earlyLang({ Office: { context: { displayLanguage: 'en-US' } } }, doc('zh-CN'))).toBe('en');
  expect(earlyLang({ Office: { context: { displayLanguage: 'zh-CN' } } }, doc('en'))).toBe('zh');
  expect(earlyLang({ Office: { context: {} } }, doc('zh-CN'))).toBe('zh');
  expect(earlyLang({}, doc('en'))).toBe('en');
  expect(earlyLang({}, doc(null))).toBe('zh');
});
