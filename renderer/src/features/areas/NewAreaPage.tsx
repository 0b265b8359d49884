import { useNavigate } from 'react-router';
import { api } from '../../app/api.ts';
import { PageHeader } from '../../ui/Page.tsx';
import { AreaForm } from './AreaForm.tsx';

export function NewAreaPage() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="New area" back={{ to: '/areas', label: 'Areas' }} />
      <AreaForm
        submitLabel="Create area"
        onSubmit={async (values) => {
          const a = await api('areas.create', values);
          navigate(`/areas/${a.id}`);
        }}
        onCancel={() => navigate('/areas')}
      />
    </>
  );
}
