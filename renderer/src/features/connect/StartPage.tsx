import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../app/api.ts';
import { rememberedTeam, rememberTeam } from '../../app/remembered-team.ts';
import { Field } from '../../ui/Field.tsx';
import { ErrorMessage, PageHeader } from '../../ui/Page.tsx';

/**
 * Which campaign this app works on: the file on this computer (no sign-in, as always), or a team
 * server, whose own sign-in page follows. The team chosen is remembered and offered next time.
 */
export function StartPage() {
  const navigate = useNavigate();
  const [remembered, setRemembered] = useState(rememberedTeam);
  const [address, setAddress] = useState('');
  const [addressError, setAddressError] = useState<string>();
  const [continueError, setContinueError] = useState<string>();
  const [busy, setBusy] = useState(false);

  /** Checks the address with the app on this computer, remembers the team and goes to its sign-in. */
  const connect = async (typed: string, onError: (message: string) => void) => {
    setBusy(true);
    setAddressError(undefined);
    setContinueError(undefined);
    try {
      const team = await api('connect.team', { address: typed });
      rememberTeam({ origin: team.origin, campaign: team.campaign, open: true });
      // The desktop app has opened it in its window; browser mode goes there in this tab.
      if (!team.opened) window.location.assign(`${team.origin}/`);
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const openFile = () => {
    if (remembered) {
      rememberTeam({ ...remembered, open: false });
      setRemembered({ ...remembered, open: false });
    }
    void navigate('/');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void connect(address, setAddressError);
  };

  return (
    <>
      <PageHeader
        title="Which campaign?"
        subtitle="Work on the campaign file kept on this computer, or connect to your team’s server, where each person signs in."
      />
      {remembered && (
        <section className="panel" aria-labelledby="continue-heading">
          <h2 id="continue-heading">Your team</h2>
          <p>
            <strong>{remembered.campaign}</strong> at {remembered.origin}
          </p>
          <ErrorMessage error={continueError} />
          <button type="button" className="primary" disabled={busy} onClick={() => void connect(remembered.origin, setContinueError)}>
            Continue to {remembered.campaign}
          </button>
        </section>
      )}
      <section className="panel" aria-labelledby="file-heading">
        <h2 id="file-heading">A file on this computer</h2>
        <p>Only on this computer, for you alone: no sign-in.</p>
        <button type="button" onClick={openFile}>
          Open the file on this computer
        </button>
      </section>
      <section className="panel" aria-labelledby="team-heading">
        <h2 id="team-heading">{remembered ? 'Connect to another team' : 'Connect to a team'}</h2>
        <p>Your team secretary gives you the server’s address and a link to choose your password.</p>
        <form onSubmit={submit} noValidate>
          <Field label="Team server address" hint="For example https://team.example.org" error={addressError}>
            {(a) => <input {...a} type="url" inputMode="url" autoComplete="url" value={address} onChange={(e) => setAddress(e.target.value)} />}
          </Field>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Checking…' : 'Connect'}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
