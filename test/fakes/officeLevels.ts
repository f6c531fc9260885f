/**
 * The requirement set of each Office member, from Microsoft's typings (test/fakes/office-levels.generated.json,
 * written by scripts/office-levels.ts): the fake hosts and the typings audit take their levels from here, never
 * from a hand-written list.
 */
import LEVELS from './office-levels.generated.json';

export const OFFICE_LEVELS: Readonly<Record<string, string>> = LEVELS;

/**
 * How a tag is read: its first set named is the member's level, what every use of it needs ("ExcelApi 1.1" of
 * "ExcelApi 1.1 for adding a single row; 1.4 allows adding of multiple rows; …"). The clauses after it are
 * conditions, see `conditionLevel`.
 */
export function levelOf(tag: string): { name: string; version: string } {
  const m = tag.match(/^([A-Za-z]+) (\d+\.\d+)/);
  if (!m) throw new Error(`unreadable requirement set: ${tag}`);
  return { name: m[1], version: m[2] };
}

/** The tag of a member by full name, e.g. "Excel.Worksheet.getRangeByIndexes"; an error for a member the typings do not tag. */
export function tagOf(member: string): string {
  const tag = OFFICE_LEVELS[member];
  if (!tag) throw new Error(`${member}: no [Api set] tag in @types/office-js`);
  return tag;
}

/**
 * The version a condition of a member's tag names, found by its words: for "Excel.TableRowCollection.add" and
 * "multiple rows", 1.4 (from "; 1.4 allows adding of multiple rows;"). An error when the tag has no such clause.
 */
export function conditionLevel(member: string, words: string): string {
  const clause = tagOf(member)
    .split(/[;,|]/)
    .find((c) => c.includes(words));
  const m = clause?.match(/(\d+\.\d+)/);
  if (!m) throw new Error(`${member}: the typings name no level for "${words}"`);
  return m[1];
}
