import { useParams } from 'react-router';
import type { ContestPlan } from '../../../../shared/contract/planner.ts';
import { formatPence } from '../../../../shared/domain/money.ts';
import { type FindingLevel, HOUSEHOLD_SOURCE_LABELS } from '../../../../shared/domain/planner.ts';
import { api, useApi } from '../../app/api.ts';
import { Field } from '../../ui/Field.tsx';
import { formatDate, formatNumber } from '../../ui/format.ts';
import { ErrorMessage, PageHeader } from '../../ui/Page.tsx';
import { Loaded } from '../../ui/Loaded.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';
import { StatusBadge } from '../contests/StatusBadge.tsx';
import { DecisionsPanel } from './DecisionsPanel.tsx';
import { ASSUMPTION_KEYS, INPUT_FIELDS, formText, isMoney, labelOf, planFormSchema } from './planForm.ts';
import { VerdictBadge } from './VerdictBadge.tsx';

const LEVEL_LABELS: Record<FindingLevel, string> = { ok: 'Fine', unknown: 'Not known', stretch: 'Stretch', 'not-practical': 'Problem' };

export function money(pence: number | null | undefined): string {
  return pence === null || pence === undefined ? 'not known' : formatPence(pence, { wholePounds: true });
}

function count(n: number | null | undefined, unit = ''): string {
  return n === null || n === undefined ? 'not known' : `${formatNumber(n)}${unit}`;
}

export function PlannerPage() {
  const contestId = Number(useParams().id);
  const plan = useApi('planner.get', { contestId });
  const { data } = plan;
  if (!data) return <Loaded of={plan} />;
  const c = data.contest;
  return (
    <>
      <PageHeader
        title={`Plan for ${c.areaName}`}
        back={{ to: `/contests/${c.id}`, label: c.areaName }}
        subtitle={
          <>
            <StatusBadge status={c.status} /> {c.electionName} · polling day {formatDate(c.pollingDay)}
          </>
        }
      />
      <VerdictPanel plan={data} />
      <Figures plan={data} />
      <PlanForm key={`plan-${c.id}`} plan={data} />
      <DecisionsPanel key={`decisions-${c.id}`} contestId={c.id} decisions={data.decisions} />
    </>
  );
}

export function Findings(props: { findings: ContestPlan['plan']['findings'] }) {
  return (
    <ul className="findings">
      {props.findings.map((f) => (
        <li key={f.topic} className={`finding finding-${f.level}`}>
          <span className="finding-level">{LEVEL_LABELS[f.level]}</span> {f.sentence}
        </li>
      ))}
    </ul>
  );
}

function VerdictPanel(props: { plan: ContestPlan }) {
  return (
    <section className="panel" aria-labelledby="verdict-heading">
      <h2 id="verdict-heading">
        Verdict: <VerdictBadge verdict={props.plan.plan.verdict} />
      </h2>
      <Findings findings={props.plan.plan.findings} />
    </section>
  );
}

function Figures(props: { plan: ContestPlan }) {
  const { figures: f } = props.plan.plan;
  const rounds = props.plan.plan.assumptions.find((a) => a.key === 'plannedRounds')!.value;
  return (
    <div className="side-by-side">
      <section className="panel" aria-labelledby="cost-heading">
        <h2 id="cost-heading">Cost</h2>
        <dl className="figures">
          <dt>Deposit</dt>
          <dd>{f.cost.depositPence === 0 ? 'none for this election' : money(f.cost.depositPence)}</dd>
          <dt>Leaflets</dt>
          <dd>
            {money(f.cost.leafletsPence)}
            {f.cost.leafletCopies !== null && <span className="muted"> ({formatNumber(f.cost.leafletCopies)} copies)</span>}
          </dd>
          <dt>Other spending</dt>
          <dd>{money(f.cost.otherPence)}</dd>
          <dt>Total cost</dt>
          <dd className="strong">{money(f.cost.totalPence)}</dd>
          <dt>Funds available</dt>
          <dd className="strong">{f.cost.fundsAvailablePence === null ? 'not entered' : money(f.cost.fundsAvailablePence)}</dd>
          <dt>Legal spending limit</dt>
          <dd>
            {money(f.cost.spendingLimitPence)}
            {f.cost.electionExpensesPence !== null && <span className="muted"> ({money(f.cost.electionExpensesPence)} counts towards it)</span>}
          </dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="people-heading">
        <h2 id="people-heading">People</h2>
        <dl className="figures">
          <dt>Households</dt>
          <dd>
            {count(f.households.count)}
            {f.households.source && <span className="muted"> ({HOUSEHOLD_SOURCE_LABELS[f.households.source]})</span>}
          </dd>
          <dt>Delivery</dt>
          <dd>
            {count(f.people.deliveryHours, ' hours')} <span className="muted">({rounds} rounds)</span>
          </dd>
          <dt>Canvassing</dt>
          <dd>{count(f.people.canvassHours, ' hours')}</dd>
          <dt>Hours needed</dt>
          <dd className="strong">{count(f.people.neededHours)}</dd>
          <dt>Hours offered</dt>
          <dd className="strong">{f.people.offeredHours === null ? 'not entered' : count(f.people.offeredHours)}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="papers-heading">
        <h2 id="papers-heading">Papers</h2>
        <dl className="figures">
          <dt>Subscribers needed</dt>
          <dd className="strong">{count(f.papers.subscribersRequired)}</dd>
          <dt>Members known</dt>
          <dd className="strong">{f.papers.membersKnown === null ? 'not entered' : count(f.papers.membersKnown)}</dd>
          <dt>Nominations close</dt>
          <dd>{f.papers.closeOfNominations ? formatDate(f.papers.closeOfNominations) : 'not known'}</dd>
          <dt>Working days left</dt>
          <dd>{f.papers.workingDaysToClose === null ? 'not known' : Math.max(0, f.papers.workingDaysToClose)}</dd>
        </dl>
      </section>
    </div>
  );
}

function PlanForm(props: { plan: ContestPlan }) {
  const form = useApiForm(planFormSchema, formText(props.plan.stored));
  const defaults = new Map(props.plan.plan.assumptions.map((a) => [a.key, a.defaultValue]));
  const field = (key: (typeof INPUT_FIELDS)[number] | (typeof ASSUMPTION_KEYS)[number], hint?: string) => (
    <Field key={key} label={labelOf(key)} hint={hint} error={form.errorOf(key)}>
      {(a) => <input {...a} inputMode={isMoney(key) ? 'decimal' : 'numeric'} {...form.register(key)} />}
    </Field>
  );
  const shown = (key: (typeof ASSUMPTION_KEYS)[number]) => {
    const d = defaults.get(key)!;
    return `Default: ${isMoney(key) ? formatPence(d) : formatNumber(d)}. Leave blank to use it.`;
  };
  return (
    <section className="panel" aria-labelledby="inputs-heading">
      <h2 id="inputs-heading">What we have, and what we assume</h2>
      <form
        className="form wide"
        noValidate
        onSubmit={form.submit(async (values) => {
          await api('planner.save', { contestId: props.plan.contest.id, ...values });
        })}
      >
        <ErrorMessage error={form.formError} />
        <fieldset>
          <legend className="h3">What we have</legend>
          <div className="row">
            {field('fundsAvailablePence', 'Money the campaign can spend here, e.g. £900')}
            {field('volunteerHoursOffered', 'Add up the hours each volunteer has offered')}
          </div>
          <div className="row">
            {field('membersKnown', 'Who could sign the nomination paper')}
            {field('householdsEntered', 'Leave blank to use the register or an estimate')}
          </div>
        </fieldset>
        <fieldset>
          <legend className="h3">Assumptions</legend>
          <div className="row">{ASSUMPTION_KEYS.slice(0, 4).map((k) => field(k, shown(k)))}</div>
          <div className="row">{ASSUMPTION_KEYS.slice(4).map((k) => field(k, shown(k)))}</div>
        </fieldset>
        <Field label="Notes" error={form.errorOf('notes')}>
          {(a) => <textarea {...a} rows={2} {...form.register('notes')} />}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            Save and recalculate
          </button>
          {form.formState.isSubmitSuccessful && <span role="status">Saved.</span>}
        </div>
      </form>
    </section>
  );
}
