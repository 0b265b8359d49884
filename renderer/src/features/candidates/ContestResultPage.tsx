import { useFieldArray } from 'react-hook-form';
import { useParams } from 'react-router';
import { type ContestResult, resultInput } from '../../../../shared/contract/candidates.ts';
import type { CandidacySummary } from '../../../../shared/contract/candidates.ts';
import type { PartyList } from '../../../../shared/contract/party-lists.ts';
import { formatShare } from '../../../../shared/domain/results.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { EMPTY_NUMBER, numberOrNull } from '../../ui/fields.ts';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { Loaded } from '../../ui/Loaded.tsx';
import { EmptyState, ErrorMessage, PageHeader } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';
import { DepositOutcomeText } from './labels.tsx';

const optionalCount = { setValueAs: numberOrNull };

export function ContestResultPage() {
  const contestId = Number(useParams().id);
  const contest = useApi('contests.get', { id: contestId });
  const result = useApi('results.get', { contestId });
  const ours = useApi('candidacies.list', { contestId });
  const candidates = useApi('candidates.list', {});
  const areaRead = useApi('areas.get', contest.data ? { id: contest.data.areaId } : null);
  // Until the contest's own area is read (not the last contest's, still held while it loads).
  const area = { ...areaRead, data: areaRead.data?.id === contest.data?.areaId ? areaRead.data : undefined };
  const ballot = useApi('partyLists.ballotOf', { contestId });
  const lists = useApi('partyLists.list', { contestId });
  return (
    <Loaded of={[contest, result, ours, candidates, area, ballot, lists]}>
      {([contest, result, ours, candidates, area, ballot, lists]) => {
        const partyOf = new Map(candidates.map((c) => [c.id, c.partyCandidate ? c.partyDescription : 'Independent']));
        return (
          <>
            <PageHeader
              title={`Result: ${contest.areaName}`}
              back={{ to: `/contests/${contestId}`, label: `${contest.areaName} (${contest.electionName})` }}
              subtitle={`Polling day ${formatDate(contest.pollingDay)}${contest.declaredOn ? ` · declared ${formatDate(contest.declaredOn)}` : ''}`}
            />
            {result ? (
              <ResultTable result={result} />
            ) : (
              <EmptyState title="No result recorded yet">
                <p>
                  After the declaration, enter the votes for every candidate (yours and the others) with the electorate. Vote shares, turnout and whether your
                  deposit comes back are worked out for you.
                </p>
              </EmptyState>
            )}
            <ResultForm
              key={result ? `r-${result.declaredOn}-${result.totalVotes}` : 'new'}
              contestId={contestId}
              pollingDay={contest.pollingDay}
              result={result}
              ours={ours.map((k) => ({ ...k, party: partyOf.get(k.candidateId) ?? '' }))}
              ourList={lists[0] ?? null}
              ballot={ballot}
              electorate={area.electorate}
            />
          </>
        );
      }}
    </Loaded>
  );
}

function ResultTable(props: { result: ContestResult }) {
  const r = props.result;
  return (
    <section className="panel" aria-labelledby="result-heading">
      <h2 id="result-heading">Declared {formatDate(r.declaredOn)}</h2>
      <table className="result-table">
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Party</th>
            <th scope="col" className="num">
              Votes
            </th>
            <th scope="col" className="num">
              Share
            </th>
            {r.listSeats != null && (
              <th scope="col" className="num">
                Seats
              </th>
            )}
            <th scope="col">Elected</th>
            <th scope="col">Our deposit</th>
          </tr>
        </thead>
        <tbody>
          {[...r.rows]
            .sort((a, b) => a.position - b.position)
            .map((row) => (
              <tr key={row.id}>
                <td className={row.candidacyId || row.partyListId ? 'ours' : undefined}>
                  {row.name}
                  {row.candidacyId && ' (ours)'}
                  {row.partyListId && ' (our list)'}
                </td>
                <td>{row.party}</td>
                <td className="num">{formatNumber(row.votes)}</td>
                <td className="num">{formatShare(row.share)}</td>
                {r.listSeats != null && <td className="num">{row.seatsWon}</td>}
                <td>{row.elected ? 'Elected' : ''}</td>
                <td>{row.candidacyId ? <DepositOutcomeText deposit={row.deposit} /> : ''}</td>
              </tr>
            ))}
        </tbody>
      </table>
      {r.listSeats != null && <p className="muted">{r.listSeats} seats shared by the D'Hondt method from the votes.</p>}
      {r.ties?.map((t) => (
        <p key={t} className="error-banner">
          {t}
        </p>
      ))}
      <dl className="facts">
        <dt>Valid votes</dt>
        <dd>{formatNumber(r.totalVotes)}</dd>
        <dt>Rejected ballots</dt>
        <dd>{formatNumber(r.rejectedBallots)}</dd>
        <dt>Electorate</dt>
        <dd>{formatNumber(r.electorate)}</dd>
        <dt>Turnout</dt>
        <dd>
          {r.turnout === null ? 'enter the ballot papers counted to see turnout' : `${formatShare(r.turnout)} (${formatNumber(r.ballots)} ballot papers)`}
        </dd>
      </dl>
    </section>
  );
}

function ResultForm(props: {
  contestId: number;
  pollingDay: string;
  result: ContestResult | null;
  ours: (CandidacySummary & { party: string })[];
  ourList: { id: number; partyName: string } | null;
  ballot: PartyList['ballot'] | null;
  electorate: number | null;
}) {
  const r = props.result;
  // A new object each time: the form keeps (and fills in) the row it is given.
  const blank = () => ({ candidacyId: null, partyListId: null, constituencySeats: 0, name: '', party: '', votes: EMPTY_NUMBER, elected: false });
  const rows = r
    ? r.rows.map((x) => ({
        candidacyId: x.candidacyId,
        partyListId: x.partyListId ?? null,
        constituencySeats: x.constituencySeats ?? 0,
        name: x.name,
        party: x.party,
        votes: x.votes,
        elected: x.elected,
      }))
    : [
        ...(props.ourList ? [{ ...blank(), partyListId: props.ourList.id, name: props.ourList.partyName, party: props.ourList.partyName }] : []),
        ...props.ours.map((k) => ({ ...blank(), candidacyId: k.id, name: k.candidateName, party: k.party })),
        blank(),
      ];
  const list = props.ballot !== null;
  const priorSeats = props.ballot?.allocation === 'additional-member';
  const form = useApiForm(resultInput, {
    contestId: props.contestId,
    declaredOn: r?.declaredOn ?? props.pollingDay,
    electorate: r?.electorate ?? (props.electorate as number),
    ballotsCast: r?.ballotsCast ?? null,
    rejectedBallots: r?.rejectedBallots ?? null,
    votesPerBallot: r?.votesPerBallot ?? 1,
    rows,
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'rows' });
  const { register } = form;
  return (
    <section className="panel" aria-labelledby="enter-heading">
      <h2 id="enter-heading">{r ? 'Correct the result' : 'Enter the result'}</h2>
      <form className="form" noValidate onSubmit={form.submit(async (values) => void (await api('results.record', values)))}>
        <ErrorMessage error={form.formError} />
        <div className="row">
          <Field label="Declared on" error={form.errorOf('declaredOn')}>
            {(a) => <input {...a} type="date" {...register('declaredOn')} />}
          </Field>
          <Field label="Electorate" error={form.errorOf('electorate')}>
            {(a) => <input {...a} type="number" min={1} {...register('electorate', { valueAsNumber: true })} />}
          </Field>
          <Field label="Rejected ballots (optional)" error={form.errorOf('rejectedBallots')}>
            {(a) => <input {...a} type="number" min={0} {...register('rejectedBallots', optionalCount)} />}
          </Field>
          <Field
            label="Ballot papers counted (optional)"
            hint="Valid and rejected; needed for turnout in multi-member wards"
            error={form.errorOf('ballotsCast')}
          >
            {(a) => <input {...a} type="number" min={0} {...register('ballotsCast', optionalCount)} />}
          </Field>
          <Field label="Votes per elector" hint="1, or the seats in a multi-member ward" error={form.errorOf('votesPerBallot')}>
            {(a) => <input {...a} type="number" min={1} max={20} {...register('votesPerBallot', { valueAsNumber: true })} />}
          </Field>
        </div>
        <ErrorMessage error={form.errorOf('rows')} />
        {list && (
          <p className="muted">
            Enter each party list’s votes with the party as its name, and each individual candidate with the party left empty. The {props.ballot?.seats} seats
            are shared out from the votes.
          </p>
        )}
        <table>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">Party</th>
              <th scope="col">Votes</th>
              {priorSeats && <th scope="col">Constituency seats won</th>}
              <th scope="col">Elected</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f, i) => {
              const isOurList = (form.getValues(`rows.${i}.partyListId`) ?? null) !== null;
              const isOurs = isOurList || (form.getValues(`rows.${i}.candidacyId`) ?? null) !== null;
              return (
                <tr key={f.id}>
                  <td>
                    <Field
                      label={`Candidate ${i + 1} name`}
                      error={form.errorOf(`rows.${i}.name`) ?? form.errorOf(`rows.${i}.candidacyId`) ?? form.errorOf(`rows.${i}.partyListId`)}
                    >
                      {(a) => <input {...a} readOnly={isOurs} {...register(`rows.${i}.name`)} />}
                    </Field>
                    {isOurs && <span className="muted">{isOurList ? 'our list' : 'our candidate'}</span>}
                  </td>
                  <td>
                    <Field label={`Candidate ${i + 1} party`} error={form.errorOf(`rows.${i}.party`)}>
                      {(a) => <input {...a} {...register(`rows.${i}.party`)} />}
                    </Field>
                  </td>
                  <td>
                    <Field label={`Candidate ${i + 1} votes`} error={form.errorOf(`rows.${i}.votes`)}>
                      {(a) => <input {...a} type="number" min={0} {...register(`rows.${i}.votes`, { valueAsNumber: true })} />}
                    </Field>
                  </td>
                  {priorSeats && (
                    <td>
                      <Field label={`Candidate ${i + 1} constituency seats`} error={form.errorOf(`rows.${i}.constituencySeats`)}>
                        {(a) => <input {...a} type="number" min={0} {...register(`rows.${i}.constituencySeats`, { valueAsNumber: true })} />}
                      </Field>
                    </td>
                  )}
                  <td>
                    {list ? (
                      <span className="muted">from the seats</span>
                    ) : (
                      <label className="choice">
                        <input type="checkbox" {...register(`rows.${i}.elected`)} /> Elected<span className="visually-hidden"> (candidate {i + 1})</span>
                      </label>
                    )}
                    {form.errorOf(`rows.${i}.elected`) && (
                      <p className="error" role="alert">
                        {form.errorOf(`rows.${i}.elected`)}
                      </p>
                    )}
                  </td>
                  <td>
                    {!isOurs && (
                      <button type="button" onClick={() => remove(i)} aria-label={`Remove candidate ${i + 1}`}>
                        Remove
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="actions">
          <button type="button" onClick={() => append(blank())}>
            Add another candidate
          </button>
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            Save result
          </button>
        </div>
      </form>
    </section>
  );
}
