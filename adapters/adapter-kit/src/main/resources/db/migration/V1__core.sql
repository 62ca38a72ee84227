-- The tables every module reads. Each module adds its own migrations:
-- V1 core (adapter-kit), V2 sandbox, V3 connect, V4+ gateway.

CREATE TABLE organizations (
    id                     uuid PRIMARY KEY,
    name                   text NOT NULL UNIQUE,
    rate_limit_per_minute  integer NOT NULL DEFAULT 100 CHECK (rate_limit_per_minute > 0),
    created_at             timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    environment      text NOT NULL CHECK (environment IN ('live', 'test')),
    name             text,
    prefix           text NOT NULL,
    key_hash         bytea NOT NULL UNIQUE,
    created_at       timestamptz NOT NULL DEFAULT now(),
    revoked_at       timestamptz
);
CREATE INDEX api_keys_by_org ON api_keys (organization_id);
CREATE INDEX api_keys_by_revocation ON api_keys (revoked_at) WHERE revoked_at IS NOT NULL;

CREATE TABLE end_users (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    environment      text NOT NULL CHECK (environment IN ('live', 'test')),
    external_id      text NOT NULL,
    display_name     text,
    email            text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organization_id, environment, external_id)
);

-- credentials: AES-256-GCM, a 12-byte nonce followed by the ciphertext and tag, under a master key
-- that never lives in the database. Sandbox connections have none.
CREATE TABLE connections (
    id                uuid PRIMARY KEY,
    organization_id   uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    environment       text NOT NULL CHECK (environment IN ('live', 'test')),
    end_user_id       uuid NOT NULL REFERENCES end_users (id) ON DELETE CASCADE,
    provider          text NOT NULL,
    auth_type         text NOT NULL CHECK (auth_type IN ('oauth2', 'api_key', 'none')),
    status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'needs_reauth')),
    credentials       bytea,
    token_expires_at  timestamptz,
    metadata          jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX connections_by_end_user ON connections (organization_id, environment, end_user_id);

-- Secrets every node must share (e.g. the cursor-signing key), generated on first start.
CREATE TABLE server_secrets (
    name        text PRIMARY KEY,
    secret      bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
