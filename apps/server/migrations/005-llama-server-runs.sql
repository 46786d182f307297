-- llama-server timings count in the community aggregates beside llama-bench runs: each row says where it came
-- from (a timing's decode and prompt parts are numbered apart from the bench runs), and prompt runs keep their
-- scenario (JSON) so their prefill efficiency can be measured against the estimate with the community η.
-- The code step (db/migrate.ts) re-derives the rows of every stored result from its document.
ALTER TABLE llama_runs ADD COLUMN origin text NOT NULL DEFAULT 'llama-bench';
ALTER TABLE llama_runs ADD COLUMN scenario text;
ALTER TABLE llama_runs DROP CONSTRAINT llama_runs_pkey;
ALTER TABLE llama_runs ADD PRIMARY KEY (result_id, origin, run_index);
