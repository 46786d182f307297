/**
 * @module device/find-host — look up host-memory configurations ("ddr4-3200 dual", "DDR5 6000 2 channel") and
 * PCIe links ("pcie 4.0 x16", "gen4 x8", "Thunderbolt 4").
 */
import type { HostMemory, PcieLink } from './device.js';
import { hostMemories } from './host-memory.js';
import { lookupOne } from './lookup.js';
import { pcieLinks } from './pcie-links.js';

/** The host-memory configuration `query` names; throws 'unknown-device' or 'ambiguous-device' like `findDevice`. */
export function findHostMemory(query: string): HostMemory {
  return lookupOne(query, {
    what: 'host memory',
    items: hostMemories,
    example: 'ddr4-3200 dual',
    distinguish: 'single/dual/quad channel, DDR4/DDR5, speed',
  });
}

/** The PCIe link `query` names; throws 'unknown-device' or 'ambiguous-device' like `findDevice`. */
export function findPcieLink(query: string): PcieLink {
  return lookupOne(query, {
    what: 'PCIe link',
    items: pcieLinks,
    example: 'pcie 4.0 x16',
    distinguish: 'generation 3.0/4.0/5.0 and lanes x1/x4/x8/x16',
  });
}
