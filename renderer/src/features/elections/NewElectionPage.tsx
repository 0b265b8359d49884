import { useNavigate } from 'react-router';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../ui/Page.tsx';
import { ElectionForm } from './ElectionForm.tsx';

export function NewElectionPage() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="New election" back={{ to: '/elections', label: 'Elections' }} />
      <ElectionForm
        submitLabel="Create election"
        onSubmit={async (values) => {
          const e = await api('elections.create', values);
          navigate(`/elections/${e.id}`);
        }}
        onCancel={() => navigate('/elections')}
      />
    </>
  );
}
