import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandUsage, OPTIONS, systemLang, usage } from '../../src/cli/main';
import { plan as planIn, shellWords, type Ran } from './shell';

/** `plan …` in a Chinese system locale. */
const plan = (...args: string[]): Promise<Ran> => planIn(args);
/** `plan …` in an English system locale. */
const planEn = (...args: string[]): Promise<Ran> => planIn(args, { LANG: 'en_US.UTF-8' });
const tmp = (): string => mkdtempSync(join(tmpdir(), 'plan-'));
/** A message without the usage that follows it. */
const message = (r: Ran): string => r.err.split('\n\n')[0];

test('regions lists the five plans', async () => {
  const r = await plan('regions');
  expect(r.code).toBe(0);
  for (const name of ['江西', '九江', '吉安', '上饶', '赣州']) expect(r.out).toContain(name);
  expect(r.out).toContain('赣府发〔2021〕22号');
});

test('target, baseline, status, gap, progress, required, info', async () => {
  expect(await plan('target', '赣州', '高新技术企业', '2025')).toMatchObject({ code: 0, out: '2000' });
  expect((await plan('target', '赣州', '高新技术企业', '2023', '--path', 'cagr')).out).toMatch(/^1515\.7/);
  expect(await plan('baseline', '九江', '高企')).toMatchObject({ code: 0, out: '710' });
  const s = await plan('status', '吉安', '技术合同成交额', '2023', '19.5');
  expect(s.code).toBe(0);
  expect(s.out).toMatch(/^略滞后/);
  expect((await plan('status', '吉安', '技术合同成交额', '2023', '19.5', '--lang', 'en')).out).toMatch(/^slightly behind/);
  expect((await plan('gap', '赣州', '高新技术企业', '2023', '1500')).out).toBe('-100');
  expect((await plan('progress', '赣州', '高新技术企业', '1500')).out).toBe('0.5');
  expect((await plan('required', '赣州', '高新技术企业', '2024', '1600')).out).toMatch(/^0\.25 /);
  expect((await plan('info', '赣州', '高新技术企业', 'conflicts')).out).toContain('1107');
});

test('table prints the region table with its title and notes', async () => {
  const r = await plan('table', '贛州');
  expect(r.code).toBe(0);
  expect(r.out).toContain('赣州市“十四五”科技创新规划（赣市府发〔2022〕2号）');
  expect(r.out).toContain('新增 2-5');
  expect(r.out).toContain('国家级科技创新基地');
});

test('export --json has the documented shape', async () => {
  const r = await plan('export', '--json');
  const d = JSON.parse(r.out);
  expect(d.regions[4]).toMatchObject({ name: '赣州', level: 'city', seed: '004_2f23a6af36b04d93.txt' });
  const bases = d.entries.find(
    (e: { region: string; indicator: string }) => e.region === '赣州' && e.indicator === 'national_innovation_bases',
  );
  expect(bases).toMatchObject({
    name: '国家级科技创新基地',
    unit: '个',
    values: { '2020': { raw: '34', value: 34 } },
    target: { year: 2025, raw: '新增 2-5', value: 36, low: 36, high: 39, qualifier: '新增' },
    source: { seed: '004_2f23a6af36b04d93.txt', kind: 'table' },
  });
  expect(bases.source.line).toBeGreaterThan(200);
  expect(d.checksum).toMatch(/^[0-9a-f]{16}$/);
});

test('bad arguments: a clear message and a non-zero exit', async () => {
  expect(await plan()).toMatchObject({ code: 2 });
  expect((await plan('frobnicate')).code).toBe(2);
  expect((await plan('target', '赣州')).err).toContain('缺少参数');
  const r = await plan('target', '南昌', '高新技术企业');
  expect(r.code).toBe(1);
  expect(r.err).toContain('南昌');
  expect((await plan('target', '赣州', '高新技术企业', '2030')).err).toContain('2019–2025');
  expect((await plan('status', '赣州', '高新技术企业', '2023', 'lots')).err).toContain('实际值');
  expect((await plan('target', '赣州', '高新技术企业', '--path', 'log')).code).toBe(1);
  expect((await plan('export')).code).toBe(2);
  expect((await plan('eval', '--csv', '/nonexistent/file.csv')).code).toBe(2);
});

test('eval: several formulas, mixing PLAN with built-ins', async () => {
  const r = await plan(
    'eval',
    '=PLAN.TARGET("赣州","高新技术企业",2025)',
    '=PLAN.TARGET("九江","技术合同成交额")-PLAN.BASELINE("九江","技术合同成交额")',
    'ROUND(PLAN.TARGET("吉安","R&D投入占GDP",2023),3)',
  );
  expect(r.code).toBe(0);
  expect(r.out.split('\n')).toEqual(['2000', '61.6', '1.968']); // 1.47 + (2.3 − 1.47)·3/5;
});

test('eval: errors are reported with their message and a non-zero exit', async () => {
  const r = await plan('eval', '=PLAN.TARGET("南昌","高企")');
  expect(r.code).toBe(1);
  expect(r.out).toBe('#N/A');
  expect(r.err).toContain('南昌');
});

test('eval --csv: a sheet whose cells reference each other', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-'));
  const file = join(dir, 'sheet.csv');
  writeFileSync(
    file,
    '地区,指标,年份,实际,目标,状态\n赣州,高新技术企业,2023,1200,"=PLAN.TARGET(A2,B2,C2)","=PLAN.STATUS(A2,B2,C2,D2)"\n九江,高企,2024,1150,"=PLAN.TARGET(A3,B3,C3)","=PLAN.STATUS(A3,B3,C3,D3)"\n',
  );
  const r = await plan('eval', '--csv', file);
  expect(r.code).toBe(0);
  expect(r.out.split('\n')).toEqual([
    '地区,指标,年份,实际,目标,状态',
    '赣州,高新技术企业,2023,1200,1600,滞后',
    '九江,高企,2024,1150,1102,符合进度',
  ]);
});

describe('strict commands', () => {
  test('extra arguments exit 2 with the usage of that one command, and write nothing', async () => {
    const dir = tmp();
    const file = join(dir, 'x.xlsx');
    const r = await plan('workbook', '-o', file, 'extra', 'junk');
    expect(r.code).toBe(2);
    expect(message(r)).toBe('多余的参数：extra junk');
    expect(r.err).toContain('用法: plan workbook [--method linear|cagr|eurostat|trend] [-o, --output 文件.xlsx] [--region 地区]');
    expect(r.err).not.toContain('plan status');
    expect(existsSync(file)).toBe(false);
    expect((await plan('target', '赣州', '高企', '2025', '2024')).code).toBe(2);
    expect((await plan('regions', 'all')).code).toBe(2);
  });

  test("the usage's own [--region 赣州], pasted literally, is refused with a word about brackets", async () => {
    const r = await plan('workbook', '-o', join(tmp(), 'x.xlsx'), '[--region', '赣州]');
    expect(r.code).toBe(2);
    expect(r.err).toContain('多余的参数：[--region 赣州]');
    expect(r.err).toContain('方括号 [ ] 表示可以省略');
    expect((await planEn('workbook', '[--region', '赣州]')).err).toContain('square brackets [ ] in the usage mark what may be left out');
  });

  test('missing arguments are named one by one, and only those', async () => {
    const r = await plan('status', '吉安', '技术合同成交额', '2023');
    expect(r.code).toBe(2);
    expect(message(r)).toBe('缺少参数：\n  <实际值>  当年的实际数值');
    const two = await plan('status', '吉安');
    expect(
      message(two)
        .split('\n')
        .map((l) => l.trim().split(/\s+/)[0]),
    ).toEqual(['缺少参数：', '<指标>', '<年份>', '<实际值>']);
    expect(message(await planEn('progress', 'Ganzhou'))).toBe(
      'missing arguments:\n  <indicator>  an indicator name, e.g. 高新技术企业 or "high-tech enterprises"\n  <actual>     the figure for that year',
    );
  });

  test('an unknown command gets "did you mean" and no wall of usage', async () => {
    const r = await plan('tartget', '赣州', '高企');
    expect(r.code).toBe(2);
    expect(r.err).toBe('未知命令“tartget”；是否指 target？\n\n全部命令：plan --help');
    expect((await planEn('stauts')).err).toMatch(/^unknown command "stauts"; did you mean status\?/);
    expect((await plan('frobnicate')).err).toMatch(/^未知命令“frobnicate”\n/);
  });

  test('unknown options, options of another command, options without their value', async () => {
    const typo = await plan('workbook', '--regoin', '赣州');
    expect(typo.code).toBe(2);
    expect(message(typo)).toBe('未知选项 --regoin；是否指 --region？');
    // --region is for workbook and, with --plan (issue 14), for the commands that load a plan table.
    expect(message(await plan('export', '--json', '--regoin', 'x'))).toBe(
      '未知选项 --regoin；是否指 --region？（--region 用于 workbook、eval、target、baseline、status、table、publish、regions、indicators、compare、gap、progress、required、info、assess、actual）',
    );
    expect(message(await plan('target', '赣州', '高企', '--region', 'x'))).toBe('--region 需与 --plan 同用');
    expect(message(await planEn('target', '赣州', '高企', '--csv', 'x'))).toBe('target has no option --csv (--csv is for eval)');
    expect(message(await plan('workbook', '--region'))).toBe('选项 --region 需要一个值：地区');
    expect(message(await plan('export', '--json=yes'))).toBe('选项 --json 不带值');
    expect(message(await plan('target', '赣州', '高企', '--lang', 'fr'))).toBe('--lang 只能是 zh 或 en，而不是“fr”');
    for (const r of [typo, await plan('target', '赣州', '高企', '--csv', 'x')])
      expect(r.err).not.toMatch(/Unknown option|parseArgs|positional/);
  });

  test('negative numbers are values, not options', async () => {
    expect(await plan('gap', '赣州', '高新技术企业', '2023', '-5')).toMatchObject({ code: 0, out: '-1605' });
    expect((await plan('progress', '赣州', '高新技术企业', '-0.5')).code).toBe(0);
  });

  /** The commands, as `plan --help` lists them. */
  const names = (): string[] =>
    usage('en')
      .split('\n')
      .map((l) => /^ {2}(\w+)/.exec(l)?.[1])
      .filter((n): n is string => !!n);

  test('--help: one command, or all of them, on stdout with exit 0', async () => {
    const r = await plan('status', '--help');
    expect(r).toMatchObject({ code: 0, out: commandUsage('status', 'zh') });
    expect((await plan('-h')).out).toBe(usage('zh'));
    expect((await planEn('help', 'eval')).out).toBe(commandUsage('eval', 'en'));
    expect((await plan('help', 'tartget')).code).toBe(2);
    expect(usage('en')).toMatch(/^usage: plan <command>/);
    expect(usage('zh')).not.toMatch(/usage|list the regions/);
  });

  test('every page the help points to exists, and says what the help sends a reader there for', () => {
    const text = [usage('zh'), usage('en'), ...names().flatMap((n) => [commandUsage(n, 'zh'), commandUsage(n, 'en')])].join('\n');
    const pages = [...new Set(text.match(/docs\/[\w-]+\.md/g) ?? [])].sort();
    expect(pages).toEqual(['docs/assessment.md', 'docs/cli.md', 'docs/plans-from-tables.md']);
    for (const p of pages) expect(existsSync(join(__dirname, '..', '..', p))).toBe(true);
    expect(text).not.toMatch(/README/);
    expect(readFileSync(join(__dirname, '..', '..', 'docs/cli.md'), 'utf8')).toContain('plan eval --csv');
  });

  test("every command's usage example runs", async () => {
    const dir = tmp();
    expect(names()).toHaveLength(19);
    expect((await plan('publish', '--out', join(dir, 'pkg'))).code).toBe(0); // seal's example seals a package
    for (const name of names()) {
      const line = /example: (.*)$/m.exec(commandUsage(name, 'en'))![1];
      const words = shellWords(line).slice(1);
      const o = words.indexOf('-o');
      if (o >= 0) words[o + 1] = join(dir, words[o + 1]);
      const out = words.indexOf('--out');
      if (out >= 0) words[out + 1] = join(dir, words[out + 1]);
      if (name === 'seal') words[1] = join(dir, words[1]);
      const r = await plan(...words);
      expect({ line, code: r.code, err: r.err }).toEqual({ line, code: 0, err: '' });
    }
  });

  test('each option is one entry of OPTIONS, and shows in the usage of the commands that take it', () => {
    for (const [name, o] of Object.entries(OPTIONS)) {
      for (const c of o.commands) expect(commandUsage(c, 'en')).toContain(`--${name}`);
    }
    expect(commandUsage('regions', 'en')).not.toContain('--path');
  });
});

describe('languages', () => {
  test('every message follows --lang', async () => {
    const r = await plan('status', '吉安', '技术合同成交额', '2023', '--lang', 'en');
    expect(r.err).toMatch(
      /^missing argument:\n {2}<actual> {2}the figure for that year\n\nusage: plan status <region> <indicator> <year> <actual>/,
    );
    expect(message(r)).not.toMatch(/[\u4e00-\u9fff]/);
    expect((await planEn('target', '赣州', '高企', '--lang', 'zh')).err).toBe('');
    expect((await planEn('target', '南昌', '高企', '--lang', 'zh')).err).toContain('不在本数据中');
  });

  test('without --lang, messages follow the system locale', async () => {
    expect((await planEn('target', '南昌', '高企')).err).toMatch(/^The plan of Nanchang is not in this dataset/);
    expect((await planIn(['frobnicate'], { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' })).err).toMatch(/^未知命令/);
    expect(systemLang({ LANG: 'zh_TW.UTF-8' }, 'linux')).toBe('zh');
    expect(systemLang({ LANG: 'de_DE.UTF-8' }, 'linux')).toBe('en');
    expect(systemLang({ LC_MESSAGES: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' }, 'linux')).toBe('en');
    expect(systemLang({ LANG: 'zh_CN.UTF-8', LANGUAGE: 'en_US:zh_CN' }, 'linux')).toBe('en');
    expect(systemLang({ LANG: 'C.UTF-8', LANGUAGE: 'en_US' }, 'linux')).toBe('zh'); // C locale: Chinese first
    expect(systemLang({}, 'linux')).toBe('zh');
  });
});

describe('formula errors in plan eval', () => {
  test('the three formulas of issue 19, in both languages', async () => {
    const paren = await plan('eval', '=PLAN.TARGET("赣州","高新技术企业",2025');
    expect(paren).toMatchObject({ code: 1, out: '#ERROR!' });
    expect(paren.err).toContain('PLAN.TARGET( 缺少右括号“)”。例如：=PLAN.TARGET("赣州","高新技术企业",2025)');
    expect((await planEn('eval', '=PLAN.TARGET("赣州","高新技术企业",2025')).err).toContain('PLAN.TARGET( has no closing ")"');

    const curly = await plan('eval', '=PLAN.TARGET(“赣州”,“高新技术企业”,2025)');
    expect(curly).toMatchObject({ code: 0, out: '2000' });
    expect(curly.err).toContain('已按英文半角读取');
    expect((await planEn('eval', '=PLAN.TARGET(“赣州”,“高新技术企业”,2025)')).err).toContain('Excel needs straight quotes');

    const arity = await plan('eval', '=PLAN.TARGET("赣州")');
    expect(arity).toMatchObject({ code: 1, out: '#N/A' });
    expect(arity.err).toContain('PLAN.TARGET 缺少参数“指标”（第2个）');
    expect((await planEn('eval', '=PLAN.TARGET("赣州")')).err).toContain('PLAN.TARGET is missing an argument: the 2nd, indicator');
    for (const r of [paren, arity]) expect(r.err).not.toMatch(/Parsing error|Wrong number|RParen/);
  });
});

test('a bare R&D / 研发 is read as R&D intensity, with a note', async () => {
  const r = await plan('baseline', '江西', 'R&D');
  expect(r).toMatchObject({ code: 0, out: '1.68' });
  expect(r.err).toMatch(/^注：“R&D”按最常见的含义读作“全社会研发经费支出占地区生产总值之比”；也可能指：研发人员；/);
  const jj = await planEn('target', '九江', '研发');
  expect(jj.out).toBe('2.5');
  expect(jj.err).toMatch(
    /^Note: "研发" was read in its common meaning, R&D expenditure as % of GDP; it could also mean: Gross R&D expenditure;/,
  );
  expect((await plan('target', '赣州', '高企')).err).toBe('');
});

describe('bin/plan.js', () => {
  const bin = join(__dirname, '../../bin/plan.js');
  test('plan workbook -o x.xlsx extra exits 2 in a real process', () => {
    const dir = tmp();
    const r = spawnSync(process.execPath, [bin, 'workbook', '-o', 'x.xlsx', 'extra'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en_US.UTF-8' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^unexpected argument: extra/);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });
  test('a pipe closed early (| head) ends quietly, not with an EPIPE crash', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; node ${JSON.stringify(bin)} export --json | head -c 1 >/dev/null`], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('eval --csv: CSV mistakes', () => {
  const csvFile = (text: string): string => {
    const file = join(tmp(), 'sheet.csv');
    writeFileSync(file, text);
    return file;
  };
  test('a formula with commas but no double quotes around the cell: the cell as CSV wants it', async () => {
    const r = await plan('eval', '--csv', csvFile('赣州,=PLAN.TARGET(A1,"高企",2025)\n'));
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'B1: #ERROR! 这个公式含逗号，在 CSV 中整个单元格要用双引号括起来（公式中的双引号写两遍）："=PLAN.TARGET(A1,""高企"",2025)"',
    );
    const fixed = await plan('eval', '--csv', csvFile('赣州,"=PLAN.TARGET(A1,""高企"",2025)"\n'));
    expect(fixed).toMatchObject({ code: 0, out: '赣州,2000' });
  });
  test('a quote never closed: exit 2 with the line, not a crash', async () => {
    const r = await planEn('eval', '--csv', csvFile('a,b\n"赣州,1\n'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^The CSV cannot be read at line 2: a double quote is not closed\./);
  });
});
