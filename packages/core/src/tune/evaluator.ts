/**
 * @module tune/evaluator — the contract between the tuner's search and the estimator: the model's layer
 * shape, and one estimate per candidate setting.
 */
import type { KvCacheTypeName, Regime } from '../estimate/scenario.js';

/** The layer structure the search walks over. */
export interface TuneModelShape {
  readonly id: string;
  readonly name: string;
  readonly family: string;
  /** Repeating layers. */
  readonly totalLayers: number;
  /** Layers with routed experts (what `--n-cpu-moe` counts); 0 for dense models. */
  readonly moeLayers: number;
}

/** One candidate setting. */
export interface Candidate {
  readonly contextTokens: number;
  readonly gpuLayers: number;
  readonly cpuMoeLayers: number;
  readonly kvCacheType: KvCacheTypeName;
}

/** What the search needs from one estimate. */
export interface CandidateEstimate {
  readonly decodeTokensPerSecond: number;
  readonly prefillTokensPerSecond: number;
  readonly timeToFirstTokenSeconds: number;
  readonly band: { readonly low: number; readonly high: number };
  readonly regime: Regime;
  readonly weightsBytes: number;
  readonly kvCacheBytes: number;
  /** Bytes in accelerator memory. */
  readonly deviceBytes: number;
  /** Bytes in system RAM. */
  readonly hostBytes: number;
  /** Accelerator memory usable for the model, bytes (VRAM, or the unified-memory GPU limit). */
  readonly deviceCapacityBytes: number;
  /** System RAM usable for the model, bytes. */
  readonly hostCapacityBytes: number;
}

/** Estimates candidates of one model on one machine. */
export interface TuneEvaluator {
  readonly shape: TuneModelShape;
  /** Unified memory: GPU and host share one pool, so offloading frees nothing for the GPU's limit but its share. */
  readonly unified: boolean;
  /** No accelerator (or the CPU backend): the only placement is all layers on the CPU. */
  readonly cpuOnly: boolean;
  estimate(candidate: Candidate): CandidateEstimate;
}

/** True when the candidate leaves `marginBytes` of accelerator memory free (or uses none). */
export function fitsDevice(e: CandidateEstimate, marginBytes: number): boolean {
  return e.deviceBytes === 0 || e.deviceBytes + marginBytes <= e.deviceCapacityBytes;
}

/** True when the candidate fits the accelerator with `marginBytes` to spare and fits in RAM. */
export function fitsWithMargin(e: CandidateEstimate, marginBytes: number): boolean {
  return fitsDevice(e, marginBytes) && e.hostBytes <= e.hostCapacityBytes;
}
