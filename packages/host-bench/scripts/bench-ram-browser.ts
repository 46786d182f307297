/**
 * `npm run bench:ram:browser -w @cliffbench/host-bench [-- --isolated] [-- --plan JSON] [-- --json FILE]`:
 * bundles the RAM benchmark with esbuild, serves it from a throwaway local server (with COOP/COEP headers
 * when --isolated, so SharedArrayBuffer and the Atomics barrier are available) and runs it in headless
 * Chromium (CHROMIUM, default /usr/bin/chromium), printing the same figures as `bench:ram`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RamSection } from '@cliffbench/core';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { formatRamSection } from './format-ram.js';

const { values } = parseArgs({
  options: { isolated: { type: 'boolean' }, plan: { type: 'string' }, json: { type: 'string' } },
});
const out = mkdtempSync(join(tmpdir(), 'cliffbench-ram-'));
await build({
  entryPoints: {
    page: new URL('browser/page.ts', import.meta.url).pathname,
    worker: new URL('browser/worker.ts', import.meta.url).pathname,
  },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  conditions: ['source'],
  // Core's GGUF reader loads Node's file API lazily; split chunks keep that import out of the page's path.
  splitting: true,
  external: ['fs', 'fs/promises', 'stream', 'url'],
  outdir: out,
  logLevel: 'warning',
});
writeFileSync(
  join(out, 'index.html'),
  '<!doctype html><meta charset="utf-8"><title>RAM</title><script type="module" src="page.js"></script>',
);

const types: Record<string, string> = { html: 'text/html', js: 'text/javascript' };
const server = createServer((request, response) => {
  const name = new URL(request.url ?? '/', 'http://localhost').pathname.slice(1) || 'index.html';
  if (!/^[\w.-]+\.(html|js)$/.test(name) || name.includes('..')) return void response.writeHead(404).end();
  const headers: Record<string, string> = {
    'content-type': types[name.split('.')[1] ?? 'html'] ?? 'text/plain',
  };
  if (values.isolated) {
    headers['cross-origin-opener-policy'] = 'same-origin';
    headers['cross-origin-embedder-policy'] = 'require-corp';
  }
  response.writeHead(200, headers).end(readFileSync(join(out, name)));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage();
  page.on('console', (message) => process.stderr.write(`${message.text()}\n`));
  const plan = encodeURIComponent(values.plan ?? '{}');
  await page.goto(`http://127.0.0.1:${port}/index.html?plan=${plan}`);
  const result = (await page.evaluate(() => window.ramResult)) as
    | { ram?: RamSection; error?: string }
    | undefined;
  if (result?.ram === undefined)
    throw new Error(`the benchmark failed in the page: ${result?.error ?? 'no result'}`);
  console.log(`${await browser.version()} — cross-origin isolated: ${Boolean(values.isolated)}`);
  console.log(formatRamSection(result.ram).join('\n'));
  if (values.json) writeFileSync(values.json, `${JSON.stringify(result.ram, null, 2)}\n`);
} finally {
  await browser.close();
  server.close();
  rmSync(out, { recursive: true, force: true });
}
