import { describe, expect, it } from 'vitest';
import { normaliseRoles, roleLabel } from '../../shared/domain/volunteers.ts';

describe('volunteer roles', () => {
  it('are tidy labels without repeats, in the order given', () => {
    expect(normaliseRoles([' Deliver', 'canvass', 'deliver', '', 'Poster  Board'])).toEqual(['deliver', 'canvass', 'poster board']);
  });

  it('read well, including ones the campaign made up', () => {
    expect(roleLabel('tell')).toBe('Tells at polling stations');
    expect(roleLabel('poster board')).toBe('Poster board');
  });
});
