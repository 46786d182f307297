/**
 * @module state/store — the page's signals: the estimate inputs and the calibration (both mirrored to the URL,
 * so the address bar is always a share link), and a model file the user dropped (local only, never in the URL)
 * or read from a URL (its address is in the link as `src=`, read again when the link is opened).
 */
import type { Calibration } from '@cliffbench/core';
import { effect, signal } from '@preact/signals';
import type { ModelFile } from '../model-file/read-model-file.js';
import { startCommunityCalibration } from './community.js';
import { fromShared, mergeCalibration, type PageCalibration, sharedOf } from './page-calibration.js';
import { type Inputs, queryFromState, stateFromQuery } from './url-state.js';

const initial = stateFromQuery(globalThis.location?.search ?? '');

/** What the user chose on the estimate view. */
export const inputs = signal<Inputs>(initial.inputs);
/** Measured figures applied to the estimates of their device. */
export const pageCalibration = signal<PageCalibration | undefined>(
  initial.calibration === undefined ? undefined : fromShared(initial.calibration),
);
/** A dropped config.json or .gguf, used instead of the catalog model while set. */
export const modelFile = signal<ModelFile | undefined>(undefined);
/** The remote model the opened link named (`src=`), for the model-file input to read again; not kept after. */
export const sharedSource: string | undefined = initial.source;

/** Changes one input. */
export function setInput<K extends keyof Inputs>(key: K, value: Inputs[K]): void {
  inputs.value = { ...inputs.value, [key]: value };
}

/** Changes several inputs at once (one recompute); a key given as undefined is removed. */
export function setInputs(change: Partial<Inputs>): void {
  const next: Record<string, unknown> = { ...inputs.value, ...change };
  for (const [k, v] of Object.entries(change)) if (v === undefined) delete next[k];
  inputs.value = next as unknown as Inputs;
}

/** Adds measured figures for `deviceId` (see `mergeCalibration`). */
export function applyCalibration(deviceId: string, update: Calibration): void {
  pageCalibration.value = mergeCalibration(pageCalibration.value, deviceId, update);
}

export function clearCalibration(): void {
  pageCalibration.value = undefined;
}

/** The query string for the current state: the share link. */
export function currentQuery(): string {
  const c = pageCalibration.value;
  const m = modelFile.value;
  const source = m?.kind === 'gguf' ? m.source : undefined;
  return queryFromState({
    inputs: inputs.value,
    ...(c === undefined ? {} : { calibration: sharedOf(c) }),
    ...(source === undefined ? {} : { source }),
  });
}

if (globalThis.location !== undefined && globalThis.history !== undefined) {
  effect(() => {
    const q = currentQuery();
    if (location.search.slice(1) !== q)
      history.replaceState(null, '', `${location.pathname}?${q}${location.hash}`);
  });
}

// Community calibration of the device the estimate names, from the results server that serves the page.
if (typeof fetch === 'function' && globalThis.location !== undefined) {
  startCommunityCalibration(() => inputs.value.device, pageCalibration, applyCalibration);
}
