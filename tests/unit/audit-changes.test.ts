import { describe, expect, it } from 'vitest';
import { auditAction, auditChanges, formatAuditValue, parseAuditJson } from '../../shared/domain/audit-changes.ts';

describe('audit changes', () => {
  const election = { id: 4, name: 'County council 2027', pollingDay: '2027-05-06', nation: 'england' };

  it('shows every field of a creation', () => {
    expect(auditAction(null, election)).toBe('create');
    expect(auditChanges(null, election)).toEqual([
      { field: 'id', before: null, after: 4 },
      { field: 'name', before: null, after: 'County council 2027' },
      { field: 'pollingDay', before: null, after: '2027-05-06' },
      { field: 'nation', before: null, after: 'england' },
    ]);
  });

  it('shows every field of a deletion', () => {
    expect(auditAction(election, null)).toBe('delete');
    expect(auditChanges(election, null).map((c) => c.field)).toEqual(['id', 'name', 'pollingDay', 'nation']);
    expect(auditChanges(election, null).every((c) => c.after === null)).toBe(true);
  });

  it('shows only the fields an edit changed, including added and removed ones', () => {
    const edited = { ...election, pollingDay: '2027-05-13', notes: 'moved' };
    const { nation: _dropped, ...withoutNation } = edited;
    expect(auditAction(election, withoutNation)).toBe('update');
    expect(auditChanges(election, withoutNation)).toEqual([
      { field: 'pollingDay', before: '2027-05-06', after: '2027-05-13' },
      { field: 'nation', before: 'england', after: null },
      { field: 'notes', before: null, after: 'moved' },
    ]);
  });

  it('compares nested values by content', () => {
    expect(auditChanges({ tags: ['a', 'b'] }, { tags: ['a', 'b'] })).toEqual([]);
    expect(auditChanges({ tags: ['a'] }, { tags: ['a', 'b'] })).toEqual([{ field: 'tags', before: ['a'], after: ['a', 'b'] }]);
  });

  it('handles copies that are not objects, and erased copies', () => {
    expect(auditChanges('x', 'y')).toEqual([{ field: '(value)', before: 'x', after: 'y' }]);
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditAction(null, null)).toBe('other');
  });

  it('formats values briefly', () => {
    expect(formatAuditValue(null)).toBe('—');
    expect(formatAuditValue('short')).toBe('short');
    expect(formatAuditValue({ a: 1 })).toBe('{"a":1}');
    expect(formatAuditValue('x'.repeat(500), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('reads stored JSON without throwing on damage', () => {
    expect(parseAuditJson('{"a":1}')).toEqual({ a: 1 });
    expect(parseAuditJson(null)).toBeNull();
    expect(parseAuditJson('{broken')).toBe('{broken');
  });
});
