/**
 * The typings audit: every use of an Excel, Office or CustomFunctions member in the Office-facing source, resolved by
 * the TypeScript checker to its declaration in Microsoft's typings, must be at or below the requirement set its code
 * path has checked. Levels come from test/fakes/office-levels.generated.json (scripts/office-levels.ts).
 *
 * A use is a property access or call (`ws.getRangeByIndexes`, `Excel.ConditionalFormatType.custom`), a property of
 * an object literal typed by Office (`page.zoom = { horizontalFitToPages: 1 }`), or a name given to `load()` as a
 * string ('items/name,values'), an array of strings, or an object literal, each path followed member by member.
 *
 * What a path has checked, kept simple and explicit. A `supports('ExcelApi 1.x')` call (src/hosts/excel/requirements.ts)
 * with a literal set guards:
 *   - the then-branch of an enclosing `if` whose condition is that call, or an `&&` chain holding it;
 *   - the true branch of `supports(…) ? a : b`, and the right side of `supports(…) && a`;
 *   - the body of `for (… of supports(…) ? list : [])`;
 *   - everything after an `if (!supports(…)) return/throw` (or `if (a || !supports(…)) return/throw`) in the same or
 *     an enclosing block.
 * Anything else is at the baseline: ExcelApi 1.1 in src/hosts/excel, and for src/functions/functions.ts the sets the
 * linked mode is gated on (LINKED_SETS: PLAN functions exist only where those are supported). A use whose guard lies
 * in its callers (or in a value that is null without the set) is allowed only by an entry of GUARDED_ELSEWHERE below,
 * with the reason.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { memberKey } from '../../../scripts/office-levels';
import { LINKED_SETS } from '../../../src/hosts/excel/requirements';
import { conditionLevel, levelOf, OFFICE_LEVELS } from '../../fakes/officeLevels';
import { newerThan } from '../../fakes/fakeExcel';

const ROOT = join(__dirname, '..', '..', '..');
const EXCEL_DIR = join(ROOT, 'src', 'hosts', 'excel');
const OFFICE_SOURCE = readdirSync(EXCEL_DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(EXCEL_DIR, f));
const FUNCTIONS = join(ROOT, 'src', 'functions', 'functions.ts');

type Levels = Map<string, string>; // set name → version checked

/** The baseline of a file: what any path in it may assume. */
function baseline(file: string): Levels {
  if (file === FUNCTIONS) return new Map(LINKED_SETS);
  return new Map([['ExcelApi', '1.1']]);
}

/**
 * Uses whose requirement is met where the rules above do not look: by every caller, or by a value that is null or
 * empty where the set is missing. Function name, member, and why; each entry is a claim a reader can check in a minute.
 */
const GUARDED_ELSEWHERE: { fn: string; member: string; reason: string }[] = [
  {
    fn: 'partsIn',
    member: 'Excel.CustomXmlPart.namespaceUri',
    reason: 'the parts of a collection from loadParts, which returns null below ExcelApi 1.5 (partsIn then gives [])',
  },
  {
    fn: 'queueTableRecord',
    member: 'Excel.CustomXmlPart.delete',
    reason: 'every caller calls it inside `if (parts)`, parts from loadParts (null below ExcelApi 1.5)',
  },
  {
    fn: 'queueTableRecord',
    member: 'Excel.Workbook.customXmlParts',
    reason: 'every caller calls it inside `if (parts)`, parts from loadParts (null below ExcelApi 1.5)',
  },
  {
    fn: 'queueTableRecord',
    member: 'Excel.CustomXmlPartCollection.add',
    reason: 'every caller calls it inside `if (parts)`, parts from loadParts (null below ExcelApi 1.5)',
  },
  {
    fn: 'insertAtSelection',
    member: 'Excel.RangeAreas.address',
    reason: 'merged is null unless supports(ExcelApi 1.13) (getMergedAreasOrNullObject); it is read through merged?. and merged &&',
  },
  {
    fn: 'refreshTables',
    member: 'Excel.CustomXmlPart.namespaceUri',
    reason: 'records and own come from partsIn(loadParts()), which is empty below ExcelApi 1.5',
  },
  {
    fn: 'readRecordedTables',
    member: 'Excel.CustomXmlPart.namespaceUri',
    reason: 'records come from partsIn(loadParts()), which is empty below ExcelApi 1.5',
  },
  {
    fn: 'refreshTables',
    member: 'Excel.CustomXmlPart.getXml',
    reason: 'own[0] is one of partsIn(loadParts()), which is empty below ExcelApi 1.5',
  },
  {
    fn: 'readRecordedTables',
    member: 'Excel.CustomXmlPart.getXml',
    reason: 'own is one of partsIn(loadParts()), which is empty below ExcelApi 1.5',
  },
  {
    fn: 'writeMarks',
    member: 'Excel.CustomXmlPart.delete',
    reason: 'called by markCells and clearMarks only after loadMarks, which throws below ExcelApi 1.5',
  },
  {
    fn: 'writeMarks',
    member: 'Excel.Workbook.customXmlParts',
    reason: 'called by markCells and clearMarks only after loadMarks, which throws below ExcelApi 1.5',
  },
  {
    fn: 'writeMarks',
    member: 'Excel.CustomXmlPartCollection.add',
    reason: 'called by markCells and clearMarks only after loadMarks, which throws below ExcelApi 1.5',
  },
];

/**
 * Members whose tag names a condition after its level (see test/fakes/officeLevels.ts): the level a given use needs.
 * A used member with such a tag and no entry here fails the audit.
 */
const CONDITIONAL: Record<string, (use: ts.Node) => string> = {
  // "ExcelApi 1.1 for adding a single row; 1.4 allows adding of multiple rows": one row is an array literal of one row.
  'Excel.TableRowCollection.add': (use) => {
    const call = use.parent?.parent;
    const rows = call && ts.isCallExpression(call) ? call.arguments[1] : undefined;
    const single = rows && ts.isArrayLiteralExpression(rows) && rows.elements.length === 1 && !ts.isSpreadElement(rows.elements[0]);
    return single ? '1.1' : conditionLevel('Excel.TableRowCollection.add', 'multiple rows');
  },
};

export interface Use {
  file: string;
  line: number;
  member: string;
  set: string;
  path: string;
  fn: string;
}

/** Source files parsed once for every program of this run: Microsoft's typings and the libs are most of the work. */
const parsedFiles = new Map<string, ts.SourceFile | undefined>();

function program(files: string[]): ts.Program {
  const configPath = join(ROOT, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const options = { ...parsed.options, noEmit: true };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    const key = `${name}\0${typeof language === 'object' ? language.languageVersion : language}`;
    if (!parsedFiles.has(key)) parsedFiles.set(key, read(name, language, ...rest));
    return parsedFiles.get(key);
  };
  return ts.createProgram(files, options, host);
}

/** The requirement set a supports('ExcelApi 1.x') call names, or null for anything else. */
function supportsCall(node: ts.Node, checker: ts.TypeChecker): [string, string] | null {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1 || !ts.isStringLiteral(node.arguments[0])) return null;
  const sym = checker.getSymbolAtLocation(node.expression);
  const target = sym && sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
  const decl = target?.declarations?.[0];
  if (!decl || target?.name !== 'supports' || !decl.getSourceFile().fileName.endsWith('src/hosts/excel/requirements.ts')) return null;
  const [name, version] = node.arguments[0].text.split(' ');
  return version ? [name, version] : null;
}

const strip = (e: ts.Expression): ts.Expression => (ts.isParenthesizedExpression(e) ? strip(e.expression) : e);

/** The sets a condition being true guarantees: a supports call, or an && chain holding some. */
function whenTrue(cond: ts.Expression, checker: ts.TypeChecker): [string, string][] {
  const e = strip(cond);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
    return [...whenTrue(e.left, checker), ...whenTrue(e.right, checker)];
  const s = supportsCall(e, checker);
  return s ? [s] : [];
}

/** The sets a condition being false guarantees: !supports(…), or an || chain holding some. */
function whenFalse(cond: ts.Expression, checker: ts.TypeChecker): [string, string][] {
  const e = strip(cond);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.BarBarToken)
    return [...whenFalse(e.left, checker), ...whenFalse(e.right, checker)];
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
    const s = supportsCall(strip(e.operand), checker);
    return s ? [s] : [];
  }
  return [];
}

const exits = (s: ts.Statement): boolean =>
  ts.isReturnStatement(s) ||
  ts.isThrowStatement(s) ||
  (ts.isBlock(s) && s.statements.length > 0 && exits(s.statements[s.statements.length - 1]));

/** The sets checked on the way to `node`, by the rules in the header. */
function guards(node: ts.Node, checker: ts.TypeChecker): [string, string][] {
  const out: [string, string][] = [];
  for (let child = node, n = node.parent; n; child = n, n = n.parent) {
    if (ts.isIfStatement(n) && child === n.thenStatement) out.push(...whenTrue(n.expression, checker));
    if (ts.isConditionalExpression(n) && child === n.whenTrue) out.push(...whenTrue(n.condition, checker));
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === n.right)
      out.push(...whenTrue(n.left, checker));
    if (ts.isForOfStatement(n) && child === n.statement) {
      const e = strip(n.expression);
      if (
        ts.isConditionalExpression(e) &&
        ts.isArrayLiteralExpression(strip(e.whenFalse)) &&
        !(strip(e.whenFalse) as ts.ArrayLiteralExpression).elements.length
      )
        out.push(...whenTrue(e.condition, checker));
    }
    if ((ts.isBlock(n) || ts.isSourceFile(n)) && ts.isStatement(child as ts.Node)) {
      for (const s of n.statements) {
        if (s === child) break;
        if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement)) out.push(...whenFalse(s.expression, checker));
      }
    }
  }
  return out;
}

function pathLevel(file: string, checked: [string, string][]): Levels {
  const levels = baseline(file);
  for (const [name, version] of checked) {
    const had = levels.get(name);
    if (!had || newerThan(version, had)) levels.set(name, version);
  }
  return levels;
}

/** The name of the function (declaration, or variable holding an arrow) that a node is in. */
function enclosingFunction(node: ts.Node): string {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n) && n.name) return n.name.text;
    if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && ts.isVariableDeclaration(n.parent) && ts.isIdentifier(n.parent.name))
      return n.parent.name.text;
  }
  return '';
}

/** The class member a declaration stands for: Excel.Interfaces.RangeLoadOptions.format → Excel.Range.format. */
function keyOf(decl: ts.Declaration): string | null {
  const key = memberKey(decl);
  if (key) return key;
  const names: string[] = [];
  for (let n: ts.Node | undefined = decl; n && !ts.isSourceFile(n); n = n.parent) {
    const name = (n as ts.NamedDeclaration).name;
    if (name && (n === decl || ts.isModuleDeclaration(n) || ts.isInterfaceDeclaration(n))) names.unshift(name.getText());
  }
  if (names[0] !== 'Excel' || names[1] !== 'Interfaces' || names.length !== 4) return null;
  return `Excel.${names[2].replace(/(LoadOptions|UpdateData|Data)$/, '')}.${names[3]}`;
}

/** Every Office member used in `files`, with the set it needs and the level its path checked. */
export function audit(files: string[]): { uses: Use[]; above: string[]; unread: string[] } {
  const prog = program(files);
  const checker = prog.getTypeChecker();
  const uses: Use[] = [];
  const above: string[] = [];
  const unread: string[] = [];

  const record = (file: ts.SourceFile, at: ts.Node, decl: ts.Declaration | undefined): void => {
    if (!decl) return;
    const member = keyOf(decl);
    if (!member) return;
    const tag = OFFICE_LEVELS[member];
    if (!tag) return; // untagged members (load, context, toJSON, …) are part of every set
    const { name } = levelOf(tag);
    let { version } = levelOf(tag);
    const hasCondition = tag !== `${name} ${version}`;
    const line = file.getLineAndCharacterOfPosition(at.getStart()).line + 1;
    const where = `${relative(ROOT, file.fileName)}:${line}`;
    if (hasCondition) {
      if (!CONDITIONAL[member]) unread.push(`${where} ${member}: "${tag}" names a condition the audit does not read`);
      else version = CONDITIONAL[member](at);
    }
    const levels = pathLevel(file.fileName, guards(at, checker));
    const fn = enclosingFunction(at);
    const allowed = GUARDED_ELSEWHERE.some((g) => g.fn === fn && g.member === member);
    const have = levels.get(name);
    const path = have ? `${name} ${have}` : `no ${name}`;
    uses.push({ file: where.replace(/:\d+$/, ''), line, member, set: `${name} ${version}`, path, fn });
    if (!allowed && (!have || newerThan(version, have))) above.push(`${where} ${member} needs ${name} ${version}; the path checks ${path}`);
  };

  /** Follow a load path ('items/name') from a type, member by member. */
  const followPath = (file: ts.SourceFile, at: ts.Node, type: ts.Type, path: string): void => {
    let t: ts.Type | undefined = type;
    for (const seg of path.split('/').map((s) => s.trim())) {
      if (!t || !seg) return;
      const prop = checker.getPropertyOfType(checker.getNonNullableType(t), seg);
      if (!prop) {
        unread.push(
          `${relative(ROOT, file.fileName)}:${file.getLineAndCharacterOfPosition(at.getStart()).line + 1} load('${path}'): no member ${seg}`,
        );
        return;
      }
      record(file, at, prop.declarations?.[0]);
      const pt = checker.getNonNullableType(checker.getTypeOfSymbol(prop));
      t = pt.getNumberIndexType() ?? pt;
    }
  };

  /** The strings a load() argument can be: literals, arrays, conditionals, and calls of a local function returning them. */
  const loadNames = (e: ts.Expression, file: ts.SourceFile, at: ts.Node, type: ts.Type): boolean => {
    e = strip(e);
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) {
      e.text.split(',').forEach((p) => followPath(file, e, type, p));
      return true;
    }
    if (ts.isArrayLiteralExpression(e)) return e.elements.every((x) => loadNames(x, file, at, type));
    if (ts.isConditionalExpression(e)) return loadNames(e.whenTrue, file, at, type) && loadNames(e.whenFalse, file, at, type);
    if (ts.isObjectLiteralExpression(e)) return true; // its properties are visited as object-literal uses
    if (ts.isCallExpression(e) && e.arguments.length === 0) {
      const decl = checker.getSymbolAtLocation(e.expression)?.valueDeclaration;
      const body =
        decl && ts.isVariableDeclaration(decl) && decl.initializer && ts.isArrowFunction(decl.initializer)
          ? decl.initializer.body
          : undefined;
      if (body && !ts.isBlock(body)) return loadNames(body, file, at, type);
    }
    return false;
  };

  for (const file of files.map((f) => prog.getSourceFile(f)!)) {
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const sym = checker.getSymbolAtLocation(node.name);
        record(file, node.name, sym?.declarations?.[0]);
        if (node.name.text === 'load' && ts.isCallExpression(node.parent) && node.parent.expression === node && sym?.declarations?.[0]) {
          const owner = memberKey(sym.declarations[0]);
          if (owner?.startsWith('Excel.') || owner?.startsWith('Office.')) {
            const arg = node.parent.arguments[0];
            const type = checker.getTypeAtLocation(node.expression);
            if (arg && !loadNames(arg, file, arg, type))
              unread.push(
                `${relative(ROOT, file.fileName)}:${file.getLineAndCharacterOfPosition(arg.getStart()).line + 1} load(${arg.getText()}): not read`,
              );
          }
        }
      }
      if (ts.isObjectLiteralExpression(node)) {
        const type = checker.getContextualType(node);
        if (type)
          for (const p of node.properties) {
            if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
            const prop = checker.getPropertyOfType(checker.getNonNullableType(type), p.name.text);
            record(file, p.name, prop?.declarations?.[0]);
          }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { uses, above, unread };
}

const result = audit([...OFFICE_SOURCE, FUNCTIONS]);

test('no Office member is used above the requirement set its code path checks', () => {
  expect(result.above).toEqual([]);
});

test('every use the audit met is read: no load() name it cannot follow, no condition it does not know', () => {
  expect(result.unread).toEqual([]);
});

test('the audit sees the uses it is meant to: loads, calls, enum members, guarded ones, in every file', () => {
  const members = new Set(result.uses.map((u) => u.member));
  expect(result.uses.length).toBeGreaterThan(200);
  for (const m of [
    'Excel.CustomXmlPart.id', // only ever named in load('items/id,items/namespaceUri')
    'Excel.Range.columnCount', // only ever named in load([...])
    'Excel.ConditionalFormatType.custom',
    'Excel.Worksheet.pageLayout',
    'Excel.Range.getMergedAreasOrNullObject',
    'Excel.TableRowCollection.add',
    'CustomFunctions.ErrorCode.notAvailable',
  ])
    expect(members).toContain(m);
  const files = new Set(result.uses.map((u) => u.file));
  for (const f of ['excel.ts', 'overview.ts', 'marks.ts']) expect(files).toContain(`src/hosts/excel/${f}`);
  expect(files).toContain('src/functions/functions.ts');
  const merged = result.uses.find((u) => u.member === 'Excel.Range.getMergedAreasOrNullObject')!;
  expect(merged).toMatchObject({ set: 'ExcelApi 1.13', path: 'ExcelApi 1.13' });
});

test('every allowance for a guard elsewhere is still needed', () => {
  for (const g of GUARDED_ELSEWHERE) {
    const used = result.uses.some((u) => u.fn === g.fn && u.member === g.member);
    expect(`${g.fn} ${g.member} ${used ? 'used' : 'not used'}`).toBe(`${g.fn} ${g.member} used`);
  }
});

test('the audit fails what it should: unguarded, guarded too low, several rows, load paths; and passes the guarded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audit-'));
  const file = join(dir, 'sample.ts');
  writeFileSync(
    file,
    `import { supports } from ${JSON.stringify(join(EXCEL_DIR, 'requirements'))};
export function a(ws: Excel.Worksheet): void {
  ws.getRangeByIndexes(0, 0, 1, 1);
  if (supports('ExcelApi 1.7')) ws.getRangeByIndexes(0, 0, 1, 1);
  if (supports('ExcelApi 1.6')) ws.getRangeByIndexes(0, 0, 1, 1);
  const r = supports('ExcelApi 1.8') && supports('ExcelApi 1.2') ? ws.getRangeByIndexes(0, 0, 1, 1) : null;
  if (r && supports('ExcelApi 1.2')) r.load('format/columnWidth');
  ws.getRange('A1').load(['values', 'format/columnWidth']);
}
export function b(ws: Excel.Worksheet, t: Excel.Table, rows: string[][]): void {
  t.rows.add(undefined, [rows[0]]);
  t.rows.add(undefined, rows);
  if (!ws || !supports('ExcelApi 1.9')) return;
  ws.pageLayout.zoom = { scale: 50 };
  for (const x of supports('ExcelApi 1.13') ? rows : []) ws.getRange(x[0]).getMergedAreasOrNullObject();
}
`,
  );
  try {
    const r = audit([file]);
    const rel = relative(ROOT, file);
    expect(r.above).toEqual([
      `${rel}:3 Excel.Worksheet.getRangeByIndexes needs ExcelApi 1.7; the path checks ExcelApi 1.1`,
      `${rel}:5 Excel.Worksheet.getRangeByIndexes needs ExcelApi 1.7; the path checks ExcelApi 1.6`,
      `${rel}:8 Excel.RangeFormat.columnWidth needs ExcelApi 1.2; the path checks ExcelApi 1.1`,
      `${rel}:12 Excel.TableRowCollection.add needs ExcelApi 1.4; the path checks ExcelApi 1.1`,
    ]);
    expect(r.unread).toEqual([]);
    expect(r.uses.filter((u) => u.member === 'Excel.PageLayoutZoomOptions.scale')).toMatchObject([{ path: 'ExcelApi 1.9' }]);
    expect(r.uses.filter((u) => u.member === 'Excel.Range.getMergedAreasOrNullObject')).toMatchObject([{ path: 'ExcelApi 1.13' }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * Members the fake host does not check one by one, because they are reached only through one it checks: the fake
 * cannot be at a lower level for them than for the member they come from.
 */
const REACHED_THROUGH: [RegExp, string][] = [
  [/^Excel\.CustomXmlPart(Collection)?\./, 'Excel.Workbook.customXmlParts'],
  [/^Excel\.(PageLayout|PageLayoutZoomOptions|HeaderFooter|HeaderFooterGroup)\./, 'Excel.Worksheet.pageLayout'],
  [
    /^Excel\.(Range\.conditionalFormats|ConditionalFormat\.|CustomConditionalFormat\.|ConditionalFormatRule\.|ConditionalRange|ConditionalFormatType)/,
    'Excel.ConditionalFormatCollection.add',
  ],
  [/^Excel\.RangeAreas\./, 'Excel.Range.getMergedAreasOrNullObject'],
  [/^Excel\.Worksheet\.freezePanes$/, 'Excel.WorksheetFreezePanes.freezeAt'],
];

test('the fake host checks the level of every member above ExcelApi 1.1 the add-in uses, or of the member it is reached through', () => {
  const fake = readFileSync(join(ROOT, 'test', 'fakes', 'fakeExcel.ts'), 'utf8');
  const above = [...new Set(result.uses.filter((u) => u.set.startsWith('ExcelApi ') && u.set !== 'ExcelApi 1.1').map((u) => u.member))];
  expect(above.length).toBeGreaterThan(10);
  const unchecked = above.filter((m) => {
    const via = REACHED_THROUGH.find(([re]) => re.test(m))?.[1] ?? m;
    return !fake.includes(`uses('${via}'`);
  });
  expect(unchecked).toEqual([]);
});
