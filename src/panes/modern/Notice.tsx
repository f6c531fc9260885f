/** The message bar under the buttons: on the first screen, so apart from the table (RegionTable.tsx, a chunk). */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Notice } from '../shared/messages';

export function NoticeBar({ notice }: { notice: NonNullable<Notice> }): ReactElement {
  return (
    // Multiline: a notice wraps to the pane's width, never cut short with an ellipsis.
    <MessageBar intent={notice.kind} layout="multiline" className="notice" data-notice={notice.kind}>
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}
