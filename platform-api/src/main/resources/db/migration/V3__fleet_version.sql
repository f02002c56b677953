-- Bumped in the same transaction as every change to what agents must run (assignments, sources, revisions).
-- Desired-state caches are keyed by it, so a read after a committed change never sees the state before it,
-- on any replica, whatever the delay of the NOTIFY that wakes long-polls.
CREATE TABLE fleet_version (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version   bigint  NOT NULL
);
INSERT INTO fleet_version (version) VALUES (0);
