/**
 * Audit (docs/reliability.md §5, §8): every change is in the trail with before and after, the
 * trail filters by entity, actor, action and date, and erasing a person blanks every copy of
 * their data in it, down to the bytes of the database file.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditChanges } from '../../shared/domain/audit-changes.ts';
import { afterCommit, eraseAuditOf, listAudit, writeAudit } from '../../db/repositories/audit.ts';
import { openDatabase } from '../../db/sqlite/open.ts';
import { SqliteStore } from '../../db/sqlite/store.ts';
import { type Hustings, openHustings } from '../../main/app.ts';
import { fileBytesMention as fileBytesOf } from '../helpers/bytes.ts';
import { ok, PLAIN, TEST_KEYS } from '../helpers/db.ts';
import { importCsv, SMALL_REGISTER } from '../helpers/register.ts';

let dir: string;
let dbPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hustings-audit-'));
  dbPath = join(dir, 'h.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ELECTION = { type: 'local', pollingDay: '2027-05-06', nation: 'england' } as const;

async function as<T>(actor: string, fn: (app: Hustings) => Promise<T>): Promise<T> {
  const app = await openHustings({ dbPath, actor, keys: TEST_KEYS });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

describe('the audit trail', () => {
  it('records who changed what, with before and after, and filters it', async () => {
    const e = await as('alice', (app) => ok(app, 'elections.create', { name: 'County 2027', ...ELECTION }));
    await as('bob', (app) => ok(app, 'elections.update', { id: e.id, name: 'County council 2027', ...ELECTION }));
    await as('bob', (app) => ok(app, 'areas.create', { name: 'Abbey', kind: 'ward', nation: 'england', electorate: 4000, classification: null }));

    await as('carol', async (app) => {
      const byBob = await ok(app, 'audit.list', { actor: 'bob' });
      expect(byBob.map((a: { entity: string; action: string }) => `${a.entity} ${a.action}`)).toEqual(['area create', 'election update']);
      const update = byBob[1];
      expect(auditChanges(update.before, update.after)).toEqual([{ field: 'name', before: 'County 2027', after: 'County council 2027' }]);

      expect((await ok(app, 'audit.list', { entity: 'election' })).map((a: { actor: string }) => a.actor)).toEqual(['bob', 'alice']);
      expect(await ok(app, 'audit.list', { entity: 'election', actor: 'carol' })).toEqual([]);
      expect(await ok(app, 'audit.facets', {})).toEqual({ entities: ['area', 'election'], actors: ['alice', 'bob'], actions: ['create', 'update'] });
    });
  });

  it('filters by calendar day, both ends included', async () => {
    const db = await openDatabase(dbPath, TEST_KEYS);
    const store = new SqliteStore(db);
    try {
      const insert = db.prepare(`INSERT INTO audit_log (at, actor, action, entity, entity_id, summary) VALUES (?, 'x', 'create', 'election', 1, ?)`);
      for (const at of ['2026-03-01T23:59:59.999Z', '2026-03-02T00:00:00.000Z', '2026-03-03T23:59:59.999Z', '2026-03-04T00:00:00.000Z']) insert.run(at, at);
      const days = async (from?: string, to?: string) => (await listAudit(store, { from, to, limit: 100 })).map((a) => a.at.slice(0, 10));
      expect(await days('2026-03-02', '2026-03-03')).toEqual(['2026-03-03', '2026-03-02']);
      expect(await days('2026-03-04')).toEqual(['2026-03-04']);
      expect(await days(undefined, '2026-03-01')).toEqual(['2026-03-01']);
    } finally {
      db.close();
    }
  });

  it('refuses impossible filter dates', async () => {
    await as('x', async (app) => {
      const r = await app.dispatch('audit.list', { from: '2026-02-30' });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { from: expect.any(String) } } });
    });
  });
});

describe('erasing a person from the audit trail', () => {
  const PERSON = 'Jane Quietvoter';
  const OTHER = 'John Keepme';

  /** An elector's trail as the register writes it: their record, and canvass returns naming them. */
  async function seed(db: Database.Database) {
    const store = new SqliteStore(db);
    db.exec('BEGIN');
    await writeAudit(store, {
      actor: 'agent',
      action: 'create',
      entity: 'elector',
      entityId: 7,
      summary: `Added ${PERSON}`,
      after: { id: 7, fullName: PERSON, address: '1 Quiet Lane' },
    });
    await writeAudit(store, {
      actor: 'agent',
      action: 'update',
      entity: 'elector',
      entityId: 7,
      summary: `Changed ${PERSON}`,
      before: { fullName: PERSON },
      after: { fullName: `${PERSON}-Smith` },
    });
    await writeAudit(store, {
      actor: 'canvasser',
      action: 'create',
      entity: 'canvass-return',
      entityId: 31,
      summary: 'Logged a return',
      after: { id: 31, electorId: 7, notes: `${PERSON} leans our way` },
    });
    await writeAudit(store, { actor: 'agent', action: 'create', entity: 'elector', entityId: 8, summary: `Added ${OTHER}`, after: { id: 8, fullName: OTHER } });
    await writeAudit(store, {
      actor: 'canvasser',
      action: 'create',
      entity: 'canvass-return',
      entityId: 32,
      summary: 'Logged a return',
      after: { id: 32, electorId: 8, notes: `${OTHER} against` },
    });
    db.exec('COMMIT');
  }

  // The file's bytes are read, so these databases are plain.
  const fileBytesMention = (text: string) => fileBytesOf(dbPath, text);

  it('blanks every copy of their data, keeps others, and leaves only a record of the erasure', async () => {
    const db = await openDatabase(dbPath, PLAIN);
    const store = new SqliteStore(db);
    try {
      await seed(db);
      expect(fileBytesMention(PERSON)).toBe(true);

      db.exec('BEGIN');
      const blanked = await eraseAuditOf(store, 'elector', 7, [{ entity: 'canvass-return', field: 'electorId' }]);
      await writeAudit(store, { actor: 'agent', action: 'erase', entity: 'elector', entityId: 7, summary: 'Erased an elector’s personal data on request' });
      db.exec('COMMIT');
      await afterCommit(store, store);
      expect(blanked).toBe(3);

      const trail = await listAudit(store, { limit: 100 });
      expect(JSON.stringify(trail)).not.toContain('Quietvoter');
      expect(JSON.stringify(trail)).not.toContain('Quiet Lane');
      expect(JSON.stringify(trail)).toContain(OTHER);
      const erasure = trail.find((a) => a.action === 'erase');
      expect(erasure).toMatchObject({ actor: 'agent', entity: 'elector', entityId: 7, before: null, after: null });
      expect(erasure?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      // The blanked rows still say something happened, and nothing else.
      expect(trail.filter((a) => a.summary === '(personal data erased)')).toHaveLength(3);

      // Not in the file's bytes either: secure_delete zeroed the old cells, the WAL was emptied.
      expect(fileBytesMention('Quietvoter')).toBe(false);
      expect(fileBytesMention(OTHER)).toBe(true);
    } finally {
      db.close();
    }
  });

  it('would leave the old bytes behind without secure_delete and the checkpoint (the check can fail)', async () => {
    const db = await openDatabase(dbPath, PLAIN);
    const store = new SqliteStore(db);
    try {
      db.pragma('secure_delete = OFF');
      await seed(db);
      db.exec('BEGIN');
      await eraseAuditOf(store, 'elector', 7);
      db.exec('COMMIT');
      expect(JSON.stringify(await listAudit(store, { entity: 'elector', entityId: 7, limit: 10 }))).not.toContain('Quietvoter');
      expect(fileBytesMention('Quietvoter')).toBe(true);
    } finally {
      db.close();
    }
  });

  it('is checkpointed by the dispatcher after a committed mutation', async () => {
    const app = await openHustings({ dbPath, actor: 'agent', keys: PLAIN });
    try {
      await seed(app.db);
      await ok(app, 'elections.create', { name: 'Unrelated', ...ELECTION }); // WAL now has frames
      app.db.exec('BEGIN');
      await eraseAuditOf(app.store, 'elector', 7, [{ entity: 'canvass-return', field: 'electorId' }]);
      app.db.exec('COMMIT');
      // Any mutation through the dispatcher runs the pending checkpoint after its commit.
      await ok(app, 'elections.create', { name: 'Another', ...ELECTION });
      expect(fileBytesMention('Quietvoter')).toBe(false);
    } finally {
      await app.close();
    }
  });

  it('through the register: nothing of the erased elector is left in the database file', async () => {
    const app = await openHustings({ dbPath, actor: 'agent', keys: PLAIN });
    try {
      const areaId = (await ok(app, 'areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
      expect((await importCsv(app, areaId, SMALL_REGISTER)).state).toBe('done');
      const sessionId = (await ok(app, 'canvass.createSession', { areaId, heldOn: '2026-11-20', canvassers: 'Sam' })).id;
      const jane = (await ok(app, 'register.listElectors', { areaId, search: 'Jane' })).items[0];
      expect(jane.fullName).toMatch(/Jane/);
      await ok(app, 'canvass.recordReturn', { sessionId, electorId: jane.id, codes: '1J', note: 'Xylophone-teacher wants a poster' });
      app.db.pragma('wal_checkpoint(TRUNCATE)'); // her data now in the main file too, not only the WAL
      expect(fileBytesMention('Xylophone-teacher')).toBe(true);

      await ok(app, 'register.erasePerson', { id: jane.id, confirm: true });
      expect(fileBytesMention('Xylophone-teacher')).toBe(false);
      expect(fileBytesMention('Jane')).toBe(false);
      expect(fileBytesMention('Smith')).toBe(true); // John Smith, her household, stays
      const erasure = (await ok(app, 'audit.list', { entity: 'elector', entityId: jane.id }))[0];
      expect(erasure).toMatchObject({ action: 'erase', actor: 'agent' });
    } finally {
      await app.close();
    }
  });
});
