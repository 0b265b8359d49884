import { Link, useParams } from 'react-router';
import { useApi } from '../../app/api.ts';
import { PageHeader } from '../../ui/Page.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { oneLine, outcomeLabel } from './labels.ts';
import { ReturnsTable } from './ReturnsTable.tsx';

export function HouseholdPage() {
  const id = Number(useParams().id);
  const household = useApi('register.getHousehold', { id });
  const { data } = household;
  if (!data) return <Loaded of={household} />;
  const h = data.household;
  return (
    <>
      <PageHeader
        title={oneLine(h.address)}
        subtitle={`${h.postcode} · polling district ${h.pollingDistrict}`}
        back={{ to: `/register/${h.areaId}`, label: 'Electors' }}
      />
      <table>
        <caption>Electors at this address</caption>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Name</th>
            <th scope="col">Latest outcome</th>
            <th scope="col">Support</th>
          </tr>
        </thead>
        <tbody>
          {data.members.map((m) => (
            <tr key={m.id}>
              <td>
                <code>{m.electorNumber}</code>
              </td>
              <td>
                <Link to={`/electors/${m.id}`}>{m.fullName}</Link>
              </td>
              <td>{outcomeLabel(m.latestOutcome)}</td>
              <td>{m.latestSupport ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>History</h2>
      <ReturnsTable returns={data.returns} who caption="Every return for this household" />
    </>
  );
}
