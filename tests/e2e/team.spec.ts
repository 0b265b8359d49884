/**
 * A team server (`serve --team`, on PostgreSQL): the team secretary opens the one-time link the
 * command line printed, chooses a password and invites a canvasser from the Team page; the
 * canvasser, in a browser of their own, opens their link, chooses a password, signs out and in
 * again; the secretary switches them off and the canvasser's next call is refused. A member who
 * is also the treasurer offers to help and reads the history of a donation. A member connects to
 * the team from browser mode on their own computer, and is offered it there next time.
 *
 * And two people at work at once (issue 13): a coordinator assigns a canvasser account a polling
 * district; the canvasser enters returns there, is refused the treasury and another district's
 * session, each in words saying why; the coordinator's tallies count the returns; switched off,
 * the canvasser's next return is refused, and they are told they are no longer signed in.
 */
import type { Page } from '@playwright/test';
import { hustings } from '../helpers/cli.ts';
import { startBrowserMode } from '../helpers/server.ts';
import { expect, expectAccessible, test } from './fixtures.ts';

// Pages only a team server has: scanned here (the on-postgres project scans no others).
test.use({ team: true, serverArgs: ['--campaign', 'Westshire Greens'], scanAccessibility: true });

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

const REGISTER = [
  'Elector Number Prefix,Elector Number,Elector Number Suffix,Elector Markers,Elector Surname,Elector Forename,Address1,Address2,PostCode',
  'AA,1,,,Smith,John,1 Mill Lane,Newtown,AB1 2CD',
  'AA,2,,,Smith,Jane,1 Mill Lane,Newtown,AB1 2CD',
  'AA,3,,,Brown,Ann,3 Mill Lane,Newtown,AB1 2CD',
  'AB,1,,,Okafor,Chidi,10 Park Road,Newtown,AB1 4CD',
].join('\r\n');

/** A call from the signed-in person's own page, as the app makes it. */
async function callAs(page: Page, method: string, input: unknown) {
  const body = await page.evaluate(
    async ([m, i]) => (await fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(i) })).json(),
    [method, input] as const,
  );
  expect(body.ok, `${method}: ${JSON.stringify(body.error)}`).toBe(true);
  return body.value;
}

/** `users add`: the one-time link it printed. */
function addUser(app: { databaseUrl?: string; origin: string }, name: string, ...roles: string[]): string {
  const added = hustings('users', 'add', name, ...roles.flatMap((r) => ['--role', r]), '--database', app.databaseUrl!, '--address', app.origin);
  expect(added.code, added.err).toBe(0);
  return /^(http\S+\/welcome\?link=\S+)$/m.exec(added.out)![1];
}

test('a coordinator assigns a district; the canvasser enters returns there, reaches nothing else, and is switched off', async ({ app, page, browser }) => {
  const shot = async (p: Page, name: string) => SHOTS && (await p.screenshot({ path: `${SHOTS}/team-journey-${name}.png`, fullPage: true }));
  const coraLink = addUser(app, 'Cora Coordinator', 'coordinator', 'admin');
  const calLink = addUser(app, 'Cal Canvasser', 'canvasser');

  // The coordinator (also the team secretary) signs in and imports the register of Newtown East.
  await page.goto(coraLink);
  await choosePassword(page, 'cora’s long password');
  await expect(page.getByText('Signed in as Cora Coordinator')).toBeVisible();
  const area = await callAs(page, 'areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null });
  const { fileId } = await callAs(page, 'uploads.begin', { name: 'register.csv', size: Buffer.byteLength(REGISTER) });
  await callAs(page, 'uploads.append', { fileId, text: REGISTER });
  const preview = await callAs(page, 'register.importPreview', { fileId });
  const job = await callAs(page, 'register.importStart', { fileId, areaId: area.id, mapping: preview.mapping });
  await expect.poll(async () => (await callAs(page, 'jobs.get', { jobId: job.jobId })).state, { timeout: 30_000 }).toBe('done');
  const sessionAB = (await callAs(page, 'canvass.createSession', { areaId: area.id, pollingDistrict: 'AB', heldOn: '2026-11-20', canvassers: 'Cora' })).id;

  // The canvasser signs in, in a browser of their own, with nothing assigned yet.
  const theirs = await browser.newContext();
  const cal = await theirs.newPage();
  await cal.goto(calLink);
  await choosePassword(cal, 'cal’s long password');
  await expect(cal.getByRole('heading', { name: 'Nothing is assigned to you yet' })).toBeVisible();
  await expect(cal.getByRole('link', { name: 'Import a register' })).toHaveCount(0);
  await shot(cal, '1-canvasser-unassigned');

  // The coordinator chooses the canvasser from the team's canvassers and assigns polling district AA.
  await page.getByRole('link', { name: 'Canvass', exact: true }).click();
  await page.getByRole('link', { name: 'Canvassers’ districts' }).click();
  const canvasser = page.getByLabel('Canvasser');
  await expect(canvasser.getByRole('option')).toHaveText(['Choose…', 'Cal Canvasser']);
  await canvasser.selectOption('Cal Canvasser');
  await page.getByLabel('Area').selectOption({ label: 'Newtown East' });
  await page.getByLabel('Polling district').selectOption('AA');
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('row', { name: /Cal Canvasser/ })).toContainText('Newtown EastAA');
  await shot(page, '2-coordinator-assigns');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Canvassing' }).click();
  await page.getByRole('link', { name: 'Tallies and follow-ups' }).click();
  await page.getByLabel('Area').selectOption({ label: 'Newtown East' });
  await expect(page.getByRole('definition').nth(1)).toHaveText('0 (0%)');

  // The treasury is not in the canvasser's menu, and its address says whose it is; another
  // district's session is refused, saying why.
  await expect(cal.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Register', 'Canvass']);
  await cal.goto(`${app.origin}/#/treasury`);
  await expect(cal.getByRole('heading', { name: 'Your role does not include this page' })).toBeVisible();
  await expect(cal.getByRole('main')).toContainText('It is for a member of the branch.');
  await shot(cal, '3-canvasser-treasury');
  await cal.goto(`${app.origin}/#/canvass/sessions/${sessionAB}`);
  await expect(cal.getByRole('alert')).toHaveText(`Canvass session ${sessionAB} is not in a district assigned to you — ask a coordinator to assign it to you.`);
  await shot(cal, '4-canvasser-other-district');

  // The canvasser is offered only their district, not the whole area (starting one without choosing
  // is refused, saying why), starts a session there and enters two returns.
  await cal.getByRole('link', { name: 'Canvass', exact: true }).click();
  await cal.getByLabel('Area').selectOption({ label: 'Newtown East' });
  await expect(cal.getByLabel('Polling district').getByRole('option')).toHaveText(['Choose…', 'AA']);
  await cal.getByRole('button', { name: 'Start entering returns' }).click();
  await expect(cal.getByText('Choose your polling district (AA)')).toBeVisible();
  await shot(cal, '5-canvasser-new-session');
  await cal.getByLabel('Polling district').selectOption('AA');
  await cal.getByRole('button', { name: 'Start entering returns' }).click();
  const number = cal.getByLabel('Elector number');
  await expect(number).toHaveValue('AA-1');
  for (const codes of ['1', '2L']) {
    await cal.keyboard.press('Enter');
    await cal.keyboard.type(codes);
    await cal.keyboard.press('Enter');
  }
  await expect(cal.getByRole('status').filter({ hasText: /^Saved / })).toHaveText('Saved AA-2 Jane Smith: 2L');
  await shot(cal, '6-canvasser-returns');

  // The coordinator sees the tallies change.
  await page.reload();
  await expect(page.getByRole('definition').nth(1)).toHaveText('2 (50%)');
  await shot(page, '7-coordinator-tallies');

  // The team secretary switches the canvasser off; their next return is refused, saying so.
  await page.getByRole('link', { name: 'Team', exact: true }).click();
  const row = page.getByRole('region', { name: 'Accounts' }).getByRole('row', { name: /Cal Canvasser/ });
  await row.getByRole('button', { name: 'Switch off' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Switch off' }).click();
  await expect(row).toContainText('Switched off');
  await cal.keyboard.press('Enter');
  await cal.keyboard.type('3');
  await cal.keyboard.press('Enter');
  await expect(cal.getByTestId('waiting-returns')).toContainText(
    'You are no longer signed in: your session has ended, or the team secretary has switched your account off.',
  );
  await shot(cal, '8-canvasser-switched-off');
  await expectAccessible(cal);
  await theirs.close();
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
