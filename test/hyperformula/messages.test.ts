import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DetailedCellError } from 'hyperformula';
import { evalCsv, evalFormulas } from '../../src/cli/eval';
import { setLanguage } from '../../src/functions/impl';
import { ARITY, createEngine } from '../../src/hyperformula/engine';
import { explainError, parses, PARAMETERS, scan, signature } from '../../src/hyperformula/messages';
import { readFormula } from '../../src/hyperformula/quotes';

beforeEach(() => setLanguage('zh-CN'));

/** The value and our message for one formula, as `plan eval` gives them. */
function evaluate(formula: string, lang: 'zh' | 'en' = 'zh'): { value: unknown; message: string } {
  const hf = createEngine({ Sheet1: [[formula]] });
  const value = hf.getCellValue({ sheet: 0, row: 0, col: 0 });
  hf.destroy();
  return { value, message: value instanceof DetailedCellError ? explainError(formula, value, lang) : '' };
}

/** The formula after "例如：" / "For example: ". */
function corrected(message: string): string {
  const m = /(?:例如：|For example: )(=.*)$/.exec(message);
  if (!m) throw new Error(`no corrected formula in: ${message}`);
  return m[1];
}

describe('the three formulas of issue 19', () => {
  test('a missing ")": our message in both languages, and a corrected formula that gives 2000', () => {
    const f = '=PLAN.TARGET("赣州","高新技术企业",2025';
    const zh = evaluate(f, 'zh');
    expect((zh.value as DetailedCellError).value).toBe('#ERROR!');
    expect(zh.message).toBe('公式无法解析：PLAN.TARGET( 缺少右括号“)”。例如：=PLAN.TARGET("赣州","高新技术企业",2025)');
    const en = evaluate(f, 'en');
    expect(en.message).toBe(
      'The formula cannot be read: PLAN.TARGET( has no closing ")". For example: =PLAN.TARGET("赣州","高新技术企业",2025)',
    );
    expect(evaluate(corrected(zh.message)).value).toBe(2000);
    expect(zh.message + en.message).not.toMatch(/Parsing error|RParen|token/i);
  });

  test('curly quotes from a Chinese input method are read as straight quotes', () => {
    expect(evaluate('=PLAN.TARGET(“赣州”,“高新技术企业”,2025)').value).toBe(2000);
    expect(evaluate('=PLAN.TARGET(＂赣州＂，＂高新技术企业＂，2025）').value).toBe(2000);
    const r = evalFormulas(['=PLAN.TARGET(“赣州”,“高新技术企业”,2025)'], 'en');
    expect(r.results[0][0][0]).toBe(2000);
    expect(r.errors).toEqual([]);
    expect(r.notes[0]).toMatch(/curly quotes .* read as straight ones/);
    expect(evalFormulas(['=PLAN.TARGET(“赣州”,“高新技术企业”,2025)'], 'zh').notes[0]).toContain('已按英文半角读取');
  });

  test('a missing argument is named, with the function, its usage and a corrected formula', () => {
    const f = '=PLAN.TARGET("赣州")';
    const zh = evaluate(f, 'zh');
    expect((zh.value as DetailedCellError).value).toBe('#N/A');
    expect(zh.message).toBe(
      'PLAN.TARGET 缺少参数“指标”（第2个）。用法：PLAN.TARGET(地区, 指标, [年份], [路径])。例如：=PLAN.TARGET("赣州","高新技术企业")',
    );
    const en = evaluate(f, 'en');
    expect(en.message).toBe(
      'PLAN.TARGET is missing an argument: the 2nd, indicator. Usage: PLAN.TARGET(region, indicator, [year], [path]). For example: =PLAN.TARGET("赣州","高新技术企业")',
    );
    expect(evaluate(corrected(zh.message)).value).toBe(2000);
    expect(zh.message + en.message).not.toContain('Wrong number');
  });
});

describe('reading quotes', () => {
  test.each([
    ['=PLAN.TARGET(“赣州”,“高企”)', '=PLAN.TARGET("赣州","高企")'],
    ['=PLAN.TARGET(”赣州”,”高企”)', '=PLAN.TARGET("赣州","高企")'],
    ['＝PLAN.TARGET（＂赣州＂，＂高企＂）', '=PLAN.TARGET("赣州","高企")'],
    ['=PLAN.TARGET(“赣州","高企")', '=PLAN.TARGET("赣州","高企")'],
  ])('%s → %s', (input, output) => {
    expect(readFormula(input)).toEqual({ formula: output, changed: true, unreadable: false });
  });

  test('text inside straight quotes is kept exactly, curly quotes and full-width commas included', () => {
    const f = '=LEN("“十四五”，规划（一）")';
    expect(readFormula(f)).toEqual({ formula: f, changed: false, unreadable: false });
    expect(evaluate(f).value).toBe(11);
    expect(readFormula('="a""b"&“c”').formula).toBe('="a""b"&"c"');
  });

  test('quotes that cannot be read make the message say "use straight quotes"', () => {
    expect(readFormula('=PLAN.TARGET(“赣州,2025)').unreadable).toBe(true);
    expect(readFormula("=PLAN.TARGET('赣州','高企')").unreadable).toBe(true);
    expect(readFormula('=PLAN.TARGET(‘赣州’,‘高企’)').unreadable).toBe(true);
    expect(readFormula("='Sheet 1'!A1").unreadable).toBe(false);
    for (const f of ['=PLAN.TARGET(“赣州,2025)', "=PLAN.TARGET('赣州','高企')", '=PLAN.TARGET(‘赣州’,‘高企’)']) {
      const { value } = evaluate(f);
      expect(value).toBeInstanceOf(DetailedCellError);
      expect(explainError(f, value as DetailedCellError, 'zh')).toContain('Excel 公式中的文字须用英文直引号');
      expect(explainError(f, value as DetailedCellError, 'en')).toContain('In an Excel formula, text goes in straight double quotes');
    }
  });
});

describe('parse errors', () => {
  test('an unclosed text, a stray ")", two missing ")": each said, each corrected formula parses', () => {
    const cases: [string, RegExp, RegExp][] = [
      ['=PLAN.TARGET("赣州,"高企")', /缺少结尾的引号/, /has no closing quote/],
      ['=PLAN.TARGET("赣州","高企"))', /第24个字符处多了一个右括号/, /one "\)" too many at character 24/],
      ['=ROUND(PLAN.TARGET("赣州","高企",2023', /PLAN\.TARGET\( 缺少右括号“\)”（共缺2个）/, /\(2 are missing\)/],
    ];
    for (const [f, zh, en] of cases) {
      const { value } = evaluate(f);
      expect((value as DetailedCellError).value).toBe('#ERROR!');
      const mZh = explainError(f, value as DetailedCellError, 'zh');
      const mEn = explainError(f, value as DetailedCellError, 'en');
      expect(mZh).toMatch(zh);
      expect(mEn).toMatch(en);
      if (/例如/.test(mZh)) expect(parses(corrected(mZh))).toBe(true);
    }
    expect(evaluate('=ROUND(PLAN.TARGET("赣州","高企",2023').message).toContain('例如：=ROUND(PLAN.TARGET("赣州","高企",2023))');
    expect(evaluate('=PLAN.TARGET("赣州","高企"))').message).toContain('例如：=PLAN.TARGET("赣州","高企")');
  });

  test('anything else: our own general message, never the engine text', () => {
    const m = evaluate('=1+)').message;
    expect(m).toMatch(/^公式无法解析/);
    expect(m).not.toMatch(/Expecting|Token/);
  });
});

describe('arity', () => {
  test('too many arguments: which ones are extra, and the formula without them', () => {
    const f = '=PLAN.TARGET("赣州","高企",2025,"linear",1)';
    const zh = evaluate(f, 'zh').message;
    expect(zh).toContain('PLAN.TARGET 最多有4个参数，这里有5个；多余的是“1”');
    expect(evaluate(corrected(zh)).value).toBe(2000);
    expect(evaluate(f, 'en').message).toContain('PLAN.TARGET takes at most 4 arguments, not 5; the extra: “1”');
  });

  test('several missing arguments are named one by one; the call is corrected where it stands', () => {
    const zh = evaluate('=PLAN.STATUS("赣州","高企")&"!"', 'zh').message;
    expect(zh).toContain('PLAN.STATUS 缺少参数“年份”（第3个）、“实际值”（第4个）');
    expect(corrected(zh)).toBe('=PLAN.STATUS("赣州","高企",2023,1500)&"!"');
    expect(evaluate(corrected(zh)).value).toBe('略滞后!'); // 1500 of the 1600 expected in 2023
    expect(evaluate('=PLAN.PROGRESS()', 'en').message).toContain('the 1st, region; the 2nd, indicator; the 3rd, actual value');
  });

  test('a built-in function with the wrong count, and an error that comes from a referenced cell', () => {
    expect(evaluate('=ROUND(1,2,3)', 'zh').message).toBe('函数 ROUND 需要1–2个参数，这里有3个。');
    const hf = createEngine({ Sheet1: [['=PLAN.TARGET("赣州")', '=A1+1']] });
    const b1 = hf.getCellValue({ sheet: 0, row: 0, col: 1 }) as DetailedCellError;
    hf.destroy();
    expect(explainError('=A1+1', b1, 'zh')).toContain('来自它引用的单元格');
  });

  test('PARAMETERS agree with ARITY and with the JSDoc of src/functions/functions.ts', () => {
    const jsdoc = readFileSync(join(__dirname, '../../src/functions/functions.ts'), 'utf8');
    for (const id of Object.keys(ARITY) as (keyof typeof ARITY)[]) {
      const [required, optional] = ARITY[id];
      expect(PARAMETERS[id]).toHaveLength(required + optional);
      const doc = jsdoc.split(`@customfunction ${id}\n`)[1]?.split('*/')[0] ?? '';
      expect(doc.match(/@param \w/g) ?? []).toHaveLength(required);
      expect(doc.match(/@param \[/g) ?? []).toHaveLength(optional);
      for (const p of PARAMETERS[id]) expect(parses(`=PLAN.${id}(${p[2]})`)).toBe(true);
    }
    expect(signature('STATUS', 'en')).toBe('PLAN.STATUS(region, indicator, year, actual value, [method])');
  });
});

test('an unknown function: did you mean, with the formula put right', () => {
  const zh = evaluate('=PLAN.TAGRET("赣州","高企")', 'zh').message;
  expect(zh).toBe('未知函数 PLAN.TAGRET；是否指 PLAN.TARGET？例如：=PLAN.TARGET("赣州","高企")');
  expect(evaluate('=plan.tagret("赣州","高企")', 'en').message).toContain('did you mean PLAN.TARGET?');
  expect(evaluate('=XYZZYQ(1)', 'en').message).toBe('Unknown function XYZZYQ.');
});

test('scan finds calls, their arguments and what is left open', () => {
  const s = scan('=IF(PLAN.TARGET("a,b",{1,2}),SUM(1,(2+3)),"x")');
  expect(s.calls.map((c) => [c.name, c.args.length])).toEqual([
    ['PLAN.TARGET', 2],
    [null, 1],
    ['SUM', 2],
    ['IF', 3],
  ]);
  expect(scan('=A(B(').unclosed.map((c) => c.name)).toEqual(['A', 'B']);
  expect(scan('=F()').calls[0].args).toEqual([]);
  expect(scan('=F(1,)').calls[0].args).toEqual(['1', '']);
});

test('eval --csv explains errors by cell, in the language asked for', () => {
  const r = evalCsv('赣州,"=PLAN.TARGET(A1)",“x”\n"=PLAN.TARGET(“赣州”,“高企”)",=B1\n', 'en');
  expect(r.rows[1][0]).toBe(2000);
  expect(r.rows[0][2]).toBe('“x”'); // a value, not a formula: left as typed
  expect(r.errors[0]).toMatch(/^B1: #N\/A PLAN\.TARGET is missing an argument: the 2nd, indicator/);
  expect(r.errors[1]).toMatch(/^B2: #N\/A .*in a cell it refers to/);
  expect(r.notes).toEqual([expect.stringContaining('A2')]);
});

test('text typed without quotes: said, and quoted in the corrected formula', () => {
  const zh = evaluate('=PLAN.TARGET(赣州,高新技术企业,2025)', 'zh').message;
  expect(zh).toBe('公式无法解析：文字（如地区、指标名称）要用英文直引号 " 括起来。例如：=PLAN.TARGET("赣州","高新技术企业",2025)');
  expect(evaluate(corrected(zh)).value).toBe(2000);
  const en = evaluate('=PLAN.TARGET(Ganzhou,"high-tech enterprises")', 'en');
  expect((en.value as DetailedCellError).value).toBe('#NAME?');
  expect(en.message).toBe(
    'Unknown name Ganzhou; if it is text, put straight quotes around it: "Ganzhou". For example: =PLAN.TARGET("Ganzhou","high-tech enterprises")',
  );
  expect(evaluate(corrected(en.message)).value).toBe(2000);
});

test('single quotes around text: "use straight quotes", and the formula with them', () => {
  expect(evaluate("=PLAN.TARGET('赣州','高新技术企业')", 'zh').message).toBe(
    '公式无法解析：Excel 公式中的文字须用英文直引号 " 括起来，如 "赣州"（Excel 不认中文引号“”和单引号 \'）。例如：=PLAN.TARGET("赣州","高新技术企业")',
  );
  expect(corrected(evaluate('=PLAN.TARGET(‘赣州’,‘高新技术企业’)', 'en').message)).toBe('=PLAN.TARGET("赣州","高新技术企业")');
});
