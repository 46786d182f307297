/**
 * @module device/find-device — look devices up by the names people type: "rtx 3060 12gb", "7900xtx", "M3 Max
 * 40-core", "m4 max 128gb", "radeon 780m", "ryzen 9 7950x", "raspberry pi 5". Brand words (GeForce, NVIDIA,
 * Radeon, Apple...) may be left out.
 */

import { CliffbenchError } from '../errors.js';
import type { Device } from './device.js';
import { cpuDevices, devices, integratedGpus, lookupDevices } from './devices.js';
import { lookupOne } from './lookup.js';
import { rankMatches, tokenKey } from './match.js';

/**
 * What users type that names do not spell: the memory size of every card, "desktop" for desktop cards; for
 * CPUs "cpu", the core count ("16-core") and the segment ("laptop", "server").
 */
function hiddenTokens(device: Device): string[] {
  const cpu = device.cpu;
  const cores = cpu === undefined ? 0 : cpu.performanceCores + (cpu.efficiency?.cores ?? 0);
  return [
    ...(device.memoryGB === undefined ? [] : [`${device.memoryGB}gb`]),
    ...(device.formFactor === 'desktop' ? ['desktop'] : []),
    ...(cpu === undefined ? [] : ['cpu', `${cores}c`, cpu.segment]),
  ];
}

/**
 * Memory configurations of one unified-memory chip variant have the same bandwidth and compute; named without
 * a memory size, the chip resolves to its largest configuration, as the hardware reference lists unified
 * SoCs. Separate products (RTX 3060 8GB and 12GB, M3 Max 30-core and 40-core) stay ambiguous.
 */
function largestConfiguration(tied: readonly Device[]): Device | undefined {
  // A name that fits an accelerator as well as a CPU means the accelerator ("M3 Max", "Ryzen AI Max+ 395").
  const accelerators = tied.filter((device) => device.kind !== 'cpu');
  if (accelerators.length === 1) return accelerators[0];
  if (accelerators.length > 1 && accelerators.length < tied.length) return largestConfiguration(accelerators);
  const first = tied[0];
  const sameChip = tied.every((device) => device.kind === 'unified' && device.family === first?.family);
  if (first === undefined || first.family === undefined || !sameChip) return undefined;
  return tied.reduce((best, device) => ((device.memoryGB ?? 0) > (best.memoryGB ?? 0) ? device : best));
}

/**
 * The catalog device `query` names: an id, a display name, or a forgiving spelling of one (case, spacing,
 * punctuation and brand words do not matter). Throws CliffbenchError 'unknown-device' (with the closest
 * names) or 'ambiguous-device' (detail `{ candidates: string[] }`) when the query fits several products
 * equally.
 */
export function findDevice(query: string): Device {
  const spec = {
    what: 'device',
    example: 'rtx 3060 12gb',
    distinguish: 'memory size, GPU or CPU cores, Ti/SUPER/XT, laptop, PCIe/SXM',
    hidden: hiddenTokens,
    resolveTie: largestConfiguration,
  };
  // An exact id or name of any entry is that entry.
  const key = tokenKey(query);
  const exact = lookupDevices.find(
    (d) => d.id === query.trim().toLowerCase() || (key !== '' && tokenKey(d.name) === key),
  );
  if (exact !== undefined) return exact;
  // A name that fits an accelerator means it ("ryzen ai max+ 395" is the Strix Halo SoC), unless it says "cpu".
  const first = /\bcpu\b/i.test(query) ? cpuDevices : [...devices, ...integratedGpus];
  try {
    return lookupOne(query, { ...spec, items: first });
  } catch (error) {
    if (!(error instanceof CliffbenchError) || error.code !== 'unknown-device') throw error;
  }
  return lookupOne(query, { ...spec, items: lookupDevices });
}

/**
 * Devices matching what has been typed so far, best first, for search-as-you-type: the last word may be
 * unfinished ("rtx 30" lists the RTX 30 series). Empty queries give an empty list.
 * @param limit most results returned. @default 10
 */
export function searchDevices(query: string, limit = 10): Device[] {
  const count = Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 10;
  return rankMatches(lookupDevices, query, { allowPartial: true, hidden: hiddenTokens })
    .slice(0, count)
    .map((entry) => entry.item);
}
