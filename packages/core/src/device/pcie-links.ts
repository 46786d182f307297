/**
 * @module device/pcie-links — host-to-device links. Theoretical per-direction bandwidth = GT/s × lanes ×
 * 128/130 (the 128b/130b line code of PCIe 3.0-5.0) / 8 bits, before protocol overhead (PCI-SIG base
 * specifications). Typical measured pinned host-to-device copies are attached where the hardware reference
 * has them.
 */
import type { PcieLink } from './device.js';
import { cite, type SourceKey } from './sources.js';

/** Transfer rate per lane, GT/s, by generation (PCI-SIG). */
const gigaTransfersPerLane = { 3: 8, 4: 16, 5: 32 } as const;
const laneCounts = [1, 4, 8, 16] as const;

/** Typical measured pinned H2D copy on x16 links, GB/s, with the data behind it. */
const measuredX16: Readonly<Record<number, { gbs: number; sources: readonly SourceKey[] }>> = {
  3: { gbs: 12.5, sources: ['gearshifft82', 'helixer22'] }, // 12.2-13.1 observed (P100, RTX 2080 Ti)
  4: { gbs: 25, sources: ['nvbw15', 'nvbw42'] }, // 23.9-26.4 observed (RTX 4090, A100)
  5: { gbs: 55, sources: ['tinygrad29', 'pcieTest3', 'nvbw24'] }, // ~50-56 observed (RTX 5090, RX 9060 XT)
};

/**
 * External links that tunnel or cable a PCIe link: Thunderbolt 3 makes four PCIe 3.0 lanes available over
 * USB-C (AnandTech, "Exploring Thunderbolt 3 eGFX Performance"), as do Thunderbolt 4 and USB4 eGPU ports;
 * OCuLink eGPU docks cable PCIe 4.0 x4 (assumed: the usual dock configuration; not cited).
 */
const externalAliases: Readonly<Record<string, readonly string[]>> = {
  'pcie-3-x4': ['Thunderbolt 3', 'Thunderbolt 4', 'USB4 eGPU'],
  'pcie-4-x4': ['OCuLink'],
};

/** Theoretical per-direction bandwidth of a PCIe 3.0-5.0 link, GB/s. */
export function pcieBandwidthGBs(gen: 3 | 4 | 5, lanes: number): number {
  return (gigaTransfersPerLane[gen] * lanes * 128) / 130 / 8;
}

/** Every PCIe 3.0/4.0/5.0 link at x1, x4, x8 and x16. */
export const pcieLinks: readonly PcieLink[] = ([3, 4, 5] as const).flatMap((gen) =>
  laneCounts.map((lanes): PcieLink => {
    const id = `pcie-${gen}-x${lanes}`;
    const measured = lanes === 16 ? measuredX16[gen] : undefined;
    const aliases = externalAliases[id];
    return {
      id,
      name: `PCIe ${gen}.0 x${lanes}`,
      gen,
      lanes,
      bandwidthGBs: pcieBandwidthGBs(gen, lanes),
      ...(measured === undefined ? {} : { measuredGBs: measured.gbs }),
      source: cite(['pcisig', ...(measured?.sources ?? [])]),
      ...(aliases === undefined ? {} : { aliases }),
    };
  }),
);
