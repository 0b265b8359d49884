-- Finding electors at campaign scale (issue 19). A search over 100,000 electors read every row
-- with LIKE '%…%' (about a second); a full-text index answers from the words themselves.
--
-- Contentless: the index keeps no copy of anyone's name or address, only its tokens. A row leaves
-- it through the 'delete' command given the words it was indexed with, and with secure-delete on
-- that removes those tokens from the index pages themselves rather than adding a delete marker
-- that leaves them on disk until a merge (secure_delete, set on every connection, zeroes the freed
-- pages). A plain DELETE (contentless_delete) could only add the marker: it does not know the
-- words. Triggers keep the index in step with every write to electors: imports, notices of
-- alteration, edits and erasures alike.
-- Prefix indexes make the search-as-you-type prefix queries ("smi", "ab1") index lookups.
CREATE VIRTUAL TABLE electors_search USING fts5 (
  full_name, address_lines, postcode,
  content = '',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
INSERT INTO electors_search (rowid, full_name, address_lines, postcode) SELECT id, full_name, address_lines, postcode FROM electors;
INSERT INTO electors_search (electors_search, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER electors_search_insert AFTER INSERT ON electors BEGIN
  INSERT INTO electors_search (rowid, full_name, address_lines, postcode) VALUES (new.id, new.full_name, new.address_lines, new.postcode);
END;
CREATE TRIGGER electors_search_delete AFTER DELETE ON electors BEGIN
  INSERT INTO electors_search (electors_search, rowid, full_name, address_lines, postcode) VALUES ('delete', old.id, old.full_name, old.address_lines, old.postcode);
END;
-- Only when a searched field really changed: a re-import rewrites every matched elector's fields.
CREATE TRIGGER electors_search_update AFTER UPDATE OF full_name, address_lines, postcode ON electors
  WHEN old.full_name IS NOT new.full_name OR old.address_lines IS NOT new.address_lines OR old.postcode IS NOT new.postcode
BEGIN
  INSERT INTO electors_search (electors_search, rowid, full_name, address_lines, postcode) VALUES ('delete', old.id, old.full_name, old.address_lines, old.postcode);
  INSERT INTO electors_search (rowid, full_name, address_lines, postcode) VALUES (new.id, new.full_name, new.address_lines, new.postcode);
END;

-- Pages of a whole area in walk order (walk_seq runs across the area's districts): read in index
-- order, and skipped over in the index alone, rather than 100,000 rows sorted for every page.
CREATE INDEX electors_area_walk ON electors (area_id, walk_seq);
