import { CONTEST_STATUS_LABELS, type Contest } from '../../../../shared/contract/contests.ts';

export function StatusBadge(props: { status: Contest['status'] }) {
  return <span className={`badge status-${props.status}`}>{CONTEST_STATUS_LABELS[props.status]}</span>;
}
