-- The sandbox provider's own storage: every record of every sandbox connection, as unified fields.

-- A row here means the connection's sample data has been written; inserting it is what makes
-- seeding happen exactly once when several first requests race.
CREATE TABLE sandbox_seeds (
    connection_id  uuid PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
    seeded_at      timestamptz NOT NULL DEFAULT now()
);

-- data holds the unified fields (custom_fields included); id, timestamps and provider are columns.
-- seq gives lists a stable order that survives updates.
CREATE TABLE sandbox_records (
    connection_id  uuid NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    resource       text NOT NULL,
    id             text NOT NULL,
    seq            bigserial NOT NULL,
    data           jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    PRIMARY KEY (connection_id, resource, id)
);
CREATE UNIQUE INDEX sandbox_records_by_position ON sandbox_records (connection_id, resource, seq);
CREATE INDEX sandbox_records_by_modification ON sandbox_records (connection_id, resource, updated_at);
