/**
 * @module device/catalog-cpu — desktop, laptop, server and single-board CPUs: cores, clocks, vector units and
 * memory (type, 64-bit channels, data rate → spec bandwidth = bus bytes × MT/s). Numbers from the vendors'
 * spec pages (cpu-sources.ts); a row's `note` says where a figure is not from one. Memory is the platform's
 * supported configuration as sold (a desktop's two DIMM channels at the highest JEDEC rate it lists;
 * soldered LPDDR at its rate); a measured or different RAM is given with `--ram-bandwidth`.
 */
import type { CpuCore } from './cpu-cores.js';
import { type CpuSourceKey, citeCpu } from './cpu-sources.js';
import type { CpuSegment, CpuSpec } from './cpu-spec.js';
import type { Device } from './device.js';
import { slugify } from './gpu-table.js';

/**
 * name, vendor, segment, performance core, cores, base GHz, boost GHz, efficiency core ('' none), cores, boost
 * GHz, threads, memory type, bus bits, MT/s, year, sources.
 */
type CpuRow = readonly [
  name: string,
  vendor: string,
  segment: CpuSegment,
  core: CpuCore,
  cores: number,
  baseGHz: number,
  boostGHz: number,
  eCore: CpuCore | '',
  eCores: number,
  eGHz: number,
  threads: number,
  memoryType: string,
  busBits: number,
  megaTransfers: number,
  year: number,
  sources: readonly CpuSourceKey[],
];

// biome-ignore format: one product per line reads as a table
const rows: readonly CpuRow[] = [
  ['AMD Ryzen 5 3600', 'AMD', 'desktop', 'zen2', 6, 3.6, 4.2, '', 0, 0, 12, 'DDR4', 128, 3200, 2019, ['amdCpu']],
  ['AMD Ryzen 7 3700X', 'AMD', 'desktop', 'zen2', 8, 3.6, 4.4, '', 0, 0, 16, 'DDR4', 128, 3200, 2019, ['amdCpu']],
  ['AMD Ryzen 9 3900X', 'AMD', 'desktop', 'zen2', 12, 3.8, 4.6, '', 0, 0, 24, 'DDR4', 128, 3200, 2019, ['amdCpu']],
  ['AMD Ryzen 9 3950X', 'AMD', 'desktop', 'zen2', 16, 3.5, 4.7, '', 0, 0, 32, 'DDR4', 128, 3200, 2019, ['amdCpu']],
  ['AMD Ryzen 5 5600X', 'AMD', 'desktop', 'zen3', 6, 3.7, 4.6, '', 0, 0, 12, 'DDR4', 128, 3200, 2020, ['amdCpu']],
  ['AMD Ryzen 7 5700G', 'AMD', 'desktop', 'zen3', 8, 3.8, 4.6, '', 0, 0, 16, 'DDR4', 128, 3200, 2021, ['amdCpu']],
  ['AMD Ryzen 7 5700X', 'AMD', 'desktop', 'zen3', 8, 3.4, 4.6, '', 0, 0, 16, 'DDR4', 128, 3200, 2022, ['amdCpu']],
  ['AMD Ryzen 7 5800X', 'AMD', 'desktop', 'zen3', 8, 3.8, 4.7, '', 0, 0, 16, 'DDR4', 128, 3200, 2020, ['amdCpu']],
  ['AMD Ryzen 7 5800X3D', 'AMD', 'desktop', 'zen3', 8, 3.4, 4.5, '', 0, 0, 16, 'DDR4', 128, 3200, 2022, ['amdCpu']],
  ['AMD Ryzen 9 5900X', 'AMD', 'desktop', 'zen3', 12, 3.7, 4.8, '', 0, 0, 24, 'DDR4', 128, 3200, 2020, ['amdCpu']],
  ['AMD Ryzen 9 5950X', 'AMD', 'desktop', 'zen3', 16, 3.4, 4.9, '', 0, 0, 32, 'DDR4', 128, 3200, 2020, ['amdCpu']],
  ['AMD Ryzen 5 7600X', 'AMD', 'desktop', 'zen4', 6, 4.7, 5.3, '', 0, 0, 12, 'DDR5', 128, 5200, 2022, ['amdCpu']],
  ['AMD Ryzen 7 7700X', 'AMD', 'desktop', 'zen4', 8, 4.5, 5.4, '', 0, 0, 16, 'DDR5', 128, 5200, 2022, ['amdCpu']],
  ['AMD Ryzen 7 7800X3D', 'AMD', 'desktop', 'zen4', 8, 4.2, 5.0, '', 0, 0, 16, 'DDR5', 128, 5200, 2023, ['amdCpu']],
  ['AMD Ryzen 9 7900X', 'AMD', 'desktop', 'zen4', 12, 4.7, 5.6, '', 0, 0, 24, 'DDR5', 128, 5200, 2022, ['amdCpu']],
  ['AMD Ryzen 9 7950X', 'AMD', 'desktop', 'zen4', 16, 4.5, 5.7, '', 0, 0, 32, 'DDR5', 128, 5200, 2022, ['amdCpu']],
  ['AMD Ryzen 5 9600X', 'AMD', 'desktop', 'zen5', 6, 3.9, 5.4, '', 0, 0, 12, 'DDR5', 128, 5600, 2024, ['amdCpu']],
  ['AMD Ryzen 7 9700X', 'AMD', 'desktop', 'zen5', 8, 3.8, 5.5, '', 0, 0, 16, 'DDR5', 128, 5600, 2024, ['amdCpu']],
  ['AMD Ryzen 7 9800X3D', 'AMD', 'desktop', 'zen5', 8, 4.7, 5.2, '', 0, 0, 16, 'DDR5', 128, 5600, 2024, ['amdCpu']],
  ['AMD Ryzen 9 9900X', 'AMD', 'desktop', 'zen5', 12, 4.4, 5.6, '', 0, 0, 24, 'DDR5', 128, 5600, 2024, ['amdCpu']],
  ['AMD Ryzen 9 9950X', 'AMD', 'desktop', 'zen5', 16, 4.3, 5.7, '', 0, 0, 32, 'DDR5', 128, 5600, 2024, ['amdCpu']],
  ['AMD Ryzen Threadripper 3970X', 'AMD', 'workstation', 'zen2', 32, 3.7, 4.5, '', 0, 0, 64, 'DDR4', 256, 3200, 2019, ['amdCpu']],
  ['AMD Ryzen Threadripper 7980X', 'AMD', 'workstation', 'zen4', 64, 3.2, 5.1, '', 0, 0, 128, 'DDR5', 256, 5200, 2023, ['amdCpu']],
  ['AMD Ryzen Threadripper PRO 7995WX', 'AMD', 'workstation', 'zen4', 96, 2.5, 5.1, '', 0, 0, 192, 'DDR5', 512, 5200, 2023, ['amdCpu']],
  ['AMD Ryzen 7 7840U', 'AMD', 'laptop', 'zen4', 8, 3.3, 5.1, '', 0, 0, 16, 'LPDDR5X', 128, 7500, 2023, ['amdCpu']],
  ['AMD Ryzen 7 7840HS', 'AMD', 'laptop', 'zen4', 8, 3.8, 5.1, '', 0, 0, 16, 'LPDDR5X', 128, 7500, 2023, ['amdCpu']],
  ['AMD Ryzen 7 8840U', 'AMD', 'laptop', 'zen4', 8, 3.3, 5.1, '', 0, 0, 16, 'LPDDR5X', 128, 7500, 2024, ['amdCpu']],
  ['AMD Ryzen AI 9 HX 370', 'AMD', 'laptop', 'zen5-mobile', 4, 2.0, 5.1, 'zen5-mobile', 8, 3.3, 24, 'LPDDR5X', 128, 7500, 2024, ['amdCpu']],
  ['AMD Ryzen AI 5 340', 'AMD', 'laptop', 'zen5-mobile', 3, 2.0, 4.8, 'zen5-mobile', 3, 3.5, 12, 'DDR5', 128, 5600, 2025, ['amdCpu']],
  ['AMD Ryzen AI Max+ 395 (CPU cores)', 'AMD', 'laptop', 'zen5', 16, 3.0, 5.1, '', 0, 0, 32, 'LPDDR5X', 256, 8000, 2025, ['amdCpu']],
  ['AMD EPYC 7763', 'AMD', 'server', 'zen3', 64, 2.45, 3.5, '', 0, 0, 128, 'DDR4', 512, 3200, 2021, ['amdCpu']],
  ['AMD EPYC 9554', 'AMD', 'server', 'zen4', 64, 3.1, 3.75, '', 0, 0, 128, 'DDR5', 768, 4800, 2022, ['amdCpu']],
  ['AMD EPYC 9654', 'AMD', 'server', 'zen4', 96, 2.4, 3.7, '', 0, 0, 192, 'DDR5', 768, 4800, 2022, ['amdCpu']],
  ['AMD EPYC 9755', 'AMD', 'server', 'zen5', 128, 2.7, 4.1, '', 0, 0, 256, 'DDR5', 768, 6000, 2024, ['amdCpu']],
  ['Intel Core i7-8700K', 'Intel', 'desktop', 'skylake', 6, 3.7, 4.7, '', 0, 0, 12, 'DDR4', 128, 2666, 2017, ['intelArk']],
  ['Intel Core i9-9900K', 'Intel', 'desktop', 'skylake', 8, 3.6, 5.0, '', 0, 0, 16, 'DDR4', 128, 2666, 2018, ['intelArk']],
  ['Intel Core i7-10700K', 'Intel', 'desktop', 'skylake', 8, 3.8, 5.1, '', 0, 0, 16, 'DDR4', 128, 2933, 2020, ['intelArk']],
  ['Intel Core i9-10900K', 'Intel', 'desktop', 'skylake', 10, 3.7, 5.3, '', 0, 0, 20, 'DDR4', 128, 2933, 2020, ['intelArk']],
  ['Intel Core i5-12400', 'Intel', 'desktop', 'golden-cove', 6, 2.5, 4.4, '', 0, 0, 12, 'DDR5', 128, 4800, 2022, ['intelArk']],
  ['Intel Core i5-12600K', 'Intel', 'desktop', 'golden-cove', 6, 3.7, 4.9, 'gracemont', 4, 3.6, 16, 'DDR5', 128, 4800, 2021, ['intelArk']],
  ['Intel Core i7-12700K', 'Intel', 'desktop', 'golden-cove', 8, 3.6, 5.0, 'gracemont', 4, 3.8, 20, 'DDR5', 128, 4800, 2021, ['intelArk']],
  ['Intel Core i9-12900K', 'Intel', 'desktop', 'golden-cove', 8, 3.2, 5.2, 'gracemont', 8, 3.9, 24, 'DDR5', 128, 4800, 2021, ['intelArk']],
  ['Intel Core i5-13600K', 'Intel', 'desktop', 'golden-cove', 6, 3.5, 5.1, 'gracemont', 8, 3.9, 20, 'DDR5', 128, 5600, 2022, ['intelArk']],
  ['Intel Core i7-13700K', 'Intel', 'desktop', 'golden-cove', 8, 3.4, 5.4, 'gracemont', 8, 4.2, 24, 'DDR5', 128, 5600, 2022, ['intelArk']],
  ['Intel Core i9-13900K', 'Intel', 'desktop', 'golden-cove', 8, 3.0, 5.8, 'gracemont', 16, 4.3, 32, 'DDR5', 128, 5600, 2022, ['intelArk']],
  ['Intel Core i7-14700K', 'Intel', 'desktop', 'golden-cove', 8, 3.4, 5.6, 'gracemont', 12, 4.3, 28, 'DDR5', 128, 5600, 2023, ['intelArk']],
  ['Intel Core i9-14900K', 'Intel', 'desktop', 'golden-cove', 8, 3.2, 6.0, 'gracemont', 16, 4.4, 32, 'DDR5', 128, 5600, 2023, ['intelArk']],
  ['Intel Core Ultra 7 265K', 'Intel', 'desktop', 'lion-cove', 8, 3.9, 5.5, 'gracemont', 12, 4.6, 20, 'DDR5', 128, 6400, 2024, ['intelArk']],
  ['Intel Core Ultra 9 285K', 'Intel', 'desktop', 'lion-cove', 8, 3.7, 5.7, 'gracemont', 16, 4.6, 24, 'DDR5', 128, 6400, 2024, ['intelArk']],
  ['Intel Core i7-7820HQ', 'Intel', 'laptop', 'skylake', 4, 2.9, 3.9, '', 0, 0, 8, 'DDR4', 128, 2400, 2017, ['intelArk']],
  ['Intel Core i5-1135G7', 'Intel', 'laptop', 'willow-cove', 4, 2.4, 4.2, '', 0, 0, 8, 'DDR4', 128, 3200, 2020, ['intelArk']],
  ['Intel Core i7-1165G7', 'Intel', 'laptop', 'willow-cove', 4, 2.8, 4.7, '', 0, 0, 8, 'LPDDR4X', 128, 4266, 2020, ['intelArk']],
  ['Intel Core i7-1260P', 'Intel', 'laptop', 'golden-cove', 4, 2.1, 4.7, 'gracemont', 8, 3.4, 16, 'LPDDR5', 128, 5200, 2022, ['intelArk']],
  ['Intel Core i7-1360P', 'Intel', 'laptop', 'golden-cove', 4, 2.2, 5.0, 'gracemont', 8, 3.7, 16, 'LPDDR5', 128, 6400, 2023, ['intelArk']],
  ['Intel Core i3-1315U', 'Intel', 'laptop', 'golden-cove', 2, 1.2, 4.5, 'gracemont', 4, 3.3, 8, 'DDR5', 128, 5200, 2023, ['intelArk']],
  ['Intel Core Ultra 7 155H', 'Intel', 'laptop', 'golden-cove', 6, 1.4, 4.8, 'gracemont', 8, 3.8, 22, 'LPDDR5X', 128, 7467, 2023, ['intelArk']],
  ['Intel Core Ultra 7 258V', 'Intel', 'laptop', 'lion-cove', 4, 2.2, 4.8, 'gracemont', 4, 3.7, 8, 'LPDDR5X', 128, 8533, 2024, ['intelArk']],
  ['Intel N100', 'Intel', 'laptop', 'gracemont', 4, 0.8, 3.4, '', 0, 0, 4, 'DDR5', 64, 4800, 2023, ['intelArk']],
  ['Intel N150', 'Intel', 'laptop', 'gracemont', 4, 0.8, 3.6, '', 0, 0, 4, 'DDR5', 64, 4800, 2025, ['intelArk']],
  ['Intel Xeon W-3245', 'Intel', 'workstation', 'cascade-lake', 16, 3.2, 4.4, '', 0, 0, 32, 'DDR4', 384, 2933, 2019, ['intelArk']],
  ['Intel Xeon W-3275M', 'Intel', 'workstation', 'cascade-lake', 28, 2.5, 4.4, '', 0, 0, 56, 'DDR4', 384, 2933, 2019, ['intelArk']],
  ['Intel Xeon Platinum 8480+', 'Intel', 'server', 'sapphire-rapids', 56, 2.0, 3.8, '', 0, 0, 112, 'DDR5', 512, 4800, 2023, ['intelArk']],
  ['Apple M1 (8-core CPU)', 'Apple', 'laptop', 'apple-m1-p', 4, 3.2, 3.2, 'apple-m1-e', 4, 2.06, 8, 'LPDDR4X', 128, 4266, 2020, ['appleSpecs']],
  ['Apple M1 Pro (8-core CPU)', 'Apple', 'laptop', 'apple-m1-p', 6, 3.2, 3.2, 'apple-m1-e', 2, 2.06, 8, 'LPDDR5', 256, 6400, 2021, ['appleSpecs']],
  ['Apple M1 Pro (10-core CPU)', 'Apple', 'laptop', 'apple-m1-p', 8, 3.2, 3.2, 'apple-m1-e', 2, 2.06, 10, 'LPDDR5', 256, 6400, 2021, ['appleSpecs']],
  ['Apple M1 Max (10-core CPU)', 'Apple', 'laptop', 'apple-m1-p', 8, 3.2, 3.2, 'apple-m1-e', 2, 2.06, 10, 'LPDDR5', 512, 6400, 2021, ['appleSpecs']],
  ['Apple M1 Ultra (20-core CPU)', 'Apple', 'workstation', 'apple-m1-p', 16, 3.2, 3.2, 'apple-m1-e', 4, 2.06, 20, 'LPDDR5', 1024, 6400, 2022, ['appleSpecs']],
  ['Apple M2 (8-core CPU)', 'Apple', 'laptop', 'apple-p', 4, 3.5, 3.5, 'apple-e', 4, 2.4, 8, 'LPDDR5', 128, 6400, 2022, ['appleSpecs']],
  ['Apple M2 Pro (10-core CPU)', 'Apple', 'laptop', 'apple-p', 6, 3.5, 3.5, 'apple-e', 4, 2.4, 10, 'LPDDR5', 256, 6400, 2023, ['appleSpecs']],
  ['Apple M2 Pro (12-core CPU)', 'Apple', 'laptop', 'apple-p', 8, 3.5, 3.5, 'apple-e', 4, 2.4, 12, 'LPDDR5', 256, 6400, 2023, ['appleSpecs']],
  ['Apple M2 Max (12-core CPU)', 'Apple', 'laptop', 'apple-p', 8, 3.5, 3.5, 'apple-e', 4, 2.4, 12, 'LPDDR5', 512, 6400, 2023, ['appleSpecs']],
  ['Apple M2 Ultra (24-core CPU)', 'Apple', 'workstation', 'apple-p', 16, 3.5, 3.5, 'apple-e', 8, 2.4, 24, 'LPDDR5', 1024, 6400, 2023, ['appleSpecs']],
  ['Apple M3 (8-core CPU)', 'Apple', 'laptop', 'apple-p', 4, 4.05, 4.05, 'apple-e', 4, 2.75, 8, 'LPDDR5', 128, 6400, 2023, ['appleSpecs']],
  ['Apple M3 Pro (11-core CPU)', 'Apple', 'laptop', 'apple-p', 5, 4.05, 4.05, 'apple-e', 6, 2.75, 11, 'LPDDR5', 192, 6400, 2023, ['appleSpecs']],
  ['Apple M3 Pro (12-core CPU)', 'Apple', 'laptop', 'apple-p', 6, 4.05, 4.05, 'apple-e', 6, 2.75, 12, 'LPDDR5', 192, 6400, 2023, ['appleSpecs']],
  ['Apple M3 Max (14-core CPU)', 'Apple', 'laptop', 'apple-p', 10, 4.05, 4.05, 'apple-e', 4, 2.75, 14, 'LPDDR5', 384, 6400, 2023, ['appleSpecs']],
  ['Apple M3 Max (16-core CPU)', 'Apple', 'laptop', 'apple-p', 12, 4.05, 4.05, 'apple-e', 4, 2.75, 16, 'LPDDR5', 512, 6400, 2023, ['appleSpecs']],
  ['Apple M3 Ultra (28-core CPU)', 'Apple', 'workstation', 'apple-p', 20, 4.05, 4.05, 'apple-e', 8, 2.75, 28, 'LPDDR5', 1024, 6400, 2025, ['appleSpecs']],
  ['Apple M3 Ultra (32-core CPU)', 'Apple', 'workstation', 'apple-p', 24, 4.05, 4.05, 'apple-e', 8, 2.75, 32, 'LPDDR5', 1024, 6400, 2025, ['appleSpecs']],
  ['Apple M4 (10-core CPU)', 'Apple', 'laptop', 'apple-p', 4, 4.4, 4.4, 'apple-e', 6, 2.9, 10, 'LPDDR5X', 128, 7500, 2024, ['appleSpecs']],
  ['Apple M4 Pro (12-core CPU)', 'Apple', 'laptop', 'apple-p', 8, 4.5, 4.5, 'apple-e', 4, 2.9, 12, 'LPDDR5X', 256, 8533, 2024, ['appleSpecs']],
  ['Apple M4 Pro (14-core CPU)', 'Apple', 'laptop', 'apple-p', 10, 4.5, 4.5, 'apple-e', 4, 2.9, 14, 'LPDDR5X', 256, 8533, 2024, ['appleSpecs']],
  ['Apple M4 Max (14-core CPU)', 'Apple', 'laptop', 'apple-p', 10, 4.5, 4.5, 'apple-e', 4, 2.9, 14, 'LPDDR5X', 384, 8533, 2024, ['appleSpecs']],
  ['Apple M4 Max (16-core CPU)', 'Apple', 'laptop', 'apple-p', 12, 4.5, 4.5, 'apple-e', 4, 2.9, 16, 'LPDDR5X', 512, 8533, 2024, ['appleSpecs']],
  ['Qualcomm Snapdragon X Elite X1E-80-100', 'Qualcomm', 'laptop', 'oryon', 12, 3.4, 4.0, '', 0, 0, 12, 'LPDDR5X', 128, 8448, 2024, ['snapdragonX']],
  ['Ampere Altra Q80-30', 'Ampere', 'server', 'neoverse-n1', 80, 3.0, 3.0, '', 0, 0, 80, 'DDR4', 512, 3200, 2020, ['ampere']],
  ['AmpereOne A192-32X', 'Ampere', 'server', 'ampereone', 192, 3.2, 3.2, '', 0, 0, 192, 'DDR5', 512, 5200, 2024, ['ampere']],
  ['AWS Graviton3', 'AWS', 'server', 'neoverse-v1', 64, 2.6, 2.6, '', 0, 0, 64, 'DDR5', 512, 4800, 2022, ['graviton']],
  ['AWS Graviton4', 'AWS', 'server', 'neoverse-v2', 96, 2.8, 2.8, '', 0, 0, 96, 'DDR5', 768, 5600, 2024, ['graviton']],
  ['Raspberry Pi 5', 'Raspberry Pi', 'sbc', 'cortex-a76', 4, 2.4, 2.4, '', 0, 0, 4, 'LPDDR4X', 32, 4267, 2023, ['rpi5']],
  ['Raspberry Pi 500+', 'Raspberry Pi', 'sbc', 'cortex-a76', 4, 2.4, 2.4, '', 0, 0, 4, 'LPDDR4X', 32, 4267, 2025, ['rpi500plus']],
  ['Raspberry Pi 4 Model B', 'Raspberry Pi', 'sbc', 'cortex-a72', 4, 1.8, 1.8, '', 0, 0, 4, 'LPDDR4', 32, 3200, 2019, ['rpi4']],
  ['Orange Pi 5 (Rockchip RK3588S)', 'Orange Pi', 'sbc', 'cortex-a76', 4, 2.4, 2.4, 'cortex-a55', 4, 1.8, 8, 'LPDDR4X', 64, 4224, 2022, ['orangePi5']],
  ['Radxa Orion O6 (CIX P1)', 'Radxa', 'sbc', 'cortex-a720', 8, 2.6, 2.6, 'cortex-a55', 4, 1.8, 12, 'LPDDR5', 128, 6000, 2025, ['radxaO6']],
  ['NVIDIA Jetson Orin Nano 8GB', 'NVIDIA', 'sbc', 'cortex-a76', 6, 1.5, 1.5, '', 0, 0, 6, 'LPDDR5', 128, 4266, 2023, ['jetson']],
];

/** Caveats per row name. */
const notes: Readonly<Record<string, string>> = {
  'Radxa Orion O6 (CIX P1)':
    'CIX P1: 4 Cortex-A720 at up to 2.8 GHz and 4 at up to 2.4 GHz (one 2.6 GHz class here) and 4 Cortex-A520 (modelled as A55-class)',
  'NVIDIA Jetson Orin Nano 8GB': 'Cortex-A78AE cores, modelled with the A76-class vector units they share',
  'Intel Core Ultra 7 155H':
    'Redwood Cove P-cores and Crestmont E-cores, modelled as Golden Cove / Gracemont; 2 low-power E-cores not counted',
  'Intel Core Ultra 7 265K': 'Skymont E-cores modelled as Gracemont',
  'Intel Core Ultra 9 285K': 'Skymont E-cores modelled as Gracemont',
  'Intel Core Ultra 7 258V': 'Skymont E-cores modelled as Gracemont',
  'AMD Ryzen AI 5 340': 'supports DDR5-5600 or LPDDR5X-7500; the DDR5 configuration is listed',
  'Intel Core i5-1135G7': 'supports DDR4-3200 or LPDDR4X-4266; the DDR4 configuration is listed',
};

/** Names people type that the product name does not spell. */
const aliases: Readonly<Record<string, readonly string[]>> = {
  'Raspberry Pi 5': ['Pi 5', 'RPi 5', 'BCM2712'],
  'Raspberry Pi 4 Model B': ['Pi 4', 'RPi 4', 'BCM2711'],
  'Intel Xeon W-3245': ['Mac Pro 2019 16-core', 'Mac Pro 2019 16-core Xeon W'],
  'Intel Xeon W-3275M': ['Mac Pro 2019 28-core'],
};

function deviceOf(row: CpuRow): Device {
  const [name, vendor, segment, core, cores, baseGHz, boostGHz, eCore, eCores, eGHz, threads] = row;
  const [, , , , , , , , , , , memoryType, busBits, megaTransfers, year, sources] = row;
  const cpu: CpuSpec = {
    segment,
    core,
    performanceCores: cores,
    baseGHz,
    boostGHz,
    ...(eCore === '' ? {} : { efficiency: { core: eCore, cores: eCores, boostGHz: eGHz } }),
    threads,
    ...(vendor === 'Intel' && eCore !== '' ? { x86Hybrid: true } : {}),
  };
  const note = notes[name];
  const names = aliases[name];
  return {
    id: slugify(name),
    name,
    vendor,
    kind: 'cpu',
    formFactor: 'cpu',
    bandwidthGBs: Number(((busBits / 8) * megaTransfers * 1e-3).toFixed(2)),
    ...(names === undefined ? {} : { aliases: names }),
    source: citeCpu(sources),
    family: name,
    memoryType,
    busBits,
    year,
    cpu,
    ...(note === undefined ? {} : { note }),
  };
}

/** Every CPU of the catalog, as `Device` entries of kind `cpu`. */
export const cpuDevices: readonly Device[] = rows.map(deviceOf);
