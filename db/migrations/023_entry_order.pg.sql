-- 023_entry_order.sql as PostgreSQL runs it: rows written before are numbered in the order the
-- table holds them (ctid), the order they were listed in until now.
-- The order a volunteer's roles and a batch's votes were entered in, kept in a column: the row
-- numbers they were listed by before are no promise (PostgreSQL moves a row its UPDATE rewrites,
-- and a copy between engines writes rows in key order). Position 1 is the first entered.
ALTER TABLE volunteer_roles ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
UPDATE volunteer_roles SET position = entered.n
  FROM (SELECT ctid AS r, row_number() OVER (PARTITION BY volunteer_id ORDER BY ctid) AS n FROM volunteer_roles) entered
  WHERE volunteer_roles.ctid = entered.r;

ALTER TABLE votes ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
UPDATE votes SET position = entered.n
  FROM (SELECT ctid AS r, row_number() OVER (PARTITION BY batch_id ORDER BY ctid) AS n FROM votes) entered
  WHERE votes.ctid = entered.r;
