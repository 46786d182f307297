-- The browser column holds the browser's name without version (core's resultBrowser): migrate.ts re-derives
-- every stored row's browser from its document after this file runs. The list filter compares lower(browser).
CREATE INDEX results_by_browser ON results (lower(browser));
