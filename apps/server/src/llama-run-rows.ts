/**
 * @module llama-run-rows — the rows `llama_runs` keeps for an uploaded document: each llama-bench run that
 * matches a catalog model and device and passes the physics check (checks/llama-runs refused the others
 * before this), with the estimate core's estimator gives for its own scenario at upload time: predicted
 * tokens/s, efficiency (measured ÷ predicted), decode η and the device's spec bandwidth, and the same
 * upload's WebGPU bandwidth (for the WebGPU → llama.cpp ratio).
 */
import type { ResultDocument } from '@cliffbench/core';
import { checkedRun } from './checks/checked-runs.js';

export interface LlamaRunRow {
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
}

export function llamaRunRows(doc: ResultDocument, webgpuGBs: number | null): LlamaRunRow[] {
  const runs = doc.llamaCpp?.benchRuns ?? [];
  const rows: LlamaRunRow[] = [];
  runs.forEach((run, i) => {
    const check = checkedRun(run, doc.claimedDevice?.deviceId);
    if (check.refused !== undefined || !check.match.matched || check.match.kind === 'pg') return;
    const m = check.match;
    rows.push({
      run_index: i,
      device_id: m.device.id,
      backend: m.backend,
      vendor: doc.adapter.vendor.toLowerCase(),
      model_id: m.model.id,
      quant: m.quant,
      kind: m.kind,
      n_prompt: run.n_prompt,
      n_gen: run.n_gen,
      n_depth: run.n_depth,
      n_ubatch: run.n_ubatch,
      flash_attn: String(run.flash_attn),
      type_k: run.type_k,
      build_number: run.build_number,
      build_commit: run.build_commit,
      measured_ts: check.measured,
      predicted_ts: check.predicted ?? null,
      efficiency: check.efficiency ?? null,
      eta: check.eta ?? null,
      spec_gbs: check.specGBs ?? null,
      webgpu_gbs: webgpuGBs,
    });
  });
  return rows;
}
