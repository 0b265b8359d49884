/**
 * Knock-up lists printed from the command line (`hustings polling knock-up`, and walk sheets
 * filtered by voting history): each case spawns the CLI, so they sit outside the fast loop
 * (vitest.config.ts SLOW). The lists themselves are tested in process in knock-up.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hustings } from '../helpers/cli.ts';
import { type KnockUpCampaign, knockUpCampaign, votingHistory } from '../helpers/knock-up.ts';

let campaign: KnockUpCampaign;
let app: KnockUpCampaign['app'];
let areaId: number;
let contestId: number;
let roomId: number;
const history = () => votingHistory(campaign);

beforeEach(async () => {
  campaign = await knockUpCampaign();
  ({ app, areaId, contestId, roomId } = campaign);
});
afterEach(() => app.cleanup());

describe('knock-up lists', () => {
  it('print from the command line, and a wrong room is refused with nothing written', async () => {
    const file = join(app.dir, 'round-1.pdf');
    const args = ['--contest', String(contestId), '--round', '1', '--pdf', file, '--db', app.dbPath];
    const r = hustings('polling', 'knock-up', '--room', String(roomId), ...args);
    expect(r.err).toBe('');
    expect(r).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Wrote .*round-1\.pdf: 1 page\(s\), 4 promise\(s\) still to vote for 12 Mill Lane, round 1\.\n$/),
    });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(readFileSync(file))), { mergePages: true });
    expect(text).toContain('Knock-up round 1: 12 Mill Lane');
    const other = join(app.dir, 'wrong.pdf');
    const bad = hustings('polling', 'knock-up', '--room', '999', ...args.slice(0, 4), '--pdf', other, '--db', app.dbPath);
    expect(bad).toMatchObject({ code: 1, err: 'There is no committee room with id 999 in this contest\n' });
    expect(existsSync(other)).toBe(false);
    expect(hustings('polling', 'knock-up', '--room', 'x', ...args)).toMatchObject({
      code: 2,
      err: expect.stringContaining('Give the committee room with --room ID'),
    });
  }, 120_000);
});

describe('knock-up lists by voting history', () => {
  it('print filtered from the command line with --voted N --of M; a bad pair is refused with nothing written', async () => {
    await history();
    const file = join(app.dir, 'history.pdf');
    const args = ['--contest', String(contestId), '--room', String(roomId), '--round', '1', '--db', app.dbPath];
    const r = hustings('polling', 'knock-up', ...args, '--voted', '2', '--of', '3', '--pdf', file);
    expect(r).toMatchObject({
      code: 0,
      err: '',
      out: expect.stringMatching(
        /^Wrote .*history\.pdf: 1 page\(s\), 2 promise\(s\) still to vote who voted in at least 2 of the last 3 elections before this one for 12 Mill Lane, round 1\.\n$/,
      ),
    });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(readFileSync(file))), { mergePages: true });
    expect(text).toContain('Tom Green');
    expect(text).not.toContain('Ravi Patel');
    expect(text.replace(/\s+/g, ' ')).toContain('Only promises who voted in at least 2 of the last 3 elections before this one');
    const other = join(app.dir, 'bad.pdf');
    for (const pair of [
      ['--voted', '4', '--of', '3'],
      ['--voted', '2'],
      ['--of', 'three'],
    ]) {
      expect(hustings('polling', 'knock-up', ...args, ...pair, '--pdf', other), pair.join(' ')).toMatchObject({
        code: 2,
        err: expect.stringContaining('Give voting history as --voted N --of M'),
      });
    }
    expect(existsSync(other)).toBe(false);
  }, 120_000);

  it('walk sheets print filtered from the command line too, counting today’s poll as the walk sheet screen does', async () => {
    await history();
    const file = join(app.dir, 'walk.pdf');
    // The last three elections on record: today's, 2024 and 2023. AA-1 voted in two, AA-2 in all three.
    const r = hustings('register', 'walk-sheets', '--area', String(areaId), '--district', 'AA', '--voted', '2', '--of', '3', '--pdf', file, '--db', app.dbPath);
    expect(r).toMatchObject({
      code: 0,
      err: '',
      out: expect.stringMatching(/^Wrote .*walk\.pdf: 1 pages, 2 electors who voted in at least 2 of the last 3 elections in polling district AA/),
    });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(readFileSync(file))), { mergePages: true });
    expect(text.replace(/\s+/g, ' ')).toContain('Only electors who voted in at least 2 of the last 3 elections on record for the area.');
    const other = join(app.dir, 'bad.pdf');
    expect(hustings('register', 'walk-sheets', '--area', String(areaId), '--voted', '4', '--of', '3', '--pdf', other, '--db', app.dbPath)).toMatchObject({
      code: 2,
      err: expect.stringContaining('Give voting history as --voted N --of M'),
    });
    expect(existsSync(other)).toBe(false);
  }, 120_000);
});
