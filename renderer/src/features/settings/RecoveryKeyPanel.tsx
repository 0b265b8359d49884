import { useState } from 'react';
import { api, useApi } from '../../app/api.ts';
import { ErrorMessage } from '../../ui/Page.tsx';

/**
 * Prints the recovery key panel alone: styles.css hides the rest of the page while this class is
 * on. window.print() returns once the print dialog is closed (Chromium, so Electron too).
 */
function printRecoveryKey() {
  document.body.classList.add('printing-recovery-key');
  try {
    window.print();
  } finally {
    document.body.classList.remove('printing-recovery-key');
  }
}

/**
 * The recovery key of a database just created: shown until the user says it is written down,
 * then forgotten (the app never stores it, so it cannot be shown again).
 */
export function RecoveryKeyPanel(props: { recoveryKey: string }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const acknowledge = async () => {
    setBusy(true);
    try {
      await api('encryption.acknowledgeRecoveryKey', {});
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  return (
    <section className="panel recovery-key-panel" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">Your recovery key</h2>
      <p>
        Your campaign data is encrypted. This recovery key opens it, and its backups, if this computer can no longer unlock it (a forgotten passphrase, a lost
        keychain or key file) or on another computer. Without it or the passphrase nobody, not even Hustings, can read the data.
      </p>
      {/* Each group (with its dash) wraps as a whole, so a line break never splits one. */}
      <p className="recovery-key" aria-label="Recovery key">
        {props.recoveryKey.split(/(?<=-)/).map((group) => (
          <span key={group}>{group}</span>
        ))}
      </p>
      <p>
        <strong>Write it down or print it now</strong>, and keep it somewhere safe, away from this computer. Hustings does not keep it: once you confirm, it is
        not shown again.
      </p>
      <ErrorMessage error={error} />
      <div className="actions screen-only">
        <button type="button" onClick={printRecoveryKey}>
          Print
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void acknowledge()}>
          I have written it down
        </button>
      </div>
    </section>
  );
}

/** The recovery key panel while a new database's key is still to be written down; nothing otherwise. */
export function PendingRecoveryKey() {
  const { data } = useApi('encryption.status', {});
  return data?.recoveryKey ? <RecoveryKeyPanel recoveryKey={data.recoveryKey} /> : null;
}
