/**
 * @module device/catalog-intel — Intel Arc A- and B-series and Arc Pro. Numbers from Intel's Arc pages
 * first, then the cross-checks each row cites (see sources.ts). FP16 is the XMX dense matrix rate.
 */
import type { GpuTable } from './gpu-table.js';

export const intelTables: readonly GpuTable[] = [
  {
    vendor: 'Intel',
    formFactor: 'desktop',
    // biome-ignore format: one product per line reads as a table
    rows: [
      ['Arc A380', 6, 'GDDR6', 96, 186, 32.8, '4x8', 75, 2022, ['intelArc', 'svetArc']],
      ['Arc A580', 8, 'GDDR6', 256, 512, 83.6, '4x16', 185, 2023, ['intelArc', 'svetArc', 'hmcB580']],
      ['Arc A750', 8, 'GDDR6', 256, 512, 117.6, '4x16', 225, 2022, ['intelArc', 'svetArc']],
      ['Arc A770 8GB', 8, 'GDDR6', 256, 512, 137.6, '4x16', 225, 2022, ['intelArc', 'svetArc']],
      ['Arc A770 16GB', 16, 'GDDR6', 256, 560, 137.6, '4x16', 225, 2022, ['intelArc', 'svetArc']],
      ['Arc B570', 10, 'GDDR6', 160, 380, 101.5, '4x8', 150, 2025, ['intelArc']],
      ['Arc B580', 12, 'GDDR6', 192, 456, 116.7, '4x8', 190, 2024, ['intelArc', 'fpsbB580', 'hmcB580']],
    ],
    notes: { 'Arc B570': 'FP16 not verified against a vendor sheet' },
  },
  {
    vendor: 'Intel',
    formFactor: 'workstation',
    rows: [['Arc Pro B60', 24, 'GDDR6', 192, 456, 98.5, '5x8', 200, 2025, ['intelArc']]],
    notes: { 'Arc Pro B60': 'FP16 not verified against a vendor sheet' },
  },
];
