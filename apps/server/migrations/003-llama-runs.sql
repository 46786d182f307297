-- llama.cpp runs of uploaded results (schema version 3), one row per physics-checked run matched to a catalog
-- model and device, with what the server's estimator predicted for it at upload time; and the source (a salted
-- hash of the uploader's client address) of every result, so community aggregates count each uploader once.
ALTER TABLE results ADD COLUMN source_hash text;
CREATE TABLE llama_runs (
  result_id text NOT NULL REFERENCES results (id) ON DELETE CASCADE,
  run_index integer NOT NULL,
  source_hash text,
  device_id text NOT NULL,
  backend text NOT NULL,
  vendor text NOT NULL,
  model_id text NOT NULL,
  quant text NOT NULL,
  kind text NOT NULL,
  n_prompt integer NOT NULL,
  n_gen integer NOT NULL,
  n_depth integer NOT NULL,
  n_ubatch integer NOT NULL,
  flash_attn text NOT NULL,
  type_k text NOT NULL,
  build_number integer NOT NULL,
  build_commit text NOT NULL,
  measured_ts double precision NOT NULL,
  predicted_ts double precision,
  efficiency double precision,
  eta double precision,
  spec_gbs double precision,
  webgpu_gbs double precision,
  PRIMARY KEY (result_id, run_index)
);
CREATE INDEX llama_runs_by_device ON llama_runs (device_id);
CREATE INDEX llama_runs_by_model ON llama_runs (model_id, quant, kind);
-- One random salt per database, made once: every server process on the database hashes sources alike.
CREATE TABLE source_salt (id integer PRIMARY KEY CHECK (id = 1), salt text NOT NULL);
INSERT INTO source_salt (id, salt)
  VALUES (1, md5(random()::text || clock_timestamp()::text) || md5(random()::text || clock_timestamp()::text));
