/**
 * @module device/catalog-amd — AMD Radeon RX 6000/7000/9000, Radeon PRO, Instinct and Strix Halo. Numbers
 * from AMD specification pages first, then the cross-checks each row cites (see sources.ts). FP16:
 * RDNA2 has no matrix units (shader rate, 2× FP32); RDNA3 is AMD's WMMA peak; RDNA4 and CDNA are dense matrix
 * rates.
 */
import type { GpuTable } from './gpu-table.js';

const unverifiedFp16 = 'FP16 not verified against a vendor sheet';

export const amdTables: readonly GpuTable[] = [
  {
    vendor: 'AMD',
    formFactor: 'desktop',
    // biome-ignore format: one product per line reads as a table
    rows: [
      ['Radeon RX 6600', 8, 'GDDR6', 128, 224, 17.9, '4x8', 132, 2021, ['amdGfx', 'tpu']],
      ['Radeon RX 6600 XT', 8, 'GDDR6', 128, 256, 21.2, '4x8', 160, 2021, ['amdGfx', 'tpu']],
      ['Radeon RX 6650 XT', 8, 'GDDR6', 128, 280, 21.6, '4x8', 176, 2022, ['amdGfx', 'tpu']],
      ['Radeon RX 6700 XT', 12, 'GDDR6', 192, 384, 26.4, '4x16', 230, 2021, ['amdGfx', 'tpu']],
      ['Radeon RX 6750 XT', 12, 'GDDR6', 192, 432, 26.6, '4x16', 250, 2022, ['amdGfx', 'tpu']],
      ['Radeon RX 6800', 16, 'GDDR6', 256, 512, 32.3, '4x16', 250, 2020, ['amdGfx', 'tpu']],
      ['Radeon RX 6800 XT', 16, 'GDDR6', 256, 512, 41.5, '4x16', 300, 2020, ['amdGfx', 'tpu']],
      ['Radeon RX 6900 XT', 16, 'GDDR6', 256, 512, 46.1, '4x16', 300, 2020, ['amdGfx', 'tpu']],
      ['Radeon RX 6950 XT', 16, 'GDDR6', 256, 576, 47.3, '4x16', 335, 2022, ['amdGfx', 'tpu']],
      ['Radeon RX 7600', 8, 'GDDR6', 128, 288, 43.5, '4x8', 165, 2023, ['amdGfx', 'tpu']],
      ['Radeon RX 7600 XT', 16, 'GDDR6', 128, 288, 45.1, '4x8', 190, 2024, ['amdGfx', 'hfjs']],
      ['Radeon RX 7700 XT', 12, 'GDDR6', 192, 432, 70.3, '4x16', 245, 2023, ['amdGfx', 'hfjs']],
      ['Radeon RX 7800 XT', 16, 'GDDR6', 256, 624, 74.6, '4x16', 263, 2023, ['amdGfx', 'hfjs']],
      ['Radeon RX 7900 GRE', 16, 'GDDR6', 256, 576, 92, '4x16', 260, 2023, ['amdGfx', 'hfjs']],
      ['Radeon RX 7900 XT', 20, 'GDDR6', 320, 800, 103, '4x16', 315, 2022, ['amdGfx', 'hfjs']],
      ['Radeon RX 7900 XTX', 24, 'GDDR6', 384, 960, 122.8, '4x16', 355, 2022, ['amdGfx', 'hfjs', 'hmc9070']],
      ['Radeon RX 9060 XT 8GB', 8, 'GDDR6', 128, 320, 102.6, '5x16', 150, 2025, ['amdGfx', 'hothw9060', 'tt9060']],
      ['Radeon RX 9060 XT 16GB', 16, 'GDDR6', 128, 320, 102.6, '5x16', 160, 2025, ['amdGfx', 'hothw9060', 'tt9060']],
      ['Radeon RX 9070', 16, 'GDDR6', 256, 640, 144.5, '5x16', 220, 2025, ['amdGfx', 'mplay9070']],
      ['Radeon RX 9070 XT', 16, 'GDDR6', 256, 640, 194.6, '5x16', 304, 2025, ['amdGfx', 'mplay9070', 'hmc9070']],
    ],
  },
  {
    vendor: 'AMD',
    formFactor: 'workstation',
    // biome-ignore format: one product per line reads as a table
    rows: [
      ['Radeon PRO W7900', 48, 'GDDR6', 384, 864, 122.6, '4x16', 295, 2023, ['amdGfx']],
      ['Radeon AI PRO R9700', 32, 'GDDR6', 256, 640, 191.4, '5x16', 300, 2025, ['amdGfx']],
    ],
    notes: { 'Radeon PRO W7900': unverifiedFp16, 'Radeon AI PRO R9700': unverifiedFp16 },
  },
  {
    vendor: 'AMD',
    formFactor: 'datacenter',
    // biome-ignore format: one product per line reads as a table
    rows: [
      ['Instinct MI210', 64, 'HBM2e', 4096, 1638, 181, '4x16', 300, 2022, ['amdInst']],
      ['Instinct MI250X', 128, 'HBM2e', 8192, 3277, 383, '4x16', 560, 2021, ['amdInst']],
      ['Instinct MI300X', 192, 'HBM3', 8192, 5300, 1307.4, '5x16', 750, 2023, ['amdInst', 'aiwikiMi300x']],
      ['Instinct MI325X', 256, 'HBM3e', 8192, 6000, 1307.4, '5x16', 1000, 2024, ['amdInst']],
    ],
    notes: {
      'Instinct MI210': unverifiedFp16,
      'Instinct MI250X': `${unverifiedFp16}; two GCDs`,
      'Instinct MI325X': unverifiedFp16,
    },
  },
  {
    vendor: 'AMD',
    formFactor: 'soc',
    // biome-ignore format: one product per line reads as a table
    rows: [
      ['Ryzen AI Max+ 395 (Radeon 8060S, Strix Halo)', 128, 'LPDDR5X', 256, 256, 59.4, '', 120, 2025, ['amdCpu', 'svetStrix', 'tps1']],
    ],
    notes: {
      'Ryzen AI Max+ 395 (Radeon 8060S, Strix Halo)':
        'LPDDR5X-8000 on 256 bits; about 212 GB/s measured; ' +
        'GPU-visible memory up to 96 GB on Windows, more via GTT on Linux',
    },
  },
];
