-- Result documents: one row per distinct document (content_hash), summary columns for listing and statistics.
-- uploaded_at is truncated to milliseconds so pagination cursors (ISO strings) compare exactly.
CREATE TABLE results (
  id text PRIMARY KEY,
  content_hash text NOT NULL UNIQUE,
  delete_token_hash text NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', clock_timestamp()),
  run_at timestamptz NOT NULL,
  device text NOT NULL,
  device_id text,
  vendor text NOT NULL,
  browser text NOT NULL,
  mode text NOT NULL,
  bandwidth_gbs double precision NOT NULL,
  document text NOT NULL
);
CREATE INDEX results_by_upload ON results (uploaded_at DESC, id DESC);
CREATE INDEX results_by_bandwidth ON results (bandwidth_gbs DESC, id DESC);
CREATE INDEX results_by_device ON results (lower(device));
