import { Link, useNavigate } from 'react-router';
import { partyListsContract } from '../../../../shared/contract/party-lists.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { CandidacyStatusBadge } from '../candidates/labels.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';

/** On a list contest's page: our party list there, or the way to stand one. Nothing for other contests. */
export function ContestListPanel(props: { contestId: number }) {
  const navigate = useNavigate();
  const { data: ballot, error } = useApi('partyLists.ballotOf', { contestId: props.contestId });
  const { data: lists } = useApi('partyLists.list', { contestId: props.contestId });
  const form = useApiForm(partyListsContract['partyLists.create'].input, { contestId: props.contestId, partyName: '' });
  const stand = form.submit(async (v) => {
    const list = await api('partyLists.create', v);
    navigate(`/lists/${list.id}`);
  });
  if (error) return <ErrorMessage error={error} />;
  if (!ballot || !lists) return null;
  const list = lists[0];
  return (
    <section className="panel" aria-labelledby="party-list-heading">
      <h2 id="party-list-heading">Our party list</h2>
      <p className="muted">
        {ballot.label}: {ballot.seats} seats shared between the lists by their votes
        {ballot.maxNames !== null ? `; a list holds 1 to ${ballot.maxNames} names` : ''}.
      </p>
      {list ? (
        <p>
          <Link to={`/lists/${list.id}`}>{list.partyName} list</Link>: {list.names} name{list.names === 1 ? '' : 's'}{' '}
          <CandidacyStatusBadge status={list.status} />
        </p>
      ) : (
        <form className="form inline-form" noValidate onSubmit={stand} aria-label="Stand a party list">
          <ErrorMessage error={form.formError} />
          <div className="row">
            <Field label="Party name" hint="As registered with the Electoral Commission" error={form.errorOf('partyName')}>
              {(a) => <input {...a} {...form.register('partyName')} />}
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
