-- The rest of an assignment's sync policy (issue 4): take fields over from other managers, accept an empty render
-- that prunes everything, and fields left to others (JSON pointers per object selector). The rules are a JSON
-- object, not an array, because Hibernate Reactive binds JSON columns only as objects.
ALTER TABLE assignment
    ADD COLUMN force        boolean NOT NULL DEFAULT false,
    ADD COLUMN allow_empty  boolean NOT NULL DEFAULT false,
    ADD COLUMN ignore_rules jsonb   NOT NULL DEFAULT '{"rules":[]}';
