import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NAV, PAGES, canUse, navFor, whoMayUse } from '../../renderer/src/app/nav.ts';
import type { Caller, Role } from '../../shared/contract/roles.ts';

const as = (...roles: Role[]): Caller => ({ name: 'Sam', roles });
const labels = (caller: Caller | null) => navFor(caller).map((item) => item.label);

describe('the sidebar and pages a role can use, from the contract’s declarations', () => {
  it('shows the single user of a file every page', () => {
    expect(labels(null)).toEqual(NAV.filter((item) => !item.team).map((item) => item.label));
  });

  it('shows each role the pages it may use', () => {
    expect(labels(as('member'))).toEqual([
      'Home',
      'Deadlines',
      'Tasks',
      'Elections',
      'Areas',
      'Where to stand',
      'Treasury',
      'Leaflets',
      'Offer to help',
      'Holidays',
    ]);
    expect(labels(as('canvasser'))).toEqual(['Register', 'Canvass']);
    expect(labels(as('admin'))).toEqual(['Activity', 'Backups', 'Settings', 'Team']);
    expect(labels(as('treasurer'))).toContain('Candidates');
    expect(labels(as('treasurer'))).not.toContain('Register');
    expect(labels(as('coordinator'))).toEqual(NAV.map((item) => item.label).filter((l) => !['Activity', 'Backups', 'Settings', 'Team'].includes(l)));
  });

  it('adds up the pages of several roles', () => {
    expect(labels(as('canvasser', 'admin'))).toEqual(['Register', 'Canvass', 'Activity', 'Backups', 'Settings', 'Team']);
  });

  it('judges a page reached by address by its route, and names who may use it', () => {
    expect(canUse('/treasury/3', as('coordinator'))).toBe(false);
    expect(canUse('/treasury/3', as('treasurer'))).toBe(true);
    expect(canUse('/treasury', as('coordinator'))).toBe(true);
    expect(canUse('/canvass/sessions/7', as('canvasser'))).toBe(true);
    expect(canUse('/contests/4/polling-day/knock-up', as('canvasser'))).toBe(true);
    expect(canUse('/contests/4/polling-day/glance', as('canvasser'))).toBe(false);
    expect(canUse('/no/such/page', as('canvasser'))).toBe(true);
    expect(whoMayUse('/treasury/3')).toBe('a treasurer');
    expect(whoMayUse('/electors/12')).toBe('a coordinator or a canvasser');
    expect(whoMayUse('/')).toBe('a member of the branch');
  });

  it('knows what every route and sidebar entry needs', () => {
    const source = ['renderer/src/app/App.tsx', 'renderer/src/features/leaflets/routes.tsx'].map((f) => readFileSync(f, 'utf8')).join('\n');
    const routes = [...source.matchAll(/<Route path="([^"*]+)"/g)].map((m) => m[1]);
    expect(routes.length).toBeGreaterThan(50);
    expect(
      routes.filter((path) => !(path in PAGES)),
      'add these routes to PAGES in renderer/src/app/nav.ts',
    ).toEqual([]);
    expect(NAV.filter((item) => !(item.to in PAGES))).toEqual([]);
  });
});
