/**
 * @jest-environment jsdom
 *
 * How startup.js loads the pane (src/panes/startup/loadPane.ts): the dataset and the pane's script are asked for only
 * once the static first screen's first frame is out, the dataset first; a hidden page does not wait for a frame, and no
 * page waits for ever. In jsdom with jest's fake timers (which also drive requestAnimationFrame); the shipped page is
 * exercised by the end-to-end test (test/e2e/run.ts: the pane starts and reads the dataset in one request).
 */
import { FRAME_WAIT, loadPane } from '../../../src/panes/startup/loadPane';

/** What startup.js has added to <head>: [tag, what it names, as, crossorigin]. */
const added = (): string[][] =>
  [...document.head.querySelectorAll('link, script')].map((e) => [
    e.tagName.toLowerCase(),
    e.getAttribute('href') ?? e.getAttribute('src') ?? '',
    e.getAttribute('as') ?? '',
    e.getAttribute('crossorigin') ?? '',
  ]);

const ASKED = [
  ['link', 'data.0123456789ab.json', 'fetch', 'anonymous'],
  ['script', 'taskpane.js', '', ''],
];

let visibility: string;
beforeEach(() => {
  jest.useFakeTimers();
  document.head.innerHTML = '';
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
});
afterEach(() => jest.useRealTimers());

test('a parsed, visible page: nothing is asked for before the first frame; after it, the dataset, then the script', () => {
  expect(document.readyState).not.toBe('loading');
  loadPane(window, document, 'taskpane.js', 'data.0123456789ab.json');
  expect(added()).toEqual([]);
  jest.advanceTimersByTime(1); // not yet a frame (jsdom's frames are 16 ms apart)
  expect(added()).toEqual([]);
  jest.advanceTimersByTime(40); // the frame, and the task after it
  expect(added()).toEqual(ASKED);
  jest.advanceTimersByTime(FRAME_WAIT * 2); // once only: the fallback does not ask again
  expect(added()).toEqual(ASKED);
});

test('a page still being parsed waits for DOMContentLoaded, then for the frame', () => {
  let state = 'loading';
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => state });
  try {
    loadPane(window, document, 'taskpane.js', 'data.0123456789ab.json');
    jest.advanceTimersByTime(FRAME_WAIT * 2);
    expect(added()).toEqual([]);
    state = 'interactive';
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(added()).toEqual([]);
    jest.advanceTimersByTime(40);
    expect(added()).toEqual(ASKED);
  } finally {
    delete (document as unknown as { readyState?: string }).readyState;
  }
});

test('a hidden page (the shared runtime before its pane is shown) does not wait for a frame', () => {
  visibility = 'hidden';
  loadPane(window, document, 'legacy/legacy.js', 'data.0123456789ab.json');
  expect(added()).toEqual([ASKED[0], ['script', 'legacy/legacy.js', '', '']]);
});

test('a page whose frames never come is loaded after FRAME_WAIT ms', () => {
  const raf = jest.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
  try {
    loadPane(window, document, 'taskpane.js', 'data.0123456789ab.json');
    jest.advanceTimersByTime(FRAME_WAIT - 1);
    expect(added()).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(added()).toEqual(ASKED);
    expect(raf).toHaveBeenCalledTimes(1);
  } finally {
    raf.mockRestore();
  }
});
