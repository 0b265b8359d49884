import { describe, expect, it } from 'vitest';
import { allows, refusal, whoMay } from '../../shared/contract/access.ts';
import { EVERY_MEMBER } from '../../shared/contract/define.ts';
import { type MethodName, contract } from '../../shared/contract/index.ts';
import { ROLES, type Role } from '../../shared/contract/roles.ts';

const methods = Object.keys(contract) as MethodName[];
const mayCall = (role: Role) => methods.filter((m) => allows(contract[m].access, [role]));

describe('who may call each method', () => {
  it('every method declares who may call it: one or more known roles, each once', () => {
    const wrong = methods.filter((m) => {
      const access: unknown = contract[m].access;
      return !Array.isArray(access) || access.length === 0 || new Set(access).size !== access.length || access.some((r) => !ROLES.includes(r));
    });
    expect(wrong, 'declare access for these in shared/contract (see main/api/README.md)').toEqual([]);
  });

  it('allows a person holding several roles when any of them is listed', () => {
    expect(allows(['treasurer'], ['canvasser'])).toBe(false);
    expect(allows(['treasurer'], ['canvasser', 'treasurer'])).toBe(true);
    expect(allows(EVERY_MEMBER, [])).toBe(false);
  });

  it('a member sees no personal data: no register, no canvass returns, no donors, no contact details', () => {
    const personal = mayCall('member').filter((m) =>
      /^(register|voting|telling|knockUp|polling|volunteers\.(list|get)|candidates\.|candidacies\.get|subscribers|audit\.facets|backups|encryption)\b|Donor|Ledger|getReturn|Tallies|FollowUps|listRecent|walkSheets/.test(
        m,
      ),
    );
    expect(personal).toEqual([]);
    for (const m of ['elections.list', 'planner.get', 'planner.listDecisions', 'deadlines.list', 'tasks.list', 'leaflets.list', 'rounds.list'] as const)
      expect(mayCall('member'), m).toContain(m);
    expect(mayCall('member')).toContain('treasury.listOverview');
    expect(mayCall('member')).toContain('volunteers.offerMyself');
    expect(mayCall('member')).not.toContain('volunteers.create');
  });

  it('the treasury is the treasurer’s: a coordinator sees the totals only, a canvasser no money at all', () => {
    const treasury = methods.filter((m) => m.startsWith('treasury.') && !['treasury.getDonorExport', 'treasury.eraseDonor'].includes(m));
    expect(treasury.filter((m) => !allows(contract[m].access, ['treasurer']))).toEqual([]);
    expect(mayCall('coordinator').filter((m) => m.startsWith('treasury.'))).toEqual(['treasury.listOverview', 'treasury.getLimit']);
    expect(mayCall('canvasser').filter((m) => /^(treasury|pdf\.expensesReturn)/.test(m))).toEqual([]);
  });

  it('a treasurer reads contests and candidates but changes neither, and sees no register or canvass', () => {
    for (const m of ['contests.get', 'candidates.list', 'candidates.get', 'candidacies.get', 'partyLists.get'] as const)
      expect(mayCall('treasurer'), m).toContain(m);
    const writes = mayCall('treasurer').filter((m) => /^(contests|candidates|candidacies|partyLists|subscribers)\./.test(m) && contract[m].kind !== 'query');
    expect(writes).toEqual([]);
    expect(mayCall('treasurer').filter((m) => /^(register|canvass\.(?!getCodes|countContacts))/.test(m))).toEqual([]);
  });

  it('a canvasser gets the canvass and the register lookups, nothing of the rest', () => {
    const theirs = mayCall('canvasser');
    for (const m of [
      'register.listElectors',
      'register.getWalkSheet',
      'canvass.recordReturn',
      'canvass.undoReturn',
      'canvass.listFollowUps',
      'pdf.walkSheets',
    ] as const)
      expect(theirs, m).toContain(m);
    expect(
      theirs.filter(
        (m) =>
          !/^(register|canvass|voting\.(electorHistory|knownElections)|telling|knockUp|pdf\.walkSheets|areas\.get|contests\.get|access\.me|assignments\.list)\b/.test(
            m,
          ),
      ),
    ).toEqual([]);
    expect(theirs).not.toContain('register.importStart');
    expect(theirs).not.toContain('register.getPersonExport');
  });

  it('subject access, erasure, backups, encryption and the whole audit trail are the team secretary’s alone', () => {
    // audit.list gives others only the history of records they may read (tests/integration/postgres-team-server.test.ts).
    const secretarys = methods.filter((m) => /(getPersonExport|erasePerson|eraseDonor|getDonorExport)$|^(backups|encryption)\.|^audit\.facets$/.test(m));
    expect(secretarys.length).toBeGreaterThan(20);
    for (const m of secretarys) expect(contract[m].access, m).toEqual(['admin']);
  });

  it('refuses in words that name who may do it, from the method’s summary', () => {
    expect(refusal(contract['treasury.createDonation'])).toBe('Only a treasurer may record a donation — ask your team secretary.');
    expect(refusal(contract['register.getElector'])).toBe(
      'Only a coordinator or a canvasser may see one elector with their household, the others living there and every canvass return — ask your team secretary.',
    );
    expect(refusal(contract['backups.create'])).toBe('Only the team secretary may take a backup now.');
    expect(refusal(contract['deadlines.list'])).toBe(
      'Only a member of the branch may see every deadline across elections, contests and tasks — ask your team secretary.',
    );
    expect(refusal(contract['uploads.begin'])).toBe('Only a coordinator may start sending a file in text chunks — ask your team secretary.');
    expect(whoMay(['coordinator', 'treasurer', 'admin'])).toBe('a coordinator, a treasurer or the team secretary');
    expect(whoMay(['member', 'coordinator', 'treasurer', 'canvasser'])).toBe('a member of the branch or a canvasser');
    for (const m of methods) expect(refusal(contract[m]), m).toMatch(/^Only .+ may [a-z].{5,}[^ ]\.$/);
  });
});
