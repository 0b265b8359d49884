import { describe, expect, it } from 'vitest';
import { electorSearchQuery } from '../../db/postgres/elector-search.ts';
import { toPostgres } from '../../db/postgres/sql.ts';

describe('SQL as PostgreSQL takes it', () => {
  it('numbers the placeholders in order', () => {
    const st = toPostgres('SELECT id FROM electors WHERE area_id = ? AND walk_seq > ? LIMIT ? OFFSET ?');
    expect(st.text).toBe('SELECT id FROM electors WHERE area_id = $1 AND walk_seq > $2 LIMIT $3 OFFSET $4');
    expect(st.params).toBe(4);
  });

  it('leaves a ? inside strings, quoted identifiers and comments alone', () => {
    const sql = [
      "SELECT 'who?' AS a, 'it''s ?' AS b, \"odd?name\" AS c, ? AS d -- really?",
      '/* a ? here, and',
      "   here? */ FROM t WHERE x = ? AND y = '?'",
    ].join('\n');
    const st = toPostgres(sql);
    expect(st.params).toBe(2);
    expect(st.text).toBe(
      ["SELECT 'who?' AS a, 'it''s ?' AS b, \"odd?name\" AS c, $1 AS d -- really?", '/* a ? here, and', "   here? */ FROM t WHERE x = $2 AND y = '?'"].join(
        '\n',
      ),
    );
  });

  it('collects the mixed-case identifiers, to give rows their camelCase names back', () => {
    const st = toPostgres(
      'SELECT c.election_id AS electionId, COUNT(*) AS n, CAST(x AS INTEGER) AS asInt, \'notAnAlias\' AS s, "quotedName" FROM contests c ORDER BY electionId',
    );
    expect([...st.names]).toEqual([
      ['electionid', 'electionId'],
      ['asint', 'asInt'],
    ]);
    expect(st.text).toContain('ORDER BY electionId');
  });

  it('does not take part of a word or a $n for an identifier', () => {
    expect([...toPostgres('SELECT a1B AS x, t.fooBar FROM t').names]).toEqual([
      ['a1b', 'a1B'],
      ['foobar', 'fooBar'],
    ]);
  });

  it('survives an unterminated string or comment (PostgreSQL reports the error)', () => {
    expect(toPostgres("SELECT 'open ?").text).toBe("SELECT 'open ?");
    expect(toPostgres('SELECT 1 /* open ?').text).toBe('SELECT 1 /* open ?');
  });
});

describe('the elector search query on PostgreSQL', () => {
  it('makes every typed word a prefix, split as FTS5 splits', () => {
    expect(electorSearchQuery('smi  ab1')).toBe('smi:* & ab1:*');
    expect(electorSearchQuery("O'Brien")).toBe('(O <-> Brien:*)');
    expect(electorSearchQuery('ab-3/1 mill')).toBe('(ab <-> 3 <-> 1:*) & mill:*');
    expect(electorSearchQuery('Zoë')).toBe('Zoë:*');
  });

  it('gives nothing for nothing searchable, and no tsquery syntax through', () => {
    expect(electorSearchQuery('  - & ! ')).toBeNull();
    expect(electorSearchQuery('a&b | c:* !d')).toBe('(a <-> b:*) & c:* & d:*');
  });
});
