/**
 * The in-page fake WPS host for test/wps/render.ts: the strict fake ET Application as `window.Application`, which
 * is where WPS puts it, exposed as window.__et for the test to drive and inspect.
 */
import { FakeEt } from './fakeEt';

const et = new FakeEt();
const w = window as unknown as Record<string, unknown>;
w.Application = et;
w.__et = et;
