import { z } from 'zod';
import { type BackupInfoView, backupsContract } from '../../../../shared/contract/backups.ts';
import { api } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';

// The passphrase is typed twice: a slip in a passphrase nobody can see would lose the copy.
const copyForm = backupsContract['backups.copy'].input
  .extend({ again: z.string() })
  .refine((v) => v.passphrase === v.again, { path: ['again'], message: 'The two passphrases differ: type the same one twice' });

/**
 * A copy for taking off the machine: encrypted with a backup passphrase of its own instead of the
 * database's key, so it opens anywhere with the passphrase alone (Hustings, or any SQLCipher 4 tool).
 */
export function OffMachineCopy(props: { folder: string; onTaken(copy: BackupInfoView): void; onCancel(): void }) {
  const form = useApiForm(copyForm, { passphrase: '', again: '' });
  const take = form.submit(async (v) => {
    props.onTaken(await api('backups.copy', { passphrase: v.passphrase }));
  });

  return (
    <form className="inline-form form" onSubmit={take} noValidate aria-labelledby="copy-heading">
      <h2 id="copy-heading">A copy for taking off the machine</h2>
      <p>
        The copy is encrypted with a passphrase you choose here, not with this database’s key, so it opens on any computer with that passphrase alone: in
        Hustings (put it in {props.folder} and restore it), or in any SQLCipher 4 tool with <code>PRAGMA key = '…'</code>. Keep the passphrase apart from the
        copy: without it nobody, you included, can open the copy.
      </p>
      <div className="row">
        <Field label="Backup passphrase" hint="At least 10 characters; a few unrelated words is good." error={form.errorOf('passphrase')}>
          {(a) => <input {...a} type="password" autoComplete="new-password" {...form.register('passphrase')} />}
        </Field>
        <Field label="The same passphrase again" error={form.errorOf('again')}>
          {(a) => <input {...a} type="password" autoComplete="new-password" {...form.register('again')} />}
        </Field>
      </div>
      {form.formError && (
        <p className="error" role="alert">
          {form.formError}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          Take the copy
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
