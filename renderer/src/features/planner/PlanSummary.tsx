import { Link } from 'react-router';
import { useApi } from '../../app/api.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { Findings } from './PlannerPage.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';

/** A contest's verdict and what stands in its way, for the contest page. */
export function PlanSummary(props: { contestId: number }) {
  const plan = useApi('planner.get', { contestId: props.contestId });
  const { data } = plan;
  if (!data) return <Loaded of={plan} />;
  const problems = data.plan.findings.filter((f) => f.level !== 'ok');
  return (
    <section className="panel" aria-labelledby="plan-summary-heading">
      <h2 id="plan-summary-heading">
        Is it practical? <VerdictBadge verdict={data.plan.verdict} />
      </h2>
      {problems.length > 0 && <Findings findings={problems} />}
      <p>
        <Link to={`/contests/${props.contestId}/plan`}>Open the plan</Link>: cost, people and papers side by side, the assumptions, and the meeting’s decisions
        ({data.decisions.length} recorded).
      </p>
    </section>
  );
}
