import { Link } from 'react-router';
import {
  HOLIDAY_DIVISIONS,
  HOLIDAY_DIVISION_LABELS,
  HOLIDAY_KINDS,
  HOLIDAY_KIND_LABELS,
  type HolidayInput,
  holidayInput,
} from '../../../../shared/contract/timetable.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { formatDate } from '../../ui/format.ts';
import { Options } from '../../ui/Options.tsx';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';

const BLANK: HolidayInput = { date: '', title: '', kind: 'bank-holiday', division: 'all' };

/** Holidays: the bank-holiday data's coverage, and the user's extra non-working days. */
export function HolidaysPage() {
  const { data, error } = useApi('holidays.list', {});
  const form = useApiForm(holidayInput, BLANK);
  return (
    <>
      <PageHeader
        title="Holidays"
        subtitle="Working days skip weekends, Christmas Eve, Christmas Day, Good Friday and bank holidays. Add one-off bank holidays and days of mourning or thanksgiving here."
      />
      <ErrorMessage error={error} />
      {!data && !error && <Loading />}
      {data && (
        <>
          <section className="panel" aria-labelledby="coverage-heading">
            <h2 id="coverage-heading">Bank-holiday data</h2>
            <p>
              Hustings knows the bank holidays of England and Wales, Scotland and Northern Ireland from {formatDate(data.coverage.from)} to{' '}
              {formatDate(data.coverage.to)} (GOV.UK, Open Government Licence v3.0).
            </p>
            {data.electionsBeyondData.length === 0 ? (
              <p className="muted">Every election’s timetable falls within these dates.</p>
            ) : (
              <ul className="warnings" aria-label="Elections beyond the bank-holiday data">
                {data.electionsBeyondData.map((e) => (
                  <li key={e.electionId}>
                    <Link to={`/elections/${e.electionId}`}>{e.electionName}</Link> (polling day {formatDate(e.pollingDay)}): {e.message}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="panel" aria-labelledby="extra-heading">
            <h2 id="extra-heading">Days you have added</h2>
            {data.extra.length === 0 ? (
              <p className="muted">None yet. When a one-off bank holiday or a day of mourning is announced, add it below and every timetable counts it.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Name</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Applies to</th>
                    <th scope="col">
                      <span className="sr-only">Remove</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.extra.map((h) => (
                    <tr key={h.id}>
                      <td className="nowrap">{formatDate(h.date)}</td>
                      <th scope="row">{h.title}</th>
                      <td>{HOLIDAY_KIND_LABELS[h.kind]}</td>
                      <td>{HOLIDAY_DIVISION_LABELS[h.division]}</td>
                      <td>
                        <button type="button" className="danger" aria-label={`Remove ${h.title}`} onClick={() => void api('holidays.delete', { id: h.id })}>
                          Remove
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <form
              className="form inline-form"
              noValidate
              onSubmit={form.submit(async (values) => {
                await api('holidays.create', values);
                form.reset(BLANK);
              })}
            >
              <h3>Add a day</h3>
              <ErrorMessage error={form.formError} />
              <div className="row">
                <Field label="Date" error={form.errorOf('date')}>
                  {(a) => <input {...a} type="date" {...form.register('date')} />}
                </Field>
                <Field label="Name of the day" error={form.errorOf('title')}>
                  {(a) => <input {...a} {...form.register('title')} placeholder="e.g. State funeral" />}
                </Field>
                <Field label="Kind" error={form.errorOf('kind')}>
                  {(a) => (
                    <select {...a} {...form.register('kind')}>
                      <Options values={HOLIDAY_KINDS} labels={HOLIDAY_KIND_LABELS} />
                    </select>
                  )}
                </Field>
                <Field label="Applies to" error={form.errorOf('division')}>
                  {(a) => (
                    <select {...a} {...form.register('division')}>
                      <Options values={HOLIDAY_DIVISIONS} labels={HOLIDAY_DIVISION_LABELS} />
                    </select>
                  )}
                </Field>
              </div>
              <div className="actions">
                <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
                  Add day
                </button>
              </div>
            </form>
          </section>
        </>
      )}
    </>
  );
}
