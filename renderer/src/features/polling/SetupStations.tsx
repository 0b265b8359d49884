import { useState } from 'react';
import { Link } from 'react-router';
import { type PollingOverview, stationInput } from '../../../../shared/contract/polling-setup.ts';
import { api } from '../../app/api.ts';
import { DeleteButton } from '../../ui/DeleteButton.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { plural } from '../../ui/format.ts';
import { useApiForm } from '../../ui/useApiForm.ts';
import { DistrictChecks } from './SetupDistricts.tsx';

type Station = PollingOverview['stations'][number];

/** The area's polling stations, the districts each serves and its gaps in tellers' cover. */
export function StationsPanel(props: { overview: PollingOverview }) {
  const { overview } = props;
  const [editing, setEditing] = useState<Station | 'new' | null>(null);
  const served = new Set(overview.stations.flatMap((s) => s.districts));
  const unserved = overview.districts.map((d) => d.pollingDistrict).filter((d) => !served.has(d));
  return (
    <section className="panel" aria-labelledby="stations-heading">
      <h2 id="stations-heading">Polling stations</h2>
      <p className="muted">Stations belong to {overview.contest.areaName}’s register, so they carry over to its next poll.</p>
      {overview.stations.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Station</th>
              <th scope="col">Address</th>
              <th scope="col">Polling districts</th>
              <th scope="col">No teller at</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.stations.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>{s.address}</td>
                <td>{s.districts.join(', ') || <span className="muted">none</span>}</td>
                <td>{s.gaps.map((g) => `${g.from}–${g.to}`).join(', ') || 'Covered all day'}</td>
                <td className="actions">
                  <button type="button" onClick={() => setEditing(s)}>
                    Edit
                  </button>
                  <DeleteButton
                    what={`polling station ${s.name}`}
                    describe={async () => {
                      const shifts = overview.duties.filter((d) => d.stationId === s.id).length;
                      return `Delete polling station ${s.name}?${shifts > 0 ? ` Its ${plural(shifts, 'teller shift')} will be taken off the rota.` : ''}`;
                    }}
                    remove={async () => void (await api('polling.deleteStation', { id: s.id, confirm: true }))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unserved.length > 0 && overview.districts.length > 0 && (
        <p className="warning">
          No station yet for polling district{unserved.length > 1 ? 's' : ''} {unserved.join(', ')}.
        </p>
      )}
      {editing === null ? (
        <div className="actions">
          <button type="button" onClick={() => setEditing('new')}>
            Add a polling station
          </button>
          <Link className="button" to={`/contests/${overview.contest.id}/polling-day/stations-import`}>
            Import stations from a CSV file
          </Link>
        </div>
      ) : (
        <StationForm
          key={editing === 'new' ? 'new' : editing.id}
          overview={overview}
          station={editing === 'new' ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function StationForm(props: { overview: PollingOverview; station?: Station; onDone(): void }) {
  const { overview, station } = props;
  const form = useApiForm(stationInput, {
    id: station?.id,
    areaId: overview.contest.areaId,
    name: station?.name ?? '',
    address: station?.address ?? '',
    districts: station?.districts ?? [],
    moveDistricts: false,
  });
  const takenBy = new Map(overview.stations.flatMap((s) => s.districts.map((d) => [d, s.name] as const)));
  const districts = form.watch('districts') ?? [];
  const moving = districts.some((d) => takenBy.has(d) && takenBy.get(d) !== station?.name);
  return (
    <form
      className="form inline-form"
      noValidate
      aria-label={station ? `Change ${station.name}` : 'New polling station'}
      onSubmit={form.submit(async (values) => {
        await api('polling.saveStation', values);
        props.onDone();
      })}
    >
      <h3>{station ? `Change ${station.name}` : 'New polling station'}</h3>
      <ErrorMessage error={form.formError} />
      <div className="row">
        <Field label="Station name" error={form.errorOf('name')}>
          {(a) => <input {...a} {...form.register('name')} />}
        </Field>
        <Field label="Address" error={form.errorOf('address')}>
          {(a) => <input {...a} {...form.register('address')} />}
        </Field>
      </div>
      <DistrictChecks
        legend="Polling districts it serves"
        error={form.errorOf('districts')}
        districts={overview.districts}
        value={districts}
        onChange={(v) => form.setValue('districts', v, { shouldDirty: true })}
        takenBy={takenBy}
        self={station?.name}
        ownerWord="served by"
      />
      {moving && (
        <label className="choice">
          <input type="checkbox" {...form.register('moveDistricts')} />
          Move them here (the districts ticked that another station serves now)
        </label>
      )}
      <FormActions submitLabel="Save station" submitting={form.formState.isSubmitting} onCancel={props.onDone} />
    </form>
  );
}
