-- Finding electors at campaign scale (issue 19). A search over 100,000 electors read every row
-- with LIKE '%…%' (about a second); a full-text index answers from the words themselves.
--
-- Contentless: the index keeps no copy of anyone's name or address, only its tokens, and with
-- secure-delete on, deleting a row (an erasure, an elector leaving the register) removes those
-- tokens from the index pages too rather than leaving them behind a delete marker until a merge
-- (and secure_delete, set on every connection, zeroes the freed pages). Triggers keep it in step
-- with every write to electors: imports, notices of alteration, edits and erasures alike.
-- Prefix indexes make the search-as-you-type prefix queries ("smi", "ab1") index lookups.
CREATE VIRTUAL TABLE electors_search USING fts5 (
  full_name, address_lines, postcode,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
INSERT INTO electors_search (rowid, full_name, address_lines, postcode) SELECT id, full_name, address_lines, postcode FROM electors;
INSERT INTO electors_search (electors_search, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER electors_search_insert AFTER INSERT ON electors BEGIN
  INSERT INTO electors_search (rowid, full_name, address_lines, postcode) VALUES (new.id, new.full_name, new.address_lines, new.postcode);
END;
CREATE TRIGGER electors_search_delete AFTER DELETE ON electors BEGIN
  DELETE FROM electors_search WHERE rowid = old.id;
END;
-- Only when a searched field really changed: a re-import rewrites every matched elector's fields.
CREATE TRIGGER electors_search_update AFTER UPDATE OF full_name, address_lines, postcode ON electors
  WHEN old.full_name IS NOT new.full_name OR old.address_lines IS NOT new.address_lines OR old.postcode IS NOT new.postcode
BEGIN
  DELETE FROM electors_search WHERE rowid = old.id;
  INSERT INTO electors_search (rowid, full_name, address_lines, postcode) VALUES (new.id, new.full_name, new.address_lines, new.postcode);
END;

-- Pages of a whole area in walk order (walk_seq runs across the area's districts): read in index
-- order, and skipped over in the index alone, rather than 100,000 rows sorted for every page.
CREATE INDEX electors_area_walk ON electors (area_id, walk_seq);
