import { describe, expect, it } from 'vitest';
import { constituencyDesignation } from '../../shared/domain/constituency-designations.ts';
import { RulesInputError, rulesFor, rulesJson } from '../../shared/domain/election-rules.ts';
import { checklistFor, evaluateChecklist, nominationRequirements } from '../../shared/domain/nominations.ts';
import { POLICE_AREAS, findPoliceArea, pccLimit } from '../../shared/domain/pcc-limits.ts';
import { dissolutionDay, longCampaignPercent, monthOfParliament, periodOf, regulatedPeriodDates } from '../../shared/domain/regulated-periods.ts';
import designations from '../../shared/data/uk-parliament-constituencies-2024-designation.json' with { type: 'json' };

describe('Senedd 2026 (Senedd Cymru (Members and Elections) Act 2024; WSI 2025/864)', () => {
  it('asks for a deposit per party list and per individual candidate: £500 (the 2021 figure), flagged unconfirmed and editable', () => {
    const r = rulesFor({ type: 'senedd' });
    expect(r.ballot).toBe('list');
    expect(r.nominations.deposit?.amountPence).toBe(50_000);
    expect(r.nominations.deposit?.amountSource).toBe('unconfirmed');
    expect(r.nominations.notes.join(' ')).toMatch(/each party list and each individual candidate/);
    expect(nominationRequirements('senedd', 'wales', 'standard', { depositPence: 60_000 }).deposit?.amountSource).toBe('override');
  });

  it('individual candidates: £52,500 limit (Welsh Government figure for WSI 2025/864), flagged unconfirmed', () => {
    const l = rulesFor({ type: 'senedd' }).limit;
    expect(l.limitPence).toBe(5_250_000);
    expect(l.confirmed).toBe(false);
    expect(l.instrument).toMatch(/WSI 2025\/864/);
  });
});

describe('subscribers where the candidate signs, with a witness', () => {
  it.each([
    ['local', 'wales', /SI 2021\/1460/],
    ['parish', 'wales', /2021/],
    ['local', 'scotland', /SSI 2020\/239/],
    ['scottish-parliament', 'scotland', /SI 1999\/787/],
  ] as const)('%s in %s needs no subscribers (%s)', (type, nation, source) => {
    const req = nominationRequirements(type, nation);
    expect(req.subscribers.required).toBe(0);
    expect(req.subscribers.source).toBe('rules');
    expect(req.subscribers.candidateSigns).toBe(true);
    expect(req.instrument).toMatch(source);
    const form = checklistFor(req, { partyCandidate: true }).find((i) => i.id === 'nomination-form');
    expect(form?.description).toMatch(/signed by the candidate with a witness/);
  });

  it('Welsh principal councils (SI 2021/1460): the checklist demands no signatures', () => {
    const req = nominationRequirements('local', 'wales');
    const done = { state: 'done' as const, doneOn: '2027-04-01', note: null };
    const e = evaluateChecklist(
      req,
      { partyCandidate: false },
      {
        items: { 'nomination-form': done, 'home-address-form': done, consent: done, 'election-agent': done },
        consent: { signedOn: '2027-03-30', witnessedBy: 'A Witness' },
        subscribers: [],
        depositPaid: null,
        closeOfNominations: '2027-04-06',
        deliveredOn: '2027-04-01',
        today: '2027-04-02',
      },
    );
    expect(e.problems).toEqual([]);
    expect(e.complete).toBe(true);
  });
});

describe('combined authority mayor (Combined Authorities (Mayoral Elections) Order 2017)', () => {
  it('limit: the fixed sum times the constituent councils, plus the per-elector amount', () => {
    const r = rulesFor({ type: 'combined-authority-mayor', councils: 7, electorate: 2_000_000 });
    expect(r.limit.fixedPence).toBe(7 * 304_000);
    expect(r.limit.limitPence).toBe(7 * 304_000 + 2_000_000 * 8);
    expect(r.limit.working).toBe('£3,040 × 7 councils + 2,000,000 × 8p = £181,280.00');
    expect(r.limit.confirmed).toBe(false);
    const unknown = rulesFor({ type: 'combined-authority-mayor', electorate: 2_000_000 });
    expect(unknown.limit.limitPence).toBeNull();
    expect(unknown.limit.missing).toBe('councils');
  });

  it('subscribers: 100, at least 10 per constituent council, so 10 × councils beyond 10', () => {
    expect(rulesFor({ type: 'combined-authority-mayor', councils: 10 }).nominations.subscribers.required).toBe(100);
    expect(rulesFor({ type: 'combined-authority-mayor', councils: 12 }).nominations.subscribers.required).toBe(120);
    expect(rulesFor({ type: 'combined-authority-mayor' }).nominations.subscribers.required).toBe(100);
  });
});

describe('post-poll deadlines', () => {
  it('parish and community councils (RPA 1983 Sch 4 para 1; s.90): invoices 14, payment 21, return 28 days from polling day', () => {
    const r = rulesFor({ type: 'parish', poll: '2024-05-02' });
    expect(rulesJson(r)).toMatchObject({
      invoices_due_days: 14,
      payment_due_days: 21,
      return_due: { days: 28, counted_from: 'polling_day' },
      return_due_date: '2024-05-30',
    });
  });

  it('police and crime commissioner (PCC Elections Order 2012): return due 70 days after the declaration', () => {
    const r = rulesFor({ type: 'pcc', poll: '2024-05-02', declared: '2024-05-04' });
    expect(r.returnDue).toMatchObject({ days: 70, countedFrom: 'declaration' });
    expect(r.returnDueDate).toBe('2024-07-15');
  });

  it('worked example (domain notes §3, RPA 1983 s.78 and s.81): declared 4 Jul 2024, return by 8 Aug', () => {
    const j = rulesJson(rulesFor({ type: 'uk-parliament', poll: '2024-07-04', declared: '2024-07-04' }));
    expect(j).toMatchObject({
      invoices_due_days: 21,
      payment_due_days: 28,
      return_due: { days: 35, counted_from: 'declaration' },
      return_due_date: '2024-08-08',
    });
  });
});

describe('police and crime commissioner limits (SI 2012/1917 art.35(2) Table 2; SI 2023/1227 art.2)', () => {
  it('a fixed sum per police area: the two uprated figures found are confirmed', () => {
    expect(POLICE_AREAS).toHaveLength(41);
    expect(pccLimit(findPoliceArea('Avon and Somerset')!)).toMatchObject({ pence: 30_513_000, confirmed: true });
    expect(pccLimit(findPoliceArea('bedfordshire')!)).toMatchObject({ pence: 11_457_000, confirmed: true });
    const r = rulesFor({ type: 'pcc', policeArea: 'Avon & Somerset' });
    expect(rulesJson(r).spending_limit).toMatchObject({ fixed_pence: 30_513_000, per_elector_pence: null, limit_pence: 30_513_000, confirmed: true });
    expect(r.limit.instrument).toMatch(/SI 2023\/1227/);
  });

  it('elsewhere the 2012 figure is an editable default, flagged unconfirmed', () => {
    const l = pccLimit(findPoliceArea('Cambridgeshire')!);
    expect(l).toMatchObject({ pence: 10_875_400, confirmed: false });
    expect(l.note).toMatch(/2012 figure/);
    expect(rulesFor({ type: 'pcc' }).limit.missing).toBe('policeArea');
    expect(() => rulesFor({ type: 'pcc', policeArea: 'Atlantis' })).not.toThrow();
    expect(rulesFor({ type: 'pcc', policeArea: 'Atlantis' }).limit.working).toMatch(/"Atlantis" is not a police area/);
  });
});

describe('limits the app did not have (domain notes §5; ../data/other-spending-limits.csv)', () => {
  it('Welsh councils (WSI 2021/1285): £806 + 7p, confirmed', () => {
    const l = rulesFor({ type: 'local', nation: 'wales', electorate: 5_000 }).limit;
    expect(l).toMatchObject({ fixedPence: 80_600, perElectorPence: 7, limitPence: 80_600 + 35_000, confirmed: true });
  });

  it('Scottish councils: £806 + 7p, flagged unconfirmed (a council notice, not the order)', () => {
    expect(rulesFor({ type: 'local', nation: 'scotland', electorate: 5_000 }).limit).toMatchObject({ limitPence: 115_600, confirmed: false });
  });

  it('Northern Ireland Assembly (2011 figures) and councils (Electoral Law Act (NI) 1962 s.42): flagged unconfirmed', () => {
    expect(rulesFor({ type: 'ni-assembly', designation: 'county', electorate: 70_000 }).limit).toMatchObject({
      limitPence: 715_000 + 490_000,
      confirmed: false,
    });
    expect(rulesFor({ type: 'local', nation: 'northern-ireland', electorate: 8_000 }).limit).toMatchObject({ limitPence: 60_000 + 40_000, confirmed: false });
  });

  it('UK Parliament by-election (SI 2023/1235 art.2 not read): £180,060 kept editable and unconfirmed', () => {
    expect(rulesFor({ type: 'uk-parliament-by' }).limit).toMatchObject({ limitPence: 18_006_000, confirmed: false });
  });
});

describe('county or borough for every 2024 constituency (House of Commons Library GE2024 results)', () => {
  it('has all 650 seats: 385 county, 265 borough or burgh', () => {
    const values = Object.values(designations);
    expect(values).toHaveLength(650);
    expect(values.filter((v) => v === 'county')).toHaveLength(385);
  });

  it('reads designations by GSS code (Cardiff and Belfast seats are borough)', () => {
    expect(constituencyDesignation('E14001063')).toBe('borough'); // Aldershot
    expect(constituencyDesignation('e14001066')).toBe('county'); // Amber Valley
    expect(constituencyDesignation('E99999999')).toBeNull();
  });

  it('worked example (SI 2023/1235): a county seat of 69,943 electors, £11,390 + £8,393.16 = £19,783.16', () => {
    const r = rulesFor({ type: 'uk-parliament', designation: constituencyDesignation('E14001066'), electorate: 69_943 });
    expect(r.limit.limitPence).toBe(1_978_316);
  });
});

describe('regulated periods', () => {
  it('RPA 1983 s.76ZA: the long campaign is 60% of the full amount in the 56th month, up 10% a month to 100%', () => {
    expect([55, 56, 57, 58, 59, 60, 61].map(longCampaignPercent)).toEqual([null, 60, 70, 80, 90, 100, 100]);
    expect(monthOfParliament('2024-07-09', '2029-02-09')).toBe(55);
    expect(monthOfParliament('2024-07-09', '2029-02-10')).toBe(56);
  });

  it('worked example (Electoral Commission): poll 4 Jul 2024, dissolution 30 May, no long campaign after 53 months', () => {
    expect(dissolutionDay('2024-07-04')).toBe('2024-05-30');
    const r = rulesFor({ type: 'uk-parliament', poll: '2024-07-04', designation: 'county', electorate: 69_943 });
    expect(rulesJson(r).regulated_periods).toEqual([{ key: 'short-campaign', starts: '2024-05-31', ends: '2024-07-04', limit_pence: 1_978_316 }]);
  });

  it('UK general election in the 57th month (RPA 1983 s.76ZA, £40,220 + 12p county): long campaign at 70%, then the short campaign', () => {
    const r = rulesFor({ type: 'uk-parliament', poll: '2029-05-03', designation: 'county', electorate: 69_943 });
    expect(rulesJson(r).regulated_periods).toEqual([
      { key: 'long-campaign', starts: '2029-02-10', ends: '2029-03-28', limit_pence: 3_402_921 },
      { key: 'short-campaign', starts: '2029-03-29', ends: '2029-05-03', limit_pence: 1_978_316 },
    ]);
  });

  it('Scottish Parliament (SSI 2015/425 art.43): a pre-candidacy period from four months before the poll, its limit not found', () => {
    const r = rulesFor({ type: 'scottish-parliament', poll: '2026-05-07', designation: 'county', electorate: 60_000 });
    const [pre, main] = r.periods!;
    expect(pre).toMatchObject({ key: 'pre-candidacy', starts: '2026-01-07', limitPence: null, confirmed: false });
    expect(main).toMatchObject({ key: 'candidacy', ends: '2026-05-07', limitPence: 870_000 + 540_000 });
    expect(main.starts > pre.ends).toBe(true);
  });

  it('other elections have one period, from the day after the last day for the notice of election (English locals 2024)', () => {
    expect(regulatedPeriodDates('local', 'england', '2024-05-02').periods).toEqual([
      expect.objectContaining({ key: 'candidacy', starts: '2024-03-27', ends: '2024-05-02' }),
    ]);
  });

  it('assigns spending to a period by its date; undated spending to the last period', () => {
    const periods = [
      { key: 'long', ends: '2029-03-28' },
      { key: 'short', ends: '2029-05-03' },
    ];
    expect(periodOf('2029-03-28', periods).key).toBe('long');
    expect(periodOf('2029-01-02', periods).key).toBe('long');
    expect(periodOf('2029-03-29', periods).key).toBe('short');
    expect(periodOf(null, periods).key).toBe('short');
  });
});

describe('ballot and the command line contract', () => {
  it('list ballots: the Senedd, a Scottish Parliament region, the London-wide list', () => {
    expect(rulesFor({ type: 'senedd' }).ballot).toBe('list');
    expect(rulesFor({ type: 'scottish-parliament', post: 'sp-regional' }).ballot).toBe('list');
    expect(rulesFor({ type: 'gla', post: 'gla-list' }).ballot).toBe('list');
    expect(rulesFor({ type: 'gla', post: 'gla-list' }).nominations.deposit?.returnRule).toEqual({ kind: 'share-above', basisPoints: 250 });
    expect(rulesFor({ type: 'scottish-parliament' }).ballot).toBe('single');
  });

  it('keeps the JSON keys of the contract', () => {
    const j = rulesJson(rulesFor({ type: 'local', poll: '2026-05-07' }));
    for (const k of [
      'type',
      'nation',
      'ballot',
      'deposit_pence',
      'deposit_returned_above_share',
      'subscribers',
      'spending_limit',
      'regulated_periods',
      'return_due',
      'invoices_due_days',
      'payment_due_days',
      'return_due_date',
    ]) {
      expect(j).toHaveProperty(k);
    }
    expect(Object.keys(j.spending_limit)).toEqual(expect.arrayContaining(['fixed_pence', 'per_elector_pence', 'limit_pence', 'instrument', 'confirmed']));
    expect(j.deposit_pence).toBeNull();
    expect(j.deposit_returned_above_share).toBeNull();
  });

  it('refuses bad input naming the field', () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof RulesInputError ? e.field : 'other';
      }
      return null;
    };
    expect(field(() => rulesFor({ type: 'senedd', nation: 'england' }))).toBe('nation');
    expect(field(() => rulesFor({ type: 'pcc', post: 'gla-list' }))).toBe('post');
    expect(field(() => rulesFor({ type: 'local', electorate: -3 }))).toBe('electorate');
    expect(field(() => rulesFor({ type: 'local', poll: '2026-02-30' }))).toBe('poll');
    expect(field(() => rulesFor({ type: 'local', poll: '2026-05-07', declared: '2026-05-01' }))).toBe('declared');
  });
});
