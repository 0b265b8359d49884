import './planner.css';
import { VERDICT_LABELS, type Verdict } from '../../../../shared/domain/planner.ts';

export function VerdictBadge(props: { verdict: Verdict }) {
  return <span className={`badge verdict-${props.verdict}`}>{VERDICT_LABELS[props.verdict]}</span>;
}
