/**
 * Bad input (docs/reliability.md §2): every method listed by `GET /api/methods` gets hundreds of
 * malformed bodies generated from its input JSON schema. Each must be answered with a 4xx and a
 * JSON error, never a 5xx; the server must stay up; and the database must be unchanged.
 *
 * "Unchanged" is checked honestly, twice: before fuzzing the WAL is checkpointed and truncated
 * (by a separate connection) and the database file hashed; afterwards the WAL must still be
 * empty and the file's bytes identical, so any committed write would show. A logical dump of
 * every table is compared as well.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, isMethodName } from '../../shared/contract/index.ts';
import type { JsonSchema } from '../support/json-schema-judge.ts';
import { isMalformed, malformedPayloads, type MalformedPayload } from '../support/malformed-payloads.ts';
import { rawDatabase } from '../helpers/db.ts';
import { type BrowserMode, startBrowserMode } from '../helpers/server.ts';

const PER_METHOD = 250;
const MIN_PER_METHOD = 100;
const TIME_LIMIT_MS = 240_000;

interface MethodInfo {
  name: string;
  kind: string;
  input: JsonSchema;
}

let server: BrowserMode;
let stderr = '';

beforeAll(async () => {
  server = await startBrowserMode();
  server.process.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // Some data, so ids and references in the payloads can point at real rows.
  const election = await server.call('elections.create', { name: 'Borough council 2027', type: 'local', pollingDay: '2027-05-06', nation: 'england' });
  expect(election.status).toBe(200);
  const area = await server.call('areas.create', { name: 'Abbey ward', kind: 'ward', nation: 'england', electorate: 5400, classification: null });
  expect(area.status, JSON.stringify(area.body)).toBe(200);
  const contest = await server.call('contests.create', { electionId: election.body.value.id, areaId: area.body.value.id, status: 'considering' });
  expect(contest.status, JSON.stringify(contest.body)).toBe(200);
});

afterAll(async () => {
  await server?.stop();
});

/** Flushes the WAL into the file and empties it, from a connection of our own. */
function checkpoint(dbPath: string) {
  const db = rawDatabase(dbPath);
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
    expect(result.busy).toBe(0);
  } finally {
    db.close();
  }
}

function walSize(dbPath: string): number {
  return existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0;
}

function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function logicalDump(dbPath: string): string {
  const db = rawDatabase(dbPath, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type IN ('table', 'index', 'trigger', 'view') ORDER BY name`).all() as {
      name: string;
      sql: string | null;
    }[];
    const parts = [JSON.stringify(tables), String(db.pragma('user_version', { simple: true }))];
    for (const { name } of db
      .prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string }[]) {
      parts.push(name, JSON.stringify(db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all()));
    }
    return createHash('sha256').update(parts.join('\n')).digest('hex');
  } finally {
    db.close();
  }
}

/** How the server reads a body: an empty one means `{}` (see main/server.ts). */
function asServerReadsIt(body: string): string {
  return body.trim() === '' ? '{}' : body;
}

async function post(method: string, body: string): Promise<{ res: Response; text: string }> {
  const res = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body,
  });
  return { res, text: await res.text() };
}

/**
 * One retry when the connection drops while the server is still running: Node closes idle
 * keep-alive sockets after 5 s and the client may reuse one at that instant. A payload that
 * itself breaks the connection fails the retry too.
 */
async function send(method: string, body: string): Promise<{ res: Response; text: string }> {
  try {
    return await post(method, body);
  } catch (error) {
    if (server.process.exitCode !== null || server.process.signalCode !== null) throw error;
    return post(method, body);
  }
}

describe('fuzzing every API method with malformed input', () => {
  it('answers each malformed body with a 4xx JSON error, stays up, and writes nothing', async () => {
    const methodsRes = await fetch(`${server.origin}/api/methods`, { headers: { Authorization: `Bearer ${server.token}` } });
    expect(methodsRes.status).toBe(200);
    const methods = (await methodsRes.json()) as MethodInfo[];
    expect(methods.length).toBeGreaterThan(5);

    // Every method the contract has is listed, and each payload is one the contract itself rejects.
    expect(methods.map((m) => m.name).sort()).toEqual(Object.keys(contract).sort());
    const plan = new Map<string, MalformedPayload[]>();
    const generatorMistakes: string[] = [];
    for (const method of methods) {
      const payloads = malformedPayloads(method.input, { seed: 2026, max: PER_METHOD }).filter((p) => isMalformed(method.input, asServerReadsIt(p.body)));
      if (!isMethodName(method.name)) throw new Error(`unknown method ${method.name}`);
      const schema = contract[method.name].input;
      for (const p of payloads) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(asServerReadsIt(p.body));
        } catch {
          continue;
        }
        if (schema.safeParse(parsed).success) generatorMistakes.push(`${method.name}: ${p.label}`);
      }
      plan.set(method.name, payloads);
    }
    expect(generatorMistakes, 'the generator made payloads the contract accepts').toEqual([]);

    checkpoint(server.dbPath);
    expect(walSize(server.dbPath)).toBe(0);
    const hashBefore = fileHash(server.dbPath);
    const dumpBefore = logicalDump(server.dbPath);

    const started = Date.now();
    const sent = new Map<string, number>(methods.map((m) => [m.name, 0]));
    const failures: string[] = [];
    const rounds = Math.max(...[...plan.values()].map((p) => p.length));
    // Round-robin over methods so a time limit still leaves every method well covered.
    for (let i = 0; i < rounds && Date.now() - started < TIME_LIMIT_MS && failures.length < 20; i++) {
      for (const method of methods) {
        const payload = plan.get(method.name)?.[i];
        if (payload === undefined) continue;
        let res: Response;
        let text: string;
        try {
          ({ res, text } = await send(method.name, payload.body));
        } catch (error) {
          failures.push(`${method.name} ← ${payload.label}: no answer (${String(error)}); server stderr: ${stderr.slice(-2000)}`);
          if (server.process.exitCode !== null || server.process.signalCode !== null) break;
          continue;
        }
        sent.set(method.name, (sent.get(method.name) ?? 0) + 1);
        let body: any = null;
        try {
          body = JSON.parse(text);
        } catch {
          // reported below
        }
        const jsonError = body !== null && body.ok === false && typeof body.error?.code === 'string' && typeof body.error?.message === 'string';
        if (res.status < 400 || res.status >= 500 || !jsonError || !res.headers.get('content-type')?.startsWith('application/json')) {
          failures.push(`${method.name} ← ${payload.label}: ${res.status} ${text.slice(0, 200)}`);
        }
      }
    }
    const elapsed = Date.now() - started;
    const total = [...sent.values()].reduce((a, b) => a + b, 0);
    console.log(`fuzz: ${total} malformed requests to ${methods.length} methods in ${(elapsed / 1000).toFixed(1)} s`);

    expect(failures).toEqual([]);
    expect(server.process.exitCode).toBeNull();
    const alive = await fetch(`${server.origin}/api/methods`, { headers: { Authorization: `Bearer ${server.token}` } });
    expect(alive.status).toBe(200);
    expect(stderr).not.toMatch(/unexpected error|request failed/);
    for (const [name, count] of sent)
      expect(count, `${name} got too few payloads`).toBeGreaterThanOrEqual(Math.min(MIN_PER_METHOD, plan.get(name)?.length ?? 0));
    for (const [name, payloads] of plan) expect(payloads.length, `${name} has too few malformed payloads`).toBeGreaterThanOrEqual(MIN_PER_METHOD);

    // Nothing was written: the WAL is still empty and the file's bytes are the same.
    expect(walSize(server.dbPath)).toBe(0);
    expect(fileHash(server.dbPath)).toBe(hashBefore);
    expect(logicalDump(server.dbPath)).toBe(dumpBefore);
  }, 300_000);
});
