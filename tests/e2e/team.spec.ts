/**
 * A team server (`serve --team`, on PostgreSQL): the team secretary opens the one-time link the
 * command line printed, chooses a password and invites a canvasser from the Team page; the
 * canvasser, in a browser of their own, opens their link, chooses a password, signs out and in
 * again; the secretary switches them off and the canvasser's next call is refused. A member who
 * is also the treasurer offers to help and reads the history of a donation.
 */
import type { Page } from '@playwright/test';
import { hustings } from '../helpers/cli.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

test.use({ team: true });

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
  await expect(page).toHaveTitle('Hustings — Ann Admin');

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

  // A member who is also the treasurer offers to help, and reads the history of a donation.
  const call = (method: string, input: object) => {
    const r = hustings('call', method, JSON.stringify(input), '--database', app.databaseUrl!);
    expect(r.code, r.out + r.err).toBe(0);
    return JSON.parse(r.out) as { id: number };
  };
  const election = call('elections.create', { name: 'GE 2026', type: 'uk-parliament', pollingDay: '2026-05-07', nation: 'england' });
  const seat = call('areas.create', { name: 'Banbury', kind: 'constituency', nation: 'england', electorate: 70000, classification: null });
  const contest = call('contests.create', { electionId: election.id, areaId: seat.id, status: 'contesting' });
  call('treasury.createDonation', {
    contestId: contest.id,
    donorName: 'Ann Elector',
    donorAddress: '1 High St, Banbury',
    kind: 'cash',
    value: '£250',
    receivedOn: '2026-04-20',
  });
  const tessAdded = hustings(
    'users',
    'add',
    'Tess Treasurer',
    '--role',
    'member,treasurer',
    '--database',
    app.databaseUrl!,
    '--address',
    app.origin,
    '--meeting',
    'Branch AGM',
  );
  expect(tessAdded.code, tessAdded.err).toBe(0);
  const hers = await browser.newContext();
  const tess = await hers.newPage();
  await tess.goto(/^(http\S+\/welcome\?link=\S+)$/m.exec(tessAdded.out)![1]);
  await choosePassword(tess, 'tess’s long password');
  await tess.getByRole('link', { name: 'Offer to help' }).click();
  await expect(tess.getByRole('heading', { name: 'Offer to help' })).toBeVisible();
  await tess.getByRole('button', { name: 'Offer to help' }).click();
  await expect(tess.getByText('Tick at least one thing you can do')).toBeVisible();
  await tess.getByLabel('Delivers leaflets').check();
  await tess.getByLabel('Drives').check();
  await tess.getByLabel('When you are free (optional)').fill('Saturday mornings');
  await tess.getByLabel('I agree to the campaign contacting me about helping').check();
  await tess.getByRole('button', { name: 'Offer to help' }).click();
  await expect(tess.getByRole('status')).toHaveText('Saved: the coordinators can see your offer.');
  await expect(tess.getByRole('region', { name: 'Your offer' })).toContainText(
    'Tess Treasurer can help with: Delivers leaflets, Drives. When: Saturday mornings.',
  );
  await expect(tess.getByRole('button', { name: 'Save my offer' })).toBeVisible();
  if (SHOTS) await tess.screenshot({ path: `${SHOTS}/team-offer.png`, fullPage: true });
  await expectAccessible(tess);
  await tess.goto(`${app.origin}/#/treasury/${contest.id}`);
  await tess.getByText('History').first().click();
  await expect(tess.getByText(/Donation of £250\.00 from Ann Elector received/)).toBeVisible();
  if (SHOTS) await tess.screenshot({ path: `${SHOTS}/team-treasurer-history.png`, fullPage: true });
  await hers.close();

  // The trail names who made each change, and filters by person.
  await page.getByRole('link', { name: 'Activity' }).click();
  await page.getByLabel('Who').selectOption('Ann Admin');
  await expect(page.getByRole('main')).toContainText('Switched off Cal Canvasser');

  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.goto(app.origin);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
