import { teamInfo } from '../../../shared/team-info.ts';

/** Ends this session (or every session of the person), then shows the sign-in page. */
export async function signOut(everywhere: boolean): Promise<void> {
  await fetch(everywhere ? '/auth/sign-out-everywhere' : '/auth/sign-out', { method: 'POST' });
  window.location.assign('/sign-in');
}

/** The team server's campaign, as it names itself to anyone (for the title); null if it does not say. */
export async function campaignName(): Promise<string | null> {
  try {
    const body = (await (await fetch('/api/team-info')).json()) as { value?: unknown };
    const info = teamInfo.safeParse(body.value);
    return info.success ? info.data.campaign : null;
  } catch {
    return null;
  }
}
