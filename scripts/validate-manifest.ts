/**
 * Offline check of manifest.xml: first Microsoft's published XSDs (scripts/manifest-schema.ts: element order,
 * required elements, value formats, string and id lengths, enumerations), then what those schemas cannot say:
 * - <Runtimes>, which the 2019 schemas predate, by the rules of Microsoft's element reference;
 * - every resid defined, and of the right kind; no resource id defined twice (the XSDs have no keys);
 * - every URL https (the XSDs type URLs as anyURI);
 * - the shared runtime: functions page, function file and task pane are the runtime's page;
 * - the functions namespace is a valid one.
 * `office-addin-manifest validate` needs a web service; this needs nothing. Run: npx tsx scripts/validate-manifest.ts [file]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseStringPromise } from 'xml2js';
import { xsdProblems } from './manifest-schema';

type Node = Record<string, unknown> & { $?: Record<string, string>; $$?: Node[]; '#name': string; _?: string };

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

/**
 * <Runtimes> by Microsoft's element reference (office-js-docs-reference docs/manifest/runtimes.md, runtime.md,
 * host.md; "Configure your Office Add-in to use a shared runtime"): a child of a VersionOverrides <Host>, right
 * after its start tag; exactly one <Runtime>; resid required, at most 32 characters, the id of a bt:Url;
 * lifetime short (default) or long, and long for an Excel shared runtime; <Override> is for Outlook only;
 * associated with the SharedRuntime 1.1 requirement set.
 */
function runtimeProblems(root: Node, urls: Set<string>): string[] {
  const problems: string[] = [];
  let sharedRuntimeSet = false;
  let hasRuntimes = false;
  walk(root, (n, parent) => {
    if (n['#name'] === 'Set' || n['#name'] === 'bt:Set') {
      if (n.$?.Name === 'SharedRuntime') sharedRuntimeSet = true;
    }
    if (n['#name'] !== 'Runtimes') return;
    hasRuntimes = true;
    if (parent?.['#name'] !== 'Host' || parent.$?.['xsi:type'] === undefined) {
      problems.push('Runtimes must be a child of a VersionOverrides Host');
      return;
    }
    if (children(parent).filter((c) => c['#name'] === 'Runtimes').length > 1) problems.push('a Host may have one Runtimes element only');
    if (children(parent)[0] !== n) problems.push('Runtimes must be the first child of its Host');
    const rs = children(n);
    if (rs.length !== 1 || rs[0]['#name'] !== 'Runtime') {
      problems.push(`Runtimes must hold exactly one Runtime element, not ${rs.map((c) => c['#name']).join(', ') || 'none'}`);
    }
    for (const r of rs.filter((c) => c['#name'] === 'Runtime')) {
      const a = r.$ ?? {};
      for (const k of Object.keys(a)) if (k !== 'resid' && k !== 'lifetime') problems.push(`Runtime has an unknown attribute ${k}`);
      if (!a.resid) problems.push('Runtime needs a resid');
      else if (a.resid.length > 32) problems.push(`Runtime resid ${a.resid} is longer than 32 characters`);
      else if (!urls.has(a.resid)) problems.push(`Runtime resid ${a.resid} is not the id of a bt:Url`);
      if (a.lifetime !== undefined && a.lifetime !== 'short' && a.lifetime !== 'long')
        problems.push('Runtime lifetime must be short or long');
      if (parent.$?.['xsi:type'] === 'Workbook' && a.lifetime !== 'long') problems.push('the shared Runtime must have lifetime="long"');
      if (children(r).length) problems.push('Runtime may have no child elements in a task-pane add-in (Override is for Outlook)');
    }
  });
  if (hasRuntimes && !sharedRuntimeSet) problems.push('the SharedRuntime requirement set is missing');
  return problems;
}

export async function validateManifest(xml: string): Promise<string[]> {
  let doc: Record<string, Node>;
  try {
    doc = await parseStringPromise(xml, { explicitChildren: true, preserveChildrenOrder: true, charsAsChildren: false });
  } catch (e) {
    return [`not well-formed XML: ${(e as Error).message.split('\n')[0]}`];
  }
  const problems: string[] = await xsdProblems(xml);
  const root = doc.OfficeApp;
  if (!root) return [...problems, 'the root element must be OfficeApp'];
  // The schema accepts any of its three add-in types; this one must be a task pane add-in.
  if (root.$?.['xsi:type'] !== 'TaskPaneApp') problems.push('OfficeApp xsi:type must be TaskPaneApp');

  // Resources: id → kind. Ids unique, URLs https (the schema checks lengths and formats).
  const resources = new Map<string, string>();
  walk(root, (n, parent) => {
    const p = parent?.['#name'] ?? '';
    if (!['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'].includes(p)) return;
    const id = n.$?.id ?? '';
    const kind = p.slice(3);
    if (resources.has(id)) problems.push(`resource id ${id} is defined twice`);
    resources.set(id, kind);
    if (kind === 'Urls' || kind === 'Images') {
      for (const v of [n.$?.DefaultValue ?? '', ...children(n).map((o) => o.$?.Value ?? '')])
        if (!/^https:\/\//.test(v)) problems.push(`${id} must be an https URL, not ${v}`);
    }
  });
  // The base manifest's URLs: icons, support page and the pane's SourceLocation (DefaultValue, not resid).
  walk(root, (n) => {
    const base =
      ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl'].includes(n['#name']) || (n['#name'] === 'SourceLocation' && n.$?.DefaultValue);
    if (!base) return;
    for (const v of [n.$?.DefaultValue ?? '', ...children(n).map((o) => o.$?.Value ?? '')])
      if (!/^https:\/\//.test(v)) problems.push(`${n['#name']} must be https, not ${v}`);
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

  const urls = new Set([...resources].filter(([, k]) => k === 'Urls').map(([id]) => id));
  problems.push(...runtimeProblems(root, urls));

  // Shared runtime: the runtime, the functions page, the function file and the task pane are one page.
  let runtime: string | undefined;
  const pages: string[] = [];
  let namespace = '';
  walk(root, (n, parent) => {
    if (n['#name'] === 'Runtime') runtime ??= n.$?.resid;
    if (parent?.['#name'] === 'Page' && n['#name'] === 'SourceLocation') pages.push(n.$?.resid ?? '');
    if (n['#name'] === 'FunctionFile') pages.push(n.$?.resid ?? '');
    if (parent?.['#name'] === 'Action' && n['#name'] === 'SourceLocation') pages.push(n.$?.resid ?? '');
    if (n['#name'] === 'Namespace') namespace = n.$?.resid ?? '';
  });
  if (!runtime) problems.push('no Runtime element: functions and task pane would not share a runtime');
  for (const p of pages) if (runtime && p !== runtime) problems.push(`page ${p} is not the shared runtime page ${runtime}`);
  let nsValue = '';
  walk(root, (n) => {
    if (n.$?.id === namespace) nsValue = n.$?.DefaultValue ?? '';
  });
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
    console.log(`${file}: valid (Microsoft's XSDs with <Runtimes> masked, then the rules they lack)`);
  });
}
