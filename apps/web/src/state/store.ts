/** @module state/store — app-wide signals: the inputs (mirrored to the URL) and the benchmark's calibration. */
import type { Calibration } from '@cliffbench/core';
import { effect, signal } from '@preact/signals';
import { type Inputs, inputsFromQuery, queryFromInputs } from './url-state.js';

export const inputs = signal<Inputs>(inputsFromQuery(globalThis.location?.search ?? ''));
export const calibration = signal<Calibration | undefined>(undefined);
/** A dropped config.json, used instead of the catalog model while set. */
export const droppedConfig = signal<{ name: string; config: Record<string, unknown> } | undefined>(undefined);

effect(() => {
  const q = queryFromInputs(inputs.value);
  if (globalThis.location && globalThis.location.search.slice(1) !== q) {
    history.replaceState(null, '', `${location.pathname}?${q}${location.hash}`);
  }
});

export const setInput = <K extends keyof Inputs>(key: K, value: Inputs[K]) => {
  inputs.value = { ...inputs.value, [key]: value };
};
