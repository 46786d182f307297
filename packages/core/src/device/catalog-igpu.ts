/**
 * @module device/catalog-igpu — integrated GPUs of laptop and desktop processors. They share the system RAM:
 * an entry has no memory size of its own (the pool is the host's RAM, `--ram`), and its bandwidth is that of
 * the platform's fastest supported memory as listed (LPDDR5X on the U/H parts), which `--ram-bandwidth`
 * overrides. Compute from the vendors' processor pages (compute units or Xe-cores and graphics clock):
 * RDNA FP32 = CUs × 64 lanes × 2 (FMA) × clock, × 2 on RDNA3/3.5 (dual-issue); FP16 twice that (WMMA on
 * RDNA3/3.5, packed FP16 on RDNA2); Intel Xe-LP/LPG FP32 = EUs × 8 lanes × 2 × clock, FP16 twice that;
 * Xe2's XMX FP16 is half its published GPU int8 TOPS.
 */
import { citeCpu } from './cpu-sources.js';
import type { Device } from './device.js';
import type { GpuGeneration } from './gpu-generation.js';
import { slugify } from './gpu-table.js';

/**
 * name, vendor, generation, platform bandwidth GB/s, memory type, FP32 TFLOPS, FP16 TFLOPS, year, processors it
 * ships in (aliases).
 */
type IgpuRow = readonly [
  name: string,
  vendor: 'AMD' | 'Intel',
  generation: GpuGeneration,
  bandwidthGBs: number,
  memoryType: string,
  fp32Tflops: number,
  fp16Tflops: number,
  year: number,
  processors: readonly string[],
];

// biome-ignore format: one product per line reads as a table
const rows: readonly IgpuRow[] = [
  ['Radeon Vega 8 (Ryzen 5000G)', 'AMD', 'vega', 51.2, 'DDR4', 2.05, 4.1, 2021, ['Ryzen 7 5700G']],
  ['Radeon 680M', 'AMD', 'rdna2', 102.4, 'LPDDR5', 3.69, 7.37, 2022, ['Ryzen 7 6800U', 'Ryzen 9 6900HS', 'Rembrandt']],
  ['Radeon 740M', 'AMD', 'rdna3', 102.4, 'LPDDR5', 2.87, 5.73, 2023, ['Ryzen Z1', 'Ryzen 5 7540U']],
  ['Radeon 760M', 'AMD', 'rdna3', 120, 'LPDDR5X', 5.32, 10.65, 2023, ['Ryzen 5 7640U', 'Ryzen 5 8640U']],
  ['Radeon 780M', 'AMD', 'rdna3', 120, 'LPDDR5X', 8.29, 16.59, 2023, ['Ryzen 7 7840U', 'Ryzen 7 7840HS', 'Ryzen 7 8840U', 'Ryzen 7 8845HS', 'Phoenix', 'Hawk Point']],
  ['Radeon 840M', 'AMD', 'rdna3.5', 89.6, 'DDR5', 2.97, 5.94, 2025, ['Ryzen AI 5 340']],
  ['Radeon 880M', 'AMD', 'rdna3.5', 120, 'LPDDR5X', 8.91, 17.82, 2024, ['Ryzen AI 9 365']],
  ['Radeon 890M', 'AMD', 'rdna3.5', 120, 'LPDDR5X', 11.88, 23.76, 2024, ['Ryzen AI 9 HX 370', 'Strix Point']],
  ['Iris Xe Graphics (96 EU)', 'Intel', 'xe-lp', 68.3, 'LPDDR4X', 2.0, 4.0, 2020, ['Core i7-1165G7', 'Tiger Lake']],
  ['Arc Graphics (Meteor Lake, 8 Xe-cores)', 'Intel', 'xe-lpg', 119.5, 'LPDDR5X', 4.61, 9.22, 2023, ['Core Ultra 7 155H', 'Meteor Lake']],
  ['Arc 140V (Lunar Lake)', 'Intel', 'xe2', 136.5, 'LPDDR5X', 3.99, 32, 2024, ['Core Ultra 7 258V', 'Lunar Lake']],
];

/** Caveats per row name. */
const notes: Readonly<Record<string, string>> = {
  'Arc 140V (Lunar Lake)':
    "XMX FP16 derived from Intel's 64 GPU int8 TOPS; FP32 from 8 Xe2-cores × 128 lanes × 2 × 1.95 GHz",
  'Radeon 840M': 'bandwidth of DDR5-5600 dual channel; LPDDR5X-7500 machines reach 120 GB/s',
  'Radeon 740M': '4 CUs at 2.8 GHz (Ryzen Z1); bandwidth of LPDDR5-6400',
};

function deviceOf(row: IgpuRow): Device {
  const [name, vendor, generation, bandwidthGBs, memoryType, fp32Tflops, fp16Tflops, year, processors] = row;
  const note = notes[name];
  return {
    id: slugify(name),
    name,
    vendor,
    kind: 'unified',
    formFactor: 'soc',
    bandwidthGBs,
    fp16Tflops,
    fp32Tflops,
    aliases: processors,
    source: citeCpu([vendor === 'AMD' ? 'amdCpu' : 'intelArk']),
    family: name,
    memoryType,
    year,
    generation,
    ...(note === undefined ? {} : { note }),
  };
}

/** Integrated GPUs (unified memory, pool = host RAM). */
export const integratedGpus: readonly Device[] = rows.map(deviceOf);
