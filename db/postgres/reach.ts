/**
 * Why a PostgreSQL database could not be reached, in words for the person who typed its address
 * (never with its password).
 */

/** The address as it may be printed: the password left out. */
export function shownUrl(url: string): string {
  try {
    const shown = new URL(url);
    shown.password = '';
    return shown.toString();
  } catch {
    return 'that address';
  }
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
  ETIMEDOUT: 'the server did not answer',
  EHOSTUNREACH: 'that computer cannot be reached from here',
  '28P01': 'the user name or password was refused',
  '28000': 'that user may not connect to it',
  '3D000': 'there is no database by that name on the server (create it first, e.g. `createdb hustings`)',
};

/** The error as a DatabaseUnreachableError when it says the database could not be reached; null otherwise. */
export function unreachable(error: unknown, url: string): DatabaseUnreachableError | null {
  const code = (error as { code?: unknown } | null)?.code;
  const why = typeof code === 'string' ? WHY[code] : undefined;
  return why === undefined ? null : new DatabaseUnreachableError(`Could not open the PostgreSQL database ${shownUrl(url)}: ${why}.`);
}
