import { api } from '../../app/api.ts';

/** Stand-in for enc-core's recovery key panel: the key, once, until the user says it is written down. */
export function RecoveryKeyPanel(props: { recoveryKey: string }) {
  return (
    <section className="panel" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">Your recovery key</h2>
      <p>Write it down or print it, and keep it somewhere safe. With it the data opens on another computer, or if the passphrase is forgotten. It is shown only now.</p>
      <p>
        <code className="recovery-key">{props.recoveryKey}</code>
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void api('encryption.acknowledgeRecoveryKey', {})}>
          I have written it down
        </button>
      </div>
    </section>
  );
}
