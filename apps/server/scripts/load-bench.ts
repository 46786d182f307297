/**
 * Load benchmark on loopback: the real HTTP server (createApp on @hono/node-server) over PGlite in a temp
 * directory and over PostgreSQL (DATABASE_URL, else a throwaway cluster with fsync on), each driven by a few
 * concurrent clients. Bounded: at most UPLOADS uploads and READS reads, and at most SECONDS per phase.
 * Prints uploads/s, reads/s and p50/p99 latency. Run: `npx tsx --conditions=source scripts/load-bench.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../src/app.js';
import type { Db } from '../src/db/db.js';
import { openPglite } from '../src/db/pglite-db.js';
import { openPostgres } from '../src/db/postgres-db.js';
import { resultDocument } from '../test/documents.js';
import { startPostgres } from '../test/postgres-cluster.js';

const UPLOADS = Number(process.env.UPLOADS ?? 400);
const READS = Number(process.env.READS ?? 2000);
const SECONDS = Number(process.env.SECONDS ?? 20);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);

interface Phase {
  readonly count: number;
  readonly seconds: number;
  readonly latenciesMs: number[];
}

/** Runs `task(i)` for i < total with `CONCURRENCY` workers until done or `SECONDS` pass. */
async function phase(total: number, task: (i: number) => Promise<void>): Promise<Phase> {
  const latenciesMs: number[] = [];
  const start = performance.now();
  const deadline = start + SECONDS * 1000;
  let next = 0;
  const worker = async () => {
    while (next < total && performance.now() < deadline) {
      const i = next++;
      const t = performance.now();
      await task(i);
      latenciesMs.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { count: latenciesMs.length, seconds: (performance.now() - start) / 1000, latenciesMs };
}

const percentile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};

async function bench(name: string, db: Db): Promise<void> {
  const app = createApp({ db, rateLimit: { burst: 1e9, perSecond: 1e9 } });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ids: string[] = [];
  const offset = Date.now() % 1e9;
  const uploads = await phase(UPLOADS, async (i) => {
    const res = await fetch(`${base}/api/results`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(resultDocument({ n: offset + i, bandwidthGBs: 100 + (i % 50) * 10 })),
    });
    if (res.status !== 201) throw new Error(`upload answered ${res.status}`);
    ids.push(((await res.json()) as { id: string }).id);
  });
  const reads = await phase(READS, async (i) => {
    const url = i % 4 === 3 ? '/api/results?limit=20&sort=bandwidth' : `/api/results/${ids[i % ids.length]}`;
    const res = await fetch(`${base}${url}`);
    if (res.status !== 200) throw new Error(`read answered ${res.status}`);
    await res.arrayBuffer();
  });
  await new Promise((r) => server.close(r));
  const line = (what: string, p: Phase) =>
    `${name.padEnd(10)} ${what.padEnd(7)} ${String(p.count).padStart(5)} in ${p.seconds.toFixed(2)} s = ${(p.count / p.seconds).toFixed(0).padStart(5)}/s  p50 ${percentile(p.latenciesMs, 0.5).toFixed(1)} ms  p99 ${percentile(p.latenciesMs, 0.99).toFixed(1)} ms`;
  console.log(line('uploads', uploads));
  console.log(line('reads', reads));
}

console.log(
  `load bench: ${CONCURRENCY} concurrent clients, ≤${UPLOADS} uploads, ≤${READS} reads (¾ by id, ¼ list), ≤${SECONDS} s per phase`,
);
const dir = mkdtempSync(join(tmpdir(), 'cliffbench-load-'));
try {
  const lite = await openPglite(dir);
  await bench('PGlite', lite);
  await lite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const cluster = process.env.DATABASE_URL ? undefined : await startPostgres({ fsync: true });
try {
  const pgDb = await openPostgres(process.env.DATABASE_URL ?? cluster?.url ?? '');
  await bench('PostgreSQL', pgDb);
  await pgDb.close();
} finally {
  cluster?.stop();
}
