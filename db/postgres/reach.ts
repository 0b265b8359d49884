/**
 * Why a PostgreSQL database could not be reached, in words for the person who typed its address
 * (never with its password).
 */

/** The address as it may be printed: the password left out. */
export function shownUrl(url: string): string {
  try {
    const shown = new URL(url);
    if (shown.password === '') return url;
    shown.password = '';
    return shown.toString();
  } catch {
    return url.replace(/^([a-z]+:\/\/[^:@/]*):[^@/]*@/i, '$1@');
  }
}

/** A message from the driver or the system, with the password taken out should it appear in it. */
export function scrubbed(text: string, url: string): string {
  let password = '';
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    // An unparsable URL was refused before any connection.
  }
  return password === '' ? text : text.split(password).join('***');
}

export class DatabaseUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnreachableError';
  }
}

/** pg's connection errors (Node's codes) and the server's refusals (SQLSTATE) a user can act on. */
const WHY: Record<string, string> = {
  ECONNREFUSED: 'nothing is listening there (is the PostgreSQL server running, on that port?)',
  ENOTFOUND: 'there is no computer by that name',
  EAI_AGAIN: 'there is no computer by that name',
  ETIMEDOUT: 'the server did not answer',
  EHOSTUNREACH: 'that computer cannot be reached from here',
  '28P01': 'the user name or password was refused',
  '28000': 'that user may not connect to it',
  '3D000': 'there is no database by that name on the server (create it first, e.g. `createdb hustings`)',
};

/** Why the database could not be reached, when the error says so; null for any other error. */
export function whyUnreachable(error: unknown): string | null {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (typeof e?.code === 'string' && WHY[e.code]) return WHY[e.code];
  // pg's own connection timeout (connectionTimeoutMillis) has no code.
  if (typeof e?.message === 'string' && /timeout/i.test(e.message)) return WHY.ETIMEDOUT;
  return null;
}

/** The error as a DatabaseUnreachableError when it says the database could not be reached; null otherwise. */
export function unreachable(error: unknown, url: string): DatabaseUnreachableError | null {
  const why = whyUnreachable(error);
  return why === null ? null : new DatabaseUnreachableError(`Could not open the PostgreSQL database ${shownUrl(url)}: ${why}.`);
}
