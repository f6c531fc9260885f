/**
 * `plan` commands that read or write files: export, eval, workbook, publish, seal. HyperFormula and ExcelJS are loaded only
 * by the command that needs them, so that a question (`plan target …`) starts as fast as Node itself allows.
 */
import { readFileSync } from 'node:fs';
import { setLanguage } from '../functions/impl';
import { publicationDate, publish, sealDir } from './datapackage';
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
  seal: {
    args: [
      { name: ['目录', 'dir'], hint: ['plan publish 写出、经人工编辑的数据包目录', 'a package folder plan publish wrote, edited by hand'] },
    ],
    help: ['编辑数据包后重新封存：校验和、版本、经编辑的数值', 'seal an edited data package: checksums, version, edited figures'],
    example: 'plan seal pkg --note "据市科技局2023年调整文件" --editor 李四',
    run: ({ io, values, lang, args }) => {
      const zh = lang === 'zh';
      const r = sealDir(args[0], {
        note: values.note as string | undefined,
        editor: values.editor as string | undefined,
        date: publicationDate(io.env ?? process.env),
      });
      if (!r.changed) {
        io.out(
          zh
            ? `数据包未改动，无需封存（版本 ${r.version}）；没有写入任何文件`
            : `the package is unchanged; nothing to seal (version ${r.version}), nothing written`,
        );
        return 0;
      }
      const lines = [
        zh ? `已封存：版本 ${r.from} → ${r.version}` : `sealed: version ${r.from} → ${r.version}`,
        `${zh ? '重算校验和与大小' : 'checksums and sizes recomputed'}: ${r.files.join(', ')}`,
        ...(r.reencoded.length
          ? [
              `${zh ? '已转存为不带 BOM 的 UTF-8（原为 GBK 或带 BOM）' : 'rewritten as UTF-8 without a BOM (it was GBK, or had one)'}: ${r.reencoded.join(', ')}`,
            ]
          : []),
        ...r.figures.map((f) =>
          zh
            ? `  经编辑：${f.region} ${f.indicator} ${f.field}：“${f.before}” → “${f.raw}”（values.csv:${f.line}）`
            : `  edited: ${f.region} ${f.indicator} ${f.field}: "${f.before}" → "${f.raw}" (values.csv:${f.line})`,
        ),
        ...(r.notes.length ? [`${zh ? '已更新冲突说明' : 'conflict notes rewritten'}: values.csv:${r.notes.join(', ')}`] : []),
        ...(r.checksumChanged && !r.figures.length
          ? [
              zh
                ? '数值与 datasetChecksum 不符（引文未显示改动）：已按现值封存'
                : 'the figures did not match datasetChecksum (no quote shows the edit): sealed as they stand',
            ]
          : []),
      ];
      io.out(lines.join('\n'));
      return 0;
    },
  },
};
