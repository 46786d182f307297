/**
 * @module estimate/compute — everything the estimate view shows, from the inputs: the detailed estimate and
 * the three cliff curves (and decode against concurrent streams when several are asked for), on spec-sheet
 * figures and, when the page holds measurements for this device, on the measured ones beside them. Pure (no DOM); errors become a message instead of a crash.
 */
import {
  type Calibration,
  CliffbenchError,
  type Curve,
  cliffCurveResolved,
  type DetailedEstimate,
  type Device,
  estimateResolved,
  type ModelArchitecture,
  type ResolvedScenario,
} from '@cliffbench/core';
import type { ModelFile } from '../model-file/read-model-file.js';
import type { PageCalibration } from '../state/page-calibration.js';
import type { Inputs } from '../state/url-state.js';
import { type ConcurrencyCurve, concurrencyCurve } from './concurrency.js';
import { resolvedFor } from './resolved-cache.js';

/** One basis's estimate and curves. */
export interface Outcome {
  readonly estimate: DetailedEstimate;
  /** Decode against allocated context, 1k tokens to the model's maximum. */
  readonly context: Curve;
  /** Decode against usable GPU memory; absent for CPU-only devices. */
  readonly gpuMemory?: Curve;
  /** Decode against `-ngl`, 0 to all layers. */
  readonly gpuLayers: Curve;
  /** Decode against concurrent streams; only when the inputs ask for more than one. */
  readonly concurrency?: ConcurrencyCurve;
  /** The prompt prefill and time to first token count: its tokens, images included, and the images. */
  readonly prompt: PromptTokens;
}

/** Prompt tokens (core's default prompt plus each image's tokens) and the images in them. */
export interface PromptTokens {
  readonly tokens: number;
  readonly images: number;
  /** Tokens each image adds (the most, for dynamic-resolution projectors). */
  readonly tokensPerImage?: number | undefined;
}

export interface Computed {
  /** On spec-sheet figures. */
  readonly spec?: Outcome;
  /** On the page's measured figures, when they belong to this device. */
  readonly calibrated?: Outcome;
  /** The device and model the estimate resolved to. */
  readonly device?: Device;
  readonly model?: ModelArchitecture;
  /** What went wrong, in words, when nothing could be estimated. */
  readonly error?: string;
}

/** Points on the context and GPU-memory curves: smooth enough at 600 px, cheap enough for every keystroke. */
const CURVE_POINTS = 32;

const message = (e: unknown): string =>
  e instanceof CliffbenchError || e instanceof Error ? e.message : String(e);

function outcome(r: ResolvedScenario): Outcome {
  let gpuMemory: Curve | undefined;
  try {
    gpuMemory = cliffCurveResolved(r, 'gpuMemory', { points: CURVE_POINTS });
  } catch {
    // CPU-only devices have no GPU memory to vary.
  }
  return {
    estimate: estimateResolved(r),
    context: cliffCurveResolved(r, 'context', { points: CURVE_POINTS }),
    ...(gpuMemory === undefined ? {} : { gpuMemory }),
    gpuLayers: cliffCurveResolved(r, 'gpuLayers'),
    ...((r.settings.parallel ?? 1) > 1 ? { concurrency: concurrencyCurve(r) } : {}),
    prompt: {
      tokens: r.settings.promptTokens,
      images: r.mmproj?.images ?? 0,
      tokensPerImage: r.mmproj?.imageTokens,
    },
  };
}

/**
 * The calibration to apply to `device`: every measured figure when they were measured on it; on any other
 * device only the RAM bandwidth, which belongs to this machine whatever GPU the estimate imagines in it.
 */
export function calibrationFor(device: Device | undefined, page?: PageCalibration): Calibration | undefined {
  if (device === undefined || page === undefined) return undefined;
  if (page.deviceId === device.id) return page.calibration;
  const ram = page.calibration.ramBandwidthGBs;
  return ram === undefined
    ? undefined
    : { ramBandwidthGBs: ram, source: 'RAM bandwidth measured on this machine' };
}

/** Everything the estimate view shows for `inputs`. */
export function compute(inputs: Inputs, file?: ModelFile, page?: PageCalibration): Computed {
  let r: ResolvedScenario;
  try {
    r = resolvedFor(inputs, file);
  } catch (e) {
    return { error: message(e) };
  }
  const device = r.hardware.device;
  const model = r.model;
  try {
    const spec = outcome(r);
    const calibration = calibrationFor(device, page);
    const calibrated =
      calibration === undefined ? undefined : outcome(resolvedFor(inputs, file, calibration));
    return { spec, ...(calibrated === undefined ? {} : { calibrated }), device, model };
  } catch (e) {
    return { device, model, error: message(e) };
  }
}
