/**
 * manifest.xml against Microsoft's published XSDs (test/manifest/schemas/, see the README there), with xmllint
 * compiled to WebAssembly (npm xmllint-wasm): no system package, no network.
 *
 * Those schemas (2019) predate <Runtimes>, the shared-runtime element. It is masked before validation (its lines
 * blanked, so line numbers still match) and checked here instead by the rules of Microsoft's element reference
 * (docs/manifest/runtimes.md and runtime.md in OfficeDev/office-js-docs-reference).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

export const SCHEMA_DIR = join(__dirname, '..', 'test', 'manifest', 'schemas');
const ROOT_SCHEMA = 'OfficeAppManifestV1_1.xsd';

/** Every <Runtimes>…</Runtimes> block, and the manifest with each one blanked out line for line. */
export function maskRuntimes(xml: string): { masked: string; blocks: string[] } {
  const blocks: string[] = [];
  const masked = xml.replace(/<(\w+:)?Runtimes\b[^>]*?(\/>|>[\s\S]*?<\/(\w+:)?Runtimes\s*>)/g, (block) => {
    blocks.push(block);
    return block.replace(/[^\n]/g, ' ');
  });
  return { masked, blocks };
}

let schemas: { fileName: string; contents: string }[] | undefined;
function loadSchemas(): { fileName: string; contents: string }[] {
  schemas ??= readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.xsd'))
    .map((fileName) => ({ fileName, contents: readFileSync(join(SCHEMA_DIR, fileName), 'utf8') }));
  return schemas;
}

/** xmllint --schema OfficeAppManifestV1_1.xsd on the manifest with <Runtimes> masked; one line per error. */
export async function xsdProblems(xml: string): Promise<string[]> {
  const all = loadSchemas();
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: maskRuntimes(xml).masked }],
    schema: all.filter((s) => s.fileName === ROOT_SCHEMA),
    preload: all.filter((s) => s.fileName !== ROOT_SCHEMA),
  });
  if (result.valid) return [];
  const lines = result.errors
    .filter((e) => e.message.trim())
    .map((e) => `schema: ${e.loc ? `line ${e.loc.lineNumber}: ` : ''}${e.message.trim()}`);
  return lines.length ? lines : [`schema: ${result.rawOutput.trim() || 'invalid'}`];
}
