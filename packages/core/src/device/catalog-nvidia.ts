/**
 * @module device/catalog-nvidia — NVIDIA GeForce desktop and laptop, RTX workstation, datacenter and DGX
 * Spark GPUs. Numbers from NVIDIA's product pages and whitepapers first, then the cross-checks each row
 * cites (see sources.ts). Memory is marketed GB (= GiB); bandwidth is the spec figure in GB/s; FP16 is dense
 * tensor throughput with FP16 accumulate on GeForce (FP32 accumulate runs at half that rate there).
 */
import type { GpuTable } from './gpu-table.js';

const laptopBandwidthNote =
  'bandwidth estimated: RTX 50 laptop memory data rates were not confirmed ' +
  '(24 Gbps GDDR7 assumed for 5060/5070, 28 Gbps above)';

export const nvidiaTables: readonly GpuTable[] = [
  {
    vendor: 'NVIDIA',
    formFactor: 'desktop',
    // biome-ignore format: one product per line reads as a table
    rows: [
      ['GeForce RTX 2060', 6, 'GDDR6', 192, 336, 51.6, '3x16', 160, 2019, ['nv20', 'turingWp', 'vassvik']],
      ['GeForce RTX 2060 12GB', 12, 'GDDR6', 192, 336, 57.4, '3x16', 184, 2021, ['tpu']],
      ['GeForce RTX 2060 SUPER', 8, 'GDDR6', 256, 448, 57.4, '3x16', 175, 2019, ['nv20', 'vassvik']],
      ['GeForce RTX 2070', 8, 'GDDR6', 256, 448, 59.7, '3x16', 175, 2018, ['nv20', 'turingWp', 'vassvik']],
      ['GeForce RTX 2070 SUPER', 8, 'GDDR6', 256, 448, 72.5, '3x16', 215, 2019, ['nv20', 'vassvik']],
      ['GeForce RTX 2080', 8, 'GDDR6', 256, 448, 80.5, '3x16', 215, 2018, ['nv20', 'turingWp', 'vassvik']],
      ['GeForce RTX 2080 SUPER', 8, 'GDDR6', 256, 496, 89.2, '3x16', 250, 2019, ['nv20', 'tpu']],
      ['GeForce RTX 2080 Ti', 11, 'GDDR6', 352, 616, 107.6, '3x16', 250, 2018, ['nv20', 'turingWp', 'vassvik']],
      ['TITAN RTX', 24, 'GDDR6', 384, 672, 130.5, '3x16', 280, 2018, ['turingWp', 'tpu']],
      ['GeForce RTX 3050 6GB', 6, 'GDDR6', 96, 168, 27.1, '4x8', 70, 2024, ['nv30', 'tpu']],
      ['GeForce RTX 3050 8GB', 8, 'GDDR6', 128, 224, 36.4, '4x8', 130, 2022, ['nv30', 'tpu']],
      ['GeForce RTX 3060 8GB', 8, 'GDDR6', 128, 240, 51, '4x16', 170, 2022, ['nv30', 'cputron3060']],
      ['GeForce RTX 3060 12GB', 12, 'GDDR6', 192, 360, 51, '4x16', 170, 2021, ['nv30', 'pcpartdb']],
      ['GeForce RTX 3060 Ti', 8, 'GDDR6', 256, 448, 64.8, '4x16', 200, 2020, ['nv30', 'tpu']],
      ['GeForce RTX 3070', 8, 'GDDR6', 256, 448, 81.3, '4x16', 220, 2020, ['nv30', 'ampereWp']],
      ['GeForce RTX 3070 Ti', 8, 'GDDR6X', 256, 608, 87, '4x16', 290, 2021, ['nv30', 'tpu']],
      ['GeForce RTX 3080 10GB', 10, 'GDDR6X', 320, 760, 119.1, '4x16', 320, 2020, ['nv30', 'ampereWp']],
      ['GeForce RTX 3080 12GB', 12, 'GDDR6X', 384, 912, 122.6, '4x16', 350, 2022, ['nv30', 'tpu']],
      ['GeForce RTX 3080 Ti', 12, 'GDDR6X', 384, 912, 136.4, '4x16', 350, 2021, ['nv30', 'tpu']],
      ['GeForce RTX 3090', 24, 'GDDR6X', 384, 936, 142.3, '4x16', 350, 2020, ['nv30', 'ampereWp', 'fabGist']],
      ['GeForce RTX 3090 Ti', 24, 'GDDR6X', 384, 1008, 160, '4x16', 450, 2022, ['nv30', 'tpu']],
      ['GeForce RTX 4060', 8, 'GDDR6', 128, 272, 60.5, '4x8', 115, 2023, ['nv40', 'fpsb4060']],
      ['GeForce RTX 4060 Ti 8GB', 8, 'GDDR6', 128, 288, 88.3, '4x8', 160, 2023, ['nv40', 'tpu']],
      ['GeForce RTX 4060 Ti 16GB', 16, 'GDDR6', 128, 288, 88.3, '4x8', 165, 2023, ['nv40', 'cputron4060ti']],
      ['GeForce RTX 4070', 12, 'GDDR6X', 192, 504, 116.6, '4x16', 200, 2023, ['nv40', 'tpu']],
      ['GeForce RTX 4070 SUPER', 12, 'GDDR6X', 192, 504, 141.9, '4x16', 220, 2024, ['nv40', 'tpu']],
      ['GeForce RTX 4070 Ti', 12, 'GDDR6X', 192, 504, 160.4, '4x16', 285, 2023, ['nv40', 'adaWp']],
      ['GeForce RTX 4070 Ti SUPER', 16, 'GDDR6X', 256, 672, 176.4, '4x16', 285, 2024, ['nv40', 'tpu']],
      ['GeForce RTX 4080', 16, 'GDDR6X', 256, 717, 194.9, '4x16', 320, 2022, ['nv40', 'adaWp']],
      ['GeForce RTX 4080 SUPER', 16, 'GDDR6X', 256, 736, 208.9, '4x16', 320, 2024, ['nv40', 'tpu']],
      ['GeForce RTX 4090', 24, 'GDDR6X', 384, 1008, 330.3, '4x16', 450, 2022, ['nv40', 'adaWp', 'hmcPro5000']],
      ['GeForce RTX 5050', 8, 'GDDR6', 128, 320, 52.7, '5x8', 130, 2025, ['nv50', 'tpuForum']],
      ['GeForce RTX 5060', 8, 'GDDR7', 128, 448, 76.7, '5x8', 145, 2025, ['nv50', 'pcspec5060']],
      ['GeForce RTX 5060 Ti 8GB', 8, 'GDDR7', 128, 448, 94.8, '5x8', 180, 2025, ['nv50', 'chipvs5060ti']],
      ['GeForce RTX 5060 Ti 16GB', 16, 'GDDR7', 128, 448, 94.8, '5x8', 180, 2025, ['nv50', 'chipvs5060ti']],
      ['GeForce RTX 5070', 12, 'GDDR7', 192, 672, 123.5, '5x16', 250, 2025, ['nv50', 'tt50']],
      ['GeForce RTX 5070 Ti', 16, 'GDDR7', 256, 896, 175.8, '5x16', 300, 2025, ['nv50', 'tt50']],
      ['GeForce RTX 5080', 16, 'GDDR7', 256, 960, 225.1, '5x16', 360, 2025, ['nv50', 'tt50', 'blackwWp']],
      ['GeForce RTX 5090', 32, 'GDDR7', 512, 1792, 419, '5x16', 575, 2025, ['nv50', 'tt50', 'blackwWp', 'spher5090']],
    ],
    notes: {
      'GeForce RTX 3060 8GB': "128-bit variant: two thirds of the 12GB card's bandwidth",
      'GeForce RTX 3060 Ti': 'GDDR6 card; the 2022 GDDR6X variant has 608 GB/s',
      'GeForce RTX 4070': 'GDDR6X card; the 2024 GDDR6 variant has 480 GB/s',
    },
  },
  {
    vendor: 'NVIDIA',
    formFactor: 'laptop',
    // biome-ignore format: one product per line reads as a table
    rows: [
      ['GeForce RTX 3060 Laptop', 6, 'GDDR6', 192, 336, 52.3, '4x16', 115, 2021, ['nv30L', 'tpu']],
      ['GeForce RTX 3070 Laptop', 8, 'GDDR6', 256, 448, 66.4, '4x16', 125, 2021, ['nv30L', 'tpu']],
      ['GeForce RTX 3070 Ti Laptop', 8, 'GDDR6', 256, 448, 69.9, '4x16', 125, 2022, ['nv30L', 'tpu']],
      ['GeForce RTX 3080 Laptop', 16, 'GDDR6', 256, 448, 84, '4x16', 150, 2021, ['nv30L', 'tpu']],
      ['GeForce RTX 3080 Ti Laptop', 16, 'GDDR6', 256, 512, 94.4, '4x16', 150, 2022, ['nv30L', 'tpu']],
      ['GeForce RTX 4050 Laptop', 6, 'GDDR6', 96, 192, 48.5, '4x8', 115, 2023, ['nv40L', 'gamebast', 'purepc']],
      ['GeForce RTX 4060 Laptop', 8, 'GDDR6', 128, 256, 58.2, '4x8', 115, 2023, ['nv40L', 'gamebast', 'purepc']],
      ['GeForce RTX 4070 Laptop', 8, 'GDDR6', 128, 256, 80.2, '4x8', 115, 2023, ['nv40L', 'gamebast', 'purepc']],
      ['GeForce RTX 4080 Laptop', 12, 'GDDR6', 192, 432, 135.4, '4x16', 150, 2023, ['nv40L', 'purepc', 'tpu']],
      ['GeForce RTX 4090 Laptop', 16, 'GDDR6', 256, 576, 158.8, '4x16', 150, 2023, ['nv40L', 'purepc', 'tpu']],
      ['GeForce RTX 5060 Laptop', 8, 'GDDR7', 128, 384, 71.5, '5x8', 115, 2025, ['nv50L', 'tpu']],
      ['GeForce RTX 5070 Laptop', 8, 'GDDR7', 128, 384, 99.8, '5x8', 100, 2025, ['nv50L', 'neowin50L', 'tpu']],
      ['GeForce RTX 5070 Ti Laptop', 12, 'GDDR7', 192, 672, 124, '5x16', 115, 2025, ['nv50L', 'neowin50L', 'tpu']],
      ['GeForce RTX 5080 Laptop', 16, 'GDDR7', 256, 896, 166.8, '5x16', 150, 2025, ['nv50L', 'neowin50L', 'tpu']],
      ['GeForce RTX 5090 Laptop', 24, 'GDDR7', 256, 896, 228, '5x16', 150, 2025, ['nv50L', 'neowin50L', 'tpu']],
    ],
    notes: {
      'GeForce RTX 5060 Laptop': `${laptopBandwidthNote}; FP16 from unconfirmed AI TOPS`,
      'GeForce RTX 5070 Laptop': laptopBandwidthNote,
      'GeForce RTX 5070 Ti Laptop': laptopBandwidthNote,
      'GeForce RTX 5080 Laptop': laptopBandwidthNote,
      'GeForce RTX 5090 Laptop': laptopBandwidthNote,
    },
  },
  {
    vendor: 'NVIDIA',
    formFactor: 'workstation',
    // biome-ignore format: one product per line reads as a table
    rows: [
      ['RTX A4000', 16, 'GDDR6', 256, 448, 76.7, '4x16', 140, 2021, ['nvWs', 'hfGpuSpec']],
      ['RTX A5000', 24, 'GDDR6', 384, 768, 111.1, '4x16', 230, 2021, ['nvWs', 'hfGpuSpec']],
      ['RTX A6000', 48, 'GDDR6', 384, 768, 154.8, '4x16', 300, 2020, ['nvWs', 'ampereWp', 'hfGpuSpec']],
      ['RTX 4000 Ada Generation', 20, 'GDDR6', 160, 360, 106.9, '4x16', 130, 2023, ['nvWs', 'hfGpuSpec']],
      ['RTX 5000 Ada Generation', 32, 'GDDR6', 256, 576, 261.1, '4x16', 250, 2023, ['nvWs', 'tpu']],
      ['RTX 6000 Ada Generation', 48, 'GDDR6', 384, 960, 364.2, '4x16', 300, 2022, ['nvWs', 'adaWp', 'hfGpuSpec']],
      ['RTX PRO 5000 Blackwell', 48, 'GDDR7', 384, 1344, 294.8, '5x16', 300, 2025, ['nvWs', 'hmcPro5000']],
      ['RTX PRO 6000 Blackwell Workstation', 96, 'GDDR7', 512, 1792, 503.8, '5x16', 600, 2025, ['nvWs', 'hwcorner']],
      ['RTX PRO 6000 Blackwell Max-Q', 96, 'GDDR7', 512, 1792, 439, '5x16', 300, 2025, ['nvWs', 'hwcorner']],
    ],
    notes: { 'RTX PRO 6000 Blackwell Max-Q': 'FP16 derived from 3511 AI TOPS (FP4 sparse), not confirmed' },
  },
  {
    vendor: 'NVIDIA',
    formFactor: 'datacenter',
    // biome-ignore format: one product per line reads as a table
    rows: [
      ['Tesla T4', 16, 'GDDR6', 256, 320, 65, '3x16', 70, 2018, ['nvDc', 'winston']],
      ['A10', 24, 'GDDR6', 384, 600, 125, '4x16', 150, 2021, ['nvDc', 'winston']],
      ['L4', 24, 'GDDR6', 192, 300, 121, '4x16', 72, 2023, ['nvDc', 'winston', 'grokL4']],
      ['L40', 48, 'GDDR6', 384, 864, 181, '4x16', 300, 2022, ['nvDc', 'mulletL40']],
      ['L40S', 48, 'GDDR6', 384, 864, 362, '4x16', 350, 2023, ['nvDc', 'mulletL40', 'grokL4']],
      ['A100 40GB PCIe', 40, 'HBM2', 5120, 1555, 312, '4x16', 250, 2020, ['nvDc', 'winston']],
      ['A100 80GB PCIe', 80, 'HBM2e', 5120, 1935, 312, '4x16', 300, 2021, ['nvDc', 'winston']],
      ['A100 40GB SXM4', 40, 'HBM2', 5120, 1555, 312, '4x16', 400, 2020, ['nvDc', 'winston']],
      ['A100 80GB SXM4', 80, 'HBM2e', 5120, 2039, 312, '4x16', 400, 2020, ['nvDc', 'winston']],
      ['H100 PCIe 80GB', 80, 'HBM2e', 5120, 2000, 756, '5x16', 350, 2022, ['nvDc', 'h100Brief']],
      ['H100 SXM5 80GB', 80, 'HBM3', 5120, 3350, 989.4, '5x16', 700, 2022, ['nvDc', 'klockwood']],
      ['H100 NVL 94GB', 94, 'HBM3', 6144, 3900, 835, '5x16', 400, 2023, ['nvDc']],
      ['H200 SXM 141GB', 141, 'HBM3e', 6144, 4800, 989.4, '5x16', 700, 2024, ['nvDc', 'geektopia']],
      ['H200 NVL 141GB', 141, 'HBM3e', 6144, 4800, 835, '5x16', 600, 2024, ['nvDc']],
      ['GH200 Grace Hopper (96GB HBM3)', 96, 'HBM3', 6144, 4000, 989.4, '', 1000, 2023, ['nvDc', 'spherGh200']],
      ['B200 (HGX)', 180, 'HBM3e', 8192, 8000, 2250, '', 1000, 2024, ['nvDc']],
    ],
    notes: {
      'Tesla T4': 'NVIDIA quotes "320+ GB/s"; some tables list 300',
      'GH200 Grace Hopper (96GB HBM3)':
        'host link is NVLink-C2C (450 GB/s per direction) to 480 GB LPDDR5X, not PCIe',
      'B200 (HGX)': 'FP16 not verified against a vendor sheet',
    },
  },
  {
    vendor: 'NVIDIA',
    formFactor: 'soc',
    rows: [['DGX Spark (GB10)', 128, 'LPDDR5X', 256, 273, 125, '', 140, 2025, ['exoSpark', 'hfGb10']]],
    notes: { 'DGX Spark (GB10)': 'FP16 derived: 1 PFLOP FP4 sparse / 8' },
  },
];
