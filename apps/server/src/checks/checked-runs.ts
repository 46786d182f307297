/**
 * @module checks/checked-runs — core's `checkLlamaRun` once per run object: an upload's physics check
 * (checks/llama-runs) and its stored rows (llama-run-rows) read the same validated document, so the second
 * asks a cache (about 3 ms of estimator work per run; a document may carry 200).
 */
import { checkLlamaRun, type LlamaBenchRun, type LlamaRunCheck } from '@cliffbench/core';

const cache = new WeakMap<LlamaBenchRun, LlamaRunCheck>();

export function checkedRun(run: LlamaBenchRun, claimedDeviceId: string | undefined): LlamaRunCheck {
  const known = cache.get(run);
  if (known !== undefined) return known;
  const check = checkLlamaRun(run, claimedDeviceId);
  cache.set(run, check);
  return check;
}
