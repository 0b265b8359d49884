import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { CandidacyStatusBadge } from '../candidates/labels.tsx';
import { useSubmitter } from '../candidates/useSubmitter.ts';

/** On a list contest's page: our party list there, or the way to stand one. Nothing for other contests. */
export function ContestListPanel(props: { contestId: number }) {
  const navigate = useNavigate();
  const { data: ballot, error } = useApi('partyLists.ballotOf', { contestId: props.contestId });
  const { data: lists } = useApi('partyLists.list', { contestId: props.contestId });
  const [partyName, setPartyName] = useState('');
  const { error: createError, onSubmit } = useSubmitter();
  const stand = onSubmit(async () => {
    const list = await api('partyLists.create', { contestId: props.contestId, partyName });
    navigate(`/lists/${list.id}`);
  });
  if (error) return <ErrorMessage error={error} />;
  if (!ballot || !lists) return null;
  const list = lists[0];
  return (
    <section className="panel" aria-labelledby="party-list-heading">
      <h2 id="party-list-heading">Our party list</h2>
      <p className="muted">
        {ballot.label}: {ballot.seats} seats shared between the lists by their votes{ballot.maxNames !== null ? `; a list holds 1 to ${ballot.maxNames} names` : ''}.
      </p>
      {list ? (
        <p>
          <Link to={`/lists/${list.id}`}>{list.partyName} list</Link>: {list.names} name{list.names === 1 ? '' : 's'} <CandidacyStatusBadge status={list.status} />
        </p>
      ) : (
        <form className="form inline-form" noValidate onSubmit={stand} aria-label="Stand a party list">
          <div className="row">
            <Field label="Party name" hint="As registered with the Electoral Commission" error={createError}>
              {(a) => <input {...a} value={partyName} onChange={(e) => setPartyName(e.target.value)} />}
            </Field>
          </div>
          <div className="actions">
            <button type="submit" className="primary">
              Stand a party list
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
