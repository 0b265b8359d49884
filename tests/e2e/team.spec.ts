/**
 * A team server (`serve --team`, on PostgreSQL): the team secretary opens the one-time link the
 * command line printed, chooses a password and invites a canvasser from the Team page; the
 * canvasser, in a browser of their own, opens their link, chooses a password, signs out and in
 * again; the secretary switches them off and the canvasser's next call is refused. A member
 * connects to the team from browser mode on their own computer, and is offered it there next time.
 */
import type { Page } from '@playwright/test';
import { hustings } from '../helpers/cli.ts';
import { startBrowserMode } from '../helpers/server.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

test.use({ team: true, serverArgs: ['--campaign', 'Westshire Greens'] });

const SHOTS = process.env.HUSTINGS_SCREENSHOTS;

async function choosePassword(page: Page, password: string) {
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('The same password again').fill(password);
  await page.getByRole('button', { name: 'Save and sign in' }).click();
}

test('the team secretary invites a canvasser, who signs in, and is switched off', async ({ app, page, browser }) => {
  // Without a session the app is the sign-in page.
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  const added = hustings('users', 'add', 'Ann Admin', '--role', 'admin', '--database', app.databaseUrl!, '--address', app.origin, '--meeting', 'Branch AGM');
  expect(added.code, added.err).toBe(0);
  const adminLink = /^(http\S+)$/m.exec(added.out.split('\n').find((l) => l.includes('/welcome?link=')) ?? '')![1];

  await page.goto(adminLink);
  await expect(page.getByRole('heading', { name: 'Choose your password' })).toBeVisible();
  await expect(page.getByText('Welcome, Ann Admin.')).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/team-choose-password.png` });
  // Two different passwords are refused, and nothing is saved.
  await page.getByLabel('Password', { exact: true }).fill('first long password');
  await page.getByLabel('The same password again').fill('second long password');
  await page.getByRole('button', { name: 'Save and sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The two passwords are not the same: type them again.');
  await choosePassword(page, 'ann’s long password');
  await expect(page.getByText('Signed in as Ann Admin')).toBeVisible();
  await expect(page).toHaveTitle('Hustings — Westshire Greens — Ann Admin');

  await page.getByRole('link', { name: 'Team', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Team', exact: true })).toBeVisible();
  const accounts = page.getByRole('region', { name: 'Accounts' });
  await expect(accounts.getByRole('row', { name: /^Ann Admin/ })).toContainText('Team secretary — Branch AGM');
  // An invitation without a role or a meeting is refused, naming what is missing.
  const invite = page.getByRole('region', { name: 'Invite someone' });
  await invite.getByLabel('Name').fill('Cal Canvasser');
  await invite.getByRole('button', { name: 'Invite and make a sign-in link' }).click();
  await expect(invite.getByText('Choose at least one role')).toBeVisible();
  await expect(invite.getByText('Name the meeting that decided it')).toBeVisible();
  await invite.getByLabel('Canvasser').check();
  await invite.getByLabel('Decided at (meeting)').fill('Branch meeting');
  await invite.getByLabel('On').fill('2026-11-18');
  await invite.getByRole('button', { name: 'Invite and make a sign-in link' }).click();
  const issued = page.getByRole('region', { name: 'Sign-in link for Cal Canvasser' });
  await expect(issued).toContainText('It is not shown again.');
  const canvasserLink = await issued.getByLabel('Sign-in link for Cal Canvasser').inputValue();
  expect(canvasserLink).toMatch(new RegExp(`^${app.origin}/welcome\\?link=[\\w-]{43}$`));
  await expect(accounts.getByRole('row', { name: /Cal Canvasser/ })).toContainText('Canvasser — Branch meeting, Wed 18 Nov 2026 (recorded by Ann Admin)');
  await expect(accounts.getByRole('row', { name: /Cal Canvasser/ })).toContainText('Has not chosen a password yet');
  // Another meeting adds a role: the new grant names it, the old one keeps its own.
  await accounts
    .getByRole('row', { name: /Cal Canvasser/ })
    .getByRole('button', { name: 'Change roles' })
    .click();
  const roles = accounts.getByRole('group', { name: 'Roles of Cal Canvasser' });
  await expect(roles.getByLabel('Canvasser')).toBeChecked();
  await roles.getByLabel('Member').check();
  await accounts.getByLabel('Decided at (meeting)').fill('Committee');
  await accounts.getByLabel('On').fill('2026-11-25');
  await accounts.getByRole('button', { name: 'Save roles' }).click();
  await expect(accounts.getByRole('row', { name: /Cal Canvasser/ })).toContainText('Member — Committee, Wed 25 Nov 2026');
  await expect(accounts.getByRole('row', { name: /Cal Canvasser/ })).toContainText('Canvasser — Branch meeting, Wed 18 Nov 2026');
  // A new link for the secretary herself replaces the one shown.
  await accounts
    .getByRole('row', { name: /^Ann Admin/ })
    .getByRole('button', { name: 'New sign-in link' })
    .click();
  await expect(page.getByRole('region', { name: 'Sign-in link for Ann Admin' })).toContainText('for them to choose a new password. It is not shown again.');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/team-page.png`, fullPage: true });
  await expectAccessible(page);

  // The canvasser, in a browser of their own.
  const theirs = await browser.newContext();
  const cal = await theirs.newPage();
  await cal.goto(canvasserLink);
  await choosePassword(cal, 'cal’s long password');
  await expect(cal.getByText('Signed in as Cal Canvasser')).toBeVisible();
  await cal.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(cal.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await cal.getByLabel('Name').fill('Cal Canvasser');
  await cal.getByLabel('Password').fill('not the password');
  await cal.getByRole('button', { name: 'Sign in' }).click();
  await expect(cal.getByRole('alert')).toHaveText('That name and password do not match an account here.');
  if (SHOTS) await cal.screenshot({ path: `${SHOTS}/team-sign-in.png` });
  await expectAccessible(cal);
  await cal.getByLabel('Password').fill('cal’s long password');
  await cal.getByRole('button', { name: 'Sign in' }).click();
  await expect(cal.getByText('Signed in as Cal Canvasser')).toBeVisible();
  await cal.getByRole('link', { name: 'Elections' }).click();
  await expect(cal.getByRole('heading', { name: 'No elections yet' })).toBeVisible();

  // The secretary switches the canvasser off: the canvasser's next call is refused.
  await page.reload();
  await accounts
    .getByRole('row', { name: /Cal Canvasser/ })
    .getByRole('button', { name: 'Switch off' })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Switch off' }).click();
  await expect(accounts.getByRole('row', { name: /Cal Canvasser/ })).toContainText('Switched off');
  await cal.getByRole('link', { name: 'Areas' }).click();
  await expect(cal.getByRole('alert')).toContainText('You are not signed in to this team server (or your session has ended): sign in again.');
  await cal.reload();
  await expect(cal.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await theirs.close();

  // The trail names who made each change, and filters by person.
  await page.getByRole('link', { name: 'Activity' }).click();
  await page.getByLabel('Who').selectOption('Ann Admin');
  await expect(page.getByRole('main')).toContainText('Switched off Cal Canvasser');

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.goto(app.origin);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('a member connects to the team from the app on their computer, and is offered it there next time', async ({ app, page, browser }) => {
  // The account, and its password chosen through the link, in a browser of its own.
  const added = hustings('users', 'add', 'Mo Member', '--role', 'member', '--database', app.databaseUrl!, '--address', app.origin);
  expect(added.code, added.err).toBe(0);
  const link = /^(http\S+\/welcome\?link=\S+)$/m.exec(added.out)![1];
  const elsewhere = await browser.newContext();
  await choosePassword(await elsewhere.newPage().then(async (p) => (await p.goto(link), p)), 'mo’s long password');
  await elsewhere.close();

  // Browser mode on a campaign file, as `npm start` gives it: the file opens as always.
  const local = await startBrowserMode();
  try {
    await page.goto(local.url);
    await expect(page.getByRole('heading', { name: 'Welcome to Hustings' })).toBeVisible();
    await page.getByRole('link', { name: 'Connect to a team' }).click();
    await expect(page.getByRole('heading', { name: 'Which campaign?' })).toBeVisible();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/connect-start.png`, fullPage: true });
    await expectAccessible(page);

    // Wrong addresses: each says what is wrong, and where.
    const address = page.getByLabel('Team server address');
    const connect = page.getByRole('button', { name: 'Connect' });
    await address.fill('http://team.example.org');
    await connect.click();
    await expect(page.getByRole('alert')).toContainText('http://team.example.org is not encrypted');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/connect-not-encrypted.png`, fullPage: true });
    await address.fill(local.origin);
    await connect.click();
    await expect(page.getByRole('alert')).toHaveText(
      `${local.origin} answers, but it is not a Hustings team server: check the address with your team secretary.`,
    );
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/connect-not-team.png`, fullPage: true });

    // The team server's address: its sign-in page, then the app, named in the title.
    await address.fill(app.origin);
    await connect.click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(app.origin);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/connect-sign-in.png` });
    await page.getByLabel('Name').fill('Mo Member');
    await page.getByLabel('Password').fill('mo’s long password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Signed in as Mo Member')).toBeVisible();
    await expect(page).toHaveTitle('Hustings — Westshire Greens — Mo Member');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/connect-signed-in.png` });

    // The app on this computer, next time: it offers the team, or the file.
    await page.goto(`${local.origin}/`);
    const yours = page.getByRole('region', { name: 'Your team' });
    await expect(yours).toContainText(`Westshire Greens at ${app.origin}`);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/connect-continue.png`, fullPage: true });
    await yours.getByRole('button', { name: 'Continue to Westshire Greens' }).click();
    await expect(page.getByText('Signed in as Mo Member')).toBeVisible();
    await page.goto(`${local.origin}/`);
    await page.getByRole('button', { name: 'Open the file on this computer' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome to Hustings' })).toBeVisible();
    // The file was chosen last: it opens as always, and the team is still offered on the start page.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Welcome to Hustings' })).toBeVisible();
    await page.getByRole('link', { name: 'Connect to a team' }).click();
    await expect(page.getByRole('region', { name: 'Your team' })).toContainText('Westshire Greens');
  } finally {
    await local.stop();
  }
});
