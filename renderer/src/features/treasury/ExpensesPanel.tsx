import { useState } from 'react';
import { Link } from 'react-router';
import { type Ledger, type LedgerLine, expenseCreateInput, printRunPaidInput } from '../../../../shared/contract/treasury.ts';
import { SPENDING_CATEGORIES, SPENDING_CATEGORY_LABELS } from '../../../../shared/domain/expenses.ts';
import { formatPence, penceToDecimal } from '../../../../shared/domain/money.ts';
import { api } from '../../app/api.ts';
import { DataTable } from '../../ui/DataTable.tsx';
import { Field } from '../../ui/Field.tsx';
import { Options } from '../../ui/Options.tsx';
import { EmptyState, ErrorMessage } from '../../ui/Page.tsx';
import { formatDate } from '../../ui/format.ts';
import { useApiForm } from '../../ui/useApiForm.ts';
import { EntryHistory } from './EntryHistory.tsx';
import { RowActions } from './RowActions.tsx';

function kindOf(l: LedgerLine): string {
  if (l.kind === 'refund') return 'Refund';
  if (l.notional) return 'Notional';
  return l.paidOn ? 'Paid' : 'Not yet paid';
}

export function ExpensesPanel(props: { ledger: Ledger }) {
  const [editing, setEditing] = useState<LedgerLine | null>(null);
  const lines = props.ledger.lines;
  return (
    <section className="panel" aria-labelledby="expenses-heading">
      <h2 id="expenses-heading">Spending</h2>
      <p className="muted">
        Every expense counts against the limit: what was paid, what is still owed, and notional spending (things given free or at a discount, at their value).
        Money a supplier pays back is a refund. Leaflet print runs for this contest appear here by themselves.
      </p>
      <DataTable
        rows={lines}
        rowKey={(l) => l.ref}
        caption="Expenses and refunds"
        empty={
          <EmptyState title="No spending recorded">
            <p>Record each invoice below as it arrives; leaflet print runs costed on the leaflets page are added automatically.</p>
          </EmptyState>
        }
        columns={[
          {
            header: 'Supplier and description',
            sort: (l) => l.supplier,
            cell: (l) => (
              <>
                {l.supplier}
                <br />
                <span className="muted">{l.description}</span>
                {l.warnings.map((w) => (
                  <p key={w} className="line-warning">
                    {w}
                  </p>
                ))}
              </>
            ),
          },
          { header: 'Category', sort: (l) => SPENDING_CATEGORY_LABELS[l.category], cell: (l) => SPENDING_CATEGORY_LABELS[l.category] },
          { header: 'Invoice', sort: (l) => l.invoiceOn, cell: (l) => formatDate(l.invoiceOn) },
          { header: 'Paid', sort: (l) => (l.notional ? null : l.paidOn), cell: (l) => (l.notional ? 'Notional' : formatDate(l.paidOn)) },
          {
            header: 'Amount',
            num: true,
            sort: (l) => (l.kind === 'refund' ? -l.amountPence : l.amountPence),
            cell: (l) => (
              <>
                {l.kind === 'refund' ? `−${formatPence(l.amountPence)}` : formatPence(l.amountPence)}
                <br />
                <span className="muted">{kindOf(l)}</span>
              </>
            ),
          },
          {
            header: <span className="sr-only">Actions</span>,
            cell: (l) =>
              l.source === 'print-run' ? (
                <PrintRunPaidForm line={l} />
              ) : (
                <RowActions
                  what={`the ${l.kind} from ${l.supplier}: ${l.description}`}
                  changeText="Change"
                  onChange={() => setEditing(l)}
                  remove={['treasury.deleteExpense', { id: l.sourceId }]}
                  history={{ entity: 'expense', entityId: l.sourceId }}
                />
              ),
          },
        ]}
      />
      {editing ? (
        <ExpenseForm key={editing.ref} ledger={props.ledger} line={editing} onDone={() => setEditing(null)} />
      ) : (
        <ExpenseForm key="new" ledger={props.ledger} onDone={() => undefined} />
      )}
    </section>
  );
}

function ExpenseForm(props: { ledger: Ledger; line?: LedgerLine; onDone(): void }) {
  const l = props.line;
  const form = useApiForm(expenseCreateInput, {
    contestId: props.ledger.contestId,
    kind: l?.kind ?? 'expense',
    category: l?.category ?? 'unsolicited-material',
    supplier: l?.supplier ?? '',
    description: l?.description ?? '',
    amount: l ? penceToDecimal(l.amountPence) : '',
    invoiceOn: l?.invoiceOn ?? '',
    paidOn: l?.paidOn ?? '',
    notional: l?.notional ?? false,
  });
  const { register } = form;
  const kind = form.watch('kind');
  const notional = form.watch('notional');
  const title = l ? `The ${l.kind} from ${l.supplier}` : 'Record spending';
  return (
    <form
      className="form inline-form no-print"
      noValidate
      aria-label={title}
      onSubmit={form.submit(async ({ contestId: _contestId, ...entered }) => {
        // A notional item or a refund has no date paid, whatever was typed before the box was ticked.
        const values = { ...entered, paidOn: entered.notional || entered.kind === 'refund' ? null : entered.paidOn };
        if (l) await api('treasury.updateExpense', { id: l.sourceId, ...values });
        else {
          await api('treasury.createExpense', { contestId: props.ledger.contestId, ...values });
          form.reset();
        }
        props.onDone();
      })}
    >
      <h3>{title}</h3>
      <ErrorMessage error={form.formError} />
      <div className="row">
        <Field label="Entry" error={form.errorOf('kind')}>
          {(a) => (
            <select {...a} {...register('kind')}>
              <option value="expense">Expense</option>
              <option value="refund">Refund from a supplier</option>
            </select>
          )}
        </Field>
        <Field label="Category" error={form.errorOf('category')}>
          {(a) => (
            <select {...a} {...register('category')}>
              <Options values={SPENDING_CATEGORIES} labels={SPENDING_CATEGORY_LABELS} />
            </select>
          )}
        </Field>
        <Field label="Supplier" error={form.errorOf('supplier')}>
          {(a) => <input {...a} {...register('supplier')} />}
        </Field>
      </div>
      <Field label="Description" error={form.errorOf('description')}>
        {(a) => <input {...a} {...register('description')} />}
      </Field>
      <div className="row">
        <Field label={notional ? 'Value' : 'Amount'} hint="In pounds, e.g. 310.50" error={form.errorOf('amount')}>
          {(a) => <input {...a} inputMode="decimal" {...register('amount')} />}
        </Field>
        <Field label={kind === 'refund' ? 'Date of the refund' : 'Invoice date'} error={form.errorOf('invoiceOn')}>
          {(a) => <input {...a} type="date" {...register('invoiceOn')} />}
        </Field>
        {!notional && kind === 'expense' && (
          <Field label="Paid on" hint="Leave empty until paid" error={form.errorOf('paidOn')}>
            {(a) => <input {...a} type="date" {...register('paidOn')} />}
          </Field>
        )}
      </div>
      {kind === 'expense' && (
        <div className="field">
          <label className="choice">
            <input type="checkbox" {...register('notional')} />
            Notional spending: given free or at a discount (enter its value)
          </label>
          {form.errorOf('notional') && <p className="error">{form.errorOf('notional')}</p>}
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {l ? 'Save' : kind === 'refund' ? 'Record the refund' : 'Record the expense'}
        </button>
        {l && (
          <button type="button" onClick={props.onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

/** A print run is the leaflets' record; the treasurer records only when it was paid. */
function PrintRunPaidForm(props: { line: LedgerLine }) {
  const l = props.line;
  const form = useApiForm(printRunPaidInput, { printRunId: l.sourceId, paidOn: l.paidOn ?? '' });
  return (
    <form
      className="no-print"
      noValidate
      aria-label={`Payment of the print run: ${l.description}`}
      onSubmit={form.submit(async (values) => void (await api('treasury.setPrintRunPaid', values)))}
    >
      <p className="muted">
        From a <Link to="/print-runs">leaflet print run</Link>
      </p>
      <ErrorMessage error={form.formError} />
      <Field label="Paid on" error={form.errorOf('paidOn')}>
        {(a) => <input {...a} type="date" {...form.register('paidOn')} />}
      </Field>
      <button type="submit" disabled={form.formState.isSubmitting}>
        Save date paid
      </button>
      <EntryHistory entity="print-run-payment" entityId={l.sourceId} label={`the payment of ${l.description}`} />
    </form>
  );
}
