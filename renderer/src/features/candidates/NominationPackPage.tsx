import { Link, useParams } from 'react-router';
import { formatPence } from '../../../../shared/domain/money.ts';
import { electionTypeLabel } from '../../../../shared/domain/election-types.ts';
import { ITEM_STATE_LABELS, subscriberRole } from '../../../../shared/domain/nominations.ts';
import { useApi } from '../../app/api.ts';
import { formatDate } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { dueText } from './labels.tsx';

const ROLE_LABELS = { proposer: 'Proposer', seconder: 'Seconder', assentor: 'Assentor' } as const;

/** Per candidate: the checklist with deadlines and the subscribers in signing order, laid out for A4. */
export function NominationPackPage() {
  const id = Number(useParams().id);
  const record = useApi('candidacies.get', { id });
  const k = record.data;
  if (!k) return <Loaded of={record} />;
  const c = k.candidate;
  const req = k.rules.requirements;
  const blanks = Math.max(0, req.subscribers.required - k.subscribers.length);
  return (
    <article className="pack">
      <div className="actions no-print">
        <Link className="back" to={`/candidacies/${id}`}>
          ← Back to the candidacy
        </Link>
        <button type="button" className="primary" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <h1>Nomination pack: {k.candidateName}</h1>
      <p>
        {k.areaName} · {k.electionName} ({electionTypeLabel(k.electionType, k.nation)}) · polling day {formatDate(k.pollingDay)} · close of nominations{' '}
        {k.closeOfNominations ? dueText(k.closeOfNominations, k.closeOfNominationsTime) : 'see the notice of election'}
      </p>
      <section aria-labelledby="pack-candidate">
        <h2 id="pack-candidate">Candidate</h2>
        <dl className="facts">
          <dt>Name on the ballot</dt>
          <dd>{c.ballotName}</dd>
          <dt>Commonly-used name</dt>
          <dd>{c.commonName || '—'}</dd>
          <dt>Home address</dt>
          <dd className="pre">{c.homeAddress || '—'}</dd>
          <dt>Description</dt>
          <dd>{c.partyCandidate ? c.partyDescription || '—' : 'Independent'}</dd>
          <dt>Emblem</dt>
          <dd>{c.emblem || '—'}</dd>
          <dt>Election agent</dt>
          <dd>{k.agentName || 'the candidate (own agent)'}</dd>
          <dt>Deposit</dt>
          <dd>{req.deposit ? `${formatPence(req.deposit.amountPence, { wholePounds: true })}, ${req.deposit.returnRuleText}` : 'none'}</dd>
        </dl>
      </section>
      <section aria-labelledby="pack-checklist">
        <h2 id="pack-checklist">Checklist</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">✓</th>
              <th scope="col">Item</th>
              <th scope="col">Due</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {k.checklist.items
              .filter((i) => i.applies)
              .map((i) => (
                <tr key={i.id}>
                  <td>{i.state === 'done' ? '☑' : i.state === 'not-needed' ? '–' : '☐'}</td>
                  <td>
                    <strong>{i.label}</strong>
                    <div>{i.description}</div>
                    {i.id === 'consent' && k.consentSignedOn && (
                      <div>
                        Signed {formatDate(k.consentSignedOn)}
                        {k.consentWitnessedBy && `, witnessed by ${k.consentWitnessedBy}`}
                      </div>
                    )}
                    {i.problems.map((p) => (
                      <div key={p} className="error">
                        {p}
                      </div>
                    ))}
                  </td>
                  <td>{dueText(i.dueOn, k.closeOfNominationsTime)}</td>
                  <td>
                    {ITEM_STATE_LABELS[i.state]}
                    {i.doneOn && ` ${formatDate(i.doneOn)}`}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>
      {req.subscribers.required > 0 && (
        <section className="subscribers-section" aria-labelledby="pack-subscribers">
          <h2 id="pack-subscribers">
            Subscribers in signing order ({k.subscribers.length} of {req.subscribers.required})
          </h2>
          <p>
            {req.subscribers.roles}, registered in {req.subscribers.registeredIn}
            {req.subscribers.spread ? `; ${req.subscribers.spread}` : ''}. Only the first {req.subscribers.required} count.
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col" className="num">
                  No.
                </th>
                <th scope="col">Role</th>
                <th scope="col">Elector number</th>
                <th scope="col">Name</th>
                <th scope="col" className="signature">
                  Signature
                </th>
              </tr>
            </thead>
            <tbody>
              {k.subscribers.map((s) => (
                <tr key={s.id}>
                  <td className="num">{s.position}</td>
                  <td>{ROLE_LABELS[s.role]}</td>
                  <td>{s.electorNumber}</td>
                  <td>
                    {s.fullName}
                    {!s.checked && ' (not checked against the register)'}
                  </td>
                  <td />
                </tr>
              ))}
              {Array.from({ length: blanks }, (_, i) => (
                <tr key={`blank-${i}`} className="blank">
                  <td className="num">{k.subscribers.length + i + 1}</td>
                  <td>{ROLE_LABELS[subscriberRole(k.subscribers.length + i + 1)]}</td>
                  <td />
                  <td />
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </article>
  );
}
