/**
 * The doors on a team database: `serve --database` runs browser mode on PostgreSQL and any command
 * takes --database instead of --db; a wrong address, a server that is not there, a refused
 * password and a missing database each get one sentence that names the address without its
 * password, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hustings } from '../helpers/cli.ts';
import { freshPostgresDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { type BrowserMode, startBrowserMode } from '../helpers/server.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await freshPostgresDatabase();
});
afterAll(() => database?.drop());

function withPassword(url: string, password: string): string {
  const u = new URL(url);
  u.password = password;
  return u.toString();
}

describe('a team database through the doors', () => {
  let server: BrowserMode | undefined;
  afterAll(() => server?.stop());

  it('serve --database migrates an empty database, serves it, and the command line sees what the browser wrote', async () => {
    server = await startBrowserMode({ databaseUrl: database.url });
    const created = await server.call('elections.create', { name: 'Newtown council 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' });
    expect(created.status).toBe(200);
    const listed = hustings('elections', 'list', '--database', database.url, '--files', server.dir);
    expect(listed.err).toBe('');
    expect(listed.code).toBe(0);
    expect(listed.out).toContain('Newtown council 2026');
    const called = hustings(
      'call',
      'areas.create',
      '{"name":"Newtown East","kind":"ward","nation":"england","electorate":null,"classification":null}',
      '--database',
      database.url,
    );
    expect(called.code).toBe(0);
    expect((await server.call('areas.list', {})).body.value.map((a: { name: string }) => a.name)).toEqual(['Newtown East']);
  });

  it('says which database could not be opened and why, never printing its password', async () => {
    const password = new URL(database.url).password;
    const wrong = hustings('elections', 'list', '--database', withPassword(database.url, 'not-the-password'));
    expect(wrong.code).toBe(1);
    expect(wrong.err.trim()).toMatch(
      /^Could not open the PostgreSQL database postgres:\/\/postgres@127\.0\.0\.1:\d+\/hustings_test_\w+: the user name or password was refused\.$/,
    );

    const missing = new URL(database.url);
    missing.pathname = '/no_such_campaign';
    const none = hustings('elections', 'list', '--database', missing.toString());
    expect(none.code).toBe(1);
    expect(none.err).toContain('no_such_campaign: there is no database by that name on the server');
    expect(none.err).not.toContain(`:${password}@`);

    const closed = new URL(database.url);
    closed.port = '1';
    const nobody = hustings('serve', '--database', closed.toString());
    expect(nobody.code).toBe(1);
    expect(nobody.err).toContain('nothing is listening there');
    expect(`${nobody.out}${nobody.err}`).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses an address that is not PostgreSQL, and --db with --database, as usage mistakes', () => {
    const mysql = hustings('elections', 'list', '--database', 'mysql://me:secret@db.example/campaign');
    expect([mysql.code, mysql.err.trim()]).toEqual([
      2,
      '--database mysql://me@db.example/campaign is not a PostgreSQL database URL: write it as postgres://USER:PASSWORD@HOST:5432/DB.',
    ]);
    const both = hustings('elections', 'list', '--database', database.url, '--db', '/tmp/hustings-never.sqlite');
    expect([both.code, both.err.trim()]).toEqual([2, 'Give either --db FILE (a database file) or --database URL (a team database), not both.']);
  });
});
