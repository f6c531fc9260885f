// Where the built add-in will be served from, and what that means for the manifest, the page and its headers.
// Used by webpack.config.js (the build), scripts/start.js (the dev server) and the tests.
'use strict';

const DEV_BASE = 'https://localhost:3000/';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Where Office hosts task panes in a frame (Office on the web); desktop webviews do not frame them. */
const OFFICE_FRAMERS = ['https://*.office.com', 'https://*.officeapps.live.com', 'https://*.microsoft.com', 'https://*.sharepoint.com'];

/** `https://intranet.example/plan` → `https://intranet.example/plan/`; refuses anything but an absolute http(s) URL. */
function normalizeBase(base) {
  const text = String(base || DEV_BASE).trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`--env base=${text}: 不是完整的网址 / not an absolute URL (e.g. https://intranet.example/plan/)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`--env base=${text}: 需要 https:// / needs https://`);
  if (url.search || url.hash) throw new Error(`--env base=${text}: 不能带 ? 或 # / must not carry ? or #`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * @param {{ base?: string, officejs?: string, frameAncestors?: string }} env webpack's --env
 */
function deployment(env = {}) {
  const base = normalizeBase(env.base);
  const cdn = env.officejs === 'cdn';
  if (env.officejs && !cdn && env.officejs !== 'local')
    throw new Error(`--env officejs=${env.officejs}: 只能是 local 或 cdn / must be local or cdn`);
  const scriptSrc = cdn ? "'self' https://appsforoffice.microsoft.com" : "'self'";
  // Office.js from the CDN loads its host files from there and reports to Microsoft; local Office.js talks to nothing.
  const connectSrc = cdn ? "'self' https://appsforoffice.microsoft.com" : "'self'";
  const policy = [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src ${connectSrc}`,
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
  ];
  const framers = [
    "'self'",
    ...OFFICE_FRAMERS,
    ...String(env.frameAncestors || '')
      .split(/[\s,]+/)
      .filter(Boolean),
  ];
  return {
    base,
    officeJs: cdn ? OFFICE_CDN : 'office/office.js',
    /** The policy a <meta> tag can carry (browsers ignore frame-ancestors there). */
    metaCsp: policy.join('; '),
    /** The policy the server sends as a header: the same, plus who may frame the pane. */
    headerCsp: [...policy, `frame-ancestors ${framers.join(' ')}`].join('; '),
    /** manifest.xml with every URL moved under the base URL. */
    manifest: (xml) => xml.split(DEV_BASE).join(base),
  };
}

module.exports = { deployment, normalizeBase, DEV_BASE, OFFICE_CDN };
