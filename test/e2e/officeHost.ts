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
// Office.js builds its own `Office.context` as it starts (and may build it again). Whenever the page reads `Office`,
// this host's requirement check and display language are on that context, as an Excel host's would be.
type OfficeLike = { context?: Record<string, unknown> };
const dress = (office: OfficeLike): void => {
  const c = office.context;
  if (!c || c.requirements === context.requirements) return;
  try {
    Object.defineProperty(c, 'requirements', { configurable: true, value: context.requirements });
    Object.defineProperty(c, 'displayLanguage', { configurable: true, value: context.displayLanguage });
  } catch {
    // A context Office.js has sealed stays as it is.
  }
};
let office: OfficeLike | undefined;
Object.defineProperty(window, 'Office', {
  configurable: false,
  get: () => {
    if (office) dress(office);
    return office;
  },
  set: (v: OfficeLike) => {
    office = v;
  },
});
