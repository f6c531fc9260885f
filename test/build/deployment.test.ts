import { deployment, normalizeBase } from '../../scripts/deployment';
import { choosePane } from '../../src/panes/startup/choose';

describe('deployment options', () => {
  it('serves Office.js from our origin by default, with a self-only policy and the framers in the header', () => {
    const d = deployment({});
    expect(d.base).toBe('https://localhost:3000/');
    expect(d.officeJs).toBe('office/office.js');
    expect(d.metaCsp).toContain("script-src 'self';");
    expect(d.metaCsp).not.toContain('frame-ancestors');
    expect(d.headerCsp).toMatch(/frame-ancestors 'self' https:\/\/\*\.office\.com/);
  });

  it('can load Office.js from Microsoft’s CDN when asked, and the policy then allows that host only', () => {
    const d = deployment({ officejs: 'cdn' });
    expect(d.officeJs).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(d.metaCsp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(() => deployment({ officejs: 'maybe' })).toThrow(/local 或 cdn/);
  });

  it('moves every manifest URL under the base URL and refuses a base that is not a plain https URL', () => {
    const d = deployment({ base: 'https://intranet.example/plan' });
    expect(d.base).toBe('https://intranet.example/plan/');
    expect(d.manifest('<a DefaultValue="https://localhost:3000/taskpane.html"/>')).toBe(
      '<a DefaultValue="https://intranet.example/plan/taskpane.html"/>',
    );
    expect(() => normalizeBase('intranet/plan')).toThrow(/not an absolute URL/);
    expect(() => normalizeBase('ftp://x/')).toThrow(/https/);
    expect(() => normalizeBase('https://x/?a=1')).toThrow(/\?/);
  });

  it('adds Office Online Server origins to frame-ancestors', () => {
    expect(deployment({ frameAncestors: 'https://oos.example' }).headerCsp).toMatch(/frame-ancestors .* https:\/\/oos\.example$/);
  });
});

describe('the start-up choice', () => {
  const modern = {
    Promise: Object.assign(function () {}, { allSettled() {} }),
    Symbol: Object.assign(function () {}, { asyncIterator: Symbol.asyncIterator }),
    globalThis,
    String,
    Array,
    Object,
  };
  it('sends Trident and EdgeHTML to the legacy pane, as Microsoft documents, whatever they report', () => {
    expect(choosePane('Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko', modern)).toBe('legacy');
    expect(
      choosePane('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0 Safari/537.36 Edge/18.19041', modern),
    ).toBe('legacy');
  });
  it('sends WebView2 (Edg/) and Safari with the ES2020 features to the modern pane', () => {
    expect(
      choosePane('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0', modern),
    ).toBe('modern');
    expect(choosePane('Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko)', modern)).toBe('modern');
  });
  it('sends a webview lacking an ES2020 feature to the legacy pane', () => {
    expect(choosePane('Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15', { ...modern, Promise: function () {} })).toBe('legacy');
    expect(choosePane('Mozilla/5.0', {})).toBe('legacy');
  });
});
