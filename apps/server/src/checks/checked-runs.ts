/**
 * @module checks/checked-runs — core's `checkLlamaRun` once per run object (and `serverTimingsRuns` once per
 * llama-server timing): an upload's physics check
 * (checks/llama-runs) and its stored rows (llama-run-rows) read the same validated document, so the second
 * asks a cache (about 3 ms of estimator work per run; a document may carry 200).
 */
import {
  checkLlamaRun,
  type LlamaBenchRun,
  type LlamaRunCheck,
  type LlamaServerTimings,
  type ServerTimingsRun,
  serverTimingsRuns,
} from '@cliffbench/core';

const cache = new WeakMap<LlamaBenchRun, LlamaRunCheck>();
const timingsCache = new WeakMap<LlamaServerTimings, ServerTimingsRun[]>();

export function checkedRun(run: LlamaBenchRun, claimedDeviceId: string | undefined): LlamaRunCheck {
  const known = cache.get(run);
  if (known !== undefined) return known;
  const check = checkLlamaRun(run, claimedDeviceId);
  cache.set(run, check);
  return check;
}

export function checkedTimings(
  t: LlamaServerTimings,
  claimedDeviceId: string | undefined,
): ServerTimingsRun[] {
  const known = timingsCache.get(t);
  if (known !== undefined) return known;
  const runs = serverTimingsRuns(t, claimedDeviceId);
  timingsCache.set(t, runs);
  return runs;
}
