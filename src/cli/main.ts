/**
 * `plan …`: the same core for the terminal. `run` takes the arguments and an output sink and returns the exit
 * code, so tests call it directly; bin/plan.js wires it to the process.
 *
 * Strict: an unknown option, a missing or extra argument exits 2 with the usage of that one command, every
 * message in the user's language (`--lang`, else the system locale). Arguments are read by Node's
 * `util.parseArgs`; COMMANDS and OPTIONS below are the whole grammar.
 */
import { parseArgs } from 'node:util';
import { distance } from 'fastest-levenshtein';
import { useActuals, usePlan } from '../functions/impl';
import { loadPackageDir } from './datapackage';
import { planWithTables, readPlanFile, type PlanFile } from './plans';
import { dataset } from '../data/index';
import { PlanError } from '../core/errors';
import { type Lang } from '../core/plan/plan';
import {
  CsvFormatError,
  formatTable,
  GLOBAL,
  OPTIONS,
  t,
  UsageError,
  type ArgSpec,
  type CommandSpec,
  type Io,
  type OptionSpec,
  type Text,
} from './spec';
import { QUERY_COMMANDS } from './queries';
import { FILE_COMMANDS } from './files';
import { ACTUAL_COMMANDS } from './actuals';

export { displayWidth, formatTable, OPTIONS, type Io } from './spec';

function argName(a: ArgSpec, lang: Lang): string {
  const n = t(a.name, lang);
  return a.optional ? `[${n}]${a.rest ? '…' : ''}` : `<${n}>${a.rest ? '…' : ''}`;
}

function optionsOf(command: string): [string, OptionSpec][] {
  return Object.entries(OPTIONS).filter(([, o]) => o.commands.includes(command));
}

function optionText(name: string, o: OptionSpec, lang: Lang): string {
  return `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${t(o.value, lang)}` : ''}`;
}

/** The usage of one command: its line, what each argument and option means, and an example. */
export function commandUsage(name: string, lang: Lang): string {
  const c = COMMANDS[name];
  const opts = optionsOf(name);
  const line = [
    'plan',
    name,
    ...c.args.map((a) => argName(a, lang)),
    ...opts.map(([n, o]) => `[${optionText(n, o, lang)}]`),
    '[--lang zh|en]',
  ];
  const rows = [
    ...c.args.map((a) => ['  ' + argName(a, lang), t(a.hint, lang)]),
    ...opts.map(([n, o]) => ['  ' + optionText(n, o, lang), t(o.help, lang)]),
  ];
  return [
    `${lang === 'zh' ? '用法' : 'usage'}: ${line.join(' ')}`,
    `  ${t(c.help, lang)}`,
    ...(rows.length ? [formatTable(rows)] : []),
    `${lang === 'zh' ? '例如' : 'example'}: ${c.example}`,
  ].join('\n');
}

/** The list of commands. */
export function usage(lang: Lang): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => [`  ${name} ${c.args.map((a) => argName(a, lang)).join(' ')}`, t(c.help, lang)]);
  return [
    lang === 'zh' ? '用法: plan <命令> [参数] [--lang zh|en]' : 'usage: plan <command> [arguments] [--lang zh|en]',
    '',
    formatTable(rows),
    '',
    lang === 'zh' ? '每个命令的详细用法：plan <命令> --help' : 'Each command in detail: plan <command> --help',
  ].join('\n');
}

/** The language of messages when --lang is not given: the system locale (LC_ALL, LC_MESSAGES, LANG). */
export function systemLang(env: Record<string, string | undefined>, platform: string = process.platform): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const unset = locale === '' || /^(C|POSIX)([._@]|$)/i.test(locale);
  if (!unset) {
    const first = (env.LANGUAGE || locale).split(':')[0];
    return /^zh/i.test(first) ? 'zh' : 'en';
  }
  // Windows has no LANG; its display language is what Intl reports. Elsewhere an unset or C locale: Chinese first.
  if (platform === 'win32') return /^zh/i.test(Intl.DateTimeFormat().resolvedOptions().locale) ? 'zh' : 'en';
  return 'zh';
}

function parseLang(value: string): Lang | undefined {
  if (/^zh([-_].*)?$/i.test(value)) return 'zh';
  if (/^en([-_].*)?$/i.test(value)) return 'en';
  return undefined;
}

const COMMANDS: Record<string, CommandSpec> = {
  ...QUERY_COMMANDS,
  ...ACTUAL_COMMANDS,
  ...FILE_COMMANDS,
  help: {
    args: [{ name: ['命令', 'command'], hint: ['要查看用法的命令', 'the command to explain'], optional: true }],
    help: ['显示用法', 'show the usage'],
    example: 'plan help target',
    run: ({ io, args, lang }) => {
      if (args[0] && !isCommand(args[0])) throw unknownCommand(args[0]);
      io.out(args[0] ? commandUsage(args[0], lang) : usage(lang));
      return 0;
    },
  },
};

/** An own key of a table: "__proto__" and "constructor" are not options or commands. */
function has(table: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, key);
}

/** A command's name: own keys only, so "__proto__" or "constructor" is an unknown command like any other. */
function isCommand(word: string): boolean {
  return has(COMMANDS, word);
}

function closest(word: string, among: string[]): string | undefined {
  const ranked = among.map((w) => ({ w, d: distance(w, word) })).sort((a, b) => a.d - b.d);
  return ranked[0] && ranked[0].d <= Math.max(2, Math.floor(word.length / 3)) ? ranked[0].w : undefined;
}

function unknownCommand(word: string): UsageError {
  const guess = closest(word.toLowerCase(), Object.keys(COMMANDS));
  return new UsageError(
    `未知命令“${word}”${guess ? `；是否指 ${guess}？` : ''}`,
    `unknown command "${word}"${guess ? `; did you mean ${guess}?` : ''}`,
  );
}

interface Parsed {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  /** Options as typed, in order, for checking against the command. */
  given: { name: string; raw: string; value?: string; known: boolean }[];
}

/** Every word read by util.parseArgs (all options declared, so values are taken); the command's rules come after. */
function read(argv: string[]): Parsed {
  const options = Object.fromEntries(
    Object.entries({ ...OPTIONS, ...GLOBAL }).map(([name, o]) => [name, o.short ? { type: o.type, short: o.short } : { type: o.type }]),
  );
  const { tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const positionals: string[] = [];
  const values: Parsed['values'] = {};
  const given: Parsed['given'] = [];
  const seen = new Set<number>();
  for (const tok of tokens) {
    if (tok.kind === 'positional') positionals.push(tok.value);
    else if (tok.kind === 'option') {
      // A negative number ("-5", "-0.5") is a value, not an option.
      if (/^-\d|^-\.\d/.test(argv[tok.index]) && !tok.rawName.startsWith('--')) {
        if (!seen.has(tok.index)) positionals.push(argv[tok.index]);
        seen.add(tok.index);
        continue;
      }
      const known = has(OPTIONS, tok.name) || has(GLOBAL, tok.name);
      given.push({ name: tok.name, raw: tok.rawName, value: tok.value, known });
      if (known) values[tok.name] = tok.value ?? true;
    }
  }
  return { positionals, values, given };
}

function checkOptions(command: string, p: Parsed): void {
  for (const g of p.given) {
    const allowed = [...optionsOf(command).map(([n]) => n), ...Object.keys(GLOBAL)];
    if (!allowed.includes(g.name)) {
      const guess = g.known ? undefined : (closest(g.name, allowed) ?? closest(g.name, Object.keys(OPTIONS)));
      const elsewhere = (n: string): string[] => (has(OPTIONS, n) ? OPTIONS[n].commands.filter((c) => c !== command) : []);
      const where = guess && !allowed.includes(guess) ? elsewhere(guess) : g.known ? elsewhere(g.name) : [];
      const also: Text = where.length
        ? [`（--${guess ?? g.name} 用于 ${where.join('、')}）`, ` (--${guess ?? g.name} is for ${where.join(', ')})`]
        : ['', ''];
      throw new UsageError(
        g.known ? `${command} 没有选项 ${g.raw}${also[0]}` : `未知选项 ${g.raw}${guess ? `；是否指 --${guess}？` : ''}${also[0]}`,
        g.known
          ? `${command} has no option ${g.raw}${also[1]}`
          : `unknown option ${g.raw}${guess ? `; did you mean --${guess}?` : ''}${also[1]}`,
        command,
      );
    }
    const spec = has(OPTIONS, g.name) ? OPTIONS[g.name] : GLOBAL[g.name];
    if (spec.type === 'string' && (g.value === undefined || g.value === '')) {
      throw new UsageError(
        `选项 ${g.raw} 需要一个值：${t(spec.value ?? ['值', 'value'], 'zh')}`,
        `option ${g.raw} needs a value: ${t(spec.value ?? ['值', 'value'], 'en')}`,
        command,
      );
    }
    if (spec.type === 'boolean' && g.value !== undefined) {
      throw new UsageError(`选项 ${g.raw} 不带值`, `option ${g.raw} takes no value`, command);
    }
  }
}

function checkArgs(command: string, args: string[]): void {
  const specs = COMMANDS[command].args;
  const missing = specs.filter((a, i) => !a.optional && args[i] === undefined);
  if (missing.length) {
    const list = (lang: Lang): string => formatTable(missing.map((a) => [`  ${argName(a, lang)}`, t(a.hint, lang)]));
    throw new UsageError(`缺少参数：\n${list('zh')}`, `missing ${missing.length > 1 ? 'arguments' : 'argument'}:\n${list('en')}`, command);
  }
  const rest = specs.some((a) => a.rest);
  if (!rest && args.length > specs.length) {
    const extra = args.slice(specs.length);
    const brackets = extra.some((a) => /^\[|\]$/.test(a));
    throw new UsageError(
      `多余的参数：${extra.join(' ')}${brackets ? '\n（用法中的方括号 [ ] 表示可以省略，不要照抄）' : ''}`,
      `unexpected ${extra.length > 1 ? 'arguments' : 'argument'}: ${extra.join(' ')}${brackets ? '\n(square brackets [ ] in the usage mark what may be left out; do not type them)' : ''}`,
      command,
    );
  }
}

/** The longest message line shown: input echoed in a refusal is cut here, so a 10 MB name is not printed back. */
const MAX_MESSAGE_LINE = 2000;

/**
 * A message for the terminal: control characters (ESC, NUL …, not line breaks or tabs) shown escaped as \xNN, each
 * line cut at MAX_MESSAGE_LINE characters.
 */
export function terminalSafe(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
      const safe = line.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
      return safe.length > MAX_MESSAGE_LINE ? `${safe.slice(0, MAX_MESSAGE_LINE)}…` : safe;
    })
    .join('\n');
}

export function run(argv: string[], terminal: Io): number | Promise<number> {
  const io: Io = { ...terminal, err: (text) => terminal.err(terminalSafe(text)) };
  const env = io.env ?? process.env;
  let lang = systemLang(env);
  /** A refusal in the user's language: 1 for bad data, 2 for a bad command line or an unreadable file. */
  const failed = (e: unknown): number => {
    if (e instanceof PlanError) {
      io.err(e.text(lang));
      return 1;
    }
    if (e instanceof CsvFormatError) {
      io.err(t([e.zh, e.en], lang));
      return 2;
    }
    if (e instanceof UsageError) {
      const more = e.command ? commandUsage(e.command, lang) : lang === 'zh' ? '全部命令：plan --help' : 'All commands: plan --help';
      io.err(`${t([e.zh, e.en], lang)}\n\n${more}`);
      return 2;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      io.err(`${lang === 'zh' ? '无法读取文件' : 'cannot read the file'}: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  };
  try {
    const p = read(argv);
    const [command] = p.positionals;
    if (typeof p.values.lang === 'string') {
      const l = parseLang(p.values.lang);
      const known = command && isCommand(command) ? command : undefined;
      if (!l)
        throw new UsageError(`--lang 只能是 zh 或 en，而不是“${p.values.lang}”`, `--lang must be zh or en, not "${p.values.lang}"`, known);
      lang = l;
    }
    const args = p.positionals.slice(1);
    if (!command) {
      checkOptions('help', p);
      if (p.values.help) {
        io.out(usage(lang));
        return 0;
      }
      io.err(usage(lang));
      return 2;
    }
    if (!isCommand(command)) throw unknownCommand(command);
    checkOptions(command, p);
    if (p.values.help) {
      io.out(commandUsage(command, lang));
      return 0;
    }
    checkArgs(command, args);
    const files = p.given.filter((g) => g.name === 'plan').map((g) => g.value as string);
    if (!files.length && p.values.region !== undefined && command !== 'workbook') {
      throw new UsageError('--region 需与 --plan 同用', '--region goes with --plan', command);
    }
    if (!files.length && p.values.sheet !== undefined) {
      throw new UsageError('--sheet 需与 --plan 文件.xlsx 同用', '--sheet goes with --plan FILE.xlsx', command);
    }
    // The data: a published package (--data) or the compiled-in dataset, with any plan tables (--plan) beside it.
    const loaded = p.values.data !== undefined ? loadPackageDir(p.values.data as string) : undefined;
    const go = (tables: PlanFile[]): number | Promise<number> => {
      const base = loaded ? loaded.base : dataset();
      const plan = planWithTables(
        base,
        tables,
        tables.length ? (p.values.region as string | undefined) : undefined,
        loaded?.imported,
        p.values.sheet as string | undefined,
      );
      usePlan(files.length || loaded ? plan : undefined);
      // PLAN.ACTUAL in `plan eval` answers from the package's actuals under --data, as the commands do.
      useActuals(loaded?.actuals);
      return COMMANDS[command].run({ args, values: p.values, lang, plan, io, packageActuals: loaded?.actuals });
    };
    const tables = files.map((f) => readPlanFile(f, p.values.sheet as string | undefined));
    if (tables.some((t) => t instanceof Promise)) return Promise.all(tables).then(go).catch(failed);
    const answer = go(tables as PlanFile[]);
    return answer instanceof Promise ? answer.catch(failed) : answer;
  } catch (e) {
    return failed(e);
  }
}
