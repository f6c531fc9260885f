/**
 * 自检 in the React pane (Excel and WPS): one button runs the host's self-test (PaneActions.selfTest), the report is
 * shown as text and copied in one click. The words and the report are src/panes/shared/selfTest.ts's.
 */
import { Button, Textarea } from '@fluentui/react-components';
import { useRef, useState, type ReactElement } from 'react';
import type { Lang } from '../../core/plan/plan';
import type { SelfTestReport } from '../shared/selfTest';
import { reportText, selfTestWords } from '../shared/selfTest';
import { errorText } from '../shared/messages';

/** Copy `text`: the clipboard API where the webview has it, else the selected text area and execCommand. */
export async function copyText(text: string, area: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // a webview that refuses the clipboard API: fall back below
  }
  if (!area) return false;
  area.select();
  return document.execCommand('copy');
}

const HINT = {
  zh: '在新的临时工作表上试用本加载项用到的每项功能，然后删除该表；不改动其他工作表。请把报告发给我们。',
  en: 'Tries every capability the add-in uses on a new scratch sheet, then deletes it; no other sheet is touched. Please send us the report.',
};
const BUSY = { zh: '正在自检…', en: 'Testing…' };

export function SelfTest({ run, lang }: { run: () => Promise<SelfTestReport>; lang: Lang }): ReactElement {
  const w = selfTestWords(lang);
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState('');
  const [copied, setCopied] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const start = async (): Promise<void> => {
    setBusy(true);
    setCopied(false);
    try {
      setText(reportText(await run(), lang));
    } catch (e) {
      setText(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="self-test" data-self-test="">
      <p className="hint">{HINT[lang]}</p>
      <Button disabled={busy} onClick={() => void start()} data-action="self-test">
        {busy ? BUSY[lang] : w.run}
      </Button>
      {text ? (
        <>
          <Textarea ref={area} readOnly value={text} rows={16} resize="vertical" style={{ width: '100%' }} data-self-test-report="" />
          <Button onClick={() => void copyText(text, area.current).then(setCopied)} data-action="copy-report">
            {copied ? w.copied : w.copy}
          </Button>
        </>
      ) : null}
    </section>
  );
}
