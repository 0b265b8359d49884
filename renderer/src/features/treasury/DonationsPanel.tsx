import { useState } from 'react';
import { Link } from 'react-router';
import { type DonationRow, type Ledger, donationCreateInput } from '../../../../shared/contract/treasury.ts';
import {
  DONATION_KINDS,
  DONATION_KIND_LABELS,
  DONATION_THRESHOLD_PENCE,
  PERMISSIBLE_SOURCES,
  PERMISSIBLE_SOURCE_LABELS,
} from '../../../../shared/domain/donations.ts';
import { ERASED_TEXT } from '../../../../shared/domain/erasure.ts';
import { formatPence, penceToDecimal } from '../../../../shared/domain/money.ts';
import { api } from '../../app/api.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { Field } from '../../ui/Field.tsx';
import { Options } from '../../ui/Options.tsx';
import { EmptyState, ErrorMessage } from '../../ui/Page.tsx';
import { formatDate } from '../../ui/format.ts';
import { useApiForm } from '../../ui/useApiForm.ts';
import { RowActions } from './RowActions.tsx';
import { DONATION_STATUS_LABELS } from './labels.ts';

export function DonationsPanel(props: { ledger: Ledger }) {
  const [editing, setEditing] = useState<DonationRow | null>(null);
  const rows = props.ledger.donations;
  return (
    <section className="panel" aria-labelledby="donations-heading">
      <h2 id="donations-heading">Donations</h2>
      <p className="muted">
        Anything worth more than {formatPence(DONATION_THRESHOLD_PENCE)} is a donation. Check it comes from a permissible source and accept or return it within
        30 days of receiving it.
      </p>
      <DataTable
        rows={rows}
        rowKey={(d) => d.id}
        caption="Donations received"
        empty={
          <EmptyState title="No donations recorded">
            <p>Record each gift of money, goods or services below as it arrives.</p>
          </EmptyState>
        }
        columns={[
          {
            header: 'Donor',
            sort: (d) => d.donorName,
            cell: (d) => (
              <>
                {d.donorName === ERASED_TEXT ? <span className="muted">Donor’s details erased</span> : <Link to={`/donors/${d.id}`}>{d.donorName}</Link>}
                <br />
                <span className="muted">
                  {DONATION_KIND_LABELS[d.kind]}
                  {d.description && `: ${d.description}`}
                  {d.permissibleSource && ` · ${PERMISSIBLE_SOURCE_LABELS[d.permissibleSource]}`}
                  {d.electorNumber && ` · elector ${d.electorNumber}`}
                  {d.companyNumber && ` · company ${d.companyNumber}`}
                </span>
              </>
            ),
          },
          { header: 'Value', num: true, sort: (d) => d.valuePence, cell: (d) => formatPence(d.valuePence) },
          { header: 'Received', sort: (d) => d.receivedOn, cell: (d) => formatDate(d.receivedOn) },
          {
            header: 'Decision',
            sort: (d) => DONATION_STATUS_LABELS[d.status],
            cell: (d) => (
              <>
                <strong>{DONATION_STATUS_LABELS[d.status]}</strong>
                <br />
                <span className={`deadline-${d.deadlineState}`}>{d.deadlineMessage}</span>
                {d.status === 'returned' && d.reason && <span className="muted"> — {d.reason}</span>}
              </>
            ),
          },
          {
            header: <span className="sr-only">Actions</span>,
            cell: (d) => (
              <RowActions
                what={`the donation from ${d.donorName}`}
                changeText={d.status === 'pending' ? 'Decide' : 'Change'}
                onChange={() => setEditing(d)}
                remove={['treasury.deleteDonation', { id: d.id }]}
                history={{ entity: 'donation', entityId: d.id }}
              />
            ),
          },
        ]}
      />
      {editing ? (
        <DonationForm key={editing.id} ledger={props.ledger} donation={editing} onDone={() => setEditing(null)} />
      ) : (
        <DonationForm key="new" ledger={props.ledger} onDone={() => undefined} />
      )}
    </section>
  );
}

function DonationForm(props: { ledger: Ledger; donation?: DonationRow; onDone(): void }) {
  const d = props.donation;
  const form = useApiForm(donationCreateInput, {
    contestId: props.ledger.contestId,
    donorName: d?.donorName ?? '',
    donorAddress: d?.donorAddress ?? '',
    electorNumber: d?.electorNumber ?? '',
    companyNumber: d?.companyNumber ?? '',
    kind: d?.kind ?? 'cash',
    description: d?.description ?? '',
    value: d ? penceToDecimal(d.valuePence) : '',
    receivedOn: d?.receivedOn ?? '',
    status: d?.status ?? 'pending',
    permissibleSource: d?.permissibleSource ?? '',
    reason: d?.reason ?? '',
    acceptedOn: d?.acceptedOn ?? '',
    returnedOn: d?.returnedOn ?? '',
  });
  const { register } = form;
  const status = form.watch('status');
  const kind = form.watch('kind');
  const title = d ? `The donation from ${d.donorName}` : 'Record a donation';
  return (
    <form
      className="form inline-form no-print"
      noValidate
      aria-label={title}
      onSubmit={form.submit(async ({ contestId: _contestId, ...values }) => {
        if (d) await api('treasury.updateDonation', { id: d.id, ...values });
        else {
          await api('treasury.createDonation', { contestId: props.ledger.contestId, ...values });
          form.reset();
        }
        props.onDone();
      })}
    >
      <h3>{title}</h3>
      <ErrorMessage error={form.formError} />
      <div className="row">
        <Field label="Donor name" error={form.errorOf('donorName')}>
          {(a) => <input {...a} {...register('donorName')} />}
        </Field>
        <Field label="Donor address" error={form.errorOf('donorAddress')}>
          {(a) => <input {...a} {...register('donorAddress')} />}
        </Field>
      </div>
      <div className="row">
        <Field label="Cash or in kind" error={form.errorOf('kind')}>
          {(a) => (
            <select {...a} {...register('kind')}>
              <Options values={DONATION_KINDS} labels={DONATION_KIND_LABELS} />
            </select>
          )}
        </Field>
        <Field label={kind === 'in-kind' ? 'Value of what was given' : 'Amount'} hint="In pounds, e.g. 250 or £1,250.00" error={form.errorOf('value')}>
          {(a) => <input {...a} inputMode="decimal" {...register('value')} />}
        </Field>
        <Field label="Date received" error={form.errorOf('receivedOn')}>
          {(a) => <input {...a} type="date" {...register('receivedOn')} />}
        </Field>
      </div>
      {kind === 'in-kind' && (
        <Field label="What was given" error={form.errorOf('description')}>
          {(a) => <input {...a} {...register('description')} />}
        </Field>
      )}
      <div className="row">
        <Field label="Decision" error={form.errorOf('status')}>
          {(a) => (
            <select {...a} {...register('status')}>
              <option value="pending">Not decided yet</option>
              <option value="accepted">Accepted</option>
              <option value="returned">Returned (impermissible)</option>
            </select>
          )}
        </Field>
        <Field label="Permissible source" hint="Required to accept more than £50" error={form.errorOf('permissibleSource')}>
          {(a) => (
            <select {...a} {...register('permissibleSource')}>
              <option value="">Not checked yet</option>
              <Options values={PERMISSIBLE_SOURCES} labels={PERMISSIBLE_SOURCE_LABELS} />
            </select>
          )}
        </Field>
        {/* A decision's date leaves the form with its field: one typed before the decision changed is not sent. */}
        {status === 'accepted' && (
          <Field label="Accepted on" error={form.errorOf('acceptedOn')}>
            {(a) => <input {...a} type="date" {...register('acceptedOn', { shouldUnregister: true })} />}
          </Field>
        )}
        {status === 'returned' && (
          <Field label="Returned on" error={form.errorOf('returnedOn')}>
            {(a) => <input {...a} type="date" {...register('returnedOn', { shouldUnregister: true })} />}
          </Field>
        )}
      </div>
      <div className="row">
        <Field label="Elector number" hint="For an individual: as on the register, e.g. AB-123" error={form.errorOf('electorNumber')}>
          {(a) => <input {...a} spellCheck={false} {...register('electorNumber')} />}
        </Field>
        <Field label="Company number" hint="For a company or LLP: Companies House number" error={form.errorOf('companyNumber')}>
          {(a) => <input {...a} spellCheck={false} {...register('companyNumber')} />}
        </Field>
        <Field label={status === 'returned' ? 'Why it was returned' : 'Note on permissibility (optional)'} error={form.errorOf('reason')}>
          {(a) => <input {...a} {...register('reason')} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {d ? 'Save the donation' : 'Record the donation'}
        </button>
        {d && (
          <button type="button" onClick={props.onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
