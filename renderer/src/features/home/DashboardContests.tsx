import { Link } from 'react-router';
import type { Contest } from '../../../../shared/contract/contests.ts';
import { formatPence } from '../../../../shared/domain/money.ts';
import { CANDIDACY_STATUS_LABELS } from '../../../../shared/domain/nominations.ts';
import { VERDICT_LABELS } from '../../../../shared/domain/planner.ts';
import { useApi } from '../../app/api.ts';
import { formatDate } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { StatusBadge } from '../contests/StatusBadge.tsx';
import { VerdictBadge } from '../planner/VerdictBadge.tsx';
import { CanvassCell, LeafletCoverageCell } from './DashboardCells.tsx';

/**
 * Where each contest of an election stands: its status and the decision behind it, the planner's
 * verdict, nomination progress, leaflet coverage, canvass contacts and money against the limit.
 * Each figure links to its page.
 */
export function DashboardContests(props: { electionId: number; contests: Contest[] }) {
  const plans = useApi('planner.list', { electionId: props.electionId });
  const candidacies = useApi('candidacies.list', {});
  const money = useApi('treasury.listOverview', {});
  const registers = useApi('register.list', {});
  if (!plans.data || !candidacies.data || !money.data || !registers.data) return <Loaded of={[plans, candidacies, money, registers]} />;
  if (props.contests.length === 0) {
    return (
      <p className="muted">
        No contests yet: <Link to={`/elections/${props.electionId}`}>add the areas you are considering</Link>.
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Contest</th>
            <th scope="col">Status</th>
            <th scope="col">Planner</th>
            <th scope="col">Nominations</th>
            <th scope="col">Leaflets</th>
            <th scope="col">Canvass</th>
            <th scope="col">Money against the limit</th>
          </tr>
        </thead>
        <tbody>
          {props.contests.map((c) => {
            const plan = plans.data!.find((p) => p.contest.id === c.id);
            const decision = plan?.latestDecision;
            const standing = candidacies.data!.filter((k) => k.contestId === c.id);
            const required = plan?.plan.figures.papers.subscribersRequired ?? null;
            const row = money.data!.find((m) => m.contestId === c.id);
            return (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/contests/${c.id}`}>{c.areaName}</Link>
                </th>
                <td>
                  <StatusBadge status={c.status} />
                  {decision && (
                    <div className="muted">
                      {decision.meeting}, {formatDate(decision.decidedOn)}
                    </div>
                  )}
                </td>
                <td>
                  {plan && (
                    <Link to={`/contests/${c.id}/plan`} aria-label={`Plan for ${c.areaName}: ${VERDICT_LABELS[plan.plan.verdict].toLowerCase()}`}>
                      <VerdictBadge verdict={plan.plan.verdict} />
                    </Link>
                  )}
                </td>
                <td>
                  {standing.length === 0 ? (
                    <span className="muted">{c.status === 'contesting' ? 'No candidate yet' : '—'}</span>
                  ) : (
                    <ul className="plain">
                      {standing.map((k) => (
                        <li key={k.id}>
                          <Link to={`/candidacies/${k.id}`}>{k.candidateName}</Link>: {CANDIDACY_STATUS_LABELS[k.status]}
                          {required !== null && required > 0 && (
                            <span className="muted">
                              {' '}
                              · {k.subscriberCount} of {required} subscribers
                            </span>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  <LeafletCoverageCell contestId={c.id} households={plan?.plan.figures.households ?? null} />
                </td>
                <td>
                  <CanvassCell areaId={c.areaId} hasRegister={registers.data!.some((r) => r.areaId === c.areaId)} />
                </td>
                <td>
                  {row ? (
                    <Link to={`/treasury/${c.id}`}>
                      {formatPence(row.spend.spentPence)} spent
                      {row.limitPence !== null ? ` of ${formatPence(row.limitPence)}` : ''}
                    </Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                  {row && row.spend.level !== 'no-limit' && <div className={row.spend.level === 'ok' ? 'muted' : 'error'}>{row.spend.message}</div>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
