import { type FormEvent, useState } from 'react';
import type { BackupInfoView } from '../../../../shared/contract/backups.ts';
import { api } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';

/**
 * A copy for taking off the machine: encrypted with a backup passphrase of its own instead of the
 * database's key, so it opens anywhere with the passphrase alone (Hustings, or any SQLCipher 4 tool).
 */
export function OffMachineCopy(props: { folder: string; onTaken(copy: BackupInfoView): void; onCancel(): void }) {
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; again?: string; form?: string }>({});
  const [taking, setTaking] = useState(false);

  const take = async (e: FormEvent) => {
    e.preventDefault();
    if (passphrase !== again) return setErrors({ again: 'The two passphrases differ: type the same one twice' });
    setErrors({});
    setTaking(true);
    try {
      props.onTaken(await api('backups.copy', { passphrase }));
    } catch (err) {
      const fields = (err as { fields?: Record<string, string> }).fields;
      setErrors(fields?.passphrase ? { passphrase: fields.passphrase } : { form: (err as Error).message });
    } finally {
      setTaking(false);
    }
  };

  return (
    <form className="inline-form form" onSubmit={take} noValidate aria-labelledby="copy-heading">
      <h2 id="copy-heading">A copy for taking off the machine</h2>
      <p>
        The copy is encrypted with a passphrase you choose here, not with this database’s key, so it opens on any computer with that passphrase
        alone: in Hustings (put it in {props.folder} and restore it), or in any SQLCipher 4 tool with <code>PRAGMA key = '…'</code>. Keep the
        passphrase apart from the copy: without it nobody, you included, can open the copy.
      </p>
      <div className="row">
        <Field label="Backup passphrase" hint="At least 10 characters; a few unrelated words is good." error={errors.passphrase}>
          {(a) => <input {...a} type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />}
        </Field>
        <Field label="The same passphrase again" error={errors.again}>
          {(a) => <input {...a} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />}
        </Field>
      </div>
      {errors.form && (
        <p className="error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={taking}>
          Take the copy
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
