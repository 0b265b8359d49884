/**
 * The knock-up tests' campaign, shared by the in-process tests (knock-up.test.ts) and the
 * command-line ones (knock-up-cli.test.ts): a ward with the small register, a contest, two
 * committee rooms (12 Mill Lane for AA, Park Road for AB), promises 1 and 2, canvassed standing,
 * and the earlier elections' marked registers for the voting-history filter.
 */
import { ok, tempHustings } from './db.ts';
import { addRoom, setPromiseRule, setSupport } from './polling.ts';
import { SMALL_REGISTER, importCsv } from './register.ts';

export interface KnockUpCampaign {
  app: Awaited<ReturnType<typeof tempHustings>>;
  areaId: number;
  contestId: number;
  roomId: number;
}

export async function knockUpCampaign(): Promise<KnockUpCampaign> {
  const app = await tempHustings();
  const areaId = (await ok(app, 'areas.create', { name: 'Newtown East', kind: 'ward', nation: 'england', electorate: null, classification: null })).id;
  const imported = await importCsv(app, areaId, SMALL_REGISTER);
  if (imported.state !== 'done') throw new Error(`The register import ended ${imported.state}`);
  const electionId = (await ok(app, 'elections.create', { name: 'Council 2026', type: 'local', pollingDay: '2026-05-07', nation: 'england' })).id;
  const contestId = (await ok(app, 'contests.create', { electionId, areaId, status: 'contesting' })).id;
  const roomId = await addRoom(app.store, contestId, '12 Mill Lane', ['AA']);
  await addRoom(app.store, contestId, 'Park Road', ['AB']);
  await setPromiseRule(app.store, contestId, ['1', '2']);
  await setSupport(app.store, areaId, { 'AA-1': '1', 'AA-2': '2', 'AA-3': '3', 'AA-4': '1', 'AA-5': '2', 'AB-1': '1' });
  await setSupport(app.store, areaId, { 'AA-6': '1' }, 'moved');
  return { app, areaId, contestId, roomId };
}

/** The tellers' numbers for today's poll in one district. */
export const vote = ({ app, contestId }: KnockUpCampaign, numbers: string[], district = 'AA') =>
  ok(app, 'telling.recordBatch', {
    contestId,
    pollingDistrict: district,
    clientId: `vote-${numbers.join('-')}-${district}`,
    entries: numbers.map((number) => ({ number })),
  });

/** Four earlier elections with marked registers, newest first, and this year's numbers for AA-2. */
export async function votingHistory(c: KnockUpCampaign): Promise<void> {
  const { app, contestId } = c;
  const election = async (name: string, type: string, pollingDay: string) =>
    (await ok(app, 'elections.create', { name, type, pollingDay, nation: 'england' })).id as number;
  const general2024 = await election('General election 2024', 'uk-parliament', '2024-07-04');
  const local2023 = await election('Council 2023', 'local', '2023-05-04');
  const local2022 = await election('Council 2022', 'local', '2022-05-05');
  const general2019 = await election('General election 2019', 'uk-parliament', '2019-12-12');
  const marked = (electionId: number, numbers: string[]) =>
    ok(app, 'telling.recordBatch', {
      contestId,
      electionId,
      pollingDistrict: 'AA',
      source: 'marked_register',
      clientId: `marked-${electionId}`,
      entries: numbers.map((number) => ({ number })),
    });
  // AA-1: 2 of the last 3. AA-2: 2 of the last 3, but has voted today. AA-4: 2024 and 2022,
  // 2 of the last 3 earlier ones, only 1 of the last 3 if today's poll counted. AA-5: 2022 and
  // 2019, 1 of the last 3.
  await marked(general2024, ['1', '2', '4']);
  await marked(local2023, ['1', '2', '3']);
  await marked(local2022, ['4', '5']);
  await marked(general2019, ['5']);
  await vote(c, ['2']);
}
