import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Candidate } from '../../../../shared/contract/candidates.ts';
import { electionTypeLabel } from '../../../../shared/domain/election-types.ts';
import { api, useApi } from '../../app/api.ts';
import { candidatesContract } from '../../../../shared/contract/candidates.ts';
import { chosenId } from '../../../../shared/contract/form-fields.ts';
import { idOrNaN } from '../../ui/fields.ts';
import { useApiForm } from '../../ui/useApiForm.ts';
import { Field } from '../../ui/Field.tsx';
import { formatDate } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { PersonalDataActions } from '../../ui/PersonalDataActions.tsx';
import { RecordPage } from '../../ui/RecordPage.tsx';
import { CandidateForm } from './CandidateForm.tsx';
import { CandidacyStatusBadge } from './labels.tsx';

export function CandidatePage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const record = useApi('candidates.get', { id });
  const c = record.data;
  if (!c) return <Loaded of={record} />;
  return (
    <>
      <RecordPage
        title={c.ballotName}
        back={{ to: '/candidates', label: 'Candidates' }}
        subtitle={c.partyCandidate ? c.partyDescription || 'Party candidate' : 'Independent'}
        editing={editing}
        onEdit={() => setEditing(true)}
        editLabel="Edit details"
        remove={{
          what: c.ballotName,
          impactNoun: 'candidacy',
          impact: async () => (await api('candidacies.list', { candidateId: id })).map((k) => `${k.areaName}, ${k.electionName}`),
          remove: async () => {
            await api('candidates.delete', { id });
            navigate('/candidates');
          },
        }}
        after={
          <PersonalDataActions
            name={c.ballotName}
            exportContents={`everything Hustings holds about ${c.ballotName}: names, home address, contact details, notes, their candidacies with nomination papers and subscribers, where they are named and activity`}
            exportFile={async () => ({ filename: `candidate-${id}.json`, doc: await api('candidates.getPersonExport', { id }) })}
            erase={(confirm) => api('candidates.erasePerson', { id, confirm })}
            onErased={() => setEditing(false)}
          />
        }
      />
      {editing ? (
        <section className="panel" aria-labelledby="edit-heading">
          <h2 id="edit-heading">Details</h2>
          <CandidateForm
            initial={c}
            submitLabel="Save details"
            onSubmit={async (values) => {
              await api('candidates.update', { id, ...values });
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        </section>
      ) : (
        <CandidateFacts c={c} />
      )}
      <CandidaciesPanel candidateId={id} />
    </>
  );
}

function CandidateFacts(props: { c: Candidate }) {
  const c = props.c;
  return (
    <dl className="facts">
      <dt>Name as on the ballot</dt>
      <dd>{c.ballotName}</dd>
      <dt>Commonly-used name</dt>
      <dd>{c.commonName || '—'}</dd>
      <dt>Home address</dt>
      <dd className="pre">{c.homeAddress || '—'}</dd>
      <dt>Contact</dt>
      <dd>{[c.email, c.phone].filter(Boolean).join(' · ') || '—'}</dd>
      <dt>Description</dt>
      <dd>{c.partyCandidate ? c.partyDescription || 'Party candidate (no description set)' : 'Independent'}</dd>
      <dt>Emblem</dt>
      <dd>{c.emblem || '—'}</dd>
      {c.notes && (
        <>
          <dt>Notes</dt>
          <dd className="pre">{c.notes}</dd>
        </>
      )}
    </dl>
  );
}

const candidacyForm = candidatesContract['candidacies.create'].input.extend({ contestId: chosenId('Choose the contest this candidate will stand in') });

function CandidaciesPanel(props: { candidateId: number }) {
  const { data: list, error } = useApi('candidacies.list', { candidateId: props.candidateId });
  const { data: contests } = useApi('contests.list', {});
  const form = useApiForm(candidacyForm, { candidateId: props.candidateId, contestId: undefined });
  const taken = new Set(list?.map((k) => k.contestId));
  const choices = (contests ?? []).filter((c) => !taken.has(c.id));
  const add = form.submit(async (v) => {
    await api('candidacies.create', v);
    form.reset({ candidateId: props.candidateId, contestId: undefined });
  });
  return (
    <section className="panel" aria-labelledby="candidacies-heading">
      <h2 id="candidacies-heading">Contests</h2>
      <ErrorMessage error={error} />
      {list && list.length === 0 && <p className="muted">Not standing anywhere yet. Choose a contest below to start the nomination papers.</p>}
      {list && list.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Contest</th>
              <th scope="col">Election</th>
              <th scope="col">Polling day</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Subscribers
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((k) => (
              <tr key={k.id}>
                <td>
                  <Link to={`/candidacies/${k.id}`}>{k.areaName}</Link>
                </td>
                <td>
                  {k.electionName} <span className="muted">({electionTypeLabel(k.electionType, k.nation)})</span>
                </td>
                <td>{formatDate(k.pollingDay)}</td>
                <td>
                  <CandidacyStatusBadge status={k.status} />
                </td>
                <td className="num">{k.subscriberCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {contests && contests.length === 0 ? (
        <p>
          There are no contests yet: open an <Link to="/elections">election</Link> and add the areas you might contest.
        </p>
      ) : (
        <form className="form inline-form" noValidate onSubmit={add}>
          <h3>Stand in a contest</h3>
          <ErrorMessage error={form.formError} />
          <Field label="Contest to stand in" error={form.errorOf('contestId')}>
            {(a) => (
              <select {...a} {...form.register('contestId', { setValueAs: idOrNaN })}>
                <option value="">Choose a contest…</option>
                {choices.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.areaName} — {c.electionName}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="actions">
            <button type="submit" className="primary">
              Add to contest
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
