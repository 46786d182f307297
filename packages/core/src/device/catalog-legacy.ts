/**
 * @module device/catalog-legacy — older discrete GPUs people still run llama.cpp on (Kepler to Volta, GCN and
 * early CDNA/RDNA, Turing GTX) and datacenter cards the main tables lack. Their FP32 shader rate matters more
 * than an FP16 figure: without matrix units llama.cpp's prompt kernels run on the shader ALUs (int8 dot
 * products, packed FP16 or FP32). Numbers from TechPowerUp's GPU database (per card: memory, bus, bandwidth,
 * FP32/FP16 TFLOPS at boost clock) and the vendors' datacenter pages; FP16 is given only where the chip has
 * matrix units or fast packed FP16 (Pascal consumer chips run FP16 at 1/64 of FP32).
 */
import type { Device } from './device.js';
import type { GpuGeneration } from './gpu-generation.js';
import { BYTES_PER_MARKETED_GB, slugify } from './gpu-table.js';
import { cite, type SourceKey } from './sources.js';

/**
 * name, vendor, form factor, generation, memory GB, memory type, bus bits, bandwidth GB/s, FP32 TFLOPS, FP16
 * TFLOPS (matrix or packed; 0 = none usable), PCIe gen × lanes, TDP W, year, sources.
 */
type LegacyRow = readonly [
  name: string,
  vendor: string,
  formFactor: 'desktop' | 'workstation' | 'datacenter',
  generation: GpuGeneration,
  memoryGB: number,
  memoryType: string,
  busBits: number,
  bandwidthGBs: number,
  fp32Tflops: number,
  fp16Tflops: number,
  pcie: readonly [gen: number, lanes: number],
  tdpW: number,
  year: number,
  sources: readonly SourceKey[],
];

// biome-ignore format: one product per line reads as a table
const rows: readonly LegacyRow[] = [
  ['Tesla K80 (one GPU)', 'NVIDIA', 'datacenter', 'kepler', 12, 'GDDR5', 384, 240.6, 4.37, 0, [3, 16], 150, 2014, ['tpu', 'nvDc']],
  ['Tesla M40 24GB', 'NVIDIA', 'datacenter', 'maxwell', 24, 'GDDR5', 384, 288.4, 6.84, 0, [3, 16], 250, 2015, ['tpu', 'nvDc']],
  ['GeForce GTX TITAN X', 'NVIDIA', 'desktop', 'maxwell', 12, 'GDDR5', 384, 336.5, 6.69, 0, [3, 16], 250, 2015, ['tpu']],
  ['GeForce GTX 980 Ti', 'NVIDIA', 'desktop', 'maxwell', 6, 'GDDR5', 384, 336.5, 6.06, 0, [3, 16], 250, 2015, ['tpu']],
  ['Tesla P40', 'NVIDIA', 'datacenter', 'pascal', 24, 'GDDR5', 384, 347.1, 11.76, 0, [3, 16], 250, 2016, ['tpu', 'nvDc']],
  ['Tesla P100 16GB', 'NVIDIA', 'datacenter', 'pascal-hp', 16, 'HBM2', 4096, 732.2, 9.53, 19.05, [3, 16], 250, 2016, ['tpu', 'nvDc']],
  ['GeForce GTX 1060 6GB', 'NVIDIA', 'desktop', 'pascal', 6, 'GDDR5', 192, 192.2, 4.38, 0, [3, 16], 120, 2016, ['tpu']],
  ['GeForce GTX 1070', 'NVIDIA', 'desktop', 'pascal', 8, 'GDDR5', 256, 256.3, 6.46, 0, [3, 16], 150, 2016, ['tpu']],
  ['GeForce GTX 1080', 'NVIDIA', 'desktop', 'pascal', 8, 'GDDR5X', 256, 320.3, 8.87, 0, [3, 16], 180, 2016, ['tpu']],
  ['GeForce GTX 1080 Ti', 'NVIDIA', 'desktop', 'pascal', 11, 'GDDR5X', 352, 484.4, 11.34, 0, [3, 16], 250, 2017, ['tpu']],
  ['TITAN Xp', 'NVIDIA', 'desktop', 'pascal', 12, 'GDDR5X', 384, 547.6, 12.15, 0, [3, 16], 250, 2017, ['tpu']],
  ['Tesla V100 PCIe 16GB', 'NVIDIA', 'datacenter', 'volta', 16, 'HBM2', 4096, 897, 14.13, 112.7, [3, 16], 250, 2017, ['tpu', 'nvDc']],
  ['Tesla V100 SXM2 32GB', 'NVIDIA', 'datacenter', 'volta', 32, 'HBM2', 4096, 897, 15.67, 125.3, [3, 16], 300, 2018, ['tpu', 'nvDc']],
  ['TITAN V', 'NVIDIA', 'desktop', 'volta', 12, 'HBM2', 3072, 652.8, 14.9, 119.2, [3, 16], 250, 2017, ['tpu']],
  ['GeForce GTX 1660 SUPER', 'NVIDIA', 'desktop', 'turing-gtx', 6, 'GDDR6', 192, 336, 5.03, 10.05, [3, 16], 125, 2019, ['tpu']],
  ['GeForce GTX 1660 Ti', 'NVIDIA', 'desktop', 'turing-gtx', 6, 'GDDR6', 192, 288, 5.44, 10.87, [3, 16], 120, 2019, ['tpu']],
  ['Quadro RTX 6000', 'NVIDIA', 'workstation', 'turing', 24, 'GDDR6', 384, 672, 16.31, 130.5, [3, 16], 260, 2018, ['tpu', 'turingWp']],
  ['A40', 'NVIDIA', 'datacenter', 'ampere', 48, 'GDDR6', 384, 695.8, 37.42, 149.7, [4, 16], 300, 2020, ['tpu', 'nvDc']],
  ['Radeon RX 580 8GB', 'AMD', 'desktop', 'gcn4', 8, 'GDDR5', 256, 256, 6.17, 0, [3, 16], 185, 2017, ['tpu', 'amdGfx']],
  ['Radeon RX Vega 64', 'AMD', 'desktop', 'vega', 8, 'HBM2', 2048, 483.8, 12.66, 25.33, [3, 16], 295, 2017, ['tpu', 'amdGfx']],
  ['Radeon VII', 'AMD', 'desktop', 'vega20', 16, 'HBM2', 4096, 1024, 13.83, 27.65, [3, 16], 295, 2019, ['tpu', 'amdGfx']],
  ['Instinct MI50 32GB', 'AMD', 'datacenter', 'vega20', 32, 'HBM2', 4096, 1024, 13.41, 26.82, [4, 16], 300, 2018, ['tpu', 'amdInst']],
  ['Instinct MI60', 'AMD', 'datacenter', 'vega20', 32, 'HBM2', 4096, 1024, 14.75, 29.49, [4, 16], 300, 2018, ['tpu', 'amdInst']],
  ['Instinct MI100', 'AMD', 'datacenter', 'cdna1', 32, 'HBM2', 4096, 1229, 23.07, 184.6, [4, 16], 300, 2020, ['tpu', 'amdInst']],
  ['Radeon RX 5700 XT', 'AMD', 'desktop', 'rdna1', 8, 'GDDR6', 256, 448, 9.75, 19.5, [4, 16], 225, 2019, ['tpu', 'amdGfx']],
  ['Radeon PRO V620', 'AMD', 'datacenter', 'rdna2', 32, 'GDDR6', 256, 512, 20.28, 40.55, [4, 16], 300, 2021, ['tpu', 'amdGfx']],
];

function deviceOf(row: LegacyRow): Device {
  const [name, vendor, formFactor, generation, memoryGB, memoryType, busBits, bandwidthGBs, fp32, fp16] = row;
  const [, , , , , , , , , , [gen, lanes], tdpW, year, sources] = row;
  return {
    id: slugify(name),
    name,
    vendor,
    kind: 'discrete',
    formFactor,
    memoryGB,
    memoryBytes: memoryGB * BYTES_PER_MARKETED_GB,
    bandwidthGBs,
    ...(fp16 > 0 ? { fp16Tflops: fp16 } : {}),
    fp32Tflops: fp32,
    pcie: { gen, lanes },
    source: cite(sources),
    family: name,
    memoryType,
    busBits,
    tdpW,
    year,
    generation,
  };
}

/** The legacy and extra datacenter GPUs. */
export const legacyDevices: readonly Device[] = rows.map(deviceOf);
