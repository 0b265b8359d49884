-- An area's households are told apart by address_key, but only the register import writes them,
-- and it finds each address's household in memory (one lookup per address). The UNIQUE index on
-- (area_id, address_key) checked nothing the import does not already guarantee, and cost a
-- random-order index insert for every new household: about 50,000 for a 100,000-elector register.
-- SQLite cannot drop a table's constraint, so the table is rebuilt without it.
--
-- electors.household_id refers to households with ON DELETE SET NULL, and dropping the old table
-- deletes its rows first (foreign keys are on while migrating): the links are kept aside and put
-- back. Same ids, same rows.
CREATE TEMP TABLE household_links (id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL);
INSERT INTO household_links (id, household_id) SELECT id, household_id FROM electors WHERE household_id IS NOT NULL;

CREATE TABLE households_rebuilt (
  id INTEGER PRIMARY KEY,
  area_id INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE,
  polling_district TEXT NOT NULL,
  -- Every address line and the postcode, normalised: what makes electors one household (one
  -- household per key and area, kept so by the import).
  address_key TEXT NOT NULL,
  street TEXT NOT NULL,
  -- Leading number of the house (12 for 12A); NULL for named houses.
  house_number INTEGER,
  -- The house as written: '12A', '12-14', 'Rose Cottage'.
  house TEXT NOT NULL,
  flat TEXT NOT NULL,
  -- Address lines joined by newlines, as on the register.
  address_lines TEXT NOT NULL,
  postcode TEXT NOT NULL,
  -- Position in walk order within the area (street, house number, house, flat).
  walk_seq INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
INSERT INTO households_rebuilt (id, area_id, polling_district, address_key, street, house_number, house, flat, address_lines, postcode, walk_seq, created_at, updated_at)
  SELECT id, area_id, polling_district, address_key, street, house_number, house, flat, address_lines, postcode, walk_seq, created_at, updated_at FROM households;
DROP TABLE households;
ALTER TABLE households_rebuilt RENAME TO households;
CREATE INDEX households_walk ON households (area_id, polling_district, walk_seq);

UPDATE electors SET household_id = l.household_id FROM household_links l WHERE l.id = electors.id;
DROP TABLE household_links;
