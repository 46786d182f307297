/**
 * @module run/working-set — how many copies of a matrix one GEMV pass rotates through: enough for the
 * plan's working set (several times any GPU's last-level cache), but no more than the plan's pass time at
 * the speed this device has shown, so slow (software) adapters finish.
 */
import type { WeightFormat } from '@cliffbench/core';
import type { RunState } from './run-state.js';

/** Most copies in one pass (bounds bind groups and per-copy checks). */
const MAX_COPIES = 4096;

/** Distinct weight bytes a pass of `format` should rotate through on this device. */
function workingSetBytes(run: RunState, format: WeightFormat): number {
  return Math.min(run.plan.workingSetBytes, run.expectedSpeed(format) * 1e9 * run.plan.passSeconds);
}

/** Copies of a `matrixBytes`-byte matrix for one pass: at least one. */
export function workingSetCopies(run: RunState, format: WeightFormat, matrixBytes: number): number {
  return Math.max(1, Math.min(MAX_COPIES, Math.floor(workingSetBytes(run, format) / matrixBytes)));
}
