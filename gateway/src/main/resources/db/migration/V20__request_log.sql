-- Every API call and admin change, written in batches off the request path and purged after
-- ROUTEMCP_REQUEST_LOG_DAYS. No foreign keys: the log must never make a request or a deletion fail.
CREATE TABLE request_log (
    id               bigserial PRIMARY KEY,
    recorded_at      timestamptz NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('api', 'admin')),
    organization_id  uuid,
    environment      text,
    api_key_id       text,
    end_user_id      text,
    method           text NOT NULL,
    route            text,
    resource         text,
    provider         text,
    connection_id    text,
    status           integer NOT NULL,
    error_code       text,
    latency_ms       integer NOT NULL,
    request_id       text
);
CREATE INDEX request_log_by_tenant ON request_log (organization_id, environment, id DESC);
CREATE INDEX request_log_by_age ON request_log (recorded_at);
