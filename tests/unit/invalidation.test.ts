import { describe, expect, it } from 'vitest';
import { contract, isMethodName } from '../../shared/contract/index.ts';
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
    expect(changesView('areas.update', 'mutation', 'canvass.getCodes')).toBe(true);
    expect(changesView('canvass.recordReturn', 'mutation', 'elections.list')).toBe(true);
    expect(changesView('backups.restore', 'maintenance', 'canvass.getCodes')).toBe(true);
    expect(changesView('canvass.getTallies', 'query', 'canvass.getTallies')).toBe(false);
  });

  it('lists only real methods, queries as views and mutations as changes', () => {
    for (const name of Object.keys(SHOWS)) expect(isMethodName(name) && contract[name].kind, name).toBe('query');
    for (const name of Object.keys(CHANGES)) expect(isMethodName(name) && contract[name].kind, name).toBe('mutation');
  });
});
