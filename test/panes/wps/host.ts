/**
 * The in-page fake WPS host for test/panes/wps/render.ts: the strict fake ET Application as `window.Application`, which
 * is where WPS puts it, exposed as window.__et for the test to drive and inspect.
 */
import { FakeEt } from '../../fakes/fakeEt';

const et = new FakeEt();
const w = window as unknown as Record<string, unknown>;
w.Application = et;
w.__et = et;
// A WPS from 12.1.0.20540 on: add-in custom functions exist (registrations are recorded, not computed here).
const registered: string[] = [];
w.wps = { AddCustomFunction: (name: string) => void registered.push(name) };
w.__registered = registered;
