import { expect, expectAccessible, test } from './fixtures.ts';

test.describe('election rules beside their figures', () => {
  test('a treasurer sees an unconfirmed limit flagged with its instrument and corrects it for one contest only', async ({ page, app }) => {
    const call = async (method: string, input: unknown) => {
      const r = await app.call(method, input);
      expect(r.body.ok, `${method}: ${JSON.stringify(r.body.error)}`).toBe(true);
      return r.body.value;
    };
    const pcc = await call('elections.create', { name: 'PCC 2028', type: 'pcc', pollingDay: '2028-05-04', nation: 'england' });
    for (const name of ['Cambridgeshire', 'Kent']) {
      const area = await call('areas.create', { name, kind: 'region', electorate: null, classification: null, nation: 'england' });
      await call('contests.create', { electionId: pcc.id, areaId: area.id, status: 'contesting' });
    }

    await page.getByRole('link', { name: 'Treasury' }).click();
    await page.getByRole('link', { name: 'Cambridgeshire' }).click();
    const limit = page.getByRole('region', { name: 'Spending limit' });
    // The police area is read from the area's name; the 2012 figure is flagged, with its instrument and the day it was checked.
    await expect(limit.getByText('£108,754.00').first()).toBeVisible();
    await expect(limit.getByText('unconfirmed default').first()).toBeVisible();
    await expect(
      limit.getByText(/set by the Police and Crime Commissioner Elections Order 2012 \(SI 2012\/1917\) art\.35\(2\) Table 2; checked Wed 2 Dec 2026/),
    ).toBeVisible();
    await expect(limit.getByText(/This is the 2012 figure for Cambridgeshire/)).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/rules-e2e/pcc-unconfirmed.png', fullPage: true });

    // The figure from the returning officer's notice replaces it for this contest.
    await limit.getByText('Change what the limit is worked out from').click();
    await expect(limit.getByLabel('Police area')).toBeVisible();
    await limit.getByLabel('Limit entered by hand (optional)').fill('148,900');
    await limit.getByLabel('Where that figure comes from').fill('the police area returning officer’s notice');
    await limit.getByRole('button', { name: 'Save limit settings' }).click();
    await expect(limit.getByText('Entered by hand from the police area returning officer’s notice: £148,900.00')).toBeVisible();
    await expect(limit.getByText('unconfirmed default')).toHaveCount(0);
    await page.screenshot({ path: '/tmp/rules-e2e/pcc-corrected.png', fullPage: true });

    // Another contest keeps its own (still unconfirmed) figure.
    await page.getByRole('link', { name: 'Treasury' }).first().click();
    await page.getByRole('link', { name: 'Kent' }).click();
    await expect(page.getByRole('region', { name: 'Spending limit' }).getByText('£228,338.00').first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Spending limit' }).getByText('unconfirmed default').first()).toBeVisible();
  });

  test('a general election seat shows its long and short campaign limits, each with the spending dated in it', async ({ page, app }) => {
    const call = async (method: string, input: unknown) => {
      const r = await app.call(method, input);
      expect(r.body.ok, `${method}: ${JSON.stringify(r.body.error)}`).toBe(true);
      return r.body.value;
    };
    const ge = await call('elections.create', { name: 'General election 2015', type: 'uk-parliament', pollingDay: '2015-05-07', nation: 'england' });
    const seat = await call('areas.create', {
      name: 'Amber Valley',
      kind: 'constituency',
      gssCode: 'E14001066',
      electorate: 69_943,
      classification: 'county',
      nation: 'england',
    });
    const contest = await call('contests.create', { electionId: ge.id, areaId: seat.id, status: 'contesting' });
    const spend = (amount: string, on: string) =>
      call('treasury.createExpense', {
        contestId: contest.id,
        category: 'advertising',
        supplier: 'Ripley Printers',
        description: 'Leaflets',
        amount,
        invoiceOn: on,
        paidOn: on,
      });
    await spend('£36,000', '2015-02-02');
    await spend('£1,200', '2015-04-20');

    await page.getByRole('link', { name: 'Treasury' }).click();
    await page.getByRole('link', { name: 'Amber Valley' }).click();
    const periods = page.getByRole('table', { name: /Each period is checked against its own limit/ });
    const long = periods.getByRole('row', { name: /Long campaign/ });
    await expect(long).toContainText('Fri 19 Dec 2014 to Mon 30 Mar 2015');
    await expect(long).toContainText('£43,751.84');
    await expect(long).toContainText('90% of (£40,220 + 69,943 × 12p = £48,613.16)');
    await expect(long).toContainText('£36,000.00');
    await expect(long).toContainText('82% of the limit spent');
    const short = periods.getByRole('row', { name: /Short campaign/ });
    await expect(short).toContainText('Tue 31 Mar 2015 to Thu 7 May 2015');
    await expect(short).toContainText('£19,783.16');
    await expect(short).toContainText('£1,200.00');
    await expectAccessible(page);
    await page.screenshot({ path: '/tmp/rules-e2e/general-election-periods.png', fullPage: true });
  });
});
