/**
 * @module community-repository — community calibration and the measured-speed leaderboard, read from the
 * database on every request (no per-process state, so any number of server processes on one PostgreSQL
 * answer alike). Aggregates use core's `robustAggregate`: each source (salted hash of the uploader's client
 * address) counted once, outliers rejected by the Hampel rule. A prompt run's prefill efficiency is measured
 * here, against the estimate of its stored scenario with the community η of its backend (core's communityEta
 * and prefillEfficiencyOf): the estimate that will carry the aggregate multiplies exactly that.
 */
import { createHash } from 'node:crypto';
import {
  type CommunityCalibration,
  communityEta,
  type LeaderboardRow,
  prefillEfficiencyOf,
  type RobustAggregate,
  robustAggregate,
  type ScenarioInput,
} from '@cliffbench/core';
import type { Db } from './db/db.js';

/** Most rows one aggregate reads (the newest first). */
const MAX_ROWS = 20_000;

export interface LeaderboardQuery {
  readonly device?: string;
  readonly backend?: string;
  readonly model?: string;
  /** Only runs of llama.cpp builds at least this number. */
  readonly minBuild?: number;
  readonly kind?: 'tg' | 'pp';
  readonly limit: number;
}

export interface CommunityRepository {
  /** SHA-256 of the database's salt and `clientKey`: the same source on every process, not reversible to it. */
  sourceHash(clientKey: string): Promise<string>;
  calibration(deviceId: string): Promise<CommunityCalibration>;
  leaderboard(q: LeaderboardQuery): Promise<LeaderboardRow[]>;
}

type Sourced = { source: string; value: number };

function grouped(rows: readonly { key: string; source: string; value: number | null }[]) {
  const groups = new Map<string, Sourced[]>();
  for (const r of rows) {
    if (r.value === null) continue;
    groups.set(r.key, [...(groups.get(r.key) ?? []), { source: r.source, value: Number(r.value) }]);
  }
  const out: Record<string, RobustAggregate> = {};
  for (const [key, values] of groups) {
    const agg = robustAggregate(values);
    if (agg !== undefined) out[key] = agg;
  }
  return out;
}

interface CalibrationRow {
  readonly source: string;
  readonly backend: string;
  readonly kind: string;
  readonly efficiency: number | null;
  readonly eta: number | null;
  readonly measured_ts: number;
  /** The run's scenario as JSON (prompt runs). */
  readonly scenario: string | null;
}

/**
 * Most distinct (scenario, η) estimates one calibration request makes (about 1 ms each on the 2-core build
 * machine): prompt runs beyond them, in the order read, are left out of the prefill aggregate, so uploads of
 * many distinct prompts cannot make the endpoint slow.
 */
const MAX_PREFILL_ESTIMATES = 1000;

/**
 * Prefill efficiency of prompt runs against the estimate with `eta` (the community's for their backend); with
 * none, the stored one (against the spec-sheet η, which is then what an estimate carries). Runs of one file and
 * test share a scenario, so each (scenario, η) is estimated once per request.
 */
function prefillAtEta() {
  const predicted = new Map<string, number>();
  return (row: CalibrationRow, eta: number | undefined): number | null => {
    if (eta === undefined || row.scenario === null) return row.efficiency;
    const key = `${eta}\0${row.scenario}`;
    let unit = predicted.get(key);
    if (unit === undefined) {
      if (predicted.size >= MAX_PREFILL_ESTIMATES) return null;
      unit = 1 / prefillEfficiencyOf(JSON.parse(row.scenario) as ScenarioInput, 1, { eta });
      predicted.set(key, unit);
    }
    return Number(row.measured_ts) / unit;
  };
}

export function createCommunityRepository(db: Db): CommunityRepository {
  let salt: Promise<string> | undefined;
  return {
    async sourceHash(clientKey) {
      salt ??= db
        .query<{ salt: string }>('SELECT salt FROM source_salt WHERE id = 1')
        .then((r) => r.rows[0]?.salt ?? '');
      return createHash('sha256')
        .update(`${await salt}\0${clientKey}`)
        .digest('hex');
    },

    async calibration(deviceId) {
      const { rows } = await db.query<CalibrationRow>(
        `SELECT COALESCE(source_hash, result_id) AS source, backend, kind, efficiency, eta, measured_ts, scenario
         FROM llama_runs WHERE device_id = $1 ORDER BY result_id LIMIT ${MAX_ROWS}`,
        [deviceId],
      );
      const web = await db.query<{ source: string; value: number }>(
        `SELECT COALESCE(source_hash, id) AS source, bandwidth_gbs AS value FROM results WHERE device_id = $1
         ORDER BY uploaded_at DESC LIMIT ${MAX_ROWS}`,
        [deviceId],
      );
      const ratios = await db.query<{ key: string; source: string; value: number | null }>(
        `SELECT vendor || '/' || backend AS key, COALESCE(source_hash, result_id) AS source,
           eta * spec_gbs / webgpu_gbs AS value
         FROM llama_runs WHERE kind = 'tg' AND eta IS NOT NULL AND webgpu_gbs > 0 LIMIT ${MAX_ROWS}`,
      );
      const section = (picked: readonly CalibrationRow[], field: 'eta' | 'efficiency') => {
        const all = robustAggregate(
          picked.flatMap((r) => (r[field] === null ? [] : [{ source: r.source, value: Number(r[field]) }])),
        );
        const byBackend = grouped(picked.map((r) => ({ key: r.backend, source: r.source, value: r[field] })));
        return { ...(all === undefined ? {} : { all }), byBackend };
      };
      const decode = rows.filter((r) => r.kind === 'tg');
      const decodeEta = section(decode, 'eta');
      const atEta = prefillAtEta();
      const prefill = rows
        .filter((r) => r.kind === 'pp')
        .map((r) => ({ ...r, efficiency: atEta(r, communityEta(decodeEta, r.backend)) }));
      const webgpu = robustAggregate(web.rows.map((r) => ({ source: r.source, value: Number(r.value) })));
      return {
        deviceId,
        ...(webgpu === undefined ? {} : { webgpuGBs: webgpu }),
        decodeEta,
        decodeEfficiency: section(decode, 'efficiency'),
        prefillEfficiency: section(prefill, 'efficiency'),
        webgpuToLlama: grouped(ratios.rows),
      } as CommunityCalibration;
    },

    async leaderboard(q) {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sql: string, value: unknown) => {
        params.push(value);
        where.push(sql.replace('?', `$${params.length}`));
      };
      if (q.device !== undefined) add('device_id = ?', q.device);
      if (q.backend !== undefined) add('backend = ?', q.backend);
      if (q.model !== undefined) add('model_id = ?', q.model);
      if (q.minBuild !== undefined) add('build_number >= ?', q.minBuild);
      if (q.kind !== undefined) add('kind = ?', q.kind);
      params.push(q.limit);
      const { rows } = await db.query<{
        device_id: string;
        backend: string;
        model_id: string;
        quant: string;
        kind: string;
        n_prompt: number;
        n_gen: number;
        n_depth: number;
        median_ts: number;
        estimate_ts: number | null;
        runs: number;
        sources: number;
        min_build: number;
        max_build: number;
        result_ids: string[];
      }>(
        `SELECT device_id, backend, model_id, quant, kind, n_prompt, n_gen, n_depth,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY measured_ts) AS median_ts,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY predicted_ts) AS estimate_ts,
           count(*)::int AS runs, count(DISTINCT COALESCE(source_hash, result_id))::int AS sources,
           min(build_number)::int AS min_build, max(build_number)::int AS max_build,
           (array_agg(DISTINCT result_id))[1:20] AS result_ids
         FROM llama_runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
         GROUP BY device_id, backend, model_id, quant, kind, n_prompt, n_gen, n_depth
         ORDER BY median_ts DESC LIMIT $${params.length}`,
        params,
      );
      return rows.map((r) => ({
        deviceId: r.device_id,
        backend: r.backend,
        modelId: r.model_id,
        quant: r.quant,
        kind: r.kind,
        nPrompt: r.n_prompt,
        nGen: r.n_gen,
        nDepth: r.n_depth,
        medianTokensPerSecond: Number(r.median_ts),
        estimateTokensPerSecond: r.estimate_ts === null ? null : Number(r.estimate_ts),
        runs: r.runs,
        sources: r.sources,
        minBuild: r.min_build,
        maxBuild: r.max_build,
        resultIds: r.result_ids,
      }));
    },
  };
}
