import { useState } from 'react';
import { type PollingOverview, type RoomOut, roomInput } from '../../../../shared/contract/polling-setup.ts';
import { api } from '../../app/api.ts';
import { DeleteButton } from '../../ui/DeleteButton.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { plural } from '../../ui/format.ts';
import { useApiForm } from '../../ui/useApiForm.ts';
import { DistrictChecks } from './SetupDistricts.tsx';

/** The contest's committee rooms and the polling districts each knocks up. */
export function RoomsPanel(props: { overview: PollingOverview }) {
  const { overview } = props;
  const [editing, setEditing] = useState<RoomOut | 'new' | null>(null);
  const covered = new Set(overview.rooms.flatMap((r) => r.districts));
  const uncovered = overview.districts.map((d) => d.pollingDistrict).filter((d) => !covered.has(d));
  return (
    <section className="panel" aria-labelledby="rooms-heading">
      <h2 id="rooms-heading">Committee rooms</h2>
      {overview.rooms.length === 0 && <p className="muted">No committee rooms yet. Each room knocks up the promises of the polling districts it covers.</p>}
      {overview.rooms.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Room</th>
              <th scope="col">Address</th>
              <th scope="col">Polling districts</th>
              <th scope="col">Notes</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.rooms.map((r) => (
              <tr key={r.id}>
                <td>{r.name}</td>
                <td>{r.address}</td>
                <td>{r.districts.join(', ') || <span className="muted">none</span>}</td>
                <td>{r.notes}</td>
                <td className="actions">
                  <button type="button" onClick={() => setEditing(r)}>
                    Edit
                  </button>
                  <DeleteButton
                    what={`committee room ${r.name}`}
                    describe={async () => {
                      const knockers = overview.duties.filter((d) => d.roomId === r.id).length;
                      return `Delete committee room ${r.name}?${knockers > 0 ? ` Its ${plural(knockers, 'knocker-up', 'knockers-up')} will be taken off duty.` : ''}`;
                    }}
                    remove={async () => void (await api('polling.deleteRoom', { id: r.id, confirm: true }))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {uncovered.length > 0 && overview.rooms.length > 0 && (
        <p className="warning">
          No committee room covers polling district{uncovered.length > 1 ? 's' : ''} {uncovered.join(', ')}.
        </p>
      )}
      {editing === null ? (
        <div className="actions">
          <button type="button" onClick={() => setEditing('new')}>
            Add a committee room
          </button>
        </div>
      ) : (
        <RoomForm
          key={editing === 'new' ? 'new' : editing.id}
          overview={overview}
          room={editing === 'new' ? undefined : editing}
          onDone={() => setEditing(null)}
        />
      )}
    </section>
  );
}

function RoomForm(props: { overview: PollingOverview; room?: RoomOut; onDone(): void }) {
  const { overview, room } = props;
  const form = useApiForm(roomInput, {
    id: room?.id,
    contestId: overview.contest.id,
    name: room?.name ?? '',
    address: room?.address ?? '',
    notes: room?.notes ?? '',
    districts: room?.districts ?? [],
    moveDistricts: false,
  });
  const takenBy = new Map(overview.rooms.flatMap((r) => r.districts.map((d) => [d, r.name] as const)));
  const districts = form.watch('districts') ?? [];
  const moving = districts.some((d) => takenBy.has(d) && takenBy.get(d) !== room?.name);
  return (
    <form
      className="form inline-form"
      noValidate
      aria-label={room ? `Change ${room.name}` : 'New committee room'}
      onSubmit={form.submit(async (values) => {
        await api('polling.saveRoom', values);
        props.onDone();
      })}
    >
      <h3>{room ? `Change ${room.name}` : 'New committee room'}</h3>
      <ErrorMessage error={form.formError} />
      <div className="row">
        <Field label="Room name" error={form.errorOf('name')}>
          {(a) => <input {...a} {...form.register('name')} />}
        </Field>
        <Field label="Address" error={form.errorOf('address')}>
          {(a) => <input {...a} {...form.register('address')} />}
        </Field>
      </div>
      <DistrictChecks
        legend="Polling districts it knocks up"
        error={form.errorOf('districts')}
        districts={overview.districts}
        value={districts}
        onChange={(v) => form.setValue('districts', v, { shouldDirty: true })}
        takenBy={takenBy}
        self={room?.name}
        ownerWord="covered by"
      />
      {moving && (
        <label className="choice">
          <input type="checkbox" {...form.register('moveDistricts')} />
          Move them here (the districts ticked that another room covers now)
        </label>
      )}
      <Field label="Notes" hint="Keys, parking, who opens up" error={form.errorOf('notes')}>
        {(a) => <textarea {...a} rows={2} {...form.register('notes')} />}
      </Field>
      <FormActions submitLabel="Save room" submitting={form.formState.isSubmitting} onCancel={props.onDone} />
    </form>
  );
}
