-- One end user's Idempotency-Key must not block another's: keys are scoped per organization,
-- environment and end user (the X-End-User-Id header; '' for calls that name none).
ALTER TABLE idempotency_keys ADD COLUMN end_user_id text NOT NULL DEFAULT '';
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD PRIMARY KEY (organization_id, environment, end_user_id, idempotency_key);
