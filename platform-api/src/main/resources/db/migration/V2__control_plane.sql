-- The control plane's domain (design §2). Names follow Kubernetes DNS-1123 label rules and are checked by the API;
-- the constraints here are the last line of defence, not the source of error messages.

CREATE TABLE tenant (
    id           uuid         PRIMARY KEY,
    name         varchar(63)  NOT NULL UNIQUE,
    display_name varchar(200),
    -- Namespace names or glob patterns ("team-a-*") the tenant's assignments may deploy into.
    namespaces   text[]       NOT NULL DEFAULT '{}',
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    version      bigint       NOT NULL DEFAULT 0
);

CREATE TABLE cluster (
    id                    uuid        PRIMARY KEY,
    name                  varchar(63) NOT NULL UNIQUE,
    labels                jsonb       NOT NULL DEFAULT '{}',
    state                 varchar(16) NOT NULL CHECK (state IN ('Pending', 'Connected', 'Offline', 'Revoked')),
    -- Part of the agent credential's MAC input: bumping it kills every credential issued before.
    credential_generation integer     NOT NULL DEFAULT 0,
    agent_version         varchar(100),
    kubernetes_version    varchar(100),
    registered_at         timestamptz,
    last_heartbeat_at     timestamptz,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    version               bigint      NOT NULL DEFAULT 0
);
-- Label selectors become @>, ? and ->> predicates; the GIN index serves the first two.
CREATE INDEX cluster_labels ON cluster USING gin (labels);
CREATE INDEX cluster_state_name ON cluster (state, name);

CREATE TABLE registration_token (
    id         uuid        PRIMARY KEY,
    cluster_id uuid        NOT NULL REFERENCES cluster (id) ON DELETE CASCADE,
    -- SHA-256 of the token: the token itself is shown once and never stored.
    token_hash char(64)    NOT NULL UNIQUE,
    created_by varchar(255) NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz
);

CREATE TABLE git_source (
    id                    uuid         PRIMARY KEY,
    tenant_id             uuid         NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    name                  varchar(63)  NOT NULL,
    url                   varchar(2048) NOT NULL,
    ref                   varchar(255) NOT NULL,
    credential_kind       varchar(16),
    credential_username   varchar(255),
    -- AES-GCM: 12-byte nonce || ciphertext || tag, key derived from gitfleet.secrets.master-key.
    credential_ciphertext bytea,
    poll_interval_seconds integer      NOT NULL,
    resolved_revision     varchar(64),
    resolved_at           timestamptz,
    last_error            text,
    next_poll_at          timestamptz  NOT NULL,
    created_at            timestamptz  NOT NULL,
    updated_at            timestamptz  NOT NULL,
    version               bigint       NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, name)
);
CREATE INDEX git_source_next_poll ON git_source (next_poll_at);

CREATE TABLE assignment (
    id              uuid         PRIMARY KEY,
    tenant_id       uuid         NOT NULL REFERENCES tenant (id) ON DELETE RESTRICT,
    source_id       uuid         NOT NULL REFERENCES git_source (id) ON DELETE RESTRICT,
    name            varchar(63)  NOT NULL,
    path            varchar(512) NOT NULL,
    namespace       varchar(63)  NOT NULL,
    selector        jsonb        NOT NULL,
    prune           boolean      NOT NULL,
    self_heal       boolean      NOT NULL,
    suspended       boolean      NOT NULL,
    substitutions   jsonb        NOT NULL DEFAULT '{}',
    pinned_revision varchar(64),
    generation      bigint       NOT NULL DEFAULT 1,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    version         bigint       NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, name)
);
CREATE INDEX assignment_source ON assignment (source_id);

CREATE TABLE role_binding (
    id           uuid         PRIMARY KEY,
    subject_kind varchar(8)   NOT NULL CHECK (subject_kind IN ('group', 'user')),
    subject      varchar(255) NOT NULL,
    role         varchar(32)  NOT NULL CHECK (role IN ('platform-admin', 'tenant-admin', 'tenant-member', 'viewer')),
    -- NULL: platform scope.
    tenant_id    uuid         REFERENCES tenant (id) ON DELETE CASCADE,
    created_by   varchar(255) NOT NULL,
    created_at   timestamptz  NOT NULL
);
-- One binding per subject, role and scope; the zero UUID stands for platform scope (PostgreSQL 14 has no
-- UNIQUE NULLS NOT DISTINCT).
CREATE UNIQUE INDEX role_binding_unique ON role_binding
    (subject_kind, subject, role, coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'));

CREATE TABLE audit_event (
    id          bigserial    PRIMARY KEY,
    at          timestamptz  NOT NULL,
    actor       varchar(255) NOT NULL,
    action      varchar(64)  NOT NULL,
    outcome     varchar(16)  NOT NULL CHECK (outcome IN ('success', 'denied')),
    target_type varchar(32)  NOT NULL,
    target_id   varchar(255),
    target_name varchar(255),
    -- No foreign key: the record of a tenant's objects outlives the tenant.
    tenant_id   uuid,
    summary     jsonb        NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_event_at ON audit_event (at DESC, id DESC);
CREATE INDEX audit_event_tenant ON audit_event (tenant_id, at DESC);

-- Append-only for everyone, including the application's own database user.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

CREATE TABLE bootstrap_admin (
    singleton     boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    -- PBKDF2-HMAC-SHA256: iterations$salt$hash, all base64.
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL
);
