import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { NATION_LABELS } from '../../../../shared/domain/election-types.ts';
import { api, useApi } from '../../app/api.ts';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { RecordPage } from '../../ui/RecordPage.tsx';
import { StatusBadge } from '../contests/StatusBadge.tsx';
import { AreaForm, KIND_LABELS } from './AreaForm.tsx';

export function AreaPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const areaQuery = useApi('areas.get', { id });
  const a = areaQuery.data;
  const { data: contests } = useApi('contests.list', { areaId: id });
  const [editing, setEditing] = useState(false);
  if (!a) return <Loaded of={areaQuery} />;
  return (
    <>
      <RecordPage
        title={a.name}
        back={{ to: '/areas', label: 'Areas' }}
        subtitle={`${KIND_LABELS[a.kind]} · ${NATION_LABELS[a.nation]}`}
        editing={editing}
        onEdit={() => setEditing(true)}
        remove={{
          what: a.name,
          impactNoun: 'contest',
          impact: async () => {
            const i = await api('areas.deleteImpact', { id });
            return { items: i.contests, blockedBy: i.blockedBy };
          },
          remove: async () => {
            await api('areas.delete', { id, confirm: true });
            navigate('/areas');
          },
        }}
      />
      {editing ? (
        <AreaForm
          initial={a}
          submitLabel="Save changes"
          onSubmit={async (values) => {
            await api('areas.update', { id, ...values });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <dl className="facts">
          <dt>GSS code</dt>
          <dd>{a.gssCode ? <code>{a.gssCode}</code> : '—'}</dd>
          <dt>Electorate</dt>
          <dd>{formatNumber(a.electorate)}</dd>
          <dt>County or borough</dt>
          <dd>{a.classification === 'county' ? 'County' : a.classification === 'borough' ? 'Borough (burgh)' : 'Not set'}</dd>
          <dt>Region</dt>
          <dd>{a.region || 'Not set'}</dd>
          {a.notes && (
            <>
              <dt>Notes</dt>
              <dd className="pre">{a.notes}</dd>
            </>
          )}
        </dl>
      )}
      <section className="panel" aria-labelledby="area-contests">
        <h2 id="area-contests">Contests here</h2>
        {contests && contests.length === 0 && <p className="muted">Not yet a contest in any election. Add it from an election’s page.</p>}
        <ul className="plain">
          {contests?.map((c) => (
            <li key={c.id}>
              <Link to={`/contests/${c.id}`}>{c.electionName}</Link> · {formatDate(c.pollingDay)} · <StatusBadge status={c.status} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
