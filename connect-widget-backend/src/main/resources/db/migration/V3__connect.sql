-- Connect tokens (ct_…) and OAuth authorization states. Both are bearer secrets that pass through
-- browsers, so only their SHA-256 is stored: a database leak hands out nothing usable.

-- A ct_ token lets one end user of one organization and environment use the Connect widget for a
-- few minutes. It serves every step of one widget session (listing providers, starting OAuth,
-- submitting an API token), so it is not single-use; last_used_at records when it last did.
CREATE TABLE connect_tokens (
    id               uuid PRIMARY KEY,
    token_hash       bytea NOT NULL UNIQUE,
    organization_id  uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    environment      text NOT NULL CHECK (environment IN ('live', 'test')),
    end_user_id      uuid NOT NULL REFERENCES end_users (id) ON DELETE CASCADE,
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL,
    last_used_at     timestamptz
);
CREATE INDEX connect_tokens_by_expiry ON connect_tokens (expires_at);

-- One OAuth authorization in flight: single use (consumed_at is set by the callback that takes
-- it), bound to the connect token that started it, its organization, end user and provider, and
-- to the browser that started it (browser_binding_hash: SHA-256 of a cookie set on that
-- browser). code_verifier is the PKCE verifier sealed with AES-256-GCM under the master key
-- (nonce || ciphertext+tag, bound to the row id); null when the provider takes no PKCE.
CREATE TABLE oauth_states (
    id                    uuid PRIMARY KEY,
    state_hash            bytea NOT NULL UNIQUE,
    browser_binding_hash  bytea NOT NULL,
    connect_token_id      uuid NOT NULL REFERENCES connect_tokens (id) ON DELETE CASCADE,
    organization_id       uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    environment           text NOT NULL CHECK (environment IN ('live', 'test')),
    end_user_id           uuid NOT NULL REFERENCES end_users (id) ON DELETE CASCADE,
    provider              text NOT NULL,
    code_verifier         bytea,
    created_at            timestamptz NOT NULL DEFAULT now(),
    expires_at            timestamptz NOT NULL,
    consumed_at           timestamptz
);
CREATE INDEX oauth_states_by_expiry ON oauth_states (expires_at);
