-- Every change of a SKU's row counts up its version, so an administrator's absolute "set available to N" applies
-- only to the state it was read from (compare-and-set): a reservation, release or sale in between is a conflict to
-- look at, never silently overwritten.
ALTER TABLE stock ADD COLUMN version bigint NOT NULL DEFAULT 0;
