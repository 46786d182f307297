/**
 * @module state/page-calibration — the measured figures the page applies to its estimates, for the device they
 * were measured on: merged from the WebGPU benchmark, the RAM benchmark and llama-bench tokens/s, and carried
 * in share links. Pure functions; the signal lives in `store.ts`.
 */
import type { Calibration } from '@cliffbench/core';
import { roundMeasured, type SharedCalibration } from './url-state.js';

/** A calibration and the catalog device it belongs to. */
export interface PageCalibration {
  /** Catalog id of the device the figures were measured on. */
  readonly deviceId: string;
  readonly calibration: Calibration;
}

/** `CalibrationSchema` caps `source` at 300 characters. */
const MAX_SOURCE = 300;

/** The numeric fields of a calibration a share link carries, in the order the URL and the basis list them. */
const FIELDS = [
  'gpuBandwidthGBs',
  'ramBandwidthGBs',
  'pcieGBs',
  'eta',
  't0Seconds',
  'prefillEfficiency',
] as const;
/** Fields the page keeps but share links do not carry: the community's spreads (the page fetches them again). */
const PAGE_FIELDS = [...FIELDS, 'decodeSpread', 'prefillSpread'] as const;

function joinSources(a: string | undefined, b: string | undefined): string | undefined {
  const parts = [a, b].filter((s): s is string => s !== undefined && s !== '');
  if (parts.length === 0) return undefined;
  const text = [...new Set(parts)].join(' + ');
  return text.length <= MAX_SOURCE ? text : `${text.slice(0, MAX_SOURCE - 1)}…`;
}

/** Rounds every figure as the share link will carry it, so the page and the link agree exactly. */
function rounded(c: Calibration): Calibration {
  const out: Record<string, number | string> = {};
  for (const key of PAGE_FIELDS) {
    const v = c[key];
    if (v !== undefined) out[key] = roundMeasured(v);
  }
  if (c.source !== undefined) out.source = c.source;
  return out as Calibration;
}

/**
 * Adds `update` to the page's calibration. Figures of another device replace the GPU figures but keep a
 * measured RAM bandwidth (the RAM is this machine's, whichever GPU is named); for the same device the new
 * figures win field by field, a spread going with its figure. A decode fit from llama-bench (η, t0) drops the WebGPU
 * bandwidth, which core would otherwise prefer, since real llama.cpp tokens/s describe decode more directly.
 */
export function mergeCalibration(
  current: PageCalibration | undefined,
  deviceId: string,
  update: Calibration,
): PageCalibration {
  const ram = current?.calibration.ramBandwidthGBs;
  const base: Calibration =
    current?.deviceId === deviceId ? current.calibration : ram === undefined ? {} : { ramBandwidthGBs: ram };
  // A spread describes the figure it came with: a new η or prefill efficiency brings its own spread, or none.
  const merged: Calibration = {
    ...base,
    ...(update.eta === undefined ? {} : { decodeSpread: undefined }),
    ...(update.prefillEfficiency === undefined ? {} : { prefillSpread: undefined }),
    ...update,
  };
  const { gpuBandwidthGBs: _dropped, ...withoutGpu } = merged;
  const chosen = update.eta !== undefined ? withoutGpu : merged;
  const source = joinSources(current?.deviceId === deviceId ? base.source : undefined, update.source);
  const { source: _s, ...figures } = chosen;
  return { deviceId, calibration: rounded(source === undefined ? figures : { ...figures, source }) };
}

/** The calibration as a share link carries it. */
export function sharedOf(p: PageCalibration): SharedCalibration {
  const c = p.calibration;
  const out: { -readonly [K in keyof SharedCalibration]: SharedCalibration[K] } = { deviceId: p.deviceId };
  for (const key of FIELDS) {
    const v = c[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** A calibration from a share link; its source says so. */
export function fromShared(s: SharedCalibration): PageCalibration {
  const { deviceId, ...figures } = s;
  return { deviceId, calibration: { ...figures, source: 'measured figures from a shared link' } };
}
