import { useState } from 'react';
import { ROLES } from '../../../../shared/contract/roles.ts';
import { ROLE_LABELS, type TeamAccount, type TeamInvite, teamInvite, teamSetRoles } from '../../../../shared/contract/team.ts';
import { api, useApi } from '../../app/api.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { formatDate } from '../../ui/format.ts';
import { ErrorMessage, Loading, PageHeader } from '../../ui/Page.tsx';
import { useApiForm } from '../../ui/useApiForm.ts';

const today = () => new Date().toISOString().slice(0, 10);

interface Issued {
  name: string;
  token: string;
  expiresAt: string;
  /** A new link for someone who had one: to choose a new password. */
  reset?: boolean;
}

/** The team server's accounts (issue 13): who signs in, with the roles the branch gave them and when. */
export function TeamPage() {
  const { data, error } = useApi('team.list', {});
  const [issued, setIssued] = useState<Issued>();
  return (
    <>
      <PageHeader
        title="Team"
        subtitle="Who signs in to this team server, and the jobs the branch gave them. Each role is recorded with the meeting and date that decided it."
      />
      <ErrorMessage error={error} />
      {issued && <IssuedLink issued={issued} onDone={() => setIssued(undefined)} />}
      {!data && !error && <Loading />}
      {data && <Accounts accounts={data} onIssued={setIssued} />}
      <InviteForm onIssued={setIssued} />
    </>
  );
}

/** A one-time link, shown this once: the page makes its address from the server's own. */
function IssuedLink(props: { issued: Issued; onDone(): void }) {
  const address = `${window.location.origin}/welcome?link=${props.issued.token}`;
  const [copied, setCopied] = useState(false);
  return (
    <section className="panel issued-link" aria-labelledby="issued-heading">
      <h2 id="issued-heading">Sign-in link for {props.issued.name}</h2>
      <p>
        Give it to {props.issued.name} privately: it opens once, until {formatDate(props.issued.expiresAt.slice(0, 10))} at{' '}
        {props.issued.expiresAt.slice(11, 16)} UTC, for them to choose {props.issued.reset ? 'a new' : 'their'} password. It is not shown again.
      </p>
      <input readOnly value={address} aria-label={`Sign-in link for ${props.issued.name}`} onFocus={(e) => e.currentTarget.select()} />
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() =>
            void navigator.clipboard?.writeText(address).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? 'Copied' : 'Copy link'}
        </button>
        <button type="button" onClick={props.onDone}>
          Done
        </button>
      </div>
    </section>
  );
}

function Accounts(props: { accounts: TeamAccount[]; onIssued(issued: Issued): void }) {
  const [editing, setEditing] = useState<number>();
  const [switching, setSwitching] = useState<TeamAccount>();
  const [failed, setFailed] = useState<string>();
  const act = (work: () => Promise<unknown>) => {
    setFailed(undefined);
    work().catch((e: Error) => setFailed(e.message));
  };
  return (
    <section className="panel" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">Accounts</h2>
      <ErrorMessage error={failed} />
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Roles, and the decision that gave each</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.accounts.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.name}</th>
              <td>
                {editing === a.id ? (
                  <RolesForm account={a} onDone={() => setEditing(undefined)} />
                ) : (
                  <ul className="role-grants">
                    {a.grants.map((g) => (
                      <li key={g.role}>
                        <strong>{ROLE_LABELS[g.role]}</strong> — {g.meeting}, {formatDate(g.decidedOn)}{' '}
                        <span className="muted">(recorded by {g.recordedBy})</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {a.switchedOffAt ? `Switched off ${formatDate(a.switchedOffAt.slice(0, 10))}` : a.hasPassword ? 'Active' : 'Has not chosen a password yet'}
              </td>
              <td>
                {!a.switchedOffAt && editing !== a.id && (
                  <div className="actions">
                    <button type="button" aria-label={`Change roles of ${a.name}`} onClick={() => setEditing(a.id)}>
                      Change roles
                    </button>
                    <button
                      type="button"
                      aria-label={`New sign-in link for ${a.name}`}
                      onClick={() => act(async () => props.onIssued({ ...(await api('team.resetLink', { accountId: a.id })), reset: true }))}
                    >
                      New sign-in link
                    </button>
                    <button type="button" className="danger" aria-label={`Switch off ${a.name}`} onClick={() => setSwitching(a)}>
                      Switch off
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={switching !== undefined}
        title={`Switch off ${switching?.name ?? ''}?`}
        message={`${switching?.name ?? ''} is signed out at once and cannot sign in again. What they recorded stays, under their name.`}
        confirmLabel="Switch off"
        onCancel={() => setSwitching(undefined)}
        onConfirm={() => {
          const accountId = switching!.id;
          setSwitching(undefined);
          act(() => api('team.switchOff', { accountId }));
        }}
      />
    </section>
  );
}

function RoleBoxes(props: { register: () => object; legend: string }) {
  return (
    <fieldset className="checkboxes">
      <legend>{props.legend}</legend>
      {ROLES.map((r) => (
        <label key={r}>
          <input type="checkbox" value={r} {...props.register()} />
          {ROLE_LABELS[r]}
        </label>
      ))}
    </fieldset>
  );
}

function RolesForm(props: { account: TeamAccount; onDone(): void }) {
  const form = useApiForm(teamSetRoles, { accountId: props.account.id, roles: props.account.grants.map((g) => g.role), meeting: '', decidedOn: today() });
  return (
    <form
      className="form"
      noValidate
      onSubmit={form.submit(async (values) => {
        await api('team.setRoles', values);
        props.onDone();
      })}
    >
      <ErrorMessage error={form.formError} />
      <RoleBoxes legend={`Roles of ${props.account.name}`} register={() => form.register('roles')} />
      {form.errorOf('roles') && <p className="error">{form.errorOf('roles')}</p>}
      <DecisionFields form={form} />
      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          Save roles
        </button>
        <button type="button" onClick={props.onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The meeting and date that decided it: asked for every grant. */
function DecisionFields(props: { form: ReturnType<typeof useApiForm<typeof teamSetRoles>> | ReturnType<typeof useApiForm<typeof teamInvite>> }) {
  const form = props.form as ReturnType<typeof useApiForm<typeof teamInvite>>;
  return (
    <div className="row">
      <Field label="Decided at (meeting)" error={form.errorOf('meeting')}>
        {(a) => <input {...a} {...form.register('meeting')} placeholder="e.g. Branch meeting" />}
      </Field>
      <Field label="On" error={form.errorOf('decidedOn')}>
        {(a) => <input {...a} type="date" {...form.register('decidedOn')} />}
      </Field>
    </div>
  );
}

const BLANK: TeamInvite = { name: '', roles: [], meeting: '', decidedOn: today() };

function InviteForm(props: { onIssued(issued: Issued): void }) {
  const form = useApiForm(teamInvite, BLANK);
  return (
    <section className="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <form
        className="form"
        noValidate
        onSubmit={form.submit(async (values) => {
          props.onIssued(await api('team.invite', values));
          form.reset({ ...BLANK, decidedOn: today() });
        })}
      >
        <ErrorMessage error={form.formError} />
        <Field label="Name" hint="As the team knows them: they sign in with it." error={form.errorOf('name')}>
          {(a) => <input {...a} {...form.register('name')} autoComplete="off" />}
        </Field>
        <RoleBoxes legend="Roles" register={() => form.register('roles')} />
        {form.errorOf('roles') && <p className="error">{form.errorOf('roles')}</p>}
        <DecisionFields form={form} />
        <div className="actions">
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            Invite and make a sign-in link
          </button>
        </div>
      </form>
    </section>
  );
}
