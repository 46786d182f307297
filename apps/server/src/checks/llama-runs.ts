/**
 * @module checks/llama-runs — every llama.cpp run a document carries, checked against physics before it is
 * stored (core's `checkLlamaRun`): a generation run faster than reading each token's bytes at the device's
 * spec bandwidth allows (× core's PHYSICS_MARGIN), or more than BAND_FACTOR outside the estimate's band for
 * its own model, quant, file size and settings, is refused with the reason. A run matched to no catalog
 * model or device is stored unchecked and calibrates nothing. llama-server timings that name a catalog model,
 * quant and device are held to the same check (core's serverTimingsRuns); those naming a model and device but
 * no quant, to the ceiling of its lightest (2.5 bits per weight) read.
 */
import {
  estimateDetailed,
  findDevice,
  findModel,
  PHYSICS_MARGIN,
  type ResultDocument,
  serverTimingsSpeeds,
} from '@cliffbench/core';
import { checkedRun, checkedTimings } from './checked-runs.js';
import type { Problem } from './problem.js';

export function llamaRunProblems(doc: ResultDocument, out: Problem[]): void {
  const section = doc.llamaCpp;
  if (section === undefined) return;
  const claimed = doc.claimedDevice?.deviceId;
  section.benchRuns.forEach((run, i) => {
    const check = checkedRun(run, claimed);
    if (check.refused !== undefined)
      out.push({ path: `llamaCpp.benchRuns.${i}.avg_ts`, message: check.refused });
  });
  (section.serverTimings ?? []).forEach((t, i) => {
    const parts = checkedTimings(t, claimed);
    if (parts.some((p) => p.check.match.matched)) {
      for (const p of parts) {
        if (p.check.refused === undefined) continue;
        const field = p.kind === 'tg' ? 'predicted_per_second' : 'prompt_per_second';
        out.push({ path: `llamaCpp.serverTimings.${i}.${field}`, message: p.check.refused });
      }
      return;
    }
    const decode = serverTimingsSpeeds(t).decode;
    const deviceName = t.device ?? claimed;
    if (decode === undefined || deviceName === undefined) return;
    try {
      const model = findModel(t.model.split(/[\\/]/).pop() ?? t.model);
      const device = findDevice(deviceName);
      const e = estimateDetailed({ model: model.id, quant: 'Q4_K_M', device: device.id });
      // The lightest read a token of this model can need: its Q4_K_M weights on the GPU tier at spec bandwidth.
      const bytes = e.breakdown.decode.weightBytes * (2.5 / 4.85);
      const ceiling = (device.bandwidthGBs * 1e9) / bytes;
      if (decode > PHYSICS_MARGIN * ceiling) {
        out.push({
          path: `llamaCpp.serverTimings.${i}.predicted_per_second`,
          message: `${decode.toFixed(1)} tok/s of ${model.name} on ${device.name} is faster than its memory allows even at 2.5 bits per weight (${ceiling.toFixed(1)} tok/s, ×${PHYSICS_MARGIN} margin)`,
        });
      }
    } catch {
      // Not a catalog model or device: stored unchecked, calibrates nothing.
    }
  });
}
