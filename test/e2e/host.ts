/**
 * The in-page fake Excel host for the end-to-end test: Office, Excel and CustomFunctions globals backed by the
 * same FakeHost the unit tests use (HyperFormula underneath), exposed as window.__host for the test to drive.
 */
import { FakeExcelNamespace, FakeHost } from '../fakes/fakeExcel';

const host = new FakeHost();
const lang = new URLSearchParams(location.search).get('lang') ?? 'zh-CN';
const w = window as unknown as Record<string, unknown>;
w.__host = host;
w.Excel = { ...FakeExcelNamespace, run: host.run };
w.Office = {
  onReady: (cb?: (info: { host: string }) => void) => {
    cb?.({ host: 'Excel' });
    return Promise.resolve({ host: 'Excel' });
  },
  context: { displayLanguage: lang },
};
