/**
 * SQLite's full-text index of electors, in the file itself: an erased person leaves no token in
 * the index's pages (a plain database file is scanned for their name), a large import fills the
 * index in one go with its trigger set aside, and a restore brings the index back with the data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchIndexHeldBack } from '../../db/repositories/electors.ts';
import { ok, PLAIN, tempHustings } from '../helpers/db.ts';
import { HEADINGS, SMALL_REGISTER, importCsv } from '../helpers/register.ts';

type App = Awaited<ReturnType<typeof tempHustings>>;
let app: App;
let areaId: number;
beforeEach(async () => {
  app = await tempHustings(PLAIN);
  areaId = (await ok(app, 'areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
});
afterEach(() => app.cleanup());

/** n electors over two districts, two a house. */
function register(n: number): string {
  const rows = [HEADINGS];
  for (let i = n - 1; i >= 0; i--)
    rows.push(`${i < n / 2 ? 'AA' : 'AB'},${i + 1},,,Surname${i},Forename${i},${(Math.floor(i / 2) % 40) + 1} Mill Lane,Newtown,AB1 2CD`);
  return rows.join('\r\n');
}

const search = async (text: string) =>
  (await ok(app, 'register.listElectors', { areaId, search: text, limit: 500 })).items.map((e: any) => e.fullName as string);

describe('an erasure in the search index', () => {
  it('leaves none of the erased person’s words in the file: not the index, its shadow tables or freed pages', async () => {
    await importCsv(app, areaId, `${SMALL_REGISTER}\r\nAB,4,,,Quixote,Xavier,12 Park Road,Newtown,AB1 4CD`);
    const quixote = (await ok(app, 'register.listElectors', { areaId, search: 'quixote' })).items[0];
    // The scan can find a name's tokens: before the erasure, the index holds his, lower-cased.
    const fileNow = () => {
      app.db.pragma('wal_checkpoint(TRUNCATE)');
      return readFileSync(join(app.dir, 'hustings.sqlite')).toString('latin1');
    };
    expect(fileNow()).toContain('quixote');
    expect(fileNow()).toContain('xavier');
    await ok(app, 'register.erasePerson', { id: quixote.id, confirm: true });
    const file = fileNow();
    expect(file).toContain('okafor');
    expect(file).not.toMatch(/quixote|xavier/i);
  });
});

describe('the search index filled in one go by a large import', () => {
  const addElector = (surname: string) =>
    app.db
      .prepare(
        "INSERT INTO electors (area_id, polling_district, elector_number, number, full_name, surname, forenames, address_lines, postcode, walk_seq, created_at, updated_at) VALUES (?, 'AA', ?, 9999, ?, ?, 'Zed', '1 Mill Lane', 'AB1 0CD', 9999, '', '')",
      )
      .run(areaId, `AA-${surname}`, `Zed ${surname}`, surname);
  const trigger = () =>
    app.db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'electors_search_insert'").get() as { sql: string } | undefined;
  const indexed = (word: string) => (app.db.prepare('SELECT COUNT(*) AS n FROM electors_search WHERE electors_search MATCH ?').get(word) as { n: number }).n;

  it('indexes every new elector once, puts its trigger back as it was, and a later elector is indexed by it', async () => {
    const before = trigger()!.sql;
    expect((await importCsv(app, areaId, register(1_200))).state).toBe('done');
    expect(trigger()?.sql).toBe(before);
    expect(indexed('newtown')).toBe(1_200);
    expect(await search('surname1199')).toEqual(['Forename1199 Surname1199']);
    // A re-import with new electors beside the matched ones: old ones kept once, new ones added once.
    expect((await importCsv(app, areaId, register(2_400))).state).toBe('done');
    expect(indexed('newtown')).toBe(2_400);
    expect(trigger()?.sql).toBe(before);
    addElector('Latecomer');
    expect(indexed('latecomer')).toBe(1);
  });

  it('an import that fails with the trigger set aside leaves the trigger, the electors and the index as they were', async () => {
    const before = trigger()!.sql;
    await expect(
      app.store.transaction(async (tx) => {
        await searchIndexHeldBack(tx);
        expect(trigger()).toBeUndefined();
        addElector('Halfway');
        throw new Error('the machine stopped here');
      }),
    ).rejects.toThrow('the machine stopped here');
    expect(trigger()?.sql).toBe(before);
    expect(indexed('halfway')).toBe(0);
    expect(app.db.prepare("SELECT COUNT(*) AS n FROM electors WHERE surname = 'Halfway'").get()).toEqual({ n: 0 });
    // Run to the end, the elector added while the trigger was away is indexed.
    await app.store.transaction(async (tx) => {
      const held = (await searchIndexHeldBack(tx))!;
      addElector('Halfway');
      await held.fill();
    });
    expect([indexed('halfway'), trigger()?.sql]).toEqual([1, before]);
  });
});

describe('the search index after a restore', () => {
  it('finds the restored electors, and not a person erased since the backup was taken', async () => {
    await importCsv(app, areaId, SMALL_REGISTER);
    const taken = await ok(app, 'backups.create', {});
    const patel = (await ok(app, 'register.listElectors', { areaId, search: 'patel' })).items[0];
    await ok(app, 'register.erasePerson', { id: patel.id, confirm: true });
    await importCsv(app, areaId, `${SMALL_REGISTER}\r\nAB,4,,,Quist,Zara,12 Park Road,Newtown,AB1 4CD`);
    expect(await search('quist')).toEqual(['Zara Quist']);

    await ok(app, 'backups.restore', { file: taken.file, confirm: true });
    expect(await search('quist')).toEqual([]);
    expect(await search('patel')).toEqual([]);
    expect(await search('okafor')).toEqual(['Chidi Okafor', 'Ada Okafor']);
    expect(await search('mill')).toEqual(['John Smith', 'Jane Smith', 'Tom Green', 'Ann Brown']);
  });
});
