import type { CandidacyDetail } from '../../../../shared/contract/candidates.ts';
import { formatPence } from '../../../../shared/domain/money.ts';
import { DepositOutcomeText, SourceFlag, dueText } from './labels.tsx';

/** Where the papers stand, the close of nominations and the deposit, at the top of a candidacy. */
export function CandidacyOverview(props: { k: CandidacyDetail }) {
  const { k } = props;
  const req = k.rules.requirements;
  return (
    <section className="panel" aria-labelledby="overview-heading">
      <h2 id="overview-heading">Papers</h2>
      <p>
        {k.checklist.complete ? (
          <strong className="deposit-returned">All papers complete.</strong>
        ) : (
          <strong>
            Papers not complete: {k.checklist.problems.length || 'some items are still to do'}
            {k.checklist.problems.length ? ` problem${k.checklist.problems.length === 1 ? '' : 's'}` : ''}.
          </strong>
        )}{' '}
        Close of nominations:{' '}
        {k.closeOfNominations
          ? dueText(k.closeOfNominations, k.closeOfNominationsTime)
          : 'not known yet (the returning officer sets it: enter it in the election timetable)'}
        .
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
