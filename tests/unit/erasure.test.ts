import { describe, expect, it } from 'vitest';
import { donorErasureRefusal, donorRetention } from '../../shared/domain/donations.ts';
import { addYears } from '../../shared/domain/working-days.ts';
import { mentionPattern, personIdentifiers, scrubJsonText, scrubText } from '../../shared/domain/erasure.ts';

describe('finding a person’s mentions', () => {
  const pattern = mentionPattern(personIdentifiers(['Ann Lee', 'ann lee', ' AB-12 ', 'x', '', null, '17 Mill Lane\nNewtown']));

  it('keeps identifiers long enough to mean something, once each, longest first', () => {
    expect(personIdentifiers(['Ann Lee', 'ann lee', ' AB-12 ', 'x', '', null, '(erased)', 'Ann Lee-Smith'])).toEqual(['Ann Lee-Smith', 'Ann Lee', 'AB-12']);
  });

  it('replaces whole words only, whatever the case and spacing', () => {
    expect(scrubText('Call ann  LEE. Ann Leeming stays; so does Joann Lee', pattern)).toBe('Call (erased). Ann Leeming stays; so does Joann Lee');
    expect(scrubText('AB-12 signed, AB-123 and AB-12/1 did not', pattern)).toBe('(erased) signed, AB-123 and AB-12/1 did not');
    expect(scrubText('Lives at 17 Mill Lane\nNewtown', pattern)).toBe('Lives at (erased)');
    expect(scrubText('nothing here', null)).toBe('nothing here');
  });

  it('scrubs JSON copies value by value, keeping keys, and says when nothing changed', () => {
    expect(scrubJsonText(JSON.stringify({ name: 'Ann Lee', votes: 12, rows: [{ name: 'Ann Lee' }, { name: 'Bo Keep' }] }), pattern)).toBe(
      JSON.stringify({ name: '(erased)', votes: 12, rows: [{ name: '(erased)' }, { name: 'Bo Keep' }] }),
    );
    expect(scrubJsonText(JSON.stringify({ address: '17 Mill Lane\nNewtown' }), pattern)).toBe('{"address":"(erased)"}');
    expect(scrubJsonText('{"name":"Bo Keep"}', pattern)).toBeNull();
    expect(scrubJsonText('not json, Ann Lee', pattern)).toBe('not json, (erased)');
  });
});

describe('how long a donor’s details are kept', () => {
  it('adds years, 29 February becoming 28 February', () => {
    expect(addYears('2027-06-11', 2)).toBe('2029-06-11');
    expect(addYears('2024-02-29', 2)).toBe('2026-02-28');
  });

  it('keeps a donation over £50 until two years after the return, and nothing for £50 or less', () => {
    expect(donorRetention(5000, null, '2026-01-01')).toMatchObject({ mustKeep: false, keptUntil: null });
    expect(donorRetention(5001, null, '2026-01-01')).toMatchObject({ mustKeep: true, keptUntil: null });
    expect(donorRetention(25000, '2027-06-11', '2029-06-10')).toMatchObject({ mustKeep: true, keptUntil: '2029-06-10' });
    expect(donorRetention(25000, '2027-06-11', '2029-06-11')).toMatchObject({ mustKeep: false, keptUntil: '2029-06-10' });
  });

  it('says why and from when erasure is possible, or nothing when it is', () => {
    const d = { valuePence: 25000, receivedOn: '2027-04-01', contestName: 'Abbey, County 2027' };
    expect(donorErasureRefusal('Ann Lee', [{ ...d, mustKeep: false, keptUntil: null, retentionReason: '' }])).toBeNull();
    const r = donorErasureRefusal('Ann Lee', [{ ...d, ...toFields(donorRetention(25000, '2027-06-11', '2028-01-01')) }]);
    expect(r).toBe(
      'Ann Lee’s details cannot be erased yet: the law needs them kept (RPA 1983 s.89; UK GDPR art. 17(3)(b)). £250.00 received Thu 1 Apr 2027 (Abbey, County 2027) is on the return of election expenses (Fri 11 Jun 2027), kept open to inspection until Sun 10 Jun 2029. They can be erased from Mon 11 Jun 2029. Nothing was changed.',
    );
  });
});

function toFields(r: ReturnType<typeof donorRetention>) {
  return { mustKeep: r.mustKeep, keptUntil: r.keptUntil, retentionReason: r.reason };
}
