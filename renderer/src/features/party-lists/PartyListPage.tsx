import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type ListMember, type PartyList, partyListsContract } from '../../../../shared/contract/party-lists.ts';
import { chosenId } from '../../../../shared/contract/form-fields.ts';
import { formatPence } from '../../../../shared/domain/money.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { formatDate } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { RecordPage } from '../../ui/RecordPage.tsx';
import { ChecklistTable } from '../candidates/ChecklistTable.tsx';
import { StatusChanger } from '../candidates/StatusChanger.tsx';
import { CandidacyStatusBadge, SourceFlag } from '../candidates/labels.tsx';
import { errorText } from '../candidates/errorText.ts';
import { idOrNaN, textOrNull } from '../../ui/fields.ts';
import { useApiForm } from '../../ui/useApiForm.ts';

/** A party list: its names in ballot order with their papers, the list's own papers, deposit, limit and result. */
export function PartyListPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const list = useApi('partyLists.get', { id });
  const l = list.data;
  if (!l) return <Loaded of={list} />;
  const c = l.contest;
  return (
    <>
      <RecordPage
        title={`${l.partyName} list — ${c.areaName}`}
        back={{ to: `/contests/${c.id}`, label: `${c.areaName} (${c.electionName})` }}
        subtitle={
          <>
            <CandidacyStatusBadge status={l.status} /> {l.ballot.label} · {l.ballot.seats} seats · polling day {formatDate(c.pollingDay)} ·{' '}
            <Link to={`/treasury/${c.id}`}>money: deposit, spending limit and the return</Link>
          </>
        }
        actions={
          <Link className="button" to={`/contests/${c.id}/result`}>
            Result
          </Link>
        }
        remove={{
          what: `the ${l.partyName} list in ${c.areaName}`,
          impactNoun: 'name',
          impact: async () => l.members.map((m) => m.name),
          remove: async () => {
            await api('partyLists.delete', { id });
            navigate(`/contests/${c.id}`);
          },
        }}
      />
      <Overview l={l} />
      <NamesPanel l={l} />
      <section className="panel" aria-labelledby="list-papers-heading">
        <h2 id="list-papers-heading">The list’s papers</h2>
        <ChecklistTable
          contestId={c.id}
          items={l.items.map((item) => ({ ...item, dueOn: l.closeOfNominations }))}
          time={null}
          save={(item, v) => api('partyLists.setItem', { id, item: item as PartyList['items'][number]['id'], ...v })}
        />
        <AgentForm l={l} />
      </section>
      <StatusChanger
        history={l.history}
        allowedNext={l.allowedNext}
        closed="Withdrawn: the list is closed."
        updatedAt={l.updatedAt}
        save={(v) => api('partyLists.setStatus', { id, ...v })}
      />
    </>
  );
}

function Overview(props: { l: PartyList }) {
  const { l } = props;
  const d = l.deposit;
  return (
    <section className="panel" aria-labelledby="list-overview-heading">
      <h2 id="list-overview-heading">Papers, deposit and result</h2>
      <p>
        {l.complete ? (
          <strong className="deposit-returned">All papers complete.</strong>
        ) : (
          <strong>
            Papers not complete: {l.problems.length || 'some items are still to do'}
            {l.problems.length ? ` problem${l.problems.length === 1 ? '' : 's'}` : ''}.
          </strong>
        )}{' '}
        Close of nominations: {l.closeOfNominations ? formatDate(l.closeOfNominations) : 'not known yet'}.
      </p>
      {l.problems.length > 0 && (
        <ul className="problem-list" aria-label="Problems found">
          {l.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <p>
        Deposit: {d ? `${formatPence(d.amountPence, { wholePounds: true })} for the whole list, ${d.returnRuleText}` : 'none for this list'}
        {d && <SourceFlag source={d.source} />}
        {d?.outcome && (
          <>
            {' '}
            — <strong className={`deposit-${d.outcome}`}>{d.outcome === 'returned' ? 'returned' : 'forfeited'}</strong>
          </>
        )}
        .
      </p>
      <p>
        {l.seatsWon === null
          ? 'Seats won: known once the result is recorded with the list’s row.'
          : `Seats won: ${l.seatsWon} of ${l.ballot.seats}${
              l.seatsWon > 0
                ? ` — elected: ${l.members
                    .filter((m) => m.elected)
                    .map((m) => m.name)
                    .join(', ')}`
                : ''
            }.`}
      </p>
      <p className="muted">
        {l.ballot.maxNames !== null ? `A list holds 1 to ${l.ballot.maxNames} names. ` : ''}
        {l.ballot.source}.
      </p>
    </section>
  );
}

const memberForm = partyListsContract['partyLists.addMember'].input.extend({ candidateId: chosenId('Choose a candidate to add') });

function NamesPanel(props: { l: PartyList }) {
  const { l } = props;
  const { data: candidates } = useApi('candidates.list', {});
  const form = useApiForm(memberForm, { listId: l.id, candidateId: undefined });
  const [status, setStatus] = useState('');
  const onList = new Set(l.members.map((m) => m.candidateId));
  const full = l.ballot.maxNames !== null && l.members.length >= l.ballot.maxNames;
  const add = form.submit(async (v) => {
    const after = await api('partyLists.addMember', v);
    setStatus(`Added ${after.members[after.members.length - 1].name} at ${after.members.length}.`);
    form.reset({ listId: l.id, candidateId: undefined });
  });
  const move = (m: ListMember, to: number) => {
    const ids = l.members.map((x) => x.id).filter((x) => x !== m.id);
    ids.splice(to - 1, 0, m.id);
    return api('partyLists.reorder', { listId: l.id, order: ids.map((memberId, i) => ({ memberId, position: i + 1 })) });
  };
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (err) {
      setStatus(errorText(err));
    }
  };
  return (
    <section className="panel" aria-labelledby="names-heading">
      <h2 id="names-heading">Names on the list</h2>
      <div className="count-bar" aria-label="Names on the list">
        <span className={`count ${l.members.length > 0 ? 'full' : 'short'}`}>
          {l.members.length}
          {l.ballot.maxNames !== null ? ` of at most ${l.ballot.maxNames}` : ''}
        </span>
        <span>In ballot order: seats go to the names from the top.</span>
      </div>
      {l.members.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col" className="num">
                Place
              </th>
              <th scope="col">Name</th>
              <th scope="col">Consent and home address form</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {l.members.map((m, i) => (
              <tr key={m.id}>
                <td className="num">{m.position}</td>
                <td>
                  <Link to={`/candidates/${m.candidateId}`}>{m.name}</Link>
                  {m.elected && <strong className="deposit-returned"> Elected</strong>}
                  {m.problems.length > 0 && (
                    <ul className="problem-list">
                      {m.problems.map((p) => (
                        <li key={p}>{p}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <MemberPapers m={m} />
                </td>
                <td>
                  <div className="compact-actions">
                    <button type="button" disabled={i === 0} aria-label={`Move ${m.name} up`} onClick={() => act(() => move(m, i))}>
                      ↑
                    </button>
                    <button type="button" disabled={i === l.members.length - 1} aria-label={`Move ${m.name} down`} onClick={() => act(() => move(m, i + 2))}>
                      ↓
                    </button>
                    <button
                      type="button"
                      className="danger"
                      aria-label={`Remove ${m.name} from the list`}
                      onClick={() => act(() => api('partyLists.removeMember', { id: m.id }))}
                    >
                      Remove
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No names yet. Add the candidates in the order they will appear on the ballot paper.</p>
      )}
      <form className="form inline-form" noValidate onSubmit={add} aria-label="Add a name to the list">
        <ErrorMessage error={form.formError} />
        <div className="row">
          <Field label="Candidate" hint="Add someone first under Candidates if they are not in the list" error={form.errorOf('candidateId')}>
            {(a) => (
              <select {...a} {...form.register('candidateId', { setValueAs: idOrNaN })}>
                <option value="">Choose…</option>
                {(candidates ?? [])
                  .filter((c) => !onList.has(c.id))
                  .map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.ballotName}
                    </option>
                  ))}
              </select>
            )}
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={full}>
            Add to the list
          </button>
          <Link to="/candidates/new">New candidate</Link>
          <span role="status" className="muted">
            {full ? `The list is full: a list holds at most ${l.ballot.maxNames} names.` : status}
          </span>
        </div>
      </form>
    </section>
  );
}

function MemberPapers(props: { m: ListMember }) {
  const { m } = props;
  const form = useApiForm(partyListsContract['partyLists.setMemberPapers'].input, {
    id: m.id,
    consentSignedOn: m.consentSignedOn,
    consentWitnessedBy: m.consentWitnessedBy,
    homeAddressFormOn: m.homeAddressFormOn,
  });
  const [saved, setSaved] = useState(false);
  const save = form.submit(async (v) => {
    setSaved(false);
    await api('partyLists.setMemberPapers', v);
    setSaved(true);
  });
  return (
    <form className="member-papers" noValidate onSubmit={save} aria-label={`Papers of ${m.name}`}>
      <ErrorMessage error={form.formError} />
      <Field label="Consent signed on" error={form.errorOf('consentSignedOn')}>
        {(a) => <input {...a} type="date" {...form.register('consentSignedOn', { setValueAs: textOrNull })} />}
      </Field>
      <Field label="Witnessed by" error={form.errorOf('consentWitnessedBy')}>
        {(a) => <input {...a} {...form.register('consentWitnessedBy')} />}
      </Field>
      <Field label="Home address form received" error={form.errorOf('homeAddressFormOn')}>
        {(a) => <input {...a} type="date" {...form.register('homeAddressFormOn', { setValueAs: textOrNull })} />}
      </Field>
      <button type="submit">Save papers</button>
      {saved && <span role="status">Saved.</span>}
    </form>
  );
}

function AgentForm(props: { l: PartyList }) {
  const { l } = props;
  const form = useApiForm(
    partyListsContract['partyLists.update'].input,
    { id: l.id, partyName: l.partyName, agentName: l.agentName, notes: l.notes },
    { updatedAt: l.updatedAt },
  );
  const [saved, setSaved] = useState(false);
  const save = form.submit(async (v) => {
    setSaved(false);
    const after = await api('partyLists.update', v);
    setSaved(true);
    return after;
  });
  return (
    <form className="form" noValidate onSubmit={save} aria-label="Party and agent">
      <ErrorMessage error={form.formError} />
      <div className="row">
        <Field label="Party name" hint="As registered with the Electoral Commission" error={form.errorOf('partyName')}>
          {(a) => <input {...a} {...form.register('partyName')} />}
        </Field>
        <Field label="Election agent" hint="One agent for the whole list; empty: the first name on the list is the agent" error={form.errorOf('agentName')}>
          {(a) => <input {...a} {...form.register('agentName')} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit">Save party and agent</button>
        {saved && <span role="status">Saved.</span>}
      </div>
    </form>
  );
}
