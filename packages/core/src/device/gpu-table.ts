/**
 * @module device/gpu-table — the compact row format of the GPU catalog tables and the one function that
 * turns rows into `Device` entries. Adding a GPU is adding a row, never a branch.
 */
import type { Device, DeviceKind, FormFactor } from './device.js';
import { cite, type SourceKey } from './sources.js';

/** Marketed accelerator memory is binary: "24 GB" of VRAM or unified memory is 24 GiB. */
export const BYTES_PER_MARKETED_GB = 2 ** 30;

/** PCIe generation × electrical lanes of the card's own link, e.g. `'4x16'`; `''` when there is none (SXM, SoC). */
export type PcieCode = `${3 | 4 | 5}x${4 | 8 | 16}` | '';

/**
 * One product: name, marketed memory (GB = GiB), memory type, bus width (bits), spec bandwidth (GB/s),
 * dense FP16 tensor/matrix TFLOPS, PCIe link, board power (W), launch year, sources.
 */
export type GpuRow = readonly [
  name: string,
  memoryGB: number,
  memoryType: string,
  busBits: number,
  bandwidthGBs: number,
  fp16Tflops: number,
  pcie: PcieCode,
  tdpW: number,
  year: number,
  sources: readonly SourceKey[],
];

/** A block of rows sharing vendor and form factor, with caveats for rows whose numbers are estimated. */
export interface GpuTable {
  readonly vendor: string;
  readonly formFactor: FormFactor;
  readonly rows: readonly GpuRow[];
  /** Caveat per row name (hardware reference marks these "(est.)"). */
  readonly notes?: Readonly<Record<string, string>>;
  /** Extra names per row name. */
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
}

/** Kebab-case id from a display name: "Ryzen AI Max+ 395" → "ryzen-ai-max-plus-395". */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('+', ' plus ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function parsePcie(code: PcieCode): Device['pcie'] {
  if (code === '') return undefined;
  const [gen, lanes] = code.split('x').map(Number);
  return { gen: gen ?? 0, lanes: lanes ?? 0 };
}

/** The catalog entries of one table. */
export function devicesFromTable(table: GpuTable): Device[] {
  const kind: DeviceKind = table.formFactor === 'soc' ? 'unified' : 'discrete';
  return table.rows.map(
    ([name, memoryGB, memoryType, busBits, bandwidthGBs, fp16Tflops, pcie, tdpW, year, sources]) => {
      const note = table.notes?.[name];
      const aliases = table.aliases?.[name];
      return {
        id: slugify(name),
        name,
        vendor: table.vendor,
        kind,
        formFactor: table.formFactor,
        memoryGB,
        memoryBytes: memoryGB * BYTES_PER_MARKETED_GB,
        bandwidthGBs,
        fp16Tflops,
        ...(pcie === '' ? {} : { pcie: parsePcie(pcie) }),
        ...(aliases === undefined ? {} : { aliases }),
        source: cite(sources),
        family: name,
        memoryType,
        busBits,
        tdpW,
        year,
        ...(note === undefined ? {} : { note }),
      };
    },
  );
}
