-- One row identifying this Gitfleet installation; agents and audit records can name it later.
CREATE TABLE installation (
    id           uuid        PRIMARY KEY,
    installed_at timestamptz NOT NULL DEFAULT now(),
    singleton    boolean     NOT NULL DEFAULT true UNIQUE CHECK (singleton)
);

INSERT INTO installation (id) VALUES (gen_random_uuid());
