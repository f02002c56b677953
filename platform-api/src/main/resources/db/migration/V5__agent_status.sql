-- Agent status (issue 5): the latest status per (cluster, assignment), a bounded history of changes, and per
-- cluster the last accepted sequence number, so a replayed or older message changes nothing.
ALTER TABLE cluster
    ADD COLUMN last_sequence bigint      NOT NULL DEFAULT 0,
    ADD COLUMN last_seen_at  timestamptz;

CREATE TABLE assignment_status (
    cluster_id       uuid        NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,
    assignment_id    uuid        NOT NULL REFERENCES assignment (id) ON DELETE CASCADE,
    sequence         bigint      NOT NULL,
    generation       bigint      NOT NULL,
    desired_revision text,
    applied_revision text,
    phase            text        NOT NULL,
    health           text        NOT NULL,
    message          text,
    inventory        jsonb       NOT NULL,
    drift            jsonb       NOT NULL,
    drifted_objects  integer     NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz,
    received_at      timestamptz NOT NULL,
    PRIMARY KEY (cluster_id, assignment_id)
);
CREATE INDEX assignment_status_assignment ON assignment_status (assignment_id);

CREATE TABLE status_event (
    id            bigserial   PRIMARY KEY,
    cluster_id    uuid        NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,
    assignment_id uuid        REFERENCES assignment (id) ON DELETE CASCADE,
    at            timestamptz NOT NULL,
    kind          text        NOT NULL,
    from_value    text,
    to_value      text,
    detail        jsonb
);
CREATE INDEX status_event_cluster ON status_event (cluster_id, id DESC);
CREATE INDEX status_event_assignment ON status_event (assignment_id, id DESC) WHERE assignment_id IS NOT NULL;
