/**
 * The engine's parse, arity and name errors ("Parsing error. Expecting token of type --> RParen <--",
 * "Wrong number of arguments.") in our own words, in Chinese or English: which function, which argument is
 * missing or wrong, and a corrected formula that parses. Used by `plan eval` and every headless path.
 */
import { distance } from 'fastest-levenshtein';
import { HyperFormula } from 'hyperformula';
import type { Lang } from '../core/plan/plan';
import type { FunctionId } from '../functions/impl';
import { ARITY, createEngine } from './engine';
import { readFormula } from './quotes';

/** A parameter: its Chinese and English name, and an example value as a formula writes it. */
type Param = readonly [zh: string, en: string, example: string];
const REGION: Param = ['地区', 'region', '"赣州"'];
const INDICATOR: Param = ['指标', 'indicator', '"高新技术企业"'];
const YEAR: Param = ['年份', 'year', '2023'];
const ACTUAL: Param = ['实际值', 'actual value', '1500'];
const PATH: Param = ['路径', 'path', '"linear"'];
const METHOD: Param = ['方法', 'method', '"linear"'];

/** Each PLAN function's parameters in order; the first ARITY[id][0] are required. Mirrors src/functions/functions.ts. */
export const PARAMETERS: Record<FunctionId, readonly Param[]> = {
  TARGET: [REGION, INDICATOR, ['年份', 'year', '2025'], PATH],
  BASELINE: [REGION, INDICATOR, ['年份', 'year', '2020']],
  STATUS: [REGION, INDICATOR, YEAR, ACTUAL, METHOD],
  GAP: [REGION, INDICATOR, YEAR, ACTUAL, METHOD],
  PROGRESS: [REGION, INDICATOR, ACTUAL, METHOD, ['年份', 'year', '2024']],
  REQUIRED: [REGION, INDICATOR, YEAR, ACTUAL],
  INFO: [REGION, INDICATOR, ['字段', 'field', '"source"']],
  ACTUAL: [REGION, INDICATOR, ['年份', 'year', '2023'], ['字段', 'field', '"quote"']],
  REGIONS: [],
  INDICATORS: [REGION],
  TABLE: [REGION],
};

/** "PLAN.TARGET(地区, 指标, [年份], [路径])". */
export function signature(id: FunctionId, lang: Lang): string {
  const [required] = ARITY[id];
  const names = PARAMETERS[id].map((p, i) => (i < required ? p[lang === 'zh' ? 0 : 1] : `[${p[lang === 'zh' ? 0 : 1]}]`));
  return `PLAN.${id}(${names.join(', ')})`;
}

/** One function call found in a formula: its name (null for plain brackets), where it is, its arguments' text. */
export interface Call {
  name: string | null;
  /** Offset of the name (or of "(" when there is none). */
  start: number;
  /** Offset of ")", or -1 when it never closes. */
  end: number;
  args: string[];
}

export interface Scan {
  calls: Call[];
  /** Calls still open at the end of the formula, outermost first. */
  unclosed: Call[];
  /** Offset of the first ")" that closes nothing. */
  strayClose: number | null;
  /** Offset of a text's opening quote that never closes. */
  unclosedString: number | null;
}

/** A light reading of a formula's brackets, strings and arguments: enough to say what is wrong with it. */
export function scan(formula: string): Scan {
  const calls: Call[] = [];
  const stack: ({ kind: 'call'; call: Call; argStart: number } | { kind: 'brace' })[] = [];
  let strayClose: number | null = null;
  let unclosedString: number | null = null;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    const top = stack[stack.length - 1];
    if (ch === '"') {
      const start = i;
      for (i++; i < formula.length; i++) {
        if (formula[i] === '"') {
          if (formula[i + 1] === '"') i++;
          else break;
        }
      }
      if (i >= formula.length) unclosedString = start;
    } else if (ch === '(') {
      const name = /([A-Za-z_][A-Za-z0-9_.]*)\s*$/.exec(formula.slice(0, i));
      const call: Call = { name: name ? name[1] : null, start: name ? name.index : i, end: -1, args: [] };
      stack.push({ kind: 'call', call, argStart: i + 1 });
    } else if (ch === '{') stack.push({ kind: 'brace' });
    else if (ch === '}' && top?.kind === 'brace') stack.pop();
    else if (ch === ',' && top?.kind === 'call') {
      top.call.args.push(formula.slice(top.argStart, i));
      top.argStart = i + 1;
    } else if (ch === ')') {
      if (top?.kind === 'call') {
        stack.pop();
        const last = formula.slice(top.argStart, i);
        if (top.call.args.length > 0 || last.trim() !== '') top.call.args.push(last);
        top.call.end = i;
        calls.push(top.call);
      } else if (strayClose === null) strayClose = i;
    }
  }
  const unclosed = stack.flatMap((f) => (f.kind === 'call' ? [f.call] : []));
  for (const f of stack) if (f.kind === 'call') f.call.args.push(formula.slice(f.argStart));
  return { calls, unclosed, strayClose, unclosedString };
}

let validator: HyperFormula | undefined;

/** Whether the engine can parse `formula`. */
export function parses(formula: string): boolean {
  validator ??= createEngine({ Sheet1: [[]] });
  return validator.validateFormula(formula);
}

function planId(name: string | null): FunctionId | undefined {
  const m = name ? /^PLAN\.([A-Z]+)$/i.exec(name) : null;
  const id = m?.[1].toUpperCase();
  return id && id in ARITY ? (id as FunctionId) : undefined;
}

const ordinal = (n: number, lang: Lang): string =>
  lang === 'zh'
    ? `第${n}个`
    : `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

function example(formula: string, lang: Lang): string {
  return lang === 'zh' ? `例如：${formula}` : `For example: ${formula}`;
}

/** "use straight quotes", said when the formula has quotes that could not be read as straight ones. */
function quoteHint(original: string, lang: Lang): string {
  const r = readFormula(original);
  const hasOther = r.unreadable || r.changed || /[“”＂‘’＇]/.test(original);
  if (!hasOther) return '';
  return lang === 'zh'
    ? 'Excel 公式中的文字须用英文直引号 " 括起来，如 "赣州"（Excel 不认中文引号“”和单引号 \'）。'
    : 'In an Excel formula, text goes in straight double quotes ", as in "Ganzhou" (Excel does not take curly “” or single \' quotes).';
}

/** Sentences joined as each language writes them: Chinese without spaces after 。, English with. */
function join(parts: string[], lang: Lang): string {
  return parts.filter(Boolean).join(lang === 'zh' ? '' : ' ');
}

/** Why a formula does not parse, and a corrected formula when one simple change makes it parse. */
export function explainParse(original: string, lang: Lang): string {
  const formula = readFormula(original).formula;
  const s = scan(formula);
  const zh = lang === 'zh';
  const hint = quoteHint(original, lang);
  const tryFix = (fixed: string): string => (fixed !== formula && parses(fixed) ? example(fixed, lang) : '');
  if (s.unclosedString !== null) {
    const fixed = `${formula}"${')'.repeat(s.unclosed.length)}`;
    return join(
      [
        zh
          ? `公式无法解析：从第${s.unclosedString + 1}个字符起的文字缺少结尾的引号 "。`
          : `The formula cannot be read: the text starting at character ${s.unclosedString + 1} has no closing quote ".`,
        hint,
        tryFix(fixed),
      ],
      lang,
    );
  }
  if (s.strayClose !== null) {
    const fixed = formula.slice(0, s.strayClose) + formula.slice(s.strayClose + 1);
    return join(
      [
        zh
          ? `公式无法解析：第${s.strayClose + 1}个字符处多了一个右括号“)”。`
          : `The formula cannot be read: there is one ")" too many at character ${s.strayClose + 1}.`,
        hint,
        tryFix(fixed),
      ],
      lang,
    );
  }
  if (s.unclosed.length > 0) {
    const inner = s.unclosed[s.unclosed.length - 1];
    const what = inner.name ? `${inner.name}(` : '(';
    const n = s.unclosed.length;
    const fixed = formula.replace(/\s+$/, '') + ')'.repeat(n);
    return join(
      [
        zh
          ? `公式无法解析：${what} 缺少右括号“)”${n > 1 ? `（共缺${n}个）` : ''}。`
          : `The formula cannot be read: ${what} has no closing ")"${n > 1 ? ` (${n} are missing)` : ''}.`,
        hint,
        tryFix(fixed),
      ],
      lang,
    );
  }
  if (hint) {
    const doubled = formula
      .split(/("(?:[^"]|"")*"?)/)
      .map((part, i) => (i % 2 === 1 ? part : part.replace(/[‘’＇']([^‘’＇'"]*)[‘’＇'](?!!)/g, '"$1"')))
      .join('');
    return join([zh ? '公式无法解析：' : 'The formula cannot be read.', hint, tryFix(doubled)], lang);
  }
  const quoted = quoteBareText(formula);
  if (quoted !== formula) {
    return join(
      [
        zh
          ? '公式无法解析：文字（如地区、指标名称）要用英文直引号 " 括起来。'
          : 'The formula cannot be read: text (a region, an indicator name) needs straight quotes " around it.',
        tryFix(quoted),
      ],
      lang,
    );
  }
  return join(
    [
      zh ? '公式无法解析：请检查括号、逗号和引号。' : 'The formula cannot be read: check its brackets, commas and quotes.',
      hint,
      zh ? '例如：=PLAN.TARGET("赣州","高新技术企业",2025)' : 'For example: =PLAN.TARGET("赣州","高新技术企业",2025)',
    ],
    lang,
  );
}

/** Chinese words outside quotes, quoted: =PLAN.TARGET(赣州,高企) → =PLAN.TARGET("赣州","高企"). */
function quoteBareText(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*"?)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\u3400-\u9fff\uf900-\ufaff][\u3400-\u9fff\uf900-\ufaff\w]*/g, '"$&"')))
    .join('');
}

/** A bare word the engine took for a name: text without its quotes, most likely. */
export function explainNamedExpression(original: string, name: string, lang: Lang): string {
  const formula = readFormula(original).formula;
  const fixed = formula
    .split(/("(?:[^"]|"")*"?)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(new RegExp(`(^|[^A-Za-z0-9_.$"])(${name.replace(/[.$]/g, '\\$&')})(?=$|[^A-Za-z0-9_.(])`, 'g'), '$1"$2"'),
    )
    .join('');
  return join(
    [
      lang === 'zh'
        ? `未知名称 ${name}；若是文字，请用英文直引号括起来："${name}"。`
        : `Unknown name ${name}; if it is text, put straight quotes around it: "${name}".`,
      fixed !== formula && parses(fixed) ? example(fixed, lang) : '',
    ],
    lang,
  );
}

/** The engine's limits on a built-in function's argument count, when it knows the function. */
function builtinArity(name: string): [number, number] | undefined {
  const upper = name.toUpperCase();
  const plugin = HyperFormula.getFunctionPlugin(upper);
  const meta = plugin?.implementedFunctions[upper];
  if (!meta) return undefined;
  const params = meta.parameters ?? [];
  const min = params.filter((p) => !p.optionalArg && p.defaultValue === undefined).length;
  return [min, meta.repeatLastArgs ? Infinity : params.length];
}

/** Which function has too few or too many arguments, which ones, and the formula put right. */
export function explainArity(original: string, lang: Lang): string {
  const formula = readFormula(original).formula;
  const zh = lang === 'zh';
  for (const call of scan(formula).calls) {
    const id = planId(call.name);
    const args = call.args.map((a) => a.trim());
    if (id) {
      const [required, optional] = ARITY[id];
      const params = PARAMETERS[id];
      const name = `PLAN.${id}`;
      const usage = zh ? `用法：${signature(id, lang)}。` : `Usage: ${signature(id, lang)}.`;
      const put = (newArgs: string[]): string =>
        example(formula.slice(0, call.start) + `${name}(${newArgs.join(',')})` + formula.slice(call.end + 1), lang);
      if (args.length < required) {
        const missing = params.slice(args.length, required);
        const list = missing.map((p, k) =>
          zh ? `“${p[0]}”（${ordinal(args.length + k + 1, lang)}）` : `the ${ordinal(args.length + k + 1, lang)}, ${p[1]}`,
        );
        return join(
          [
            zh
              ? `${name} 缺少参数${list.join('、')}。`
              : `${name} is missing ${missing.length > 1 ? 'arguments' : 'an argument'}: ${list.join('; ')}.`,
            usage,
            put([...args, ...missing.map((p) => p[2])]),
          ],
          lang,
        );
      }
      if (args.length > required + optional) {
        const max = required + optional;
        const extra = args.slice(max).map((a) => `“${a}”`);
        return join(
          [
            zh
              ? `${name} 最多有${max}个参数，这里有${args.length}个；多余的是${extra.join('、')}。`
              : `${name} takes at most ${max} argument${max === 1 ? '' : 's'}, not ${args.length}; the extra: ${extra.join(', ')}.`,
            usage,
            put(args.slice(0, max)),
          ],
          lang,
        );
      }
      continue;
    }
    const limits = call.name ? builtinArity(call.name) : undefined;
    if (call.name && limits && (args.length < limits[0] || args.length > limits[1])) {
      const [min, max] = limits;
      const range = max === Infinity ? (zh ? `至少${min}个` : `at least ${min}`) : min === max ? `${min}` : `${min}–${max}`;
      return zh
        ? `函数 ${call.name.toUpperCase()} 需要${range}个参数，这里有${args.length}个。`
        : `${call.name.toUpperCase()} takes ${range} argument${max === 1 ? '' : 's'}, not ${args.length}.`;
    }
  }
  return zh
    ? '某个函数的参数个数不对（若本公式无误，则来自它引用的单元格）。'
    : 'A function has the wrong number of arguments (if this formula is right, in a cell it refers to).';
}

/** "未知函数 PLAN.TAGRET；是否指 PLAN.TARGET？" with the formula put right. */
export function explainName(original: string, name: string, lang: Lang): string {
  const formula = readFormula(original).formula;
  const upper = name.toUpperCase();
  const known = [...Object.keys(ARITY).map((id) => `PLAN.${id}`), ...HyperFormula.getRegisteredFunctionNames('enGB')];
  const best = known
    .map((k) => ({ k, d: distance(k, upper) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(upper.length / 3)))
    .sort((a, b) => a.d - b.d)[0]?.k;
  const zh = lang === 'zh';
  if (!best) return zh ? `未知函数 ${name}。` : `Unknown function ${name}.`;
  const fixed = formula.replace(new RegExp(`(^|[^A-Za-z0-9_.])${name.replace(/\./g, '\\.')}(?=\\s*\\()`, 'i'), `$1${best}`);
  return join(
    [
      zh ? `未知函数 ${name}；是否指 ${best}？` : `Unknown function ${name}; did you mean ${best}?`,
      fixed !== formula && parses(fixed) ? example(fixed, lang) : '',
    ],
    lang,
  );
}

/** The engine's other messages that people meet in `plan eval`, in our words. */
const ENGINE_MESSAGES: Record<string, [string, string]> = {
  'Value cannot be coerced to number.': ['需要数字，这里是文字', 'a number is needed here, not text'],
  'No space for array result.': [
    '结果要溢出到右方和下方的单元格，但那里不是空的',
    'the result spills into cells to the right and below that are not empty',
  ],
  'Division by zero.': ['除数为零', 'division by zero'],
  'Wrong type of argument.': ['参数类型不对', 'an argument has the wrong type'],
};

const TYPE_MESSAGES: Record<string, [string, string]> = {
  DIV_BY_ZERO: ['除数为零', 'division by zero'],
  CYCLE: ['循环引用：公式引用了自己', 'circular reference: the formula refers to itself'],
  REF: ['引用无效', 'invalid reference'],
};

/**
 * Our message for an engine error in the cell whose content is `formula`. PLAN's own messages (already in the
 * user's language) pass through; parse, arity and unknown-name errors are explained.
 */
export function explainError(formula: string, error: { type: string; message: string }, lang: Lang): string {
  const m = error.message ?? '';
  if (m.startsWith('Parsing error')) return explainParse(formula, lang);
  if (m === 'Wrong number of arguments.') return explainArity(formula, lang);
  const name = /^Function name (.+) not recognized\.$/.exec(m);
  if (name) return explainName(formula, name[1], lang);
  const named = /^Named expression (.+) not recognized\.$/.exec(m);
  if (named) return explainNamedExpression(formula, named[1], lang);
  const known = ENGINE_MESSAGES[m] ?? (m === '' ? TYPE_MESSAGES[error.type] : undefined);
  if (known) return known[lang === 'zh' ? 0 : 1];
  return m;
}
