/**
 * Fault test, printed: for PGlite (a temp data directory) and PostgreSQL (DATABASE_URL, else a throwaway cluster
 * with fsync on), CYCLES times: start the real server, upload from 4 clients, SIGKILL it at a varying moment
 * mid-stream, restart on the same data and check that every upload acknowledged with a 2xx in any cycle so far
 * is there, unchanged. Exits 1 when one is missing. Run: `npm run fault-test` (inside apps/server).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../test/postgres-cluster.js';
import { kill, startServer } from '../test/server-process.js';
import { missingUploads, uploadLoop } from '../test/upload-loop.js';

const CYCLES = Number(process.env.CYCLES ?? 3);
const RATE = { RATE_BURST: '1000000', RATE_PER_SECOND: '1000000' };

/** Runs the kill cycles on one database; returns how many acknowledged uploads went missing. */
async function cycles(name: string, env: Record<string, string>): Promise<number> {
  const acknowledged = new Map<string, number>();
  let missingTotal = 0;
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    const server = await startServer({ ...env, ...RATE });
    const loop = uploadLoop(server.base, cycle * 1_000_000);
    // Kill after a different number of acknowledgements each cycle, while uploads are in flight.
    const target = 20 + ((cycle * 37) % 80);
    const deadline = Date.now() + 20_000;
    while (loop.acknowledged.size < target && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    await kill(server);
    const result = await loop.stop();
    for (const [id, n] of result.acknowledged) acknowledged.set(id, n);

    const restarted = await startServer({ ...env, ...RATE });
    const started = performance.now();
    const missing = await missingUploads(restarted.base, acknowledged);
    const checkSeconds = (performance.now() - started) / 1000;
    const { results } = (await (await fetch(`${restarted.base}/healthz`)).json()) as { results: number };
    await kill(restarted);
    missingTotal += missing.length;
    console.log(
      `${name.padEnd(10)} cycle ${cycle}: ${String(result.acknowledged.size).padStart(3)} acknowledged, ` +
        `${String(result.failures).padStart(2)} cut off by SIGKILL; after restart ${results} rows, ` +
        `${acknowledged.size} acknowledged so far, ${missing.length} missing (checked in ${checkSeconds.toFixed(2)} s)`,
    );
  }
  return missingTotal;
}

console.log(`fault test: ${CYCLES} SIGKILL cycles per database, 4 concurrent uploaders`);
let missing = 0;
const dir = mkdtempSync(join(tmpdir(), 'cliffbench-fault-'));
try {
  missing += await cycles('PGlite', { DATA_DIR: dir });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const cluster = process.env.DATABASE_URL ? undefined : await startPostgres({ fsync: true });
try {
  missing += await cycles('PostgreSQL', { DATABASE_URL: process.env.DATABASE_URL ?? cluster?.url ?? '' });
} finally {
  cluster?.stop();
}
console.log(missing === 0 ? 'every acknowledged upload survived' : `${missing} acknowledged uploads MISSING`);
process.exitCode = missing === 0 ? 0 : 1;
