-- Agent status rewrites two rows per message (the cluster's sequence/last-seen, the placement's status), at
-- thousands of messages a second. With free room in each page PostgreSQL updates them in place (HOT: no new
-- entry in any index, the GIN label index included) instead of writing a new row version plus an entry in every
-- index. Takes effect for pages written from now on; nothing is rewritten.
ALTER TABLE cluster SET (fillfactor = 70);
ALTER TABLE assignment_status SET (fillfactor = 60, autovacuum_vacuum_scale_factor = 0.02,
    autovacuum_vacuum_insert_scale_factor = 0.05);

-- When the status last read differently (not merely reported again): "Degraded since 10:02", and live views are
-- told only about real changes.
ALTER TABLE assignment_status ADD COLUMN changed_at timestamptz NOT NULL DEFAULT now();

-- A digest of what a report says (not when it ran): a resync that repeats the stored status is recognised by it and
-- only moves the sequence and the report times, without sending or parsing its inventory again.
ALTER TABLE assignment_status ADD COLUMN digest bytea;
