import { useState } from 'react';
import { z } from 'zod';
import { newPassphrase } from '../../../../shared/contract/encrypt.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { ErrorMessage, Loading } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';
import { RecoveryKeyPanel } from './RecoveryKeyPanel.tsx';

/** The new passphrase, typed twice: a typo here would lock the data away. */
const encryptForm = z
  .object({ passphrase: newPassphrase, again: z.string() })
  .refine((v) => v.again === v.passphrase, { path: ['again'], message: 'The two passphrases differ: type the same one twice' });

/**
 * Whether the database file is encrypted; for a plain one, a clear notice and the form that
 * encrypts it in place. Afterwards the recovery key is shown once.
 */
export function EncryptionSection() {
  const { data, error } = useApi('encryption.status', {});
  const form = useApiForm(encryptForm, { passphrase: '', again: '' });
  const [done, setDone] = useState<string>();

  return (
    <section className="panel" aria-labelledby="encryption-heading">
      <h2 id="encryption-heading">Encryption</h2>
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {done && (
        <p className="success" role="status">
          {done}
        </p>
      )}
      {data?.recoveryKey && <RecoveryKeyPanel recoveryKey={data.recoveryKey} />}
      {data?.encrypted && !data.recoveryKey && (
        <p>This database is encrypted: its file, and the backups beside it, cannot be read without the passphrase or the recovery key.</p>
      )}
      {data?.teamDatabase && (
        <p>
          This campaign is kept in a team database on PostgreSQL, which Hustings does not encrypt itself: whoever runs its server keeps the data safe at rest
          (an encrypted disk) and on the way (connections with <code>sslmode=require</code>), and its backups encrypted.
        </p>
      )}
      {data && !data.encrypted && !data.teamDatabase && (
        <>
          <div className="warning" role="note">
            <strong>This database is not encrypted.</strong> Anyone who can read its file (another user of this computer, a lost laptop, a copied backup) can
            read the names, addresses and canvass returns in it.
          </div>
          <form
            className="form"
            noValidate
            onSubmit={form.submit(async ({ passphrase }) => {
              const r = await api('encryption.encrypt', { passphrase });
              form.reset({ passphrase: '', again: '' });
              const what =
                r.backupsEncrypted === 0
                  ? 'The database is'
                  : r.backupsEncrypted === 1
                    ? 'The database and its backup are'
                    : `The database and its ${r.backupsEncrypted} backups are`;
              const leftPlain = r.backupsLeftPlain.length > 0 ? ` Not encrypted, and still readable: ${r.backupsLeftPlain.join('; ')}.` : '';
              setDone(`${what} now encrypted. From now on Hustings asks for the passphrase when it starts.${leftPlain}`);
            })}
          >
            <h3>Encrypt this database</h3>
            <p className="hint">
              The file is encrypted where it is, with a passphrase you choose; Hustings goes on working with it. If the passphrase is lost, only the recovery
              key shown next can open the data.
            </p>
            <ErrorMessage error={form.formError} />
            <Field
              label="New passphrase"
              hint="At least 10 characters: a few unrelated words are easy to remember and hard to guess."
              error={form.errorOf('passphrase')}
            >
              {(a) => <input {...a} type="password" autoComplete="new-password" {...form.register('passphrase')} />}
            </Field>
            <Field label="The same passphrase again" error={form.errorOf('again')}>
              {(a) => <input {...a} type="password" autoComplete="new-password" {...form.register('again')} />}
            </Field>
            <div className="actions">
              <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
                {form.formState.isSubmitting ? 'Encrypting…' : 'Encrypt this database'}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
