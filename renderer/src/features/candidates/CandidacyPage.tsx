import { type FormEvent, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { CandidacyDetail, ChecklistItemOut } from '../../../../shared/contract/candidates.ts';
import { formatPence } from '../../../../shared/domain/money.ts';
import { ukToday } from '../../../../shared/domain/working-days.ts';
import { electionTypeLabel } from '../../../../shared/domain/election-types.ts';
import {
  CANDIDACY_STATUS_LABELS,
  type CandidacyStatus,
  ITEM_STATES,
  ITEM_STATE_LABELS,
  type ItemState,
  POST_KIND_LABELS,
  type PostKind,
} from '../../../../shared/domain/nominations.ts';
import { ApiCallError, api, useApi } from '../../app/api.ts';
import { errorText, useSubmitter } from './useSubmitter.ts';
import { DeleteButton } from '../../ui/DeleteButton.tsx';
import { Field } from '../../ui/Field.tsx';
import { Options } from '../../ui/Options.tsx';
import { formatDate } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { ErrorMessage, PageHeader } from '../../ui/Page.tsx';
import { PersonalDataActions } from '../../ui/PersonalDataActions.tsx';
import { CandidacyStatusBadge, DepositOutcomeText, ItemStateBadge, SourceFlag, dueText } from './labels.tsx';

export function CandidacyPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const record = useApi('candidacies.get', { id });
  const k = record.data;
  if (!k) return <Loaded of={record} />;
  return (
    <>
      <PageHeader
        title={`${k.candidateName} — ${k.areaName}`}
        back={{ to: `/candidates/${k.candidateId}`, label: k.candidateName }}
        subtitle={
          <>
            <CandidacyStatusBadge status={k.status} /> {k.electionName} · {electionTypeLabel(k.electionType, k.nation)} · polling day{' '}
            {formatDate(k.pollingDay)} · <Link to={`/contests/${k.contestId}`}>the contest</Link>
          </>
        }
        actions={
          <>
            <Link className="button" to={`/candidacies/${id}/pack`}>
              Nomination pack (print)
            </Link>
            <Link className="button" to={`/contests/${k.contestId}/result`}>
              Result
            </Link>
            <DeleteButton
              what={`${k.candidateName}'s candidacy in ${k.areaName}`}
              impactNoun="subscriber"
              impact={async () => k.subscribers.map((s) => s.electorNumber)}
              remove={async () => {
                await api('candidacies.delete', { id });
                navigate(`/candidates/${k.candidateId}`);
              }}
            />
          </>
        }
      />
      <Overview k={k} />
      <SubscribersPanel k={k} />
      <ChecklistPanel k={k} />
      <StatusPanel k={k} />
      <RulesPanel k={k} />
    </>
  );
}

function Overview(props: { k: CandidacyDetail }) {
  const { k } = props;
  const req = k.rules.requirements;
  return (
    <section className="panel" aria-labelledby="overview-heading">
      <h2 id="overview-heading">Papers</h2>
      <p>
        {k.checklist.complete ? (
          <strong className="deposit-returned">All papers complete.</strong>
        ) : (
          <strong>Papers not complete: {k.checklist.problems.length || 'some items are still to do'}{k.checklist.problems.length ? ` problem${k.checklist.problems.length === 1 ? '' : 's'}` : ''}.</strong>
        )}{' '}
        Close of nominations: {k.closeOfNominations ? dueText(k.closeOfNominations, k.closeOfNominationsTime) : 'not known yet (the returning officer sets it: enter it in the election timetable)'}.
      </p>
      {k.checklist.problems.length > 0 && (
        <ul className="problem-list" aria-label="Problems found">
          {k.checklist.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <p>
        Deposit: {req.deposit ? `${formatPence(req.deposit.amountPence, { wholePounds: true })}, ${req.deposit.returnRuleText}` : 'none for this election'}
        {req.deposit && <SourceFlag source={req.deposit.amountSource} />}. Result: <DepositOutcomeText deposit={k.deposit} />
      </p>
    </section>
  );
}

// ---- subscribers ----

interface Refused {
  electorNumber: string;
  name: string;
  reason: string;
}

function SubscribersPanel(props: { k: CandidacyDetail }) {
  const { k } = props;
  const required = k.checklist.subscribers.required;
  const count = k.subscribers.length;
  const [electorNumber, setElectorNumber] = useState('');
  const [name, setName] = useState('');
  const [refused, setRefused] = useState<Refused[]>([]);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<{ field: string; message: string }>();
  const numberRef = useRef<HTMLInputElement>(null);
  const hasProposer = k.subscribers.some((s) => s.role === 'proposer');
  const hasSeconder = k.subscribers.some((s) => s.role === 'seconder');

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const after = await api('subscribers.add', { candidacyId: k.id, electorNumber, name });
      const s = after.subscribers[after.subscribers.length - 1];
      setStatus(`Added ${s.electorNumber} ${s.fullName} as ${s.role} (${after.subscribers.length} of ${required})${s.checked ? '' : ', not checked against a register'}.`);
      setElectorNumber('');
      setName('');
    } catch (err) {
      const reason = errorText(err);
      const field = err instanceof ApiCallError ? (Object.keys(err.fields)[0] ?? 'electorNumber') : 'electorNumber';
      setRefused((r) => [{ electorNumber, name, reason }, ...r]);
      setError({ field, message: reason });
      setStatus(`Refused ${electorNumber}: ${reason}`);
    }
    numberRef.current?.focus();
  };
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
    } catch (err) {
      setStatus(errorText(err));
    }
  };

  return (
    <section className="panel" aria-labelledby="subscribers-heading">
      <h2 id="subscribers-heading">Subscribers</h2>
      <div className="count-bar" aria-label="Subscriber count">
        <span className={`count ${count >= required ? 'full' : 'short'}`}>
          {count} of {required}
        </span>
        <span>
          {k.rules.requirements.subscribers.roles} registered in {k.rules.requirements.subscribers.registeredIn}
          <SourceFlag source={k.rules.requirements.subscribers.source} />
        </span>
        {required >= 2 && (
          <span>
            Proposer {hasProposer ? '✓' : '—'} · Seconder {hasSeconder ? '✓' : '—'}
          </span>
        )}
        <span className="muted">{k.registerLoaded ? 'Checked against the register' : 'No register loaded for this area: entries are not checked'}</span>
      </div>
      {k.rules.requirements.subscribers.spread && <p className="muted">Also needed: {k.rules.requirements.subscribers.spread} (not checked by Hustings).</p>}
      {required === 0 ? (
        <p>This election needs no subscribers on the nomination form.</p>
      ) : (
        <form className="form" noValidate onSubmit={add} aria-label="Add a subscriber">
          <div className="row">
            <Field label="Elector number" hint="As on the register, e.g. AB-123 or AB-123/1" error={error?.field === 'electorNumber' ? error.message : undefined}>
              {(a) => <input {...a} ref={numberRef} value={electorNumber} onChange={(e) => setElectorNumber(e.target.value)} autoComplete="off" />}
            </Field>
            <Field label="Full name" hint="As on the register" error={error?.field === 'name' ? error.message : undefined}>
              {(a) => <input {...a} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
            </Field>
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={count >= required} aria-describedby={count >= required ? 'subscribers-full' : undefined}>
              Add subscriber
            </button>
            {count >= required && (
              <span id="subscribers-full">
                All {required} subscribers are entered: only the first {required} count, so remove one to add another.
              </span>
            )}
            <span role="status" className="muted">
              {status}
            </span>
          </div>
        </form>
      )}
      {refused.length > 0 && (
        <div className="refused">
          <h3>Refused entries</h3>
          <ul aria-label="Refused entries">
            {refused.map((r, i) => (
              <li key={`${i}-${r.electorNumber}`}>
                <strong>{r.electorNumber || '(no number)'}</strong> {r.name}: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {k.subscribers.length > 0 ? (
        <table>
          <caption>In the order they will sign: only the first {required} count.</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                No.
              </th>
              <th scope="col">Role</th>
              <th scope="col">Elector number</th>
              <th scope="col">Name</th>
              <th scope="col">Register</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {k.subscribers.map((s, i) => (
              <tr key={s.id}>
                <td className="num">{s.position}</td>
                <td>{s.role === 'assentor' ? 'Assentor' : <strong>{s.role === 'proposer' ? 'Proposer' : 'Seconder'}</strong>}</td>
                <td>
                  <code>{s.electorNumber}</code>
                </td>
                <td>{s.fullName}</td>
                <td>{s.checked ? 'Checked' : <span className="badge flag-unconfirmed">Not checked</span>}</td>
                <td>
                  <div className="compact-actions">
                    <button type="button" disabled={i === 0} aria-label={`Move ${s.fullName} up`} onClick={() => act(() => api('subscribers.move', { id: s.id, position: s.position - 1 }))}>
                      ↑
                    </button>
                    <button
                      type="button"
                      disabled={i === k.subscribers.length - 1}
                      aria-label={`Move ${s.fullName} down`}
                      onClick={() => act(() => api('subscribers.move', { id: s.id, position: s.position + 1 }))}
                    >
                      ↓
                    </button>
                    <button type="button" className="danger" aria-label={`Remove ${s.fullName}`} onClick={() => act(() => api('subscribers.remove', { id: s.id }))}>
                      Remove
                    </button>
                    <PersonalDataActions
                      compact
                      name={s.fullName}
                      exportContents={`what Hustings holds about ${s.fullName}: their elector number and name on this nomination paper, where they are named and activity`}
                      exportFile={async () => ({ filename: `subscriber-${s.id}.json`, doc: await api('subscribers.getPersonExport', { id: s.id }) })}
                      erase={(confirm) => api('subscribers.erasePerson', { id: s.id, confirm })}
                      onErased={() => setStatus('Erased the subscriber’s data; those after them moved up.')}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        required > 0 && <p className="muted">No subscribers yet. Type each elector number and name from the signed form, pressing Enter after each.</p>
      )}
    </section>
  );
}

// ---- checklist ----

function ChecklistPanel(props: { k: CandidacyDetail }) {
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

/** A checklist of papers (a candidacy's or a party list's), each with its state form. */
export function ChecklistTable(props: { contestId: number; items: PaperItem[]; time: string | null; save: (item: string, v: PaperState) => Promise<unknown> }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Due</th>
          <th scope="col">State</th>
          <th scope="col">Update</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((item) => (
          <ChecklistRow key={item.id} contestId={props.contestId} item={item} time={props.time} save={(v) => props.save(item.id, v)} />
        ))}
      </tbody>
    </table>
  );
}

type PaperItem = Pick<ChecklistItemOut, 'label' | 'description' | 'applies' | 'skippable' | 'state' | 'doneOn' | 'dueOn' | 'problems'> & { id: string; note: string | null };

type PaperState = { state: ItemState; doneOn: string | null; note: string };

function ChecklistRow(props: { contestId: number; item: PaperItem; time: string | null; save: (v: PaperState) => Promise<unknown> }) {
  const { item } = props;
  const [state, setState] = useState<ItemState>(item.state);
  const [doneOn, setDoneOn] = useState(item.doneOn ?? '');
  const [note, setNote] = useState(item.note ?? '');
  const { error, onSubmit } = useSubmitter();
  const save = onSubmit(() => props.save({ state, doneOn: state === 'done' ? doneOn || ukToday() : null, note }));
  const allowed = ITEM_STATES.filter((s) => s !== 'not-needed' || item.skippable);
  return (
    <tr className="checklist-row">
      <th scope="row">
        <strong>{item.label}</strong>
        <p className="muted">{item.description}</p>
        {item.problems.length > 0 && (
          <ul className="problem-list">
            {item.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </th>
      <td>{dueText(item.dueOn, props.time)}</td>
      <td>
        <ItemStateBadge state={item.state} applies={item.applies} />
        {item.doneOn && <div className="muted">{formatDate(item.doneOn)}</div>}
        {item.note && <div className="muted">{item.note}</div>}
      </td>
      <td>
        {item.id === 'deposit' && item.applies ? (
          <p>
            Ticked when the treasury records the payment.{' '}
            <Link to={`/treasury/${props.contestId}`}>{item.state === 'done' ? 'See the payment in the treasury' : 'Record the payment in the treasury'}</Link>
          </p>
        ) : item.applies ? (
          <form noValidate onSubmit={save} aria-label={`Update ${item.label}`}>
            <Field label="State" error={error}>
              {(a) => (
                <select {...a} value={state} onChange={(e) => setState(e.target.value as ItemState)}>
                  <Options values={allowed} labels={ITEM_STATE_LABELS} />
                </select>
              )}
            </Field>
            {state === 'done' && (
              <Field label="Done on">
                {(a) => <input {...a} type="date" value={doneOn} onChange={(e) => setDoneOn(e.target.value)} />}
              </Field>
            )}
            <Field label="Note">
              {(a) => <input {...a} value={note} onChange={(e) => setNote(e.target.value)} />}
            </Field>
            <button type="submit">Save</button>
          </form>
        ) : (
          <span className="muted">Not needed here</span>
        )}
      </td>
    </tr>
  );
}

function PapersForm(props: { k: CandidacyDetail }) {
  const { k } = props;
  const [signedOn, setSignedOn] = useState(k.consentSignedOn ?? '');
  const [witness, setWitness] = useState(k.consentWitnessedBy);
  const [agent, setAgent] = useState(k.agentName);
  const { error, saved, onSubmit } = useSubmitter();
  const save = onSubmit(() => api('candidacies.setPapers', { id: k.id, consentSignedOn: signedOn || null, consentWitnessedBy: witness, agentName: agent }));
  return (
    <form className="form" noValidate onSubmit={save} aria-label="Consent and agent">
      <div className="row">
        <Field label="Consent signed on" hint="No earlier than one month before close of nominations" error={error}>
          {(a) => <input {...a} type="date" value={signedOn} onChange={(e) => setSignedOn(e.target.value)} />}
        </Field>
        <Field label="Consent witnessed by">
          {(a) => <input {...a} value={witness} onChange={(e) => setWitness(e.target.value)} />}
        </Field>
        <Field label="Election agent" hint="Leave empty if the candidate is their own agent">
          {(a) => <input {...a} value={agent} onChange={(e) => setAgent(e.target.value)} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit">Save consent and agent</button>
        {saved && <span role="status">Saved.</span>}
      </div>
    </form>
  );
}

// ---- status ----

function StatusPanel(props: { k: CandidacyDetail }) {
  const { k } = props;
  return <StatusChanger history={k.history} allowedNext={k.allowedNext} closed="Withdrawn: the candidacy is closed." save={(v) => api('candidacies.setStatus', { id: k.id, ...v })} />;
}

/** The status history of a candidacy or a party list, and the form that moves it on. */
export function StatusChanger(props: {
  history: CandidacyDetail['history'];
  allowedNext: readonly CandidacyStatus[];
  closed: string;
  save: (v: { status: CandidacyStatus; onDate: string; reason: string }) => Promise<unknown>;
}) {
  const k = props;
  const [status, setStatus] = useState<CandidacyStatus | ''>('');
  const [onDate, setOnDate] = useState(ukToday());
  const [reason, setReason] = useState('');
  const { error, onSubmit } = useSubmitter();
  const save = onSubmit(async () => {
    if (!status) throw new Error('Choose the new status');
    await props.save({ status, onDate, reason });
    setStatus('');
    setReason('');
  });
  return (
    <section className="panel" aria-labelledby="status-heading">
      <h2 id="status-heading">Status</h2>
      <ol className="plain" aria-label="Status history">
        {k.history.map((h) => (
          <li key={h.at}>
            {formatDate(h.onDate)}: <CandidacyStatusBadge status={h.status} />
            {h.reason && ` — ${h.reason}`}
          </li>
        ))}
      </ol>
      {k.allowedNext.length === 0 ? (
        <p className="muted">{props.closed}</p>
      ) : (
        <form className="form inline-form" noValidate onSubmit={save} aria-label="Change status">
          <div className="row">
            <Field label="New status" error={error}>
              {(a) => (
                <select {...a} value={status} onChange={(e) => setStatus(e.target.value as CandidacyStatus)}>
                  <option value="">Choose…</option>
                  <Options values={k.allowedNext} labels={CANDIDACY_STATUS_LABELS} />
                </select>
              )}
            </Field>
            <Field label="Date of the change">
              {(a) => <input {...a} type="date" value={onDate} onChange={(e) => setOnDate(e.target.value)} />}
            </Field>
            <Field label="Reason" hint="Required for a rejection: the returning officer's reason">
              {(a) => <input {...a} value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
          </div>
          <div className="actions">
            <button type="submit">Change status</button>
          </div>
        </form>
      )}
    </section>
  );
}

// ---- rules ----

function poundsToPence(text: string): number | null | 'bad' {
  const t = text.trim().replace(/^£/, '').replace(/,/g, '');
  if (t === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return 'bad';
  return Math.round(Number(t) * 100);
}

function RulesPanel(props: { k: CandidacyDetail }) {
  const r = props.k.rules;
  const req = r.requirements;
  const [postKind, setPostKind] = useState<PostKind>(r.postKind);
  const [seats, setSeats] = useState(String(r.seats));
  const [subs, setSubs] = useState(r.subscribersRequired === null ? '' : String(r.subscribersRequired));
  const [deposit, setDeposit] = useState(r.depositPence === null ? '' : String(r.depositPence / 100));
  const [councils, setCouncils] = useState(r.councils === null ? '' : String(r.councils));
  const hasCouncils = req.subscribers.spread?.includes('constituent council') ?? false;
  const { error, saved, onSubmit } = useSubmitter();
  const save = onSubmit(async () => {
    const depositPence = poundsToPence(deposit);
    if (depositPence === 'bad') throw new Error('Write the deposit in pounds, e.g. 500 or 1,000.00, or leave it empty for the default');
    if (subs.trim() !== '' && !/^\d+$/.test(subs.trim())) throw new Error('Subscribers required must be a whole number, or empty for the default');
    if (councils.trim() !== '' && !/^\d+$/.test(councils.trim())) throw new Error('Constituent councils must be a whole number, or empty if not known yet');
    await api('nominations.setRules', {
      contestId: r.contestId,
      postKind,
      seats: Number(seats),
      subscribersRequired: subs.trim() === '' ? null : Number(subs),
      depositPence,
      ...(hasCouncils ? { councils: councils.trim() === '' ? null : Number(councils) } : {}),
    });
  });
  return (
    <section className="panel" aria-labelledby="rules-heading">
      <h2 id="rules-heading">Nomination rules for this contest</h2>
      <dl className="facts">
        <dt>Rules</dt>
        <dd>{req.label}</dd>
        <dt>Subscribers</dt>
        <dd>
          {req.subscribers.required} ({req.subscribers.roles}) <SourceFlag source={req.subscribers.source} />
        </dd>
        <dt>Deposit</dt>
        <dd>
          {req.deposit ? (
            <>
              {formatPence(req.deposit.amountPence, { wholePounds: true })}, {req.deposit.returnRuleText} <SourceFlag source={req.deposit.amountSource} />
            </>
          ) : (
            'None'
          )}
        </dd>
      </dl>
      {req.notes.map((n) => (
        <p key={n} className="muted">
          {n}
        </p>
      ))}
      <p className="muted">
        Set by {req.instrument}; checked {formatDate(req.checkedOn)}.
      </p>
      <form className="form" noValidate onSubmit={save} aria-label="Correct the rules">
        <p className="muted">Correct a default from the returning officer's nomination pack; leave a field empty to use the default.</p>
        <div className="row">
          {r.postKinds.length > 1 && (
            <Field label="Post">
              {(a) => (
                <select {...a} value={postKind} onChange={(e) => setPostKind(e.target.value as PostKind)}>
                  <Options values={r.postKinds} labels={POST_KIND_LABELS} />
                </select>
              )}
            </Field>
          )}
          <Field label="Seats" hint="For a quota (NI) and multi-member wards">
            {(a) => <input {...a} type="number" min={1} max={20} value={seats} onChange={(e) => setSeats(e.target.value)} />}
          </Field>
          <Field label="Subscribers required">
            {(a) => <input {...a} inputMode="numeric" value={subs} placeholder={String(req.subscribers.required)} onChange={(e) => setSubs(e.target.value)} />}
          </Field>
          {hasCouncils && (
            <Field label="Constituent councils" hint="The limit’s fixed sum is multiplied by them; more than 10 need 10 subscribers from each">
              {(a) => <input {...a} inputMode="numeric" value={councils} onChange={(e) => setCouncils(e.target.value)} />}
            </Field>
          )}
          <Field label="Deposit (£)">
            {(a) => <input {...a} inputMode="decimal" value={deposit} placeholder={req.deposit ? String(req.deposit.amountPence / 100) : '0'} onChange={(e) => setDeposit(e.target.value)} />}
          </Field>
        </div>
        <ErrorMessage error={error} />
        <div className="actions">
          <button type="submit">Save rules</button>
          {saved && <span role="status">Saved.</span>}
        </div>
      </form>
    </section>
  );
}
