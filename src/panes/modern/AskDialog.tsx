/** The pane's question dialog: a chunk of its own, loaded the first time the pane asks something (App.tsx). */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { ReactElement } from 'react';

/** A question for the person: the dialog is titled by the question itself, not by the add-in's name. */
export type Ask = { title: string; text: string; confirm: string; run: () => Promise<void>; items?: string[] } | null;

export function AskDialog({ ask, cancel, onClose }: { ask: Ask; cancel: string; onClose: () => void }): ReactElement {
  return (
    <Dialog open={ask !== null} onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{ask?.title}</DialogTitle>
          <DialogContent>
            {ask?.text}
            {ask?.items?.length ? (
              <ul className="changes" data-changes={ask.items.length}>
                {ask.items.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              {cancel}
            </Button>
            <Button
              appearance="primary"
              data-action="confirm"
              onClick={() => {
                const run = ask?.run;
                onClose();
                if (run) void run();
              }}
            >
              {ask?.confirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
