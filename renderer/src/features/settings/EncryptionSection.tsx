import { useApi } from '../../app/api.ts';
import { ErrorMessage, Loading } from '../../ui/Page.tsx';
import { RecoveryKeyPanel } from './RecoveryKeyPanel.tsx';

/** Whether the database file is encrypted, and a new database's recovery key until it is written down. */
export function EncryptionSection() {
  const { data, error } = useApi('encryption.status', {});
  return (
    <section className="panel" aria-labelledby="encryption-heading">
      <h2 id="encryption-heading">Encryption</h2>
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {data?.recoveryKey && <RecoveryKeyPanel recoveryKey={data.recoveryKey} />}
      {data?.encrypted && !data.recoveryKey && (
        <p>This database is encrypted: its file, and the backups beside it, cannot be read without the passphrase or the recovery key.</p>
      )}
      {data && !data.encrypted && (
        <div className="warning" role="note">
          <strong>This database is not encrypted.</strong> Anyone who can read its file (another user of this computer, a lost laptop, a copied
          backup) can read the names, addresses and canvass returns in it.
        </div>
      )}
    </section>
  );
}
