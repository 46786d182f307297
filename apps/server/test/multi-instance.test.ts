/**
 * Two server processes on one PostgreSQL database behave as one: the rate limit (buckets in the database,
 * src/shared-rate-limit), dedupe (the content-hash unique key) and the community aggregates hold across them.
 * Also the shared bucket on both databases in-process, including concurrent takes.
 */
import { readFileSync } from 'node:fs';
import type { CommunityCalibration, LlamaBenchRunInput, ResultDocument } from '@cliffbench/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { type Backend, backends, freshPostgresDatabase, openedBackend } from './backends.js';
import { resultDocument } from './documents.js';
import { kill, type ServerProcess, startServer } from './server-process.js';

const fixture = new URL('../../../packages/core/src/result/fixtures/llama-bench-4090.json', import.meta.url);
const benchRuns = JSON.parse(readFileSync(fixture, 'utf8')) as LlamaBenchRunInput[];
const withRuns = (n: number): ResultDocument =>
  ({
    ...resultDocument({ n, claimedDevice: { deviceId: 'geforce-rtx-4090', name: 'RTX 4090' } }),
    llamaCpp: { benchRuns },
  }) as ResultDocument;

describe.each(backends)('the database rate limit on $name', (backend: Backend) => {
  const opened = openedBackend(backend);
  it('holds one bucket per client across apps on the same database, also under concurrent requests', async () => {
    const make = () =>
      createApp({
        db: opened.db,
        rateStore: 'database',
        rateLimit: { burst: 10, perSecond: 0.01 },
        clientKey: (c) => c.req.header('x-test-client') ?? '',
      });
    const [a, b] = [make(), make()];
    const get = (app: ReturnType<typeof make>, client: string) =>
      app.request('/api/devices', { headers: { 'x-test-client': client } });
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => get(i % 2 ? a : b, 'c1')));
    expect(statuses.filter((r) => r.status === 200)).toHaveLength(10);
    expect(statuses.filter((r) => r.status === 429)).toHaveLength(10);
    expect((await get(a, 'c2')).status).toBe(200);
  });
});

describe('two server processes on one PostgreSQL database', () => {
  let servers: ServerProcess[] = [];
  beforeAll(async () => {
    const url = await freshPostgresDatabase();
    const env = { DATABASE_URL: url, RATE_BURST: '40', RATE_PER_SECOND: '0.01' };
    // The first applies the migrations; the second finds them applied.
    servers = [await startServer(env)];
    servers.push(await startServer(env));
  }, 90_000);
  afterAll(async () => {
    for (const s of servers) await kill(s);
  });

  it('share the rate limit, dedupe and the community aggregates', async () => {
    const [one, two] = servers as [ServerProcess, ServerProcess];
    const post = (s: ServerProcess, doc: unknown) =>
      fetch(`${s.base}/api/results`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(doc),
      });
    // Dedupe: the same document through both processes is stored once.
    const first = await post(one, withRuns(1));
    const again = await post(two, withRuns(1));
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(((await again.json()) as { id: string }).id).toBe(((await first.json()) as { id: string }).id);
    // Aggregates: a run uploaded through one process is counted by the other.
    const cal = (await (
      await fetch(`${two.base}/api/calibration/geforce-rtx-4090`)
    ).json()) as CommunityCalibration;
    expect(cal.decodeEta.all?.runs).toBe(1);
    // Rate limit: 40 tokens for this client across both processes; uploads cost 5 (2 spent on 10 tokens).
    // 30 tokens remain: alternating reads between the processes, 30 pass and the rest are refused.
    const codes: number[] = [];
    for (let i = 0; i < 40; i++) codes.push((await fetch(`${(i % 2 ? one : two).base}/api/devices`)).status);
    const passed = codes.filter((c) => c === 200).length;
    console.log(
      `two processes, one PostgreSQL: ${passed} of 40 reads passed, ${codes.length - passed} refused (burst 40, 10 spent on uploads, 1 on a read)`,
    );
    expect(passed).toBe(29);
    expect(codes.slice(29).every((c) => c === 429)).toBe(true);
  });
});

describe('two processes with RATE_STORE=memory (the contrast)', () => {
  let servers: ServerProcess[] = [];
  beforeAll(async () => {
    const env = {
      DATABASE_URL: await freshPostgresDatabase(),
      RATE_BURST: '40',
      RATE_PER_SECOND: '0.01',
      RATE_STORE: 'memory',
    };
    servers = [await startServer(env)];
    servers.push(await startServer(env));
  }, 90_000);
  afterAll(async () => {
    for (const s of servers) await kill(s);
  });

  it('let each process spend its own bucket', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 100; i++) codes.push((await fetch(`${servers[i % 2]?.base}/api/devices`)).status);
    const passed = codes.filter((c) => c === 200).length;
    console.log(`two processes, buckets in memory: ${passed} of 100 reads passed (burst 40 each)`);
    expect(passed).toBe(80);
  });
});
