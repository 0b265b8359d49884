import { describe, expect, it } from 'vitest';
import type { ElectionType, Nation } from '../../shared/domain/election-types.ts';
import {
  allowedNextStatuses,
  checkSubscriber,
  checklistFor,
  consentProblems,
  evaluateChecklist,
  namesMatch,
  nominationRequirements,
  postKindsFor,
  statusChangeProblem,
  deliveryProblems,
  subscriberRole,
  validateOverrides,
} from '../../shared/domain/nominations.ts';
import type { ChecklistInput, RegisterEntry, SubscriberContext } from '../../shared/domain/nominations.ts';
import { addMonths, isIsoDate } from '../../shared/domain/working-days.ts';

type Case = [ElectionType, Nation, string | undefined, number, string, number | null, string, number | null];
// type, nation, post, subscribers, subscriber source, deposit £, deposit source, threshold basis points (null: none / quota)
const TABLE: Case[] = [
  ['uk-parliament', 'england', undefined, 10, 'rules', 500, 'rules', 500],
  ['uk-parliament', 'scotland', undefined, 10, 'rules', 500, 'rules', 500],
  ['uk-parliament-by', 'wales', undefined, 10, 'rules', 500, 'rules', 500],
  ['local', 'england', undefined, 2, 'rules', null, '', null],
  ['local', 'wales', undefined, 0, 'rules', null, '', null],
  ['local', 'scotland', undefined, 0, 'rules', null, '', null],
  ['local', 'northern-ireland', undefined, 2, 'unconfirmed', null, '', null],
  ['parish', 'england', undefined, 2, 'rules', null, '', null],
  ['parish', 'wales', undefined, 0, 'rules', null, '', null],
  ['mayor', 'england', undefined, 30, 'rules', 500, 'unconfirmed', 500],
  ['combined-authority-mayor', 'england', undefined, 100, 'rules', 5000, 'rules', 500],
  ['pcc', 'wales', undefined, 100, 'rules', 5000, 'rules', 500],
  ['gla', 'england', 'gla-mayor', 330, 'rules', 10_000, 'rules', 500],
  ['gla', 'england', 'gla-constituency', 0, 'unconfirmed', 1000, 'unconfirmed', 500],
  ['gla', 'england', 'gla-list', 0, 'rules', 5000, 'rules', 250],
  ['scottish-parliament', 'scotland', undefined, 0, 'rules', 500, 'rules', 500],
  ['scottish-parliament', 'scotland', 'sp-regional', 0, 'rules', 500, 'rules', 500],
  ['senedd', 'wales', undefined, 0, 'unconfirmed', 500, 'unconfirmed', 500],
  ['ni-assembly', 'northern-ireland', undefined, 10, 'rules', 150, 'rules', null],
];

describe('nomination requirements per election type (§4)', () => {
  it.each(TABLE)('%s in %s (%s): %i subscribers', (type, nation, post, subs, subSource, pounds, depSource, bp) => {
    const r = nominationRequirements(type, nation, post as never);
    expect(r.subscribers.required).toBe(subs);
    expect(r.subscribers.source).toBe(subSource);
    if (pounds === null) {
      expect(r.deposit).toBeNull();
    } else {
      expect(r.deposit?.amountPence).toBe(pounds * 100);
      expect(r.deposit?.amountSource).toBe(depSource);
      if (bp === null) expect(r.deposit?.returnRule).toEqual({ kind: 'elected-or-quota-fraction', numerator: 1, denominator: 4 });
      else expect(r.deposit?.returnRule).toEqual({ kind: 'share-above', basisPoints: bp });
    }
    if (subSource === 'unconfirmed') expect(r.notes.join(' ')).toMatch(/default/);
  });

  it('labels councils by nation and spells out roles and spreads', () => {
    expect(nominationRequirements('local', 'scotland').label).toBe('Scottish council');
    expect(nominationRequirements('local', 'northern-ireland').label).toBe('Northern Ireland council');
    expect(nominationRequirements('uk-parliament', 'england').subscribers.roles).toBe('a proposer, a seconder and 8 assentors');
    expect(nominationRequirements('local', 'england').subscribers.roles).toBe('a proposer and a seconder');
    expect(nominationRequirements('gla', 'england', 'gla-mayor').subscribers.spread).toMatch(/10 from each London borough/);
    expect(nominationRequirements('combined-authority-mayor', 'england').subscribers.spread).toMatch(/at least 10/);
  });

  it('GLA has three post kinds, the Scottish Parliament two; others one; a foreign post kind falls back', () => {
    expect(postKindsFor('gla')).toEqual(['gla-mayor', 'gla-constituency', 'gla-list']);
    expect(postKindsFor('scottish-parliament')).toEqual(['sp-constituency', 'sp-regional']);
    expect(postKindsFor('pcc')).toEqual(['standard']);
    expect(nominationRequirements('gla', 'england').postKind).toBe('gla-constituency');
    expect(nominationRequirements('pcc', 'england', 'gla-list').postKind).toBe('standard');
  });

  it('overrides replace defaults and are marked', () => {
    const r = nominationRequirements('gla', 'england', 'gla-constituency', { subscribersRequired: 10, depositPence: 75_000 });
    expect(r.subscribers).toMatchObject({ required: 10, source: 'override' });
    expect(r.deposit).toMatchObject({ amountPence: 75_000, amountSource: 'override', returnRule: { kind: 'share-above', basisPoints: 500 } });
    expect(nominationRequirements('mayor', 'england', 'standard', { depositPence: 0 }).deposit).toBeNull();
    expect(nominationRequirements('local', 'england', 'standard', { depositPence: 10_000 }).deposit?.returnRule).toEqual({
      kind: 'share-above',
      basisPoints: 500,
    });
    expect(validateOverrides({ subscribersRequired: -1, depositPence: 1.5 })).toEqual({
      subscribersRequired: expect.stringMatching(/whole number/),
      depositPence: expect.stringMatching(/whole number/),
    });
    expect(validateOverrides({ subscribersRequired: null, depositPence: 0 })).toEqual({});
  });
});

describe('checklist per election type', () => {
  it('has the seven items; party-only items apply only to party candidates', () => {
    const req = nominationRequirements('uk-parliament', 'england');
    const party = checklistFor(req, { partyCandidate: true });
    expect(party.map((i) => i.id)).toEqual([
      'nomination-form',
      'home-address-form',
      'consent',
      'certificate-of-authorisation',
      'emblem-request',
      'deposit',
      'election-agent',
    ]);
    expect(party.every((i) => i.applies)).toBe(true);
    const indep = checklistFor(req, { partyCandidate: false });
    expect(indep.filter((i) => !i.applies).map((i) => i.id)).toEqual(['certificate-of-authorisation', 'emblem-request']);
    expect(party.find((i) => i.id === 'nomination-form')?.description).toMatch(
      /10 subscribers \(a proposer, a seconder and 8 assentors\) registered in the constituency/,
    );
    expect(party.find((i) => i.id === 'deposit')?.description).toMatch(/£500/);
  });

  it.each(TABLE)('%s in %s (%s): deposit item applies only with a deposit', (type, nation, post, _s, _ss, pounds) => {
    const items = checklistFor(nominationRequirements(type, nation, post as never), { partyCandidate: true });
    expect(items.find((i) => i.id === 'deposit')?.applies).toBe(pounds !== null);
  });

  const done = { state: 'done' as const, doneOn: '2024-06-05', note: null };
  const input = (over: Partial<ChecklistInput> = {}): ChecklistInput => ({
    items: {
      'nomination-form': done,
      'home-address-form': done,
      consent: done,
      'certificate-of-authorisation': done,
      deposit: done,
      'election-agent': { state: 'not-needed', doneOn: null, note: 'own agent' },
    },
    consent: { signedOn: '2024-05-20', witnessedBy: 'W. Itness' },
    subscribers: Array.from({ length: 10 }, () => ({ checked: true })),
    closeOfNominations: '2024-06-07',
    deliveredOn: '2024-06-05',
    depositPaid: { amountPence: 50_000, paidOn: '2024-06-05' },
    today: '2024-06-06',
    ...over,
  });

  it('is complete when every needed item is done (emblem optional, agent skippable)', () => {
    const e = evaluateChecklist(nominationRequirements('uk-parliament', 'england'), { partyCandidate: true }, input());
    expect(e.problems).toEqual([]);
    expect(e.complete).toBe(true);
    expect(e.items.every((i) => i.dueOn === '2024-06-07')).toBe(true);
    expect(e.subscribers).toEqual({ count: 10, required: 10, unchecked: 0 });
  });

  it('reports missing and unchecked subscribers, overdue items and bad not-needed states', () => {
    const e = evaluateChecklist(
      nominationRequirements('uk-parliament', 'england'),
      { partyCandidate: true },
      input({
        subscribers: [{ checked: true }, { checked: false }],
        items: {
          ...input().items,
          deposit: { state: 'todo', doneOn: null, note: null },
          'home-address-form': { state: 'not-needed', doneOn: null, note: null },
        },
        depositPaid: null,
        today: '2024-06-08',
      }),
    );
    expect(e.complete).toBe(false);
    expect(e.problems).toEqual([
      'Nomination form: 2 of 10 subscribers entered',
      'Nomination form: 1 subscriber not checked against the register',
      'Home address form: The home address form is always needed for this candidacy',
      'Deposit: Overdue: nominations closed on 2024-06-07',
    ]);
  });

  it('the deposit item follows the treasury: paid in full is done on the day paid, paid short or ticked with nothing recorded is a problem', () => {
    const uk = nominationRequirements('uk-parliament', 'england');
    const deposit = (over: Partial<ChecklistInput>) => evaluateChecklist(uk, { partyCandidate: true }, input(over)).items.find((i) => i.id === 'deposit')!;
    const todo = { ...input().items, deposit: { state: 'todo' as const, doneOn: null, note: null } };
    expect(deposit({ items: todo, depositPaid: { amountPence: 50_000, paidOn: '2024-06-03' } })).toMatchObject({
      state: 'done',
      doneOn: '2024-06-03',
      problems: [],
    });
    expect(deposit({ items: todo, depositPaid: { amountPence: 45_000, paidOn: '2024-06-03' } })).toMatchObject({
      state: 'in-progress',
      problems: ['The treasury records £450.00 is £50.00 short of the £500 deposit for this election'],
    });
    expect(deposit({ depositPaid: null }).problems).toEqual([
      'Marked done, but the treasury has no record of the payment: record it on the contest’s money page',
    ]);
    expect(deposit({ items: todo, depositPaid: { amountPence: 50_000, paidOn: '2024-06-08' } }).problems).toEqual([
      'Paid on Sat 8 Jun 2024, after close of nominations (Fri 7 Jun 2024)',
    ]);
    const overridden = nominationRequirements('uk-parliament', 'england', 'standard', { depositPence: 45_000 });
    expect(
      evaluateChecklist(overridden, { partyCandidate: true }, input({ items: todo, depositPaid: { amountPence: 45_000, paidOn: '2024-06-03' } })).complete,
    ).toBe(true);
  });

  it('papers are delivered only with every subscriber and the hand-delivered papers done', () => {
    const uk = nominationRequirements('uk-parliament', 'england');
    const none = evaluateChecklist(uk, { partyCandidate: true }, input({ items: {}, subscribers: [] }));
    expect(deliveryProblems(none)).toEqual([
      'the nomination form has 0 of the 10 subscribers it needs',
      'not yet done: nomination form, home address form, consent to nomination',
    ]);
    expect(deliveryProblems(evaluateChecklist(uk, { partyCandidate: true }, input()))).toEqual([]);
  });

  it('an English council with no deposit and two subscribers is complete without a deposit', () => {
    const e = evaluateChecklist(
      nominationRequirements('local', 'england'),
      { partyCandidate: false },
      input({
        items: { 'nomination-form': done, 'home-address-form': done, consent: done, 'election-agent': done },
        subscribers: [{ checked: true }, { checked: true }],
      }),
    );
    expect(e.items.find((i) => i.id === 'deposit')?.state).toBe('not-needed');
    expect(e.complete).toBe(true);
  });

  it('GLA list needs no subscribers', () => {
    const e = evaluateChecklist(
      nominationRequirements('gla', 'england', 'gla-list'),
      { partyCandidate: true },
      input({ subscribers: [], depositPaid: { amountPence: 500_000, paidOn: '2024-06-05' } }),
    );
    expect(e.complete).toBe(true);
  });

  it('a consent signed too early or unwitnessed is a problem', () => {
    const e = evaluateChecklist(
      nominationRequirements('ni-assembly', 'northern-ireland'),
      { partyCandidate: true },
      input({
        consent: { signedOn: '2024-05-06', witnessedBy: null },
      }),
    );
    expect(e.complete).toBe(false);
    expect(e.problems.filter((p) => p.startsWith('Consent'))).toEqual([
      'Consent to nomination: Signed on Mon 6 May 2024, more than one month before close of nominations (Fri 7 Jun 2024): the consent must be signed again on or after Tue 7 May 2024',
      "Consent to nomination: The consent must be witnessed: record the witness's name",
    ]);
  });
});

describe('consent window', () => {
  it('one month before, clamped to month end', () => {
    expect(addMonths('2024-06-07', -1)).toBe('2024-05-07');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2023-03-31', -1)).toBe('2023-02-28');
    expect(addMonths('2024-01-15', -1)).toBe('2023-12-15');
  });
  it('accepts the first day of the window and refuses a consent after delivery', () => {
    expect(consentProblems({ signedOn: '2024-05-07', witnessedBy: 'W', closeOfNominations: '2024-06-07', deliveredOn: null, today: '2024-06-10' })).toEqual({
      refusals: [],
      warnings: [],
    });
    const after = consentProblems({
      signedOn: '2024-06-06',
      witnessedBy: 'W',
      closeOfNominations: '2024-06-07',
      deliveredOn: '2024-06-05',
      today: '2024-06-10',
    });
    expect(after.refusals[0]).toMatch(/after the papers were delivered on Wed 5 Jun 2024/);
    expect(
      consentProblems({ signedOn: '2024-06-08', witnessedBy: 'W', closeOfNominations: '2024-06-07', deliveredOn: null, today: '2024-06-10' }).warnings[0],
    ).toMatch(/after close of nominations/);
    expect(consentProblems({ signedOn: '2024-02-30', witnessedBy: 'W', closeOfNominations: null, deliveredOn: null, today: '2024-06-10' }).refusals[0]).toMatch(
      /not a date/,
    );
  });
  it('refuses a consent dated in the future', () => {
    expect(
      consentProblems({ signedOn: '2024-06-11', witnessedBy: 'W', closeOfNominations: '2024-06-07', deliveredOn: null, today: '2024-06-10' }).refusals,
    ).toEqual(['The consent is dated Tue 11 Jun 2024, which is in the future: enter the date written on the signed form']);
    expect(
      consentProblems({ signedOn: '2024-06-10', witnessedBy: 'W', closeOfNominations: '2024-06-17', deliveredOn: null, today: '2024-06-10' }).refusals,
    ).toEqual([]);
  });
  it('knows real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('24-01-01')).toBe(false);
  });
});

describe('subscribers', () => {
  const register: Record<string, RegisterEntry[]> = {
    'AB-1': [{ areaId: 7, fullName: 'SMITH, John Andrew' }],
    'AB-2': [{ areaId: 7, fullName: "Jane O'Brien" }],
    'AB-2/1': [{ areaId: 7, fullName: 'Zoë Müller' }],
    'ZZ-9': [{ areaId: 8, fullName: 'Out Ofarea' }],
    'KB2-7/1': [{ areaId: 7, fullName: 'Ravi Patel' }],
  };
  const lookup = (n: string) => register[n] ?? [];
  const ctx = (over: Partial<SubscriberContext> = {}): SubscriberContext => ({ areaId: 7, existing: [], required: 10, lookup, ...over });

  it('accepts a registered elector in the area with a loosely matching name', () => {
    expect(checkSubscriber({ electorNumber: 'ab1', name: 'John Smith' }, ctx())).toEqual({
      ok: true,
      electorNumber: 'AB-1',
      name: 'John Smith',
      checked: true,
      note: null,
    });
    expect(checkSubscriber({ electorNumber: 'AB-2', name: 'jane obrien' }, ctx()).ok).toBe(true);
    expect(checkSubscriber({ electorNumber: 'AB-2.1', name: 'Zoe Muller' }, ctx()).ok).toBe(true);
    expect(checkSubscriber({ electorNumber: 'AB-1', name: 'J. A. Smith' }, ctx()).ok).toBe(true);
  });

  it('accepts a polling-district code with digits, as councils write them', () => {
    expect(checkSubscriber({ electorNumber: 'kb2-7/1', name: 'Ravi Patel' }, ctx())).toMatchObject({ ok: true, electorNumber: 'KB2-7/1', checked: true });
  });

  it('refuses with reasons', () => {
    const r = (electorNumber: string, name: string, c = ctx()) => {
      const x = checkSubscriber({ electorNumber, name }, c);
      return x.ok ? 'accepted' : `${x.field}: ${x.reason}`;
    };
    expect(r('AB-', 'X')).toMatch(/^electorNumber: "AB-" is not an elector number/);
    expect(r('AB-3', 'Nobody')).toBe('electorNumber: AB-3 is not on the register');
    expect(r('ZZ-9', 'Out Ofarea')).toMatch(/not in this contest's area/);
    expect(r('AB-1', 'Mary Smith')).toBe('name: The register has AB-1 as SMITH, John Andrew, which does not match "Mary Smith"');
    expect(r('AB-1', '   ')).toMatch(/^name: Enter the name/);
    expect(r('ab 1', 'John Smith', ctx({ existing: ['AB-2', 'AB-1'] }))).toBe('electorNumber: AB-1 is already a subscriber on this form (number 2, seconder)');
    expect(r('AB-2', 'Jane OBrien', ctx({ existing: ['AB-1'], required: 1 }))).toMatch(/already has all 1 subscribers/);
    expect(r('AB-2', 'Jane OBrien', ctx({ required: 0 }))).toMatch(/needs no subscribers/);
  });

  it('without a register: accepted and flagged unchecked, still refusing duplicates and bad numbers', () => {
    const c = ctx({ lookup: null });
    expect(checkSubscriber({ electorNumber: 'QQ-5/2', name: ' Anyone  At All ' }, c)).toEqual({
      ok: true,
      electorNumber: 'QQ-5/2',
      name: 'Anyone At All',
      checked: false,
      note: 'not checked: no register is loaded for this area',
    });
    expect(checkSubscriber({ electorNumber: 'QQ-5/2', name: 'A' }, ctx({ lookup: null, existing: ['QQ-5/2'] })).ok).toBe(false);
    expect(checkSubscriber({ electorNumber: '5', name: 'A' }, c).ok).toBe(false);
  });

  it('roles by signing order', () => {
    expect([1, 2, 3, 10].map(subscriberRole)).toEqual(['proposer', 'seconder', 'assentor', 'assentor']);
  });

  it('loose name matching', () => {
    expect(namesMatch('John Smith', 'SMITH, John')).toBe(true);
    expect(namesMatch('J Smith', 'John Smith')).toBe(true);
    expect(namesMatch('Jon Smith', 'John Smith')).toBe(false);
    expect(namesMatch('Jonathon Smythe', 'Jonathan Smith')).toBe(false);
    expect(namesMatch('Jonathon Smith', 'Jonathan Smith')).toBe(true);
    expect(namesMatch('Smith', 'John Smith')).toBe(true);
    expect(namesMatch('John', 'John Smith')).toBe(false);
    expect(namesMatch('J', 'John Smith')).toBe(false);
    expect(namesMatch('', 'John Smith')).toBe(false);
  });
});

describe('candidacy status', () => {
  it('moves forward along the path, records a reason for rejection, withdrawal is final', () => {
    expect(statusChangeProblem('prospective', 'papers-in-progress', null)).toBeNull();
    expect(statusChangeProblem('delivered', 'validly-nominated', null)).toBeNull();
    expect(statusChangeProblem('delivered', 'rejected', '')).toMatch(/reason/);
    expect(statusChangeProblem('delivered', 'rejected', 'subscriber not registered')).toBeNull();
    expect(statusChangeProblem('prospective', 'validly-nominated', null)).toMatch(/cannot become validly nominated/);
    expect(statusChangeProblem('withdrawn', 'prospective', null)).toMatch(/final/);
    expect(allowedNextStatuses('rejected')).toEqual(['papers-in-progress']);
  });
});
