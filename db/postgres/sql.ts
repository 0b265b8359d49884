/**
 * Our SQL as PostgreSQL takes it. It is written once for both engines, with `?` placeholders and
 * camelCase aliases (`c.election_id AS electionId`); PostgreSQL numbers its placeholders ($1, $2…)
 * and folds every unquoted identifier to lower case, so `electionId` comes back as `electionid`.
 *
 * The text is left as it is apart from the placeholders: aliases fold on both sides of the query
 * alike (`ORDER BY electionId`, `t.electionId` from a subquery still work), and the names are put
 * back on the way out from the mixed-case identifiers the text contains. Quoting the aliases
 * instead would have meant quoting every later use of them too.
 */

export interface PgStatement {
  /** The text with `$1…` for each `?` outside strings, quoted identifiers and comments. */
  text: string;
  /** How many placeholders it has. */
  params: number;
  /** Lower-cased name → the name as written, for each unquoted mixed-case identifier. */
  names: ReadonlyMap<string, string>;
}

const WORD = /[A-Za-z_][A-Za-z0-9_$]*/y;

export function toPostgres(sql: string): PgStatement {
  let text = '';
  let params = 0;
  const names = new Map<string, string>();
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    let end: number;
    if (c === "'" || c === '"') {
      // A string or a quoted identifier; a doubled quote inside is the quote itself.
      end = i + 1;
      for (;;) {
        const close = sql.indexOf(c, end);
        if (close === -1) {
          end = sql.length;
          break;
        }
        end = close + 1;
        if (sql[end] !== c) break;
        end++;
      }
    } else if (c === '-' && next === '-') {
      const eol = sql.indexOf('\n', i);
      end = eol === -1 ? sql.length : eol;
    } else if (c === '/' && next === '*') {
      const close = sql.indexOf('*/', i + 2);
      end = close === -1 ? sql.length : close + 2;
    } else if (c === '?') {
      text += `$${++params}`;
      i++;
      continue;
    } else if (/[A-Za-z_]/.test(c) && !/[A-Za-z0-9_$]/.test(sql[i - 1] ?? '')) {
      WORD.lastIndex = i;
      const word = WORD.exec(sql)![0];
      if (/[a-z]/.test(word) && /[A-Z]/.test(word)) names.set(word.toLowerCase(), word);
      end = i + word.length;
    } else {
      end = i + 1;
    }
    text += sql.slice(i, end);
    i = end;
  }
  return { text, params, names };
}
