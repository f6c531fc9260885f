/**
 * The fake Excel host for the shipped page (dist/taskpane.html with the real Office.js). Injected before any page
 * script runs (Playwright's addInitScript). Office.js loads and starts as it would in a browser outside Office;
 * this script supplies only what an Excel host would: `Excel` (backed by the same FakeHost as the unit tests) and
 * `Office.context` (display language and the requirement sets this fake Excel reports). The rest of Office,
 * `Office.onReady` included, is the real library's.
 *
 * Query parameters of the page choose the host: lang=en-US, excelApi=1.1 (highest ExcelApi version reported),
 * linked=0 (no CustomFunctionsRuntime / SharedRuntime).
 */
import { FakeExcelNamespace, FakeHost } from '../fakes/fakeExcel';

const params = new URLSearchParams(location.search);
const lang = params.get('lang') ?? 'zh-CN';
const excelApi = params.get('excelApi') ?? '1.17';
const linked = params.get('linked') !== '0';

const host = new FakeHost();
host.excelApi = excelApi;
const checked: string[] = [];
const isSetSupported = (name: string, version = '1.1'): boolean => {
  checked.push(`${name} ${version}`);
  if (name === 'CustomFunctionsRuntime' || name === 'SharedRuntime') return linked;
  return host.isSetSupported(name, version);
};
const context = { displayLanguage: lang, requirements: { isSetSupported } };
const w = window as unknown as Record<string, unknown>;
w.__host = host;
w.__checked = checked;
const excel = { ...FakeExcelNamespace, run: host.run };
Object.defineProperty(window, 'Excel', { configurable: false, get: () => excel, set: () => undefined });

// Office.js defines `Office` itself; when it does, its `context` is this host's.
let office: Record<string, unknown> | undefined;
Object.defineProperty(window, 'Office', {
  configurable: false,
  get: () => office,
  set: (v: Record<string, unknown>) => {
    office = v;
    Object.defineProperty(v, 'context', { configurable: true, get: () => context, set: () => undefined });
  },
});
