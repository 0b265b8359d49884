import { Link } from 'react-router';
import { useApi } from '../../app/api.ts';
import { ErrorMessage } from '../../ui/Page.tsx';
import { CandidacyStatusBadge } from './labels.tsx';

/** On a contest's page: our candidates there, and the way to its result. */
export function ContestCandidatesPanel(props: { contestId: number }) {
  const { data, error } = useApi('candidacies.list', { contestId: props.contestId });
  return (
    <section className="panel" aria-labelledby="contest-candidates-heading">
      <h2 id="contest-candidates-heading">Our candidates</h2>
      <ErrorMessage error={error} />
      {data && data.length === 0 && (
        <p className="muted">
          Nobody is standing here yet: open a <Link to="/candidates">candidate</Link> and add them to this contest.
        </p>
      )}
      {data && data.length > 0 && (
        <ul className="plain">
          {data.map((k) => (
            <li key={k.id}>
              <Link to={`/candidacies/${k.id}`}>{k.candidateName}</Link> <CandidacyStatusBadge status={k.status} />
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <Link className="button" to={`/contests/${props.contestId}/result`}>
          Result
        </Link>
      </div>
    </section>
  );
}
