/**
 * llama-server timings in the community aggregates, and the one prefill-efficiency convention, on PGlite and
 * PostgreSQL: uploaded timings become decode and prompt rows like llama-bench runs (one source counts once),
 * an impossible timing is refused with the reason, and a device's prompt runs are measured against the
 * estimate with the community η, so calibrating with them and estimating their scenarios returns their
 * measured speed. The device is one where η moves prefill: an RTX 4090 on a short prompt behind a cached
 * prefix (a chat turn), where each ubatch's weight read outlasts its matmuls.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CommunityCalibration,
  communityCalibration,
  estimateDetailed,
  type ResultDocument,
  type ScenarioInput,
} from '@cliffbench/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrate } from '../src/db/migrate.js';
import {
  type Backend,
  backends,
  type ErrorBody,
  multiClientApp,
  openedBackend,
  uploadAs,
} from './backends.js';
import { resultDocument } from './documents.js';

const rtx4090 = { deviceId: 'geforce-rtx-4090', name: 'RTX 4090' };
const named = { model: 'llama-3.1-8b', quant: 'Q4_K_M', device: 'geforce-rtx-4090' } as const;
/** A chat turn: 16 new prompt tokens after 1024 cached ones, 128 generated. */
const turn = { cache_n: 1024, prompt_n: 16, predicted_n: 128 };
const common = { ...named, contextTokens: 1024 + 16 + 128, promptTokens: 16, generatedTokens: 128 };
const decodeScenario: ScenarioInput = {
  ...common,
  depthTokens: 1024 + 16,
  gpuLayers: 999,
  offload: 'layers',
};
const prefillScenario: ScenarioInput = { ...common, depthTokens: 1024, gpuLayers: 999, offload: 'layers' };

/** The uploaders' device: decode at η 0.70 (spec-sheet 0.85), prompts at 0.9× the estimate with that η. */
const TRUE_ETA = 0.7;
const TRUE_PREFILL = 0.9;
const decodeTs = estimateDetailed({
  ...decodeScenario,
  calibration: { eta: TRUE_ETA },
}).decodeTokensPerSecond;
const promptTs =
  TRUE_PREFILL *
  estimateDetailed({ ...prefillScenario, calibration: { eta: TRUE_ETA } }).prefillTokensPerSecond;

/** llama-server's timings of one turn, `scale` × the device's speeds. */
const timings = (scale: number, decode = decodeTs * scale) => ({
  ...named,
  ...turn,
  prompt_ms: (turn.prompt_n * 1000) / (promptTs * scale),
  prompt_per_second: promptTs * scale,
  predicted_ms: (turn.predicted_n * 1000) / decode,
  predicted_per_second: decode,
});

const withTimings = (n: number, ...t: ReturnType<typeof timings>[]): ResultDocument =>
  ({
    ...resultDocument({ n, claimedDevice: rtx4090 }),
    llamaCpp: { benchRuns: [], serverTimings: t },
  }) as ResultDocument;

describe.each(backends)('llama-server timings in the community aggregates on $name', (backend: Backend) => {
  const opened = openedBackend(backend);
  let app: ReturnType<typeof multiClientApp>;
  beforeAll(() => {
    app = multiClientApp(opened.db);
  });
  const upload = (doc: unknown, client: string) => uploadAs(app, doc, client);
  const calibration = async () =>
    (await (await app.request('/api/calibration/geforce-rtx-4090')).json()) as CommunityCalibration;

  it('refuses a timing whose decode is faster than the memory allows, naming the field', async () => {
    const res = await upload(withTimings(0, timings(1, 900)), 'a');
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.details?.[0]?.path).toBe('llamaCpp.serverTimings.0.predicted_per_second');
    expect(body.error.message).toMatch(/llama-server decode of 128 tokens .* faster than its memory allows/);
  });

  it('aggregates timings per source as llama-bench runs, and calibrates their own scenarios back', async () => {
    // Three owners; the third sends three turns (two in a second upload), which count as one source.
    for (const [i, scale] of [0.98, 1, 1.03].entries())
      expect((await upload(withTimings(10 + i, timings(scale)), `owner${i}`)).status).toBe(201);
    expect((await upload(withTimings(20, timings(1.01), timings(1.05)), 'owner2')).status).toBe(201);
    const cal = await calibration();
    expect(cal.decodeEta.byBackend.cuda).toMatchObject({ sources: 3, runs: 5 });
    expect(cal.decodeEta.all?.median).toBeCloseTo(TRUE_ETA, 1);
    expect(cal.prefillEfficiency.byBackend.cuda).toMatchObject({ sources: 3, runs: 5 });

    const c = communityCalibration(cal, 'cuda');
    const e = estimateDetailed({ ...prefillScenario, calibration: c });
    // The owners' median prompt speed comes back, inside the estimate's prefill band.
    expect(e.prefillTokensPerSecond / promptTs).toBeGreaterThan(0.99);
    expect(e.prefillTokensPerSecond / promptTs).toBeLessThan(1.02);
    expect(promptTs).toBeGreaterThan(e.prefillBand.low);
    expect(promptTs).toBeLessThan(e.prefillBand.high);
    expect(cal.prefillEfficiency.all?.median).toBeCloseTo(TRUE_PREFILL, 1);

    // The stored efficiency (against the spec-sheet η, the old rule) would miss the same speed by over 10 %.
    const { rows } = await opened.db.query<{ efficiency: number }>(
      `SELECT efficiency FROM llama_runs WHERE kind = 'pp' AND origin = 'llama-server' ORDER BY efficiency`,
    );
    const oldMedian = Number(rows[Math.floor(rows.length / 2)]?.efficiency);
    const old = estimateDetailed({
      ...prefillScenario,
      calibration: { ...c, prefillEfficiency: oldMedian },
    }).prefillTokensPerSecond;
    expect(old / promptTs).toBeLessThan(0.9);
  });

  it('ranks timings beside bench runs with an unknown build (0)', async () => {
    const res = await app.request('/api/llama-runs?device=geforce-rtx-4090&kind=pp');
    const { items } = (await res.json()) as {
      items: { nPrompt: number; nDepth: number; minBuild: number }[];
    };
    expect(items).toEqual([expect.objectContaining({ nPrompt: 16, nDepth: 1024, minBuild: 0 })]);
  });
});

describe.each(backends)('migration 005 on $name', (backend: Backend) => {
  const opened = openedBackend(backend);

  it('turns the timings of results stored before it into rows', async () => {
    const oldDir = mkdtempSync(join(tmpdir(), 'cliffbench-migrations-'));
    try {
      await opened.db.exec(
        'DROP TABLE rate_buckets; DROP TABLE llama_runs; DROP TABLE source_salt; DROP TABLE results; DELETE FROM migrations;',
      );
      for (const name of readdirSync(MIGRATIONS_DIR).filter((f) => f < '005'))
        copyFileSync(join(MIGRATIONS_DIR, name), join(oldDir, name));
      await migrate(opened.db, oldDir);
      const doc = withTimings(30, timings(1));
      await opened.db.query(
        `INSERT INTO results (id, content_hash, delete_token_hash, run_at, device, device_id, vendor, browser,
           mode, bandwidth_gbs, document, source_hash)
         VALUES ('old-timings-0000', 'hash-30', 'token', $1, 'RTX 4090', 'geforce-rtx-4090', 'nvidia', 'Chrome',
           'quick', 300, $2, 'owner')`,
        [doc.createdAt, JSON.stringify(doc)],
      );
      expect(await migrate(opened.db)).toEqual(['005-llama-server-runs.sql']);
      const { rows } = await opened.db.query<{ origin: string; kind: string; scenario: string | null }>(
        'SELECT origin, kind, scenario FROM llama_runs ORDER BY kind',
      );
      expect(rows.map((r) => [r.origin, r.kind, r.scenario === null])).toEqual([
        ['llama-server', 'pp', false],
        ['llama-server', 'tg', true],
      ]);
    } finally {
      rmSync(oldDir, { recursive: true, force: true });
    }
  });
});
