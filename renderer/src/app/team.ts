import { useEffect, useState } from 'react';
import type { Caller } from '../../../shared/contract/roles.ts';

/**
 * On a team server (`serve --team`), who is signed in: asked once of the server's /auth/me. The
 * desktop app and browser mode on a file have no sign-in (there /auth/me is not answered as JSON).
 * A session that has ended goes back to the sign-in page.
 */
let asked: Promise<Caller | null> | undefined;

function whoIsSignedIn(): Promise<Caller | null> {
  if (window.hustings) return Promise.resolve(null);
  asked ??= fetch('/auth/me', { headers: { Accept: 'application/json' } })
    .then(async (res) => {
      if (res.status === 401) {
        window.location.assign('/sign-in');
        return null;
      }
      if (!res.ok || !(res.headers.get('content-type') ?? '').startsWith('application/json')) return null;
      const body = (await res.json()) as { ok: boolean; value?: Caller };
      return body.ok ? (body.value ?? null) : null;
    })
    .catch(() => null);
  return asked;
}

/** The signed-in person on a team server, or null (no team, or not known yet). */
export function useSignedIn(): Caller | null {
  const [caller, setCaller] = useState<Caller | null>(null);
  useEffect(() => {
    let live = true;
    void whoIsSignedIn().then((c) => live && setCaller(c));
    return () => {
      live = false;
    };
  }, []);
  return caller;
}

/** Ends this session (or every session of the person), then shows the sign-in page. */
export async function signOut(everywhere: boolean): Promise<void> {
  await fetch(everywhere ? '/auth/sign-out-everywhere' : '/auth/sign-out', { method: 'POST' });
  window.location.assign('/sign-in');
}
