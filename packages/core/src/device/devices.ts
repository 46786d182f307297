/**
 * @module device/devices — the device catalog: every GPU and unified-memory SoC of the hardware reference,
 * plus Apple silicon by chip variant and memory size.
 */
import { amdTables } from './catalog-amd.js';
import { appleDevices } from './catalog-apple.js';
import { intelTables } from './catalog-intel.js';
import { nvidiaTables } from './catalog-nvidia.js';
import type { Device } from './device.js';
import { devicesFromTable } from './gpu-table.js';

/** Every catalog device: NVIDIA, AMD, Intel (table order), then Apple silicon configurations. */
export const devices: readonly Device[] = [
  ...[...nvidiaTables, ...amdTables, ...intelTables].flatMap(devicesFromTable),
  ...appleDevices,
];
