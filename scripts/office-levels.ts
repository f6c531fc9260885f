/**
 * Generates test/fakes/office-levels.generated.json: the requirement set of every Excel, Office, OfficeExtension and
 * CustomFunctions member, as Microsoft's typings tag it (`[Api set: ExcelApi 1.7]` in the member's JSDoc), keyed by
 * its full name: `{"Excel.Worksheet.getRangeByIndexes": "ExcelApi 1.7", ...}`. Run with `npm run gen:office-levels`
 * (`npx tsx scripts/office-levels.ts`); test/hosts/excel/office-levels.test.ts checks the committed file is what this
 * script produces from the installed typings.
 *
 * The value is the tag's text as the typings write it, unchanged. Most are one set ("ExcelApi 1.7"). Some name
 * conditions ("ExcelApi 1.1 for adding a single row; 1.4 allows adding of multiple rows; …", "ExcelApi 1.1 for get,
 * 1.8 for set"): test/fakes/officeLevels.ts `levelOf` reads the first set named as the member's level (what any use
 * of it needs), and the later clauses as conditions, which the fake host and the audit
 * (test/hosts/excel/typings-audit.test.ts) handle one by one where the add-in meets them. A member declared more than once (overloads) with different tags gets them
 * joined by " | ", in the order the typings declare them. Excel.Interfaces (the load/set option shapes) is left out:
 * its members repeat the classes'.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..');
export const TYPINGS = [
  join(ROOT, 'node_modules', '@types', 'office-js', 'index.d.ts'),
  join(ROOT, 'node_modules', '@types', 'custom-functions-runtime', 'index.d.ts'),
];
export const OUTPUT = join(ROOT, 'test', 'fakes', 'office-levels.generated.json');
const NAMESPACES = new Set(['Excel', 'Office', 'OfficeExtension', 'CustomFunctions']);

const TAG = /\[Api set: ([^\]]*)\]/;

/** The `[Api set: …]` text of a declaration's own JSDoc, or null. */
export function apiSetTag(node: ts.Node): string | null {
  for (const doc of ts.getJSDocCommentsAndTags(node)) {
    const m = doc.getText().match(TAG);
    if (m) return m[1].replace(/\s+/g, ' ').trim();
  }
  return null;
}

/** "Excel.Worksheet.getRangeByIndexes" for a member declaration; null outside the namespaces above. */
export function memberKey(node: ts.Declaration): string | null {
  const names: string[] = [];
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isSourceFile(n)) break;
    const name = (n as ts.NamedDeclaration).name;
    if ((ts.isModuleDeclaration(n) || ts.isClassDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isEnumDeclaration(n)) && name)
      names.unshift(name.getText());
    else if (n === node && name) names.unshift(name.getText());
    else if (n === node) return null;
  }
  if (!NAMESPACES.has(names[0]) || names[1] === 'Interfaces' || names.length < 2) return null;
  return names.join('.');
}

/** Every tagged member of the typings, keyed by full name, sorted. */
export function officeLevels(files: string[] = TYPINGS): Record<string, string> {
  const found = new Map<string, string[]>();
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertySignature(node) ||
      ts.isPropertyDeclaration(node) ||
      ts.isMethodSignature(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isGetAccessor(node) ||
      ts.isEnumMember(node) ||
      ts.isFunctionDeclaration(node) ||
      ts.isClassDeclaration(node) ||
      ts.isInterfaceDeclaration(node) ||
      ts.isEnumDeclaration(node)
    ) {
      const tag = apiSetTag(node);
      const key = tag && memberKey(node);
      if (tag && key) {
        const tags = found.get(key) ?? [];
        if (!tags.includes(tag)) tags.push(tag);
        found.set(key, tags);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const file of files) visit(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true));
  const out: Record<string, string> = {};
  for (const key of [...found.keys()].sort()) out[key] = found.get(key)!.join(' | ');
  return out;
}

export function render(levels: Record<string, string>): string {
  return `${JSON.stringify(levels, null, 2)}\n`;
}

if (require.main === module) writeFileSync(OUTPUT, render(officeLevels()));
