/**
 * "Connect to a team": the address a person types, checked as a campaign user would want — a
 * plain sentence for a typing mistake, an unencrypted address, a server that is not there or is
 * not a Hustings team server — before the app sends them to its sign-in page. No Electron here:
 * the desktop app and browser mode both reach it through `connect.team`, and it is unit-tested.
 */
import { type TeamInfo, TEAM_INFO_PATH, teamInfo } from '../shared/team-info.ts';

export interface Team {
  /** The server's origin, e.g. https://team.example.org: where its sign-in page and the app are. */
  origin: string;
  campaign: string;
}

type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const EXAMPLE = 'https://team.example.org';
/** How long a server may take to say what it is: long enough for a slow line, short enough to wait for. */
const ANSWER_MS = 10_000;

/**
 * The origin of a typed address. Without a scheme it is https (http for this computer, where a
 * team server listens on plain HTTP by default); http is refused beyond this computer.
 */
export function teamOrigin(typed: string): Checked<string> {
  const text = typed.trim();
  if (text === '') return { ok: false, message: `Enter the team server’s address, as your team secretary gave it (for example ${EXAMPLE}).` };
  let url: URL;
  try {
    url = new URL(text.includes('://') ? text : `https://${text}`);
    if (!text.includes('://') && LOOPBACK.has(url.hostname)) url = new URL(`http://${text}`);
  } catch {
    return { ok: false, message: `“${text}” is not a web address: write it as ${EXAMPLE}.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: `“${text}” is not a web address: write it as ${EXAMPLE}.` };
  if (url.username !== '' || url.password !== '')
    return { ok: false, message: 'Leave your name and password out of the address: you sign in on the next page.' };
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    return {
      ok: false,
      message: `${url.origin} is not encrypted: your password and the campaign’s data would cross the network readable on the way. Use the server’s https:// address (http:// is only for a team server on this computer).`,
    };
  }
  return { ok: true, value: url.origin };
}

/** Why a request got no answer, in words, from Node's error codes. */
function unreachable(origin: string, error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return `${origin} did not answer within ${ANSWER_MS / 1000} seconds: check your connection and the address, or try again later.`;
  }
  const code = (error as { cause?: { code?: string } }).cause?.code ?? '';
  const host = new URL(origin).host;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return `There is no server called ${new URL(origin).hostname}: check the address for a typing mistake, and your connection.`;
  if (code === 'ECONNREFUSED') return `Nothing answers at ${origin}: the team server may not be running there, or the port is wrong.`;
  if (/CERT|SIGNATURE|SELF_SIGNED|ALTNAME/.test(code)) {
    return `${origin} could not prove it is ${host} (its certificate is not valid: ${code}). Do not sign in there; ask your team secretary.`;
  }
  if (code === 'EPROTO' || code === 'ERR_SSL_WRONG_VERSION_NUMBER') return `${origin} does not speak HTTPS: check the address with your team secretary.`;
  return `${origin} could not be reached${code ? ` (${code})` : ''}: check the address and your connection.`;
}

/** Asks the server at `origin` what it is; a Hustings team server names its campaign. */
async function askTeamInfo(origin: string, fetchImpl: typeof fetch): Promise<Checked<TeamInfo>> {
  const notTeam = { ok: false as const, message: `${origin} answers, but it is not a Hustings team server: check the address with your team secretary.` };
  let res: Response;
  try {
    res = await fetchImpl(origin + TEAM_INFO_PATH, { redirect: 'manual', signal: AbortSignal.timeout(ANSWER_MS), headers: { Accept: 'application/json' } });
  } catch (error) {
    return { ok: false, message: unreachable(origin, error) };
  }
  if (res.status !== 200) return notTeam;
  try {
    const body = (await res.json()) as { ok?: unknown; value?: unknown };
    const info = teamInfo.safeParse(body.value);
    return body.ok === true && info.success ? { ok: true, value: info.data } : notTeam;
  } catch {
    return notTeam;
  }
}

/** The typed address checked: a team server's origin and campaign, or what is wrong, in a sentence. */
export async function checkTeamAddress(typed: string, fetchImpl: typeof fetch = fetch): Promise<Checked<Team>> {
  const origin = teamOrigin(typed);
  if (!origin.ok) return origin;
  const info = await askTeamInfo(origin.value, fetchImpl);
  return info.ok ? { ok: true, value: { origin: origin.value, campaign: info.value.campaign } } : info;
}
