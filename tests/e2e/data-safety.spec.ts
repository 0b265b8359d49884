import Database from 'better-sqlite3-multiple-ciphers';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { backupsDir } from '../../db/sqlite/backup.ts';
import { latestVersion, loadMigrations } from '../../db/migrations.ts';
import { backupFileName } from '../../shared/domain/backups.ts';
import { startBrowserMode } from '../helpers/server.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

const ELECTION = { type: 'local', pollingDay: '2027-05-06', nation: 'england' };

/** Stops the journey's server as a user would (Ctrl+C), keeping its database. */
async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

test('a bookmarked browser-mode tab keeps working after a restart, and the address never shows the token', async ({ page, app }) => {
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  await app.call('elections.create', { name: 'County 2027', ...ELECTION });
  await page.getByRole('link', { name: 'Elections', exact: true }).click();
  await expect(page.getByRole('link', { name: 'County 2027' })).toBeVisible();
  const bookmark = page.url();
  expect(bookmark).not.toContain(app.token);

  // Hustings is stopped and started again on the same database and port.
  const port = new URL(app.origin).port;
  await stopServer(app.process);
  const again = await startBrowserMode({ dbPath: app.dbPath, args: ['--port', port] });
  try {
    expect(again.token).toBe(app.token);
    await page.reload();
    await expect(page.getByRole('link', { name: 'County 2027' })).toBeVisible();
    const tab = await page.context().newPage();
    await tab.goto(bookmark);
    await expect(tab.getByRole('link', { name: 'County 2027' })).toBeVisible();
    await expectAccessible(tab);
    await tab.close();
  } finally {
    await stopServer(again.process);
  }

  // Asked for a new token, the old tab is refused until the new address is opened.
  const renewed = await startBrowserMode({ dbPath: app.dbPath, args: ['--port', port, '--new-token'] });
  try {
    expect(renewed.token).not.toBe(app.token);
    await page.reload();
    await expect(page.getByText('Missing or wrong token: open the address Hustings printed')).toBeVisible();
    await page.goto(renewed.url);
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
    await page.getByRole('link', { name: 'Elections', exact: true }).click();
    await expect(page.getByRole('link', { name: 'County 2027' })).toBeVisible();
  } finally {
    await stopServer(renewed.process);
  }
});

test("restoring another application's SQLite file from the Backups page is refused, and the data stays", async ({ page, app }) => {
  await app.call('elections.create', { name: 'Live campaign', ...ELECTION });
  expect((await app.call('backups.create', {})).status).toBe(200);
  // Another program's database, copied into the backups folder under a backup's name, with
  // the schema version Hustings expects.
  const file = backupFileName('hustings', new Date('2026-11-01T09:00:00Z'), 'manual', latestVersion(loadMigrations()));
  const foreign = new Database(join(backupsDir(app.dbPath), file));
  foreign.exec("CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO recipes (title) VALUES ('Scones');");
  foreign.pragma(`user_version = ${latestVersion(loadMigrations())}`);
  foreign.close();

  await page.getByRole('link', { name: 'Backups' }).click();
  const row = page.getByRole('row').filter({ hasText: file });
  await row.getByRole('button', { name: /^Restore/ }).click();
  await expect(row.getByRole('alert')).toContainText('Cannot be restored');
  await expect(row.getByRole('alert')).toContainText(`${file} is not a Hustings database: it holds another program's data.`);
  await expect(page.getByRole('dialog', { name: 'Restore this backup?' })).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: '/tmp/safety/foreign-restore.png', fullPage: true });

  await page.getByRole('link', { name: 'Elections', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Live campaign' })).toBeVisible();
  expect((await app.call('elections.list', {})).body.value.map((e: { name: string }) => e.name)).toEqual(['Live campaign']);
});
