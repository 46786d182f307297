/**
 * @module device/catalog-apple — Apple silicon, one entry per chip variant (GPU core count) and sold memory
 * size, generated from one row per chip. Bandwidth is bus width × LPDDR data rate (M1: LPDDR4X-4266; M1
 * Pro/Max/Ultra, M2 and M3 families: LPDDR5-6400; M4: LPDDR5X-7500; M4 Pro/Max: LPDDR5X-8533; M5 family:
 * LPDDR5X-9600), as Apple's spec pages round it ("400GB/s" = 409.6). Binned Max chips have a narrower bus and
 * are their own rows (M3 Max 30-core 300 GB/s vs 40-core 400; M4 Max 32-core 410 vs 40-core 546; M5 Max
 * 32-core ~460 vs 40-core 614); binned base, Pro and Ultra chips keep the full bus and are listed in
 * `appleBins`.
 */
import type { Device } from './device.js';
import { BYTES_PER_MARKETED_GB, slugify } from './gpu-table.js';
import { cite, type SourceKey } from './sources.js';

/**
 * One chip variant: chip, GPU cores, memory type, bus width (bits), bandwidth (bus × data rate, GB/s), GPU
 * ALU TFLOPS (FP16 = FP32 rate on M1–M4; Apple's figure for M1/M2, estimated from clocks from M3 on), sold
 * unified-memory sizes (GB = GiB; corrected against Apple's tech-spec pages in the hardware reference),
 * launch year, sources.
 */
type AppleRow = readonly [
  chip: string,
  gpuCores: number,
  memoryType: string,
  busBits: number,
  bandwidthGBs: number,
  fp16Tflops: number,
  memoryOptionsGB: readonly number[],
  year: number,
  sources: readonly SourceKey[],
];

const appleRows: readonly AppleRow[] = [
  ['M1', 8, 'LPDDR4X', 128, 68.25, 2.6, [8, 16], 2020, ['appleSpecs', 'hfjs1937', 'llama1642']],
  ['M1 Pro', 16, 'LPDDR5', 256, 204.8, 5.2, [16, 32], 2021, ['appleSpecs', 'hfjs1937']],
  ['M1 Max', 32, 'LPDDR5', 512, 409.6, 10.4, [32, 64], 2021, ['appleSpecs', 'hfjs1937', 'llama1642']],
  ['M1 Ultra', 64, 'LPDDR5', 1024, 819.2, 21, [64, 128], 2022, ['appleSpecs', 'hfjs1937']],
  ['M2', 10, 'LPDDR5', 128, 102.4, 3.6, [8, 16, 24], 2022, ['appleSpecs', 'hfjs1937']],
  ['M2 Pro', 19, 'LPDDR5', 256, 204.8, 6.8, [16, 32], 2023, ['appleSpecs', 'hfjs1937']],
  ['M2 Max', 38, 'LPDDR5', 512, 409.6, 13.6, [32, 64, 96], 2023, ['appleSpecs', 'hfjs1937']],
  ['M2 Ultra', 76, 'LPDDR5', 1024, 819.2, 27.2, [64, 128, 192], 2023, ['appleSpecs', 'hfjs1937']],
  ['M3', 10, 'LPDDR5', 128, 102.4, 3.6, [8, 16, 24], 2023, ['appleSpecs', 'hmcM4Max']],
  ['M3 Pro', 18, 'LPDDR5', 192, 153.6, 6.4, [18, 36], 2023, ['appleSpecs', 'hmcM4Max']],
  ['M3 Max', 30, 'LPDDR5', 384, 307.2, 10.7, [36, 96], 2023, ['appleSpecs', 'hmcM4Max']],
  ['M3 Max', 40, 'LPDDR5', 512, 409.6, 14.3, [48, 64, 128], 2023, ['appleSpecs', 'hmcM4Max']],
  ['M3 Ultra', 80, 'LPDDR5', 1024, 819.2, 28.6, [96, 256, 512], 2025, ['appleSpecs', 'hfjs1937']],
  ['M4', 10, 'LPDDR5X', 128, 120, 3.8, [16, 24, 32], 2024, ['appleSpecs', 'hmcM5']],
  ['M4 Pro', 20, 'LPDDR5X', 256, 273, 7.5, [24, 48, 64], 2024, ['appleSpecs', 'nbcM4Max']],
  ['M4 Max', 32, 'LPDDR5X', 384, 409.6, 13.7, [36], 2024, ['appleSpecs', 'nbcM4Max', 'hmcM4Max']],
  ['M4 Max', 40, 'LPDDR5X', 512, 546, 17.2, [48, 64, 128], 2024, ['appleSpecs', 'nbcM4Max', 'hmcM4Max']],
  ['M5', 10, 'LPDDR5X', 128, 153.6, 4.45, [16, 24, 32], 2025, ['appleSpecs', 'macobsM5', 'hmcM5']],
  ['M5 Pro', 20, 'LPDDR5X', 256, 307.2, 8.9, [24, 48, 64], 2026, ['appleSpecs', 'macrumM5']],
  ['M5 Max', 32, 'LPDDR5X', 384, 460.8, 14.3, [36], 2026, ['appleSpecs', 'cputronM5Max']],
  ['M5 Max', 40, 'LPDDR5X', 512, 614.4, 17.8, [48, 64, 128], 2026, ['appleSpecs', 'macrumM5']],
];

/**
 * Binned GPU variants on the full memory bus (same bandwidth), keyed "chip/full-chip GPU cores": their core
 * counts, and their memory sizes where Apple sold fewer (M2 Max 96 GB and M3 Ultra 512 GB need the full GPU).
 * Other bins are assumed to come with the full chip's memory sizes.
 */
const appleBins: Readonly<
  Record<string, readonly { gpuCores: number; memoryOptionsGB?: readonly number[] }[]>
> = {
  'M1/8': [{ gpuCores: 7 }],
  'M1 Pro/16': [{ gpuCores: 14 }],
  'M1 Max/32': [{ gpuCores: 24 }],
  'M1 Ultra/64': [{ gpuCores: 48 }],
  'M2/10': [{ gpuCores: 8 }],
  'M2 Pro/19': [{ gpuCores: 16 }],
  'M2 Max/38': [{ gpuCores: 30, memoryOptionsGB: [32, 64] }],
  'M2 Ultra/76': [{ gpuCores: 60 }],
  'M3/10': [{ gpuCores: 8 }],
  'M3 Pro/18': [{ gpuCores: 14 }],
  'M3 Ultra/80': [{ gpuCores: 60, memoryOptionsGB: [96, 256] }],
  'M4/10': [{ gpuCores: 8 }],
  'M4 Pro/20': [{ gpuCores: 16 }],
};

const estimatedTflops =
  'GPU TFLOPS estimated (cores × 128 ALUs × 2 × clock from a third-party database), ±15 %';

/** Generations whose GPU TFLOPS Apple published; later ones carry `estimatedTflops`. */
const appleQuotedTflops = new Set(['M1', 'M2']);

/** Caveats keyed "chip/GPU cores". */
const appleNotes: Readonly<Record<string, string>> = {
  'M5 Pro/20': 'only the 64 GB maximum is confirmed; 24 and 48 GB follow the M4 Pro line-up',
  'M5 Max/32': 'bandwidth from a third-party listing; 36 GB follows the M4 Max 32-core',
  'M5 Max/40': 'only the 128 GB maximum is confirmed; 48 and 64 GB follow the M4 Max line-up',
};

const binNote = 'binned GPU: TFLOPS scaled from the full chip by core count';

/** The display name of one configuration, e.g. "Apple M3 Max (40-core GPU) 128GB". */
function appleDeviceName(chip: string, gpuCores: number, memoryGB: number): string {
  return `Apple ${chip} (${gpuCores}-core GPU) ${memoryGB}GB`;
}

function devicesOfRow(row: AppleRow): Device[] {
  const [chip, fullCores, memoryType, busBits, bandwidthGBs, fullTflops, fullMemory, year, sources] = row;
  const key = `${chip}/${fullCores}`;
  const variants = [
    { gpuCores: fullCores, memoryOptionsGB: fullMemory, binned: false },
    ...(appleBins[key] ?? []).map((bin) => ({
      ...bin,
      memoryOptionsGB: bin.memoryOptionsGB ?? fullMemory,
      binned: true,
    })),
  ];
  return variants.flatMap(({ gpuCores, memoryOptionsGB, binned }) =>
    memoryOptionsGB.map((memoryGB): Device => {
      const generation = chip.split(' ')[0] ?? chip;
      const caveats = [
        appleQuotedTflops.has(generation) ? undefined : estimatedTflops,
        appleNotes[key],
        binned ? binNote : undefined,
      ];
      const note = caveats.filter((part) => part !== undefined).join('; ');
      return {
        id: `apple-${slugify(chip)}-${gpuCores}c-${memoryGB}gb`,
        name: appleDeviceName(chip, gpuCores, memoryGB),
        vendor: 'Apple',
        kind: 'unified',
        formFactor: 'soc',
        memoryGB,
        memoryBytes: memoryGB * BYTES_PER_MARKETED_GB,
        bandwidthGBs,
        fp16Tflops: Math.round(((fullTflops * gpuCores) / fullCores) * 100) / 100,
        source: cite(sources),
        family: `Apple ${chip} (${gpuCores}-core GPU)`,
        memoryType,
        busBits,
        gpuCores,
        year,
        ...(note === '' ? {} : { note }),
      };
    }),
  );
}

/** Every sold configuration of every chip, ordered by chip, GPU cores (full chip first) and memory size. */
export const appleDevices: readonly Device[] = appleRows.flatMap(devicesOfRow);
