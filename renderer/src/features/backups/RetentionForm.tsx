import { type FormEvent, useState } from 'react';
import { api } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';

/** How long automatic backups are kept: old copies of the register are personal data kept for no purpose. */
export function RetentionForm(props: { retentionDays: number; onSaved(message: string): void }) {
  const [days, setDays] = useState(String(props.retentionDays));
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaving(true);
    try {
      const r = await api('backups.setRetention', { days: Number(days) });
      const gone = r.deleted.length === 0 ? 'None was old enough to delete.' : `Deleted ${r.deleted.length} older automatic ${r.deleted.length === 1 ? 'backup' : 'backups'}.`;
      props.onSaved(`Automatic backups are now kept for ${r.retentionDays} days. ${gone}`);
    } catch (err) {
      const fields = (err as { fields?: Record<string, string> }).fields;
      setError(fields?.days ?? (err as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="inline-form" onSubmit={save} noValidate aria-labelledby="retention-heading">
      <h2 id="retention-heading">How long automatic backups are kept</h2>
      <Field
        label="Keep automatic backups for (days)"
        hint="Older daily, upgrade and restore backups are deleted when a backup is taken, at start-up and when you save this. Backups you take by hand and copies are kept until you delete them."
        error={error}
      >
        {(a) => <input {...a} className="code-input" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" disabled={saving}>
          Save
        </button>
      </div>
    </form>
  );
}
