/**
 * @module bench/bench-state — the benchmark view's state and actions: probe, the device the user confirms,
 * run (progress folded for the bar and the live plot), cancel, the result (applied to the estimates), and the
 * results kept in this browser. Components read these signals; nothing here touches the DOM.
 */
import {
  type Device,
  type LlamaBenchRun,
  type LlamaServerTimings,
  type RamSection,
  type ResultDocument,
  ResultDocumentSchema,
  ramCalibration,
} from '@cliffbench/core';
import { type BenchPlan, fullPlan, type ProbeInfo, quickPlan } from '@cliffbench/webgpu-bench';
import { signal } from '@preact/signals';
import { deviceOf } from '../inputs/DeviceCombobox.js';
import { applyCalibration, inputs, setInput } from '../state/store.js';
import { probe, type RunHandle, startRun } from './bench-client.js';
import { type DeviceGuess, guessDevice } from './device-guess.js';
import { resultView } from './result-view.js';
import { listResults, type SavedResult, saveResult, updateResult } from './run-history.js';
import { foldProgress, INITIAL_RUN_VIEW, type RunView } from './run-progress.js';
import { type Unavailable, unavailableBeforeProbe, unavailableFromError } from './webgpu-support.js';

/** Written into every result document. */
const APP_VERSION = '0.1.0';

export const probeInfo = signal<ProbeInfo | undefined>(undefined);
export const unavailable = signal<Unavailable | undefined>(undefined);
export const guess = signal<DeviceGuess | undefined>(undefined);
/** The device the user says this is (catalog id). */
export const claimedId = signal<string | undefined>(undefined);
export const mode = signal<BenchPlan['mode']>('quick');
export const running = signal(false);
export const runView = signal<RunView>(INITIAL_RUN_VIEW);
/** Why the last run stopped early (cancelled, device lost...). */
export const runError = signal<string | undefined>(undefined);
/** The result on display: the last run, or one picked from the kept results. */
export const current = signal<{ doc: ResultDocument; savedId?: number } | undefined>(undefined);
export const saved = signal<readonly SavedResult[]>([]);

let handle: RunHandle | undefined;

export const claimedDevice = (): Device | undefined => {
  const id = claimedId.value;
  return id === undefined ? undefined : deviceOf(id);
};

export async function refreshSaved(): Promise<void> {
  saved.value = await listResults();
}

/** Checks WebGPU and probes the adapter; guesses the device. */
export async function probeGpu(): Promise<void> {
  const before = unavailableBeforeProbe({
    isSecureContext: globalThis.isSecureContext,
    hasNavigatorGpu: 'gpu' in navigator && navigator.gpu !== undefined,
    userAgent: navigator.userAgent,
  });
  if (before !== undefined) {
    unavailable.value = before;
    return;
  }
  try {
    const info = await probe();
    probeInfo.value = info;
    const g = guessDevice(info.adapter, deviceOf(inputs.peek().device));
    guess.value = g;
    claimedId.value ??= g.best?.id ?? deviceOf(inputs.peek().device)?.id;
  } catch (e) {
    unavailable.value = unavailableFromError(e, navigator.userAgent);
  }
}

/** Applies a result's bandwidths to the estimates of the device it is claimed for. */
export function useForEstimates(doc: ResultDocument): void {
  const id = doc.claimedDevice?.deviceId;
  if (id === undefined) return;
  applyCalibration(id, resultView(doc, deviceOf(id)).calibration);
  if (deviceOf(inputs.peek().device)?.id !== id) setInput('device', id);
}

/** Runs the chosen plan on the claimed device; the result is kept, shown and applied. */
export async function runBenchmark(): Promise<void> {
  if (running.value) return;
  const device = claimedDevice();
  running.value = true;
  runError.value = undefined;
  runView.value = INITIAL_RUN_VIEW;
  const plan = mode.value === 'full' ? fullPlan() : quickPlan();
  handle = startRun(plan, (p) => (runView.value = foldProgress(runView.value, p)), APP_VERSION);
  try {
    const raw = await handle.done;
    const doc = ResultDocumentSchema.parse(
      device === undefined ? raw : { ...raw, claimedDevice: { deviceId: device.id, name: device.name } },
    );
    const kept = await saveResult(doc, 'run');
    current.value = { doc, ...(kept === undefined ? {} : { savedId: kept.id }) };
    useForEstimates(doc);
    await refreshSaved();
  } catch (e) {
    runError.value = e instanceof Error ? e.message : String(e);
  } finally {
    running.value = false;
    handle = undefined;
  }
}

export function cancelRun(): void {
  handle?.cancel();
}

/** llama-bench runs the user pasted: carried by the result on display (uploaded with it, physics-checked there). */
export async function addLlamaRuns(benchRuns: readonly LlamaBenchRun[]): Promise<void> {
  const c = current.value;
  if (c === undefined) return;
  const doc = ResultDocumentSchema.parse({ ...c.doc, llamaCpp: { ...c.doc.llamaCpp, benchRuns } });
  current.value = { ...c, doc };
  if (c.savedId !== undefined) {
    await updateResult(c.savedId, doc);
    await refreshSaved();
  }
}

/** llama-server timings the user pasted: carried by the result on display beside its llama-bench runs. */
export async function addServerTimings(serverTimings: readonly LlamaServerTimings[]): Promise<void> {
  const c = current.value;
  if (c === undefined) return;
  const llamaCpp = { benchRuns: [], ...c.doc.llamaCpp, serverTimings };
  const doc = ResultDocumentSchema.parse({ ...c.doc, llamaCpp });
  current.value = { ...c, doc };
  if (c.savedId !== undefined) {
    await updateResult(c.savedId, doc);
    await refreshSaved();
  }
}

/** A RAM benchmark finished: calibrate the RAM tier and add the section to the result on display. */
export async function addRamSection(ram: RamSection): Promise<void> {
  const id = claimedDevice()?.id ?? deviceOf(inputs.peek().device)?.id;
  if (id !== undefined)
    applyCalibration(id, { ...ramCalibration(ram), source: 'RAM benchmark in this browser' });
  const c = current.value;
  if (c === undefined) return;
  const doc = ResultDocumentSchema.parse({ ...c.doc, ram });
  current.value = { ...c, doc };
  if (c.savedId !== undefined) {
    await updateResult(c.savedId, doc);
    await refreshSaved();
  }
}
