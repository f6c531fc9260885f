/**
 * The in-page fake WPS host for test/panes/wps/render.ts: the strict fake ET Application as `window.Application`, which
 * is where WPS puts it, exposed as window.__et for the test to drive and inspect.
 */
import { FakeEt } from '../../fakes/fakeEt';
import { wpsFunction } from '../../../src/hosts/wps/functions';
import type { FunctionId } from '../../../src/functions/impl';

const et = new FakeEt();
// What WPS computes for the self-test's formulas: a sum of two cells, and a PLAN call through the function WPS would
// have registered (the add-in's main page registers it; this page alone does not). Any other formula shows nothing.
et.wb.evaluate = (sheet, formula) => {
  const sum = /^=([A-Z]+\d+)\+([A-Z]+\d+)$/.exec(formula);
  if (sum) return Number(sheet.Range(sum[1]).Value2) + Number(sheet.Range(sum[2]).Value2);
  const call = /^=PLAN\.([A-Z]+)\((.*)\)$/.exec(formula);
  if (call) return wpsFunction(call[1] as FunctionId)(...(JSON.parse(`[${call[2]}]`) as unknown[])) as string | number;
  return '';
};
const w = window as unknown as Record<string, unknown>;
w.Application = et;
w.__et = et;
// A WPS from 12.1.0.20540 on: add-in custom functions exist (registrations are recorded, not computed here).
const registered: string[] = [];
w.wps = { AddCustomFunction: (name: string) => void registered.push(name) };
w.__registered = registered;
