/**
 * Offline check of manifest.xml against the rules of Microsoft's add-in manifest schemas (OfficeApp 1.1,
 * TaskPaneAppVersionOverrides 1.0) that matter for this add-in: element order, value formats and lengths, every
 * resource id defined and of the right kind, and the shared-runtime wiring of task pane and functions.
 * `office-addin-manifest validate` needs a web service; this needs nothing. Run: npx tsx scripts/validate-manifest.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStringPromise } from 'xml2js';

type Node = Record<string, unknown> & { $?: Record<string, string>; $$?: Node[]; '#name': string; _?: string };

/** OfficeApp's children in the order the schema's sequence requires (TaskPaneApp). */
const OFFICE_APP_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dictionary',
  'VersionOverrides',
  'ExtendedOverrides',
];
const REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'DefaultSettings', 'Permissions'];
const PERMISSIONS = ['Restricted', 'ReadDocument', 'ReadAllDocument', 'WriteDocument', 'ReadWriteDocument'];

/** Which resource list an element's resid must point into. */
const RESID_KIND: Record<string, string> = {
  'bt:Image': 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Runtime: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Namespace: 'ShortStrings',
  Description: 'LongStrings',
};

function children(n: Node): Node[] {
  return n.$$ ?? [];
}

function walk(n: Node, f: (n: Node, parent: Node | null) => void, parent: Node | null = null): void {
  f(n, parent);
  for (const c of children(n)) walk(c, f, n);
}

export async function validateManifest(xml: string): Promise<string[]> {
  const problems: string[] = [];
  let doc: Record<string, Node>;
  try {
    doc = await parseStringPromise(xml, { explicitChildren: true, preserveChildrenOrder: true, charsAsChildren: false });
  } catch (e) {
    return [`not well-formed XML: ${(e as Error).message.split('\n')[0]}`];
  }
  const root = doc.OfficeApp;
  if (!root) return ['the root element must be OfficeApp'];
  const attrs = root.$ ?? {};
  if (attrs.xmlns !== 'http://schemas.microsoft.com/office/appforoffice/1.1')
    problems.push('OfficeApp xmlns must be the appforoffice 1.1 namespace');
  if (attrs['xsi:type'] !== 'TaskPaneApp') problems.push('OfficeApp xsi:type must be TaskPaneApp');

  const names = children(root).map((c) => c['#name']);
  let last = -1;
  for (const n of names) {
    const i = OFFICE_APP_ORDER.indexOf(n);
    if (i < 0) problems.push(`unexpected element OfficeApp/${n}`);
    else if (i < last) problems.push(`element ${n} is out of the schema's order`);
    else last = i;
  }
  for (const r of REQUIRED) if (!names.includes(r)) problems.push(`missing required element ${r}`);

  const child = (name: string): Node | undefined => children(root).find((c) => c['#name'] === name);
  const text = (name: string): string => (child(name)?._ ?? '').trim();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text('Id'))) problems.push('Id must be a GUID');
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text('Version'))) problems.push('Version must be up to four dot-separated numbers');
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(text('DefaultLocale'))) problems.push('DefaultLocale must be a culture name such as zh-CN');
  if (!PERMISSIONS.includes(text('Permissions'))) problems.push(`Permissions must be one of ${PERMISSIONS.join(', ')}`);
  const dv = (name: string): string => child(name)?.$?.DefaultValue ?? '';
  if (!dv('DisplayName') || dv('DisplayName').length > 125) problems.push('DisplayName DefaultValue must have 1–125 characters');
  if (!dv('Description') || dv('Description').length > 250) problems.push('Description DefaultValue must have 1–250 characters');

  // Resources: id → kind, with length limits.
  const resources = new Map<string, string>();
  walk(root, (n, parent) => {
    const p = parent?.['#name'] ?? '';
    if (!['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'].includes(p)) return;
    const id = n.$?.id ?? '';
    const kind = p.slice(3);
    if (!id) problems.push(`a resource in ${p} has no id`);
    if (id.length > 32) problems.push(`resource id ${id} is longer than 32 characters`);
    if (resources.has(id)) problems.push(`resource id ${id} is defined twice`);
    resources.set(id, kind);
    const value = n.$?.DefaultValue ?? '';
    const overrides = children(n).map((o) => o.$?.Value ?? '');
    for (const v of [value, ...overrides]) {
      if (kind === 'ShortStrings' && v.length > 125) problems.push(`short string ${id} is longer than 125 characters`);
      if (kind === 'LongStrings' && v.length > 250) problems.push(`long string ${id} is longer than 250 characters`);
      if ((kind === 'Urls' || kind === 'Images') && !/^https:\/\//.test(v)) problems.push(`${id} must be an https URL`);
    }
  });

  // Every resid points at a resource of the right kind.
  walk(root, (n) => {
    const resid = n.$?.resid;
    if (resid === undefined) return;
    const want = RESID_KIND[n['#name']];
    const have = resources.get(resid);
    if (!have) problems.push(`${n['#name']} refers to undefined resource ${resid}`);
    else if (want && have !== want) problems.push(`${n['#name']} refers to ${resid}, a ${have} resource, where ${want} is required`);
  });
  for (const u of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl'])
    if (dv(u) && !/^https:\/\//.test(dv(u))) problems.push(`${u} must be https`);

  // Shared runtime: the runtime, the functions page, the function file and the task pane are one page.
  const runtimes: string[] = [];
  const pages: string[] = [];
  let namespace = '';
  walk(root, (n, parent) => {
    if (n['#name'] === 'Runtime') {
      runtimes.push(n.$?.resid ?? '');
      if (n.$?.lifetime !== 'long') problems.push('the shared Runtime must have lifetime="long"');
    }
    if (parent?.['#name'] === 'Page' && n['#name'] === 'SourceLocation') pages.push(n.$?.resid ?? '');
    if (n['#name'] === 'FunctionFile') pages.push(n.$?.resid ?? '');
    if (parent?.['#name'] === 'Action' && n['#name'] === 'SourceLocation') pages.push(n.$?.resid ?? '');
    if (n['#name'] === 'Namespace') namespace = n.$?.resid ?? '';
    if (n['#name'] === 'Set' && n.$?.Name === 'SharedRuntime') runtimes.push('#set');
  });
  if (!runtimes.includes('#set')) problems.push('the SharedRuntime requirement set is missing');
  const runtime = runtimes.find((r) => r !== '#set');
  if (!runtime) problems.push('no Runtime element: functions and task pane would not share a runtime');
  for (const p of pages) if (runtime && p !== runtime) problems.push(`page ${p} is not the shared runtime page ${runtime}`);
  const nsValue = (() => {
    let v = '';
    walk(root, (n) => {
      if (n.$?.id === namespace) v = n.$?.DefaultValue ?? '';
    });
    return v;
  })();
  if (!/^[A-Z][A-Z0-9]{0,31}$/.test(nsValue)) problems.push(`the functions namespace "${nsValue}" must be upper-case letters and digits`);
  return problems;
}

if (require.main === module) {
  const file = process.argv[2] ?? join(__dirname, '..', 'manifest.xml');
  void validateManifest(readFileSync(file, 'utf8')).then((p) => {
    if (p.length) {
      console.error(`${file}: ${p.length} problem(s)\n- ${p.join('\n- ')}`);
      process.exit(1);
    }
    console.log(`${file}: valid`);
  });
}
