-- Token buckets of the rate limit, shared by every server process on one PostgreSQL database. Keyed by the
-- salted hash of the client key (never the address itself); rows idle for an hour are deleted.
CREATE TABLE rate_buckets (
  key_hash text PRIMARY KEY,
  tokens double precision NOT NULL,
  at timestamptz NOT NULL,
  allowed boolean NOT NULL
);
CREATE INDEX rate_buckets_by_time ON rate_buckets (at);
