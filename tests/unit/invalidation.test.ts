import { describe, expect, it } from 'vitest';
import { type MethodName, contract, isMethodName } from '../../shared/contract/index.ts';
import { CHANGES, SHOWS, changesView } from '../../shared/contract/invalidation.ts';

describe('which views a change reloads', () => {
  it('a return reloads what shows returns, and not the codes', () => {
    expect(changesView('canvass.recordReturn', 'mutation', 'canvass.getTallies')).toBe(true);
    expect(changesView('canvass.recordReturn', 'mutation', 'register.listElectors')).toBe(true);
    expect(changesView('canvass.recordReturn', 'mutation', 'canvass.getCodes')).toBe(false);
    expect(changesView('canvass.recordReturn', 'mutation', 'register.listDistricts')).toBe(false);
  });

  it('every mutation reloads the activity log; a follow-up ticked off reloads follow-ups, not tallies', () => {
    expect(changesView('canvass.markFollowUpsDone', 'mutation', 'audit.list')).toBe(true);
    expect(changesView('canvass.markFollowUpsDone', 'mutation', 'canvass.listFollowUps')).toBe(true);
    expect(changesView('canvass.markFollowUpsDone', 'mutation', 'canvass.getTallies')).toBe(false);
  });

  it('is safe by default: an undeclared change or view reloads, a restore reloads all, a query reloads nothing', () => {
    const undeclared = 'x.undeclared' as MethodName;
    expect(changesView(undeclared, 'mutation', 'canvass.getCodes')).toBe(true);
    expect(changesView('canvass.recordReturn', 'mutation', undeclared)).toBe(true);
    expect(changesView('backups.restore', 'maintenance', 'canvass.getCodes')).toBe(true);
    expect(changesView('canvass.getTallies', 'query', 'canvass.getTallies')).toBe(false);
  });

  it('lists only real methods, queries as views and mutations as changes', () => {
    for (const name of Object.keys(SHOWS)) expect(isMethodName(name) && contract[name].kind, name).toBe('query');
    for (const name of Object.keys(CHANGES)) expect(isMethodName(name) && contract[name].kind, name).toBe('mutation');
  });

  it('declares what every query shows and every mutation changes (maintenance excepted)', () => {
    const missing = Object.entries(contract)
      .filter(([name, def]) => (def.kind === 'query' ? !(name in SHOWS) : def.kind === 'mutation' ? !(name in CHANGES) : false))
      .map(([name, def]) => `${name} (${def.kind === 'query' ? 'SHOWS' : 'CHANGES'})`);
    expect(missing, 'add these to shared/contract/invalidation.ts').toEqual([]);
  });

  it('saving a donation reloads the money views and not the timetable or the register', () => {
    expect(changesView('treasury.createDonation', 'mutation', 'treasury.getLedger')).toBe(true);
    expect(changesView('treasury.createDonation', 'mutation', 'candidacies.get')).toBe(true); // the deposit item
    expect(changesView('treasury.createDonation', 'mutation', 'timetable.forElection')).toBe(false);
    expect(changesView('treasury.createDonation', 'mutation', 'register.listElectors')).toBe(false);
  });
});
