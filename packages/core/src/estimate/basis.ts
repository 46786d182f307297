/**
 * @module estimate/basis — the part of an estimate's basis line that does not change with run settings:
 * which weights, which device figures, spec or measured.
 */
import { cpuDecodeComputeSeconds } from '../speed/cpu-compute.js';
import type { ResolvedScenario } from './resolved.js';

const GB = 1e9;

/** "Gemma 4 31B Q4_K_M weights 18.5 GB predicted; spec 360 GB/s × η 0.85 (cuda fit); RAM 51.2 GB/s". */
export function staticBasis(
  r: Pick<
    ResolvedScenario,
    'model' | 'tensors' | 'quantName' | 'weightsSource' | 'sums' | 'hardware' | 'speed' | 'calibration'
  >,
): string {
  const weights = `${r.model.name} ${r.quantName} weights ${(r.sums.totalBytes / GB).toFixed(2)} GB ${r.weightsSource}`;
  const hw = r.hardware;
  const parts = [weights, `${hw.device.name} (${hw.backend})`, ...r.speed.basis];
  // The CPU beside a GPU, when one was named (a CPU-only device names itself).
  if (hw.layout !== 'cpu' && !hw.cpu.assumed) parts.push(`host CPU ${hw.cpu.name}`);
  if (hw.layout !== 'unified') {
    const ram = `${hw.ramBandwidthGBs.toFixed(1)} GB/s`;
    const source =
      r.calibration?.ramBandwidthGBs !== undefined ? `measured RAM bandwidth ${ram}` : `RAM ${ram} spec`;
    parts.push(`${source} → CPU reads ${(r.speed.cpuBytesPerSecond / GB).toFixed(1)} GB/s`);
  }
  // CPU-only decode is the slower of reading and of dequantise-and-dot (src/speed/cpu-compute.ts): say so when
  // the compute side is the slower.
  const bytes = r.sums.activeBytesPerToken;
  if (hw.layout === 'cpu' && bytes > 0) {
    const computeRate = bytes / cpuDecodeComputeSeconds(r, bytes);
    if (computeRate < r.speed.cpuBytesPerSecond) {
      parts.push(
        `CPU decode compute-bound: ${hw.cpu.rates.threadsUsed} cores dequantise and multiply ${(computeRate / GB).toFixed(1)} GB/s of weights`,
      );
    }
  }
  if (r.calibration?.source !== undefined) parts.push(`calibration: ${r.calibration.source}`);
  return parts.join('; ');
}
