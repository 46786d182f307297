/**
 * @module checks/physical-limits — bandwidths no memory can deliver. Every cache-free figure (GPU memory,
 * host-to-GPU upload, host RAM) is held to the fastest memory in core's catalog; when the uploader claims a
 * catalog device, GPU figures are also held to its spec bandwidth, uploads to its PCIe link (discrete) or its
 * memory (unified), and RAM figures to its memory when it is a unified-memory device.
 */
import { type Device, devices, hostMemories, pcieBandwidthGBs, type ResultDocument } from '@cliffbench/core';
import type { Problem } from './problem.js';

/**
 * A figure may exceed the limit that applies to it by at most this factor. Judgement: memory benchmarks land
 * at 70–95 % of spec; 1.5× leaves room for spec rows that understate and for compression.
 */
export const MAX_SPEC_RATIO = 1.5;

/**
 * Working sets at least this large cannot sit in any GPU's or CPU's last-level cache (among the largest today:
 * 256 MB of Infinity Cache on AMD Instinct MI300X,
 * https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html), so their bandwidth is memory
 * bandwidth and is held to the limits. Smaller ones may legitimately run from cache and are not.
 */
const CACHE_FREE_WORKING_SET_BYTES = 512 * 2 ** 20;

/** The fastest memory in the catalog, GPU or host RAM, GB/s: nothing measured on any machine is faster. */
export const FASTEST_MEMORY_GBS = Math.max(
  ...devices.map((d) => d.bandwidthGBs),
  ...hostMemories.map((h) => h.bandwidthGBs),
);

/** Which memory a figure measures. */
type Tier = 'gpu' | 'upload' | 'ram';

interface Figure {
  readonly path: string;
  readonly tier: Tier;
  readonly bandwidthGBs: number;
}

const cacheFree = (bytes: number) => bytes >= CACHE_FREE_WORKING_SET_BYTES;

/** The cache-free bandwidth figures of a document, by tier. */
function figures(doc: ResultDocument): Figure[] {
  const ram = doc.ram;
  return [
    ...doc.fits.map((f, i) => ({
      path: `fits.${i}.bandwidthGBs`,
      tier: 'gpu' as const,
      bandwidthGBs: f.bandwidthGBs,
    })),
    ...doc.measurements.flatMap((m, i) =>
      cacheFree(m.workingSetBytes)
        ? [{ path: `measurements.${i}.bandwidthGBs`, tier: 'gpu' as const, bandwidthGBs: m.bandwidthGBs }]
        : [],
    ),
    ...doc.sweep.flatMap((s, i) =>
      cacheFree(s.workingSetBytes)
        ? [{ path: `sweep.${i}.bandwidthGBs`, tier: 'gpu' as const, bandwidthGBs: s.bandwidthGBs }]
        : [],
    ),
    ...(doc.upload
      ? [{ path: 'upload.bandwidthGBs', tier: 'upload' as const, bandwidthGBs: doc.upload.bandwidthGBs }]
      : []),
    ...(doc.uploads ?? []).map((u, i) => ({
      path: `uploads.${i}.bandwidthGBs`,
      tier: 'upload' as const,
      bandwidthGBs: u.bandwidthGBs,
    })),
    ...(ram?.threadSweep ?? []).flatMap((m, i) =>
      cacheFree(m.threads * m.bytesPerWorker)
        ? [{ path: `ram.threadSweep.${i}.bandwidthGBs`, tier: 'ram' as const, bandwidthGBs: m.bandwidthGBs }]
        : [],
    ),
    ...(ram?.workingSetSweep ?? []).flatMap((p, i) =>
      cacheFree(p.workingSetBytes)
        ? [
            {
              path: `ram.workingSetSweep.${i}.bandwidthGBs`,
              tier: 'ram' as const,
              bandwidthGBs: p.bandwidthGBs,
            },
          ]
        : [],
    ),
  ];
}

interface Limit {
  readonly gbs: number;
  readonly what: string;
}

const PCIE_GENERATIONS = [3, 4, 5] as const;
type PcieGen = (typeof PCIE_GENERATIONS)[number];
const isPcieGen = (gen: number): gen is PcieGen => (PCIE_GENERATIONS as readonly number[]).includes(gen);

/** The claimed device's own limit for each tier, where it has one. */
const DEVICE_LIMITS: Record<Tier, (d: Device) => Limit | undefined> = {
  gpu: (d) => ({ gbs: d.bandwidthGBs, what: `the ${d.name}'s spec of ${d.bandwidthGBs} GB/s` }),
  upload: (d) => {
    if (d.kind === 'unified') return DEVICE_LIMITS.gpu(d);
    if (!d.pcie || !isPcieGen(d.pcie.gen)) return undefined;
    const gbs = pcieBandwidthGBs(d.pcie.gen, d.pcie.lanes);
    return {
      gbs,
      what: `the ${d.name}'s PCIe ${d.pcie.gen}.0 x${d.pcie.lanes} link (${gbs.toFixed(1)} GB/s)`,
    };
  },
  ram: (d) => (d.kind === 'unified' ? DEVICE_LIMITS.gpu(d) : undefined),
};

const CATALOG_LIMIT: Limit = {
  gbs: FASTEST_MEMORY_GBS,
  what: `the fastest memory in the catalog (${FASTEST_MEMORY_GBS} GB/s)`,
};

/** Appends an unknown claimed device id, and every figure over its limit × MAX_SPEC_RATIO, to `out`. */
export function limitProblems(doc: ResultDocument, out: Problem[]): void {
  const id = doc.claimedDevice?.deviceId;
  const device = id === undefined ? undefined : devices.find((d) => d.id === id);
  if (id !== undefined && !device) {
    out.push({
      path: 'claimedDevice.deviceId',
      message: `"${id}" is not a catalog device id; omit deviceId or use one from \`cliffbench devices\``,
    });
  }
  for (const f of figures(doc)) {
    const own = device ? DEVICE_LIMITS[f.tier](device) : undefined;
    const limit = own && own.gbs < CATALOG_LIMIT.gbs ? own : CATALOG_LIMIT;
    if (f.bandwidthGBs > limit.gbs * MAX_SPEC_RATIO) {
      out.push({
        path: f.path,
        message: `${f.bandwidthGBs.toPrecision(4)} GB/s is more than ${MAX_SPEC_RATIO}× ${limit.what}`,
      });
    }
  }
}
