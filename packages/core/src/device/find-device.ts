/**
 * @module device/find-device — look devices up by the names people type: "rtx 3060 12gb", "7900xtx", "M3 Max
 * 40-core", "m4 max 128gb". Brand words (GeForce, NVIDIA, Radeon, Apple...) may be left out.
 */
import type { Device } from './device.js';
import { devices } from './devices.js';
import { lookupOne } from './lookup.js';
import { rankMatches } from './match.js';

/** What users type that names do not spell: the memory size of every card, "desktop" for desktop cards. */
function hiddenTokens(device: Device): string[] {
  return [
    ...(device.memoryGB === undefined ? [] : [`${device.memoryGB}gb`]),
    ...(device.formFactor === 'desktop' ? ['desktop'] : []),
  ];
}

/**
 * Memory configurations of one unified-memory chip variant have the same bandwidth and compute; named without
 * a memory size, the chip resolves to its largest configuration, as the hardware reference lists unified
 * SoCs. Separate products (RTX 3060 8GB and 12GB, M3 Max 30-core and 40-core) stay ambiguous.
 */
function largestConfiguration(tied: readonly Device[]): Device | undefined {
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
  return lookupOne(query, {
    what: 'device',
    items: devices,
    example: 'rtx 3060 12gb',
    distinguish: 'memory size, GPU cores, Ti/SUPER/XT, laptop, PCIe/SXM',
    hidden: hiddenTokens,
    resolveTie: largestConfiguration,
  });
}

/**
 * Devices matching what has been typed so far, best first, for search-as-you-type: the last word may be
 * unfinished ("rtx 30" lists the RTX 30 series). Empty queries give an empty list.
 * @param limit most results returned. @default 10
 */
export function searchDevices(query: string, limit = 10): Device[] {
  const count = Number.isFinite(limit) ? Math.max(0, Math.floor(limit)) : 10;
  return rankMatches(devices, query, { allowPartial: true, hidden: hiddenTokens })
    .slice(0, count)
    .map((entry) => entry.item);
}
