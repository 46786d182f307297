/**
 * @module device/host-memory — system-RAM configurations, the slow tier of the VRAM cliff. Desktop DDR4/DDR5
 * entries are generated: peak bandwidth = channels × 8 bytes × MT/s, one 64-bit channel per DIMM channel (a
 * DDR5 DIMM's two 32-bit subchannels make one 64-bit channel), data rates per JEDEC JESD79-4 (DDR4) and
 * JESD79-5 (DDR5). Laptop LPDDR, workstation and server rows and the published measured reads cite their
 * sources per row (sources.ts), as their rows of test/fixtures/hardware.csv do.
 */
import type { HostMemory } from './device.js';
import { cite, type SourceKey } from './sources.js';

const jedec = cite(['jedec']);

/** Common module speeds: label and exact JEDEC data rate, MT/s (DDR4-2666 runs at 2666⅔). */
const ddrSpeeds = {
  DDR4: [
    ['2133', 6400 / 3],
    ['2400', 2400],
    ['2666', 8000 / 3],
    ['2933', 8800 / 3],
    ['3200', 3200],
    ['3600', 3600], // XMP/EXPO profile, above JEDEC's DDR4 bins
  ],
  DDR5: [
    ['4800', 4800],
    ['5200', 5200],
    ['5600', 5600],
    ['6000', 6000], // common AM5 EXPO setting
    ['6400', 6400],
  ],
} as const;

const channelNames = [
  [1, 'single'],
  [2, 'dual'],
  [4, 'quad'],
] as const;

/** Peak bandwidth of `channels` 64-bit channels at `megaTransfersPerSecond`, GB/s. */
export function ddrBandwidthGBs(channels: number, megaTransfersPerSecond: number): number {
  return (channels * 8 * megaTransfersPerSecond) / 1000;
}

/** Measured reads and platform names attached to generated entries, keyed by entry id. */
const published: Readonly<
  Record<string, { measuredGBs?: number; aliases?: readonly string[]; sources?: readonly SourceKey[] }>
> = {
  // AIDA64-style read on DDR4-3200 dual channel: ~43-46 GB/s of 51.2.
  'ddr4-3200-dual': { measuredGBs: 46, sources: ['guru3d'] },
  'ddr5-5200-quad': { aliases: ['Threadripper 7000'] },
};

function generated(): HostMemory[] {
  return Object.entries(ddrSpeeds).flatMap(([type, speeds]) =>
    speeds.flatMap(([label, rate]) =>
      channelNames.map(([channels, word]): HostMemory => {
        const id = `${type.toLowerCase()}-${label}-${word}`;
        const extra = published[id];
        return {
          id,
          name: `${type}-${label} ${word}-channel`,
          bandwidthGBs: ddrBandwidthGBs(channels, rate),
          ...(extra?.measuredGBs === undefined ? {} : { measuredGBs: extra.measuredGBs }),
          source: cite(['jedec', ...(extra?.sources ?? [])]),
          memoryType: type,
          megaTransfersPerSecond: rate,
          busBits: channels * 64,
          ...(extra?.aliases === undefined ? {} : { aliases: extra.aliases }),
        };
      }),
    ),
  );
}

/** Laptop, workstation, server and platform-specific measured configurations from the hardware reference. */
const listed: readonly HostMemory[] = [
  { id: 'lpddr5-6400-128bit', name: 'LPDDR5-6400 128-bit (laptop)', bandwidthGBs: 102.4, source: jedec },
  { id: 'lpddr5x-7500-128bit', name: 'LPDDR5X-7500 128-bit (laptop)', bandwidthGBs: 120, source: jedec },
  {
    id: 'lpddr5x-8533-128bit',
    name: 'LPDDR5X-8533 128-bit (laptop)',
    bandwidthGBs: 136.5,
    measuredGBs: 105, // memcpy on Lunar Lake
    source: cite(['jedec', 'llmfit703']),
    aliases: ['Lunar Lake'],
  },
  {
    id: 'lpddr5x-8000-256bit',
    name: 'LPDDR5X-8000 256-bit (Strix Halo class)',
    bandwidthGBs: 256,
    measuredGBs: 212,
    source: cite(['jedec', 'svetStrix', 'tps1']),
  },
  {
    id: 'ddr5-5600-dual-ryzen-9000',
    name: 'DDR5-5600 dual-channel on Ryzen 9000',
    bandwidthGBs: 89.6,
    // Single-CCD Zen 4/5 reads are capped by the Infinity Fabric link (62.9 GB/s on a 9700X).
    measuredGBs: 63,
    source: cite(['jedec', 'memtest557']),
  },
  {
    id: 'ddr5-4800-dual-core-i9-14900kf',
    name: 'DDR5-4800 dual-channel on Core i9-14900KF',
    bandwidthGBs: 76.8,
    measuredGBs: 63, // all-core memcpy; ~32 GB/s single thread
    source: cite(['jedec', 'colibri537']),
  },
  {
    id: 'ddr5-5200-8ch',
    name: 'DDR5-5200 8-channel (Threadripper PRO 7000 WX)',
    bandwidthGBs: ddrBandwidthGBs(8, 5200),
    source: jedec,
  },
  {
    id: 'ddr5-4800-12ch',
    name: 'DDR5-4800 12-channel (EPYC 9004)',
    bandwidthGBs: ddrBandwidthGBs(12, 4800),
    source: jedec,
  },
  {
    id: 'ddr5-6000-12ch',
    name: 'DDR5-6000 12-channel (EPYC 9005)',
    bandwidthGBs: ddrBandwidthGBs(12, 6000),
    source: jedec,
  },
];

/** Every host-memory configuration: generated DDR4/DDR5 single/dual/quad-channel entries, then the listed ones. */
export const hostMemories: readonly HostMemory[] = [...generated(), ...listed];
