import type { CandidacyDetail } from '../../../../shared/contract/candidates.ts';
import { formatPence } from '../../../../shared/domain/money.ts';
import { CANDIDACY_STATUS_LABELS, type CandidacyStatus, type ItemState, ITEM_STATE_LABELS } from '../../../../shared/domain/nominations.ts';
import { formatDate } from '../../ui/format.ts';
import './candidates.css';

export function CandidacyStatusBadge(props: { status: CandidacyStatus }) {
  return <span className={`badge candidacy-${props.status}`}>{CANDIDACY_STATUS_LABELS[props.status]}</span>;
}

export function ItemStateBadge(props: { state: ItemState; applies: boolean }) {
  if (!props.applies) return <span className="badge item-not-needed">Does not apply</span>;
  return <span className={`badge item-${props.state}`}>{ITEM_STATE_LABELS[props.state]}</span>;
}

/** "unconfirmed default" marker for rule figures the notes mark (unconfirmed). */
export function SourceFlag(props: { source: string }) {
  if (props.source === 'unconfirmed') {
    return (
      <span className="badge flag-unconfirmed" title="Marked (unconfirmed) in the rules: check it with the returning officer and correct it below">
        unconfirmed default
      </span>
    );
  }
  if (props.source === 'override') return <span className="badge flag-override">set by you</span>;
  return null;
}

export function DepositOutcomeText(props: { deposit: CandidacyDetail['deposit'] }) {
  const d = props.deposit;
  if (!d) return <span className="muted">known once the result is recorded</span>;
  if (d.outcome === 'no-deposit') return <span className="muted">No deposit for this election</span>;
  return (
    <strong className={`deposit-${d.outcome}`}>
      Deposit {d.outcome} ({formatPence(d.amountPence ?? 0, { wholePounds: true })}): {d.reason.replace(/^(returned|forfeited): /, '')}
    </strong>
  );
}

/** An item's deadline: close of nominations, with its date and time once the timetable gives them. */
export function dueText(dueOn: string | null, time: string | null): string {
  if (!dueOn) return 'close of nominations (date not known yet)';
  return `${formatDate(dueOn)}${time ? `, ${time}` : ''}`;
}
