import { useState } from 'react';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/**
 * Exports of personal data ask first (docs/reliability.md §8): the file leaves Hustings' care,
 * so the user is told what is in it and how to look after it before it is written.
 *
 *   const exporting = usePersonalDataExport();
 *   <button onClick={() => exporting.ask('names and addresses of 12 electors', save)}>Export</button>
 *   {exporting.dialog}
 */
export function usePersonalDataExport() {
  const [pending, setPending] = useState<{ contents: string; run: () => void | Promise<void> }>();
  const dialog = (
    <ConfirmDialog
      open={pending !== undefined}
      title="Export personal data?"
      message={
        pending
          ? `This file holds personal data: ${pending.contents}. Once saved, Hustings cannot protect it. Keep it on this computer or an encrypted drive, share it only with people entitled to see it, and delete it when you no longer need it.`
          : ''
      }
      confirmLabel="Export"
      onCancel={() => setPending(undefined)}
      onConfirm={() => {
        const run = pending?.run;
        setPending(undefined);
        void run?.();
      }}
    />
  );
  return { ask: (contents: string, run: () => void | Promise<void>) => setPending({ contents, run }), dialog };
}
