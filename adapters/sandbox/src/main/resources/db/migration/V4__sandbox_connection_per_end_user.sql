-- Every test-environment end user has exactly one sandbox connection, created by whichever
-- gateway node sees the end user first.
CREATE UNIQUE INDEX connections_one_sandbox_per_end_user ON connections (end_user_id) WHERE provider = 'sandbox';
