import { useState } from 'react';
import { type CandidacyDetail, type ChecklistItemOut, candidatesContract } from '../../../../shared/contract/candidates.ts';
import { api } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { textOrNull } from '../../ui/fields.ts';
import { ErrorMessage } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';
import { ChecklistTable } from './ChecklistTable.tsx';

/** A candidacy's nomination papers: consent and agent, then each paper's state. */
export function ChecklistPanel(props: { k: CandidacyDetail }) {
  const { k } = props;
  return (
    <section className="panel" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">Nomination checklist</h2>
      <PapersForm k={k} />
      <ChecklistTable
        contestId={k.contestId}
        items={k.checklist.items}
        time={k.closeOfNominationsTime}
        save={(item, v) => api('candidacies.setItem', { id: k.id, item: item as ChecklistItemOut['id'], ...v })}
      />
    </section>
  );
}

function PapersForm(props: { k: CandidacyDetail }) {
  const { k } = props;
  const form = useApiForm(
    candidatesContract['candidacies.setPapers'].input,
    { id: k.id, consentSignedOn: k.consentSignedOn, consentWitnessedBy: k.consentWitnessedBy, agentName: k.agentName },
    { updatedAt: k.updatedAt },
  );
  const [saved, setSaved] = useState(false);
  const save = form.submit(async (v) => {
    setSaved(false);
    const after = await api('candidacies.setPapers', v);
    setSaved(true);
    return after;
  });
  return (
    <form className="form" noValidate onSubmit={save} aria-label="Consent and agent">
      <ErrorMessage error={form.formError} />
      <div className="row">
        <Field label="Consent signed on" hint="No earlier than one month before close of nominations" error={form.errorOf('consentSignedOn')}>
          {(a) => <input {...a} type="date" {...form.register('consentSignedOn', { setValueAs: textOrNull })} />}
        </Field>
        <Field label="Consent witnessed by" error={form.errorOf('consentWitnessedBy')}>
          {(a) => <input {...a} {...form.register('consentWitnessedBy')} />}
        </Field>
        <Field label="Election agent" hint="Leave empty if the candidate is their own agent" error={form.errorOf('agentName')}>
          {(a) => <input {...a} {...form.register('agentName')} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit">Save consent and agent</button>
        {saved && <span role="status">Saved.</span>}
      </div>
    </form>
  );
}
