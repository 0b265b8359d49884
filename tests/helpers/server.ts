import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BrowserMode {
  /** The address Hustings printed, with its token. */
  url: string;
  origin: string;
  token: string;
  /** The SQLite file; on a team database, the name its files folder gives files beside it. */
  dbPath: string;
  /** The team database served (`serve --database`), when it is not a file. */
  databaseUrl?: string;
  dir: string;
  process: ChildProcess;
  stop(): Promise<void>;
  /** Stops the server as a power cut or a closed laptop would, keeping its database and files. */
  halt(): Promise<void>;
  /** Starts the halted server again, at the same address. */
  resume(): Promise<void>;
  /** POST /api/<method> with the token, as the renderer does. */
  call(method: string, input: unknown): Promise<{ status: number; body: any }>;
}

/**
 * Starts `hustings serve` as a user would: on a fresh database file in a temporary folder, or on
 * the team database `databaseUrl` with its files in that folder.
 */
export async function startBrowserMode(
  opts: { dbPath?: string; databaseUrl?: string; args?: string[]; env?: Record<string, string>; startTimeoutMs?: number } = {},
): Promise<BrowserMode> {
  const dir = mkdtempSync(join(tmpdir(), 'hustings-'));
  const { databaseUrl } = opts;
  // On a team database, what `serve` names its token file after (main/app.ts openTeamHustings).
  const dbPath = databaseUrl ? join(dir, `${new URL(databaseUrl).pathname.slice(1)}.postgres`) : (opts.dbPath ?? join(dir, 'hustings.sqlite'));
  const where = databaseUrl ? ['--database', databaseUrl, '--files', dir] : ['--db', dbPath];
  // `serve` as a child; its address (and, on a file, its token) stays the same when started again.
  const launch = async (port: string) => {
    const child = spawn(process.execPath, ['bin/hustings.js', 'serve', ...where, '--port', port, ...(opts.args ?? [])], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...opts.env },
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), opts.startTimeoutMs ?? 20_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const m = /Hustings is running at (\S+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`serve exited with ${code}:\n${output}`));
      });
    });
    return { child, url };
  };
  const halt = async (child: ChildProcess) => {
    // Still running (a child killed by a signal has a signalCode and no exitCode).
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  };
  const first = await launch('0');
  const { url } = first;
  let { child } = first;
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token') ?? '';
  return {
    url,
    origin: parsed.origin,
    token,
    dbPath,
    databaseUrl,
    dir,
    get process() {
      return child;
    },
    async stop() {
      await halt(child);
      rmSync(dir, { recursive: true, force: true });
    },
    async halt() {
      await halt(child);
    },
    async resume() {
      ({ child } = await launch(parsed.port));
    },
    async call(method, input) {
      const res = await fetch(`${parsed.origin}/api/${method}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return { status: res.status, body: await res.json() };
    },
  };
}
