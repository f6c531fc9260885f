/**
 * Text files as people save them: UTF-8 (with or without a BOM) is read; GBK/GB18030, which Excel and WPS write for
 * "CSV" on a Chinese Windows, is recognised and read where `gbk` allows it, else refused by name, as UTF-16 is; bytes
 * that are neither are refused naming the line and the byte. Nothing is silently replaced ("\xff3000" is not 3000).
 */
import { PlanError } from '../core/errors';

export interface Decoded {
  text: string;
  /** The encoding the file was in, when it was not UTF-8 (a note for the person). */
  from?: 'GB18030';
}

const refuse = (file: string, zh: string, en: string): never => {
  throw new PlanError('BAD_ARGUMENT', `${file}：${zh}`, `${file}: ${en}`);
};

/** The line (1-based) and the byte's offset within it where `bytes` stop being valid UTF-8. */
function firstInvalid(bytes: Uint8Array): { line: number; byte: number; value: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need >= 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok && need > 0) ok = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(i, i + need + 1)).length > 0;
    if (!ok) return { line, byte: i - start + 1, value: b };
    if (b === 0x0a) {
      line++;
      start = i + 1;
    }
    i += need + 1;
  }
  return { line, byte: 0, value: 0 };
}

/** Decode a text file's bytes. `gbk`: read GBK/GB18030 (plan tables, actuals); else refuse it by name (packages). */
export function decodeText(bytes: Uint8Array, file: string, gbk: boolean): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    refuse(file, '文件是 UTF-16 编码；请另存为“CSV UTF-8”', 'the file is UTF-16; save it as "CSV UTF-8"');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // not UTF-8: GB18030 (a superset of GBK) or bytes that are neither
  }
  let gb: string | null;
  try {
    gb = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    gb = null;
  }
  if (gb !== null && /[\u4e00-\u9fff]/.test(gb)) {
    if (gbk) return { text: gb, from: 'GB18030' };
    refuse(
      file,
      '文件是 GBK/GB18030 编码，数据包只收 UTF-8；请用 plan publish 重新发布',
      'the file is GBK/GB18030; a package is UTF-8 only: publish it again with plan publish',
    );
  }
  const at = firstInvalid(bytes);
  return refuse(
    file,
    `第${at.line}行第${at.byte}个字节（0x${at.value.toString(16).padStart(2, '0')}）不是有效的 UTF-8；请另存为“CSV UTF-8”`,
    `line ${at.line}, byte ${at.byte} (0x${at.value.toString(16).padStart(2, '0')}) is not valid UTF-8; save the file as "CSV UTF-8"`,
  );
}

/** Refuses a CSV whose first line is separated by semicolons (a European Excel's "CSV"), naming the separator. */
export function checkDelimiter(text: string, file: string): void {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  if (first.includes(';') && !first.includes(',') && !first.includes('\t'))
    refuse(
      file,
      '列以分号“;”分隔；请用逗号分隔（另存为“CSV UTF-8（逗号分隔）”）',
      'columns are separated by ";"; use commas (save as "CSV UTF-8 (Comma delimited)")',
    );
}
