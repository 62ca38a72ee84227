-- Idempotency-Key reservations and the first response to each, kept 24 hours, per organization
-- and environment.
CREATE TABLE idempotency_keys (
    organization_id   uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    environment       text NOT NULL CHECK (environment IN ('live', 'test')),
    idempotency_key   text NOT NULL,
    fingerprint       bytea NOT NULL,
    status            text NOT NULL CHECK (status IN ('in_flight', 'done')),
    response_status   integer,
    response_body     jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, environment, idempotency_key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
