/**
 * @module device/devices — the device catalogs: every GPU and unified-memory SoC of the hardware reference,
 * Apple silicon by chip variant and memory size, and older GPUs (`devices`); integrated GPUs, whose memory is
 * the host's RAM; and CPUs. `findDevice` and `searchDevices` look through all of them (`lookupDevices`).
 */
import { amdTables } from './catalog-amd.js';
import { appleDevices } from './catalog-apple.js';
import { cpuDevices } from './catalog-cpu.js';
import { integratedGpus } from './catalog-igpu.js';
import { intelTables } from './catalog-intel.js';
import { legacyDevices } from './catalog-legacy.js';
import { nvidiaTables } from './catalog-nvidia.js';
import type { Device } from './device.js';
import { devicesFromTable } from './gpu-table.js';

/** Every accelerator with its own memory size: NVIDIA, AMD, Intel (table order), Apple silicon, older GPUs. */
export const devices: readonly Device[] = [
  ...[...nvidiaTables, ...amdTables, ...intelTables].flatMap(devicesFromTable),
  ...appleDevices,
  ...legacyDevices,
];

export { cpuDevices, integratedGpus };

/** Everything a device name may resolve to: accelerators first, then integrated GPUs, then CPUs. */
export const lookupDevices: readonly Device[] = [...devices, ...integratedGpus, ...cpuDevices];
