-- Sample data is written per (connection, resource) on the first access of that resource, not all
-- at once; a row here means that resource's sample data has been written, and inserting it is what
-- makes seeding happen exactly once when several first requests race.
CREATE TABLE sandbox_seeded_resources (
    connection_id  uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    resource       text NOT NULL,
    PRIMARY KEY (connection_id, resource)
);

-- Connections seeded before hold every resource already.
INSERT INTO sandbox_seeded_resources (connection_id, resource)
SELECT s.connection_id, r.resource
FROM sandbox_seeds s
CROSS JOIN unnest(ARRAY['contact', 'lead', 'deal', 'meeting', 'company', 'note', 'task', 'activity', 'appointment',
                        'owner', 'pipeline']) AS r (resource);

-- When the sandbox last served the connection, to the hour or so: the idle purge reads it.
CREATE TABLE sandbox_last_use (
    connection_id  uuid PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
    used_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sandbox_last_use_by_time ON sandbox_last_use (used_at);

INSERT INTO sandbox_last_use (connection_id, used_at) SELECT connection_id, seeded_at FROM sandbox_seeds;

DROP TABLE sandbox_seeds;
