import { Link, useNavigate } from 'react-router';
import { api, useApi } from '../../app/api.ts';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { CandidateForm } from './CandidateForm.tsx';

export function CandidatesPage() {
  const { data, error } = useApi('candidates.list', {});
  const action = (
    <Link className="button primary" to="/candidates/new">
      New candidate
    </Link>
  );
  return (
    <>
      <PageHeader title="Candidates" subtitle="The people standing, their nomination papers and their results." actions={action} />
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {data && data.length === 0 && (
        <EmptyState title="No candidates yet">
          <p>Add each person who may stand, then put them forward in a contest to start their nomination papers.</p>
          <div className="actions">{action}</div>
        </EmptyState>
      )}
      {data && data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Name on the ballot</th>
              <th scope="col">Description</th>
              <th scope="col" className="num">
                Contests
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/candidates/${c.id}`}>{c.ballotName}</Link>
                  {c.commonName && <span className="muted"> ({c.commonName})</span>}
                </td>
                <td>{c.partyCandidate ? c.partyDescription || 'Party candidate' : 'Independent'}</td>
                <td className="num">{c.candidacyCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function NewCandidatePage() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="New candidate" back={{ to: '/candidates', label: 'Candidates' }} />
      <CandidateForm
        submitLabel="Add candidate"
        onSubmit={async (values) => {
          const c = await api('candidates.create', values);
          navigate(`/candidates/${c.id}`);
        }}
        onCancel={() => navigate('/candidates')}
      />
    </>
  );
}
