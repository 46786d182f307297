/**
 * @module llama-run-rows — the rows `llama_runs` keeps for an uploaded document: each llama-bench run, and the
 * decode and prompt parts of each llama-server timing (core's serverTimingsRuns), that match a catalog model
 * and device and pass the physics check (checks/llama-runs refused the others before this), with the estimate
 * core's estimator gives for its own scenario at upload time: predicted tokens/s, efficiency (measured ÷
 * predicted), decode η and the device's spec bandwidth, the same upload's WebGPU bandwidth (for the WebGPU →
 * llama.cpp ratio), and for prompt runs the scenario itself, so the community aggregate can measure them
 * against the estimate with the community η (community-repository).
 */
import { calibrationFromResult, type LlamaRunCheck, type ResultDocument } from '@cliffbench/core';
import { checkedRun, checkedTimings } from './checks/checked-runs.js';

/** Where a row came from: a llama-bench record or a llama-server timing (`run_index` counts within each). */
export type LlamaRunOrigin = 'llama-bench' | 'llama-server';

export interface LlamaRunRow {
  readonly origin: LlamaRunOrigin;
  readonly run_index: number;
  readonly device_id: string;
  readonly backend: string;
  readonly vendor: string;
  readonly model_id: string;
  readonly quant: string;
  readonly kind: string;
  readonly n_prompt: number;
  readonly n_gen: number;
  readonly n_depth: number;
  readonly n_ubatch: number;
  readonly flash_attn: string;
  readonly type_k: string;
  readonly build_number: number;
  readonly build_commit: string;
  readonly measured_ts: number;
  readonly predicted_ts: number | null;
  readonly efficiency: number | null;
  readonly eta: number | null;
  readonly spec_gbs: number | null;
  readonly webgpu_gbs: number | null;
  /** The run's scenario as JSON (prompt runs), the input of its estimate. */
  readonly scenario: string | null;
}

/** The columns a checked run gives every row, whichever its origin. */
function checkedColumns(check: LlamaRunCheck, vendor: string, webgpuGBs: number | null) {
  if (!check.match.matched) throw new Error('only matched runs are stored');
  const m = check.match;
  return {
    device_id: m.device.id,
    backend: m.backend,
    vendor,
    model_id: m.model.id,
    quant: m.quant,
    kind: m.kind,
    measured_ts: check.measured,
    predicted_ts: check.predicted ?? null,
    efficiency: check.efficiency ?? null,
    eta: check.eta ?? null,
    spec_gbs: check.specGBs ?? null,
    webgpu_gbs: webgpuGBs,
    scenario: m.kind === 'pp' ? JSON.stringify(m.scenario) : null,
  };
}

/** A check that calibrates: matched, a pp or tg test, not refused. */
const stored = (check: LlamaRunCheck): boolean =>
  check.refused === undefined && check.match.matched && check.match.kind !== 'pg';

export function llamaRunRows(doc: ResultDocument, webgpuGBs: number | null): LlamaRunRow[] {
  const vendor = doc.adapter.vendor.toLowerCase();
  const claimed = doc.claimedDevice?.deviceId;
  const bench = (doc.llamaCpp?.benchRuns ?? []).flatMap((run, i): LlamaRunRow[] => {
    const check = checkedRun(run, claimed);
    if (!stored(check)) return [];
    return [
      {
        origin: 'llama-bench',
        run_index: i,
        ...checkedColumns(check, vendor, webgpuGBs),
        n_prompt: run.n_prompt,
        n_gen: run.n_gen,
        n_depth: run.n_depth,
        n_ubatch: run.n_ubatch,
        flash_attn: String(run.flash_attn),
        type_k: run.type_k,
        build_number: run.build_number,
        build_commit: run.build_commit,
      },
    ];
  });
  // llama-server's timings name no build or batch: build 0 and '' (unknown), the server's defaults for the
  // rest (-ub 512, -fa auto, f16 K cache: tools/server/README.md in ggml-org/llama.cpp).
  const server = (doc.llamaCpp?.serverTimings ?? [])
    .flatMap((t) => checkedTimings(t, claimed))
    .flatMap((part, i): LlamaRunRow[] =>
      stored(part.check)
        ? [
            {
              origin: 'llama-server',
              run_index: i,
              ...checkedColumns(part.check, vendor, webgpuGBs),
              n_prompt: part.kind === 'pp' ? part.tokens : 0,
              n_gen: part.kind === 'tg' ? part.tokens : 0,
              n_depth: part.depth,
              n_ubatch: 512,
              flash_attn: 'auto',
              type_k: 'f16',
              build_number: 0,
              build_commit: '',
            },
          ]
        : [],
    );
  return [...bench, ...server];
}

/** The rows of a document, with its own WebGPU bandwidth beside them; none without a llama.cpp section. */
export function documentLlamaRunRows(doc: ResultDocument): LlamaRunRow[] {
  return doc.llamaCpp === undefined
    ? []
    : llamaRunRows(doc, calibrationFromResult(doc).gpuBandwidthGBs ?? null);
}

/** `llama_runs`' columns a row fills, with their types, in `LlamaRunRow`'s order. */
const COLUMNS: readonly (readonly [keyof LlamaRunRow, string])[] = [
  ['origin', 'text'],
  ['run_index', 'integer'],
  ['device_id', 'text'],
  ['backend', 'text'],
  ['vendor', 'text'],
  ['model_id', 'text'],
  ['quant', 'text'],
  ['kind', 'text'],
  ['n_prompt', 'integer'],
  ['n_gen', 'integer'],
  ['n_depth', 'integer'],
  ['n_ubatch', 'integer'],
  ['flash_attn', 'text'],
  ['type_k', 'text'],
  ['build_number', 'integer'],
  ['build_commit', 'text'],
  ['measured_ts', 'double precision'],
  ['predicted_ts', 'double precision'],
  ['efficiency', 'double precision'],
  ['eta', 'double precision'],
  ['spec_gbs', 'double precision'],
  ['webgpu_gbs', 'double precision'],
  ['scenario', 'text'],
];

/**
 * SQL that inserts the rows of the JSON array parameter `rowsParam` (e.g. `$13`) for the result id and source
 * hash expressions given, reading them from `from` (a FROM list item such as `ins`, or none).
 */
export function insertLlamaRunsSql(resultId: string, sourceHash: string, rowsParam: string, from?: string) {
  const record = COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ');
  return `INSERT INTO llama_runs (result_id, source_hash, ${COLUMNS.map(([name]) => name).join(', ')})
    SELECT ${resultId}, ${sourceHash}, r.* FROM ${from === undefined ? '' : `${from} CROSS JOIN `}jsonb_to_recordset(${rowsParam}::jsonb) AS r(${record})`;
}
