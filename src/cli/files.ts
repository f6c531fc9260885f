/**
 * `plan` commands that read or write files: export, eval, workbook, publish. HyperFormula and ExcelJS are loaded only
 * by the command that needs them, so that a question (`plan target …`) starts as fast as Node itself allows.
 */
import { readFileSync } from 'node:fs';
import { setLanguage } from '../functions/impl';
import { publicationDate, publish } from './datapackage';
import { join } from 'node:path';
import { exportDataset } from '../core/exchange/export';
import { actualsInUse, methodOf, UsageError, type CommandSpec } from './spec';

export const FILE_COMMANDS: Record<string, CommandSpec> = {
  export: {
    args: [],
    help: ['导出全部数据', 'the whole dataset'],
    example: 'plan export --json',
    run: ({ plan, io, values }) => {
      if (!values.json)
        throw new UsageError('export 需要 --json（目前唯一的格式）', 'export needs --json (the only format so far)', 'export');
      io.out(JSON.stringify(exportDataset(plan.dataset), null, 2));
      return 0;
    },
  },
  eval: {
    args: [
      {
        name: ['公式', 'formula'],
        hint: ['如 \'=PLAN.TARGET("赣州","高企")\'', 'e.g. \'=PLAN.TARGET("Ganzhou","high-tech enterprises")\''],
        optional: true,
        rest: true,
      },
    ],
    help: ['用 HyperFormula 计算公式或 CSV 表', 'evaluate formulas, or a CSV sheet, with HyperFormula'],
    example: `plan eval '=PLAN.TARGET("赣州","高新技术企业",2025)'`,
    run: async ({ io, args, values, lang }) => {
      setLanguage(lang);
      const { evalCsv, evalFormulas, show } = await import('./eval');
      if (values.csv !== undefined) {
        if (args.length)
          throw new UsageError(
            `--csv 与公式不能同时给出：${args.join(' ')}`,
            `give --csv or formulas, not both: ${args.join(' ')}`,
            'eval',
          );
        const text = readFileSync(values.csv === '-' ? 0 : (values.csv as string), 'utf8');
        const r = evalCsv(text, lang);
        io.out(r.csv.replace(/\n$/, ''));
        for (const m of [...r.notes, ...r.errors]) io.err(m);
        return r.errors.length ? 1 : 0;
      }
      if (!args.length)
        throw new UsageError('缺少参数 <公式>（或用 --csv 文件）', 'missing argument <formula> (or use --csv file)', 'eval');
      const r = evalFormulas(args, lang);
      for (const rows of r.results) io.out(rows.map((row) => row.map(show).join('\t')).join('\n'));
      for (const m of [...r.notes, ...r.errors]) io.err(m);
      return r.errors.length ? 1 : 0;
    },
  },
  workbook: {
    args: [],
    help: ['生成便携工作簿 .xlsx', 'write the portable workbook (.xlsx)'],
    example: 'plan workbook -o 江西科技规划指标.xlsx',
    run: async (c) => {
      const { plan, io, values, lang } = c;
      const { buildWorkbook } = await import('../workbook/writer');
      // Official actuals go into the actual cells, in the official blue: from --actuals, else the --data package's,
      // else the compiled-in public ones.
      const { actuals } = actualsInUse(c);
      const regions = values.region ? [plan.regionByRef(values.region as string)] : plan.allRegions();
      const file = (values.output as string | undefined) ?? (lang === 'zh' ? '江西科技规划指标.xlsx' : 'jiangxi-plan-indicators.xlsx');
      if (!file.toLowerCase().endsWith('.xlsx')) {
        throw new UsageError(`输出文件应以 .xlsx 结尾：${file}`, `the output file should end in .xlsx: ${file}`, 'workbook');
      }
      return buildWorkbook(plan.dataset, regions, lang, methodOf(values), actuals)
        .xlsx.writeFile(file)
        .then(
          () => {
            io.out(`${lang === 'zh' ? '已写入' : 'written'}: ${file} (${regions.map((r) => r.name).join(', ')})`);
            return 0;
          },
          (e: Error) => {
            io.err(`${lang === 'zh' ? '无法写入文件' : 'cannot write the file'}: ${e.message}`);
            return 2;
          },
        );
    },
  },
  publish: {
    args: [],
    help: ['发布数据包（Frictionless Data Package）', 'publish the data package (Frictionless Data Package)'],
    example: 'plan publish --out data',
    run: (c) => {
      const { plan, io, values, lang } = c;
      if (values.out === undefined) throw new UsageError('publish 需要 --out 目录', 'publish needs --out dir', 'publish');
      // The compiled-in public actuals go with the plans, with their version; an --actuals file replaces them.
      const { actuals, version } = actualsInUse(c);
      const dir = values.out as string;
      const files = publish(dir, plan, actuals, publicationDate(io.env ?? process.env), version);
      io.out(`${lang === 'zh' ? '已写入' : 'written'}: ${files.map((f) => join(dir, f)).join(', ')}`);
      return 0;
    },
  },
};
