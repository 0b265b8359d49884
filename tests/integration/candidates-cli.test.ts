/**
 * `hustings nominations check` spawns the CLI, so it sits outside the fast loop
 * (vitest.config.ts SLOW). Nominations themselves are tested in process in candidates.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok as call, tempHustings } from '../helpers/db.ts';
import { nominationSetup } from '../helpers/candidates.ts';

let app: Awaited<ReturnType<typeof tempHustings>>;
const ok = <T = any>(method: string, input: unknown) => call<T>(app, method, input);
const setup = () => nominationSetup(app);

beforeEach(async () => {
  app = await tempHustings();
});
afterEach(() => app.cleanup());

describe('CLI', () => {
  it('nominations check --contest ID --json prints item states and problems', async () => {
    const { contest, k } = await setup();
    await ok('subscribers.add', { candidacyId: k.id, electorNumber: 'AB-1', name: 'Bob' });
    const out = execFileSync(process.execPath, ['bin/hustings.js', 'nominations', 'check', '--contest', String(contest.id), '--json', '--db', app.dbPath], {
      encoding: 'utf8',
    });
    const json = JSON.parse(out);
    expect(json.contestId).toBe(contest.id);
    expect(json.candidacies[0].items.find((i: any) => i.id === 'nomination-form')).toMatchObject({
      state: 'todo',
      dueOn: '2024-06-07',
      problems: ['1 of 10 subscribers entered', '1 subscriber not checked against the register', 'Overdue: nominations closed on 2024-06-07'],
    });
    expect(json.closeOfNominations).toBe('2024-06-07');
    const text = execFileSync(process.execPath, ['bin/hustings.js', 'nominations', 'check', '--contest', String(contest.id), '--db', app.dbPath], {
      encoding: 'utf8',
    });
    expect(text).toMatch(/Alice Green — Prospective — papers NOT complete/);
    let failed: any;
    try {
      execFileSync(process.execPath, ['bin/hustings.js', 'nominations', 'check', '--contest', 'x', '--db', app.dbPath], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      failed = e;
    }
    expect(failed?.status).toBe(2);
    expect(String(failed?.stderr)).toMatch(/^--contest: Must be a record id \(a whole number\)\nGive the contest with --contest ID/);
  });
});
