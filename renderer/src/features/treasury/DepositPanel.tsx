import { DEPOSIT_METHODS, DEPOSIT_METHOD_LABELS, type Ledger, depositInput } from '../../../../shared/contract/treasury.ts';
import { formatPence, penceToDecimal } from '../../../../shared/domain/money.ts';
import { api } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { Options } from '../../ui/Options.tsx';
import { ErrorMessage } from '../../ui/Page.tsx';
import { formatDate } from '../../ui/format.ts';
import { useApiForm } from '../../ui/useApiForm.ts';
import { EntryHistory } from './EntryHistory.tsx';
import { OUTCOME_LABELS } from './labels.ts';

export function DepositPanel(props: { ledger: Ledger }) {
  const d = props.ledger.deposit;
  const r = d.recorded;
  return (
    <section className="panel" aria-labelledby="deposit-heading">
      <h2 id="deposit-heading">Deposit</h2>
      <p>
        <span className={`badge outcome-${d.outcome}`}>{OUTCOME_LABELS[d.outcome]}</span> {d.outcomeReason}
        {d.refundDue && <> — the returning officer returns it by {formatDate(d.refundDue)}.</>}
      </p>
      {d.expectedPence !== null && <p className="muted">The rules for this election: {d.expectedRule}.</p>}
      {d.outcome === 'no-deposit' && !r ? null : (
        <>
          {r && (
            <p>
              Paid {formatPence(r.amountPence)} on {formatDate(r.paidOn)} by {DEPOSIT_METHOD_LABELS[r.method].toLowerCase()}
              {r.receipt && `, receipt ${r.receipt}`}
              {r.refundedOn && `; refunded ${formatDate(r.refundedOn)}`}.
            </p>
          )}
          <DepositForm ledger={props.ledger} />
          {r && <EntryHistory entity="deposit" entityId={props.ledger.contestId} label="the deposit" />}
        </>
      )}
    </section>
  );
}

function DepositForm(props: { ledger: Ledger }) {
  const { deposit, contestId } = props.ledger;
  const r = deposit.recorded;
  const form = useApiForm(depositInput, {
    contestId,
    amount: r ? penceToDecimal(r.amountPence) : deposit.expectedPence !== null ? penceToDecimal(deposit.expectedPence) : '',
    paidOn: r?.paidOn ?? '',
    method: r?.method ?? 'bankers-draft',
    receipt: r?.receipt ?? '',
    refundedOn: r?.refundedOn ?? '',
    notes: r?.notes ?? '',
  });
  const { register } = form;
  return (
    <form
      className="form no-print"
      noValidate
      aria-label={r ? 'Change the deposit' : 'Record the deposit'}
      onSubmit={form.submit(async (values) => void (await api('treasury.saveDeposit', values)))}
    >
      <ErrorMessage error={form.formError} />
      <div className="row">
        <Field label="Deposit amount" error={form.errorOf('amount')}>
          {(a) => <input {...a} inputMode="decimal" {...register('amount')} />}
        </Field>
        <Field label="Paid on" error={form.errorOf('paidOn')}>
          {(a) => <input {...a} type="date" {...register('paidOn')} />}
        </Field>
        <Field label="Paid by" error={form.errorOf('method')}>
          {(a) => (
            <select {...a} {...register('method')}>
              <Options values={DEPOSIT_METHODS} labels={DEPOSIT_METHOD_LABELS} />
            </select>
          )}
        </Field>
        <Field label="Receipt number" error={form.errorOf('receipt')}>
          {(a) => <input {...a} {...register('receipt')} />}
        </Field>
        {deposit.outcome === 'returned' && (
          <Field label="Refunded on" error={form.errorOf('refundedOn')}>
            {(a) => <input {...a} type="date" {...register('refundedOn')} />}
          </Field>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {r ? 'Save the deposit' : 'Record the deposit'}
        </button>
        {form.formState.isSubmitSuccessful && !form.formState.isDirty && <span role="status">Saved.</span>}
      </div>
    </form>
  );
}
