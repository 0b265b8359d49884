import { Link } from 'react-router';
import type { ContestPlan } from '../../../../shared/contract/planner.ts';
import { useApi } from '../../app/api.ts';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { EmptyState, PageHeader } from '../../ui/Page.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { StatusBadge } from '../contests/StatusBadge.tsx';
import { DecisionsTable } from './DecisionsPanel.tsx';
import { Findings, money } from './PlannerPage.tsx';
import { VerdictBadge } from './VerdictBadge.tsx';

function against(need: number | null, have: number | null, show: (n: number) => string): string {
  const n = need === null ? 'not known' : show(need);
  return have === null ? `${n} (have: not entered)` : `${n} against ${show(have)}`;
}

/** Every contest side by side, so members can choose where to stand. */
export function ComparePage() {
  const rows = useApi('planner.list', {});
  const decisions = useApi('planner.listDecisions', {});
  if (!rows.data || !decisions.data) return <Loaded of={[rows, decisions]} />;
  if (rows.data.length === 0) {
    return (
      <>
        <PageHeader title="Where to stand" />
        <EmptyState title="No contests to compare yet">
          <p>
            Open an <Link to="/elections">election</Link> and add the areas you are considering as contests; each then gets a plan here.
          </p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Where to stand" subtitle="Every contest’s cost, people and papers against what the campaign has, side by side." />
      <div className="table-scroll">
        <table className="compare">
          <caption>Contests compared</caption>
          <thead>
            <tr>
              <th scope="col">Contest</th>
              <th scope="col">Verdict</th>
              <th scope="col">Cost against funds</th>
              <th scope="col">Hours needed against offered</th>
              <th scope="col">Subscribers against members known</th>
              <th scope="col">Nominations close</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.data.map((r) => (
              <CompareRow key={r.contest.id} row={r} />
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="reasons-heading">
        <h2 id="reasons-heading">Reasons</h2>
        {rows.data.map((r) => (
          <article key={r.contest.id} className="card">
            <h3>
              <Link to={`/contests/${r.contest.id}/plan`}>{r.contest.areaName}</Link> <span className="muted">({r.contest.electionName})</span>{' '}
              <VerdictBadge verdict={r.plan.verdict} />
            </h3>
            <Findings findings={r.plan.findings.filter((f) => f.level !== 'ok')} />
          </article>
        ))}
      </section>
      <section className="panel" aria-labelledby="all-decisions-heading">
        <h2 id="all-decisions-heading">Decisions taken</h2>
        {decisions.data.length === 0 ? (
          <p>No decision recorded yet: record one on a contest’s plan.</p>
        ) : (
          <DecisionsTable decisions={decisions.data} showContest />
        )}
      </section>
    </>
  );
}

function CompareRow(props: { row: Omit<ContestPlan, 'decisions'> }) {
  const { contest: c, plan } = props.row;
  const f = plan.figures;
  return (
    <tr>
      <th scope="row">
        <Link to={`/contests/${c.id}/plan`}>{c.areaName}</Link>
        <div className="muted">{c.electionName}</div>
      </th>
      <td>
        <VerdictBadge verdict={plan.verdict} />
      </td>
      <td>{against(f.cost.totalPence, f.cost.fundsAvailablePence, money)}</td>
      <td>{against(f.people.neededHours, f.people.offeredHours, formatNumber)}</td>
      <td>{against(f.papers.subscribersRequired, f.papers.membersKnown, formatNumber)}</td>
      <td>
        {f.papers.closeOfNominations ? formatDate(f.papers.closeOfNominations) : 'not known'}
        {f.papers.workingDaysToClose !== null && f.papers.workingDaysToClose >= 0 && (
          <div className="muted">{formatNumber(f.papers.workingDaysToClose)} working days</div>
        )}
      </td>
      <td>
        <StatusBadge status={c.status} />
      </td>
    </tr>
  );
}
