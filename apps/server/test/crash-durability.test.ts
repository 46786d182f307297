/**
 * The fault test: the real server process takes uploads in a loop, is SIGKILLed mid-stream, restarts on the same
 * data, and must still hold every upload it acknowledged with a 2xx (scripts/fault-test.ts repeats it and prints).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPostgresDatabase } from './backends.js';
import { resultDocument } from './documents.js';
import { kill, type ServerProcess, startServer } from './server-process.js';
import { missingUploads, uploadLoop } from './upload-loop.js';

const RATE = { RATE_BURST: '1000000', RATE_PER_SECOND: '1000000' };
/** Acknowledged uploads to wait for before the kill. */
const BEFORE_KILL = 60;

const setups: { name: string; env: () => Promise<Record<string, string>> }[] = [
  { name: 'PGlite', env: async () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'cliffbench-crash-')) }) },
  { name: 'PostgreSQL', env: async () => ({ DATABASE_URL: await freshPostgresDatabase() }) },
];

describe.each(setups)('a SIGKILLed server on $name', ({ name, env: makeEnv }) => {
  const dirs: string[] = [];
  let server: ServerProcess | undefined;
  afterAll(async () => {
    if (server) await kill(server);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('keeps every upload it acknowledged', async () => {
    const env: Record<string, string> = { ...(await makeEnv()), ...RATE };
    if (env.DATA_DIR) dirs.push(env.DATA_DIR);
    server = await startServer(env);
    const loop = uploadLoop(server.base, 0);
    // Kill once a good number of uploads have been acknowledged, while more are in flight.
    const deadline = Date.now() + 15_000;
    while (loop.acknowledged.size < BEFORE_KILL && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
    }
    await kill(server);
    const { acknowledged, failures } = await loop.stop();
    console.info(`${name}: ${acknowledged.size} uploads acknowledged, ${failures} cut off by SIGKILL`);
    expect(acknowledged.size).toBeGreaterThanOrEqual(BEFORE_KILL);
    expect(failures).toBeGreaterThan(0); // uploads were in flight when it died

    server = await startServer(env);
    expect(await missingUploads(server.base, acknowledged)).toEqual([]);
    const health = (await (await fetch(`${server.base}/healthz`)).json()) as { results: number };
    // Uploads whose reply was lost may also be there; none acknowledged may be missing.
    expect(health.results).toBeGreaterThanOrEqual(acknowledged.size);
    // And it takes new uploads after the crash.
    const after = await fetch(`${server.base}/api/results`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(resultDocument({ n: 1_000_000 })),
    });
    expect(after.status).toBe(201);
  });
});
