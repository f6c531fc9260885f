/** Test helpers: a command line split as a POSIX shell splits it, and `plan` run in-process. */
import { run } from '../../src/cli/main';

/** Words of a command line: single and double quotes, backslash escapes; no expansion. Stops at an unquoted `#`. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed ' in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (ch === '"') {
      let j = i + 1;
      let text = '';
      for (; j < line.length && line[j] !== '"'; j++) text += line[j] === '\\' && /["\\$`]/.test(line[j + 1]) ? line[++j] : line[j];
      if (j >= line.length) throw new Error(`unclosed " in: ${line}`);
      word = (word ?? '') + text;
      i = j;
    } else if (ch === '\\') word = (word ?? '') + line[++i];
    else if (/\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (ch === '#' && word === null) break;
    else word = (word ?? '') + ch;
  }
  if (word !== null) words.push(word);
  return words;
}

export interface Ran {
  code: number;
  out: string;
  err: string;
}

/** `plan …` in-process, in a Chinese system locale unless `env` says otherwise. */
export async function plan(args: string[], env: Record<string, string | undefined> = { LANG: 'zh_CN.UTF-8' }): Promise<Ran> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n'), env });
  return { code, out: out.trim(), err: err.trim() };
}
