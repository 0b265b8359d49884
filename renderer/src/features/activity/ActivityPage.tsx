import { useApi } from '../../app/api.ts';
import { EmptyState, ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';

export function ActivityPage() {
  const { data, error } = useApi('audit.list', { limit: 200 });
  return (
    <>
      <PageHeader title="Activity" subtitle="Every change made in Hustings: who, what and when." />
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {data && data.length === 0 && (
        <EmptyState title="Nothing has changed yet">
          <p>Each change you make is recorded here with what it was before and after.</p>
        </EmptyState>
      )}
      {data && data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {data.map((a) => (
              <tr key={a.id}>
                <td>{new Date(a.at).toLocaleString('en-GB')}</td>
                <td>{a.actor}</td>
                <td>
                  <details>
                    <summary>{a.summary}</summary>
                    <pre>{JSON.stringify({ before: a.before, after: a.after }, null, 2)}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
