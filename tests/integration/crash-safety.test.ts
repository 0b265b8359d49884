/**
 * Crash safety (docs/reliability.md §1): browser mode is killed with SIGKILL in the middle of a
 * stream of writes, several times at random moments; after each restart every write that was
 * acknowledged is there and SQLite's integrity check says ok. On an encrypted file (as every new
 * database is) and on a plain one (as older databases are until converted).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPlainSqliteFile } from '../../db/sqlite/encryption/cipher.ts';
import { openDatabase } from '../../db/sqlite/open.ts';
import { seededRandom } from '../support/malformed-payloads.ts';
import { dataKeyOf, PLAIN, rawDatabase, TEST_KEYS } from '../helpers/db.ts';
import { type BrowserMode, startBrowserMode } from '../helpers/server.ts';

const ROUNDS = 5;
const IN_FLIGHT = 4;
/** Each round writes until a random number of acknowledgements in this range, then kills. */
const ACKS_PER_ROUND: [number, number] = [400, 900];
const ROUND_TIME_LIMIT_MS = 25_000;

const dir = mkdtempSync(join(tmpdir(), 'hustings-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Ack {
  id: number;
  name: string;
}

/**
 * Writes elections from IN_FLIGHT concurrent writers until `target` are acknowledged (plus a few
 * milliseconds more, so the kill lands while requests are in flight), then SIGKILLs the server.
 */
async function writeThenKill(server: BrowserMode, round: number, target: number, extraMs: number): Promise<{ acked: Ack[]; failed: number }> {
  const acked: Ack[] = [];
  let failed = 0;
  let next = 0;
  let killed = false;
  const started = Date.now();
  const exited = new Promise<void>((resolve) => server.process.once('exit', () => resolve()));

  const kill = () => {
    if (killed) return;
    killed = true;
    server.process.kill('SIGKILL');
  };
  const writer = async () => {
    while (!killed) {
      const name = `round ${round} write ${next++}`;
      try {
        const { status, body } = await server.call('elections.create', { name, type: 'local', pollingDay: '2027-05-06', nation: 'england' });
        if (status === 200 && body.ok === true) acked.push({ id: body.value.id, name });
        else throw new Error(`write refused: ${status} ${JSON.stringify(body)}`);
      } catch (error) {
        if (!killed) throw error;
        failed++;
      }
      if (acked.length >= target) setTimeout(kill, extraMs);
      if (Date.now() - started > ROUND_TIME_LIMIT_MS) kill();
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, writer));
  await exited;
  return { acked, failed };
}

describe('crash safety', () => {
  it('opens databases with WAL and synchronous=FULL', async () => {
    const db = await openDatabase(join(dir, 'pragmas.sqlite'), TEST_KEYS);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it.each([
    { kind: 'encrypted', encrypted: true },
    { kind: 'plain', encrypted: false },
  ])(
    `keeps every acknowledged write through ${ROUNDS} SIGKILLs at random moments ($kind file)`,
    async ({ kind, encrypted }) => {
      const dbPath = join(dir, `crash-${kind}.sqlite`);
      // Browser mode creates a new database encrypted (HUSTINGS_PASSPHRASE); an old plain one opens plain.
      if (!encrypted) (await openDatabase(dbPath, PLAIN)).close();
      // A new seed each run (printed, so a failing run can be repeated with HUSTINGS_CRASH_SEED).
      const seed = Number(process.env.HUSTINGS_CRASH_SEED) || Date.now() % 1_000_000;
      const random = seededRandom(seed);
      const allAcked: Ack[] = [];
      let interrupted = 0;

      for (let round = 1; round <= ROUNDS; round++) {
        const server = await startBrowserMode({ dbPath });
        try {
          // What earlier rounds had acknowledged is all there after the restart.
          const listed = await server.call('elections.list', {});
          expect(listed.status).toBe(200);
          const names = new Set((listed.body.value as { name: string }[]).map((e) => e.name));
          const missing = allAcked.filter((a) => !names.has(a.name));
          expect(missing, `acknowledged writes lost before round ${round} (seed ${seed})`).toEqual([]);

          const target = ACKS_PER_ROUND[0] + Math.floor(random() * (ACKS_PER_ROUND[1] - ACKS_PER_ROUND[0]));
          const { acked, failed } = await writeThenKill(server, round, target, Math.floor(random() * 40));
          expect(acked.length).toBeGreaterThan(0);
          allAcked.push(...acked);
          interrupted += failed;
        } finally {
          await server.stop();
        }

        // Straight after the crash: the file is sound and holds every acknowledged write.
        expect(isPlainSqliteFile(dbPath)).toBe(!encrypted);
        const db = rawDatabase(dbPath, encrypted ? { key: await dataKeyOf(dbPath) } : {});
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          const ids = new Set((db.prepare('SELECT id FROM elections').all() as { id: number }[]).map((r) => r.id));
          expect(allAcked.filter((a) => !ids.has(a.id))).toEqual([]);
        } finally {
          db.close();
        }
      }

      console.log(
        `crash safety, ${kind} file (seed ${seed}): ${allAcked.length} acknowledged writes over ${ROUNDS} SIGKILLs, ${interrupted} requests cut off by the kills, none lost`,
      );
      expect(allAcked.length).toBeGreaterThanOrEqual(2000);
      expect(interrupted).toBeGreaterThan(0); // the kills really landed mid-stream
    },
    180_000,
  );
});
