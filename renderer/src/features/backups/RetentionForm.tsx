import { backupsContract } from '../../../../shared/contract/backups.ts';
import { api } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { wholeNumber } from '../../ui/fields.ts';
import { ErrorMessage } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';

/** How long automatic backups are kept: old copies of the register are personal data kept for no purpose. */
export function RetentionForm(props: { retentionDays: number; onSaved(message: string): void }) {
  const form = useApiForm(backupsContract['backups.setRetention'].input, { days: props.retentionDays });
  const save = form.submit(async (v) => {
    const r = await api('backups.setRetention', v);
    const gone =
      r.deleted.length === 0
        ? 'None was old enough to delete.'
        : `Deleted ${r.deleted.length} older automatic ${r.deleted.length === 1 ? 'backup' : 'backups'}.`;
    props.onSaved(`Automatic backups are now kept for ${r.retentionDays} days. ${gone}`);
  });

  return (
    <form className="inline-form" onSubmit={save} noValidate aria-labelledby="retention-heading">
      <h2 id="retention-heading">How long automatic backups are kept</h2>
      <ErrorMessage error={form.formError} />
      <Field
        label="Keep automatic backups for (days)"
        hint="Older daily, upgrade and restore backups are deleted when a backup is taken, at start-up and when you save this. Backups you take by hand and copies are kept until you delete them."
        error={form.errorOf('days')}
      >
        {(a) => <input {...a} className="code-input" inputMode="numeric" {...form.register('days', { setValueAs: wholeNumber() })} />}
      </Field>
      <div className="actions">
        <button type="submit" disabled={form.formState.isSubmitting}>
          Save
        </button>
      </div>
    </form>
  );
}
