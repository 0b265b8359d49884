import { useState } from 'react';
import { Link } from 'react-router';
import { NATION_LABELS } from '../../../../shared/domain/election-types.ts';
import { useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { formatNumber, plural } from '../../ui/format.ts';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { KIND_LABELS } from './AreaForm.tsx';

const SHOWN = 200;

export function AreasPage() {
  const [search, setSearch] = useState('');
  const { data, error } = useApi('areas.list', search ? { search } : {});
  const actions = (
    <>
      <Link className="button" to="/areas/import">
        Import from CSV
      </Link>
      <Link className="button primary" to="/areas/new">
        New area
      </Link>
    </>
  );
  return (
    <>
      <PageHeader title="Areas" subtitle="Constituencies, wards and divisions you might contest." actions={actions} />
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {data && data.length === 0 && !search ? (
        <EmptyState title="No areas yet">
          <p>Import the constituencies or wards from a CSV file (the 2024 Westminster constituencies file works as it is), or add an area by hand.</p>
          <div className="actions">{actions}</div>
        </EmptyState>
      ) : (
        data && (
          <>
            <Field label="Search areas" hint={`${plural(data.length, 'area')}${data.length > SHOWN ? `, showing the first ${SHOWN}` : ''}`}>
              {(a) => <input {...a} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name or GSS code" />}
            </Field>
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col">GSS code</th>
                  <th scope="col" className="num">
                    Electorate
                  </th>
                  <th scope="col">Nation</th>
                  <th scope="col" className="num">
                    Contests
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.slice(0, SHOWN).map((a) => (
                  <tr key={a.id}>
                    <td>
                      <Link to={`/areas/${a.id}`}>{a.name}</Link>
                    </td>
                    <td>{KIND_LABELS[a.kind]}</td>
                    <td>
                      <code>{a.gssCode}</code>
                    </td>
                    <td className="num">{formatNumber(a.electorate)}</td>
                    <td>{NATION_LABELS[a.nation]}</td>
                    <td className="num">{a.contestCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )
      )}
    </>
  );
}
