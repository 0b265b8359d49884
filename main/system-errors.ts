/** What the system says about a file or port, in words a volunteer can act on. */
const SYSTEM: Record<string, (where: string) => string> = {
  ENOENT: (where) => `There is no such folder or file: ${where}`,
  ENOTDIR: (where) => `Part of ${where} is a file, not a folder`,
  EISDIR: (where) => `${where} is a folder, not a file`,
  EACCES: (where) => `You do not have permission to use ${where}`,
  EPERM: (where) => `You do not have permission to use ${where}`,
  EROFS: (where) => `${where} is on a disk that cannot be written to`,
  ENOSPC: (where) => `The disk is full: nothing more can be written to ${where}`,
  EEXIST: (where) => `${where} already exists`,
  EADDRINUSE: (where) => `Another program is already using ${where}: choose another --port`,
  EADDRNOTAVAIL: (where) => `This computer has no address ${where}: check --host`,
};

/** A system error about a file or an address as one sentence, or null for any other error. */
export function systemProblem(error: unknown): string | null {
  const e = error as NodeJS.ErrnoException & { address?: string; port?: number };
  const where = e?.path ?? (e?.address !== undefined ? `${e.address}${e.port === undefined ? '' : `:${e.port}`}` : undefined);
  const known = e?.code !== undefined ? SYSTEM[e.code] : undefined;
  return known && where !== undefined ? `${known(where)}.` : null;
}
