CREATE TABLE smoke_cluster (name text PRIMARY KEY, labels jsonb NOT NULL);
