import { Link, useNavigate } from 'react-router';
import { api, useApi } from '../../app/api.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { EmptyState, PageHeader } from '../../ui/Page.tsx';
import { CandidateForm } from './CandidateForm.tsx';

export function CandidatesPage() {
  const candidates = useApi('candidates.list', {});
  const action = (
    <Link className="button primary" to="/candidates/new">
      New candidate
    </Link>
  );
  const description = (c: { partyCandidate: boolean; partyDescription: string }) =>
    c.partyCandidate ? c.partyDescription || 'Party candidate' : 'Independent';
  return (
    <>
      <PageHeader title="Candidates" subtitle="The people standing, their nomination papers and their results." actions={action} />
      <Loaded of={candidates}>
        {(data) => (
          <DataTable
            rows={data}
            rowKey={(c) => c.id}
            empty={
              <EmptyState title="No candidates yet">
                <p>Add each person who may stand, then put them forward in a contest to start their nomination papers.</p>
                <div className="actions">{action}</div>
              </EmptyState>
            }
            columns={[
              {
                header: 'Name on the ballot',
                cell: (c) => (
                  <>
                    <Link to={`/candidates/${c.id}`}>{c.ballotName}</Link>
                    {c.commonName && <span className="muted"> ({c.commonName})</span>}
                  </>
                ),
                sort: (c) => c.ballotName,
              },
              { header: 'Description', cell: (c) => description(c), sort: (c) => description(c) },
              { header: 'Contests', num: true, cell: (c) => c.candidacyCount, sort: (c) => c.candidacyCount },
            ]}
          />
        )}
      </Loaded>
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
