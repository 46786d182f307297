/**
 * @module estimate/memory-pools — the memory bars to draw for an estimate, so the CLI and the page draw the same
 * ones: a discrete GPU has two pools (its memory and system RAM), unified memory is one pool with the GPU's
 * wired limit marked on it, CPU only is system RAM. Each bar lists what the model takes, the free space and what
 * the OS keeps, left to right, and says its figures in one line of text. GiB throughout, as llama.cpp prints.
 */
import type { DetailedEstimate } from './detailed.js';
import type { MemoryLayout } from './resolve-hardware.js';

const GIB = 2 ** 30;
const gib = (bytes: number): string => (bytes / GIB).toFixed(1);

/** What a part of a bar holds. */
export type MemoryPartKind = 'weights' | 'kv' | 'buffers' | 'cpu-side' | 'spilled';

export interface MemoryPart {
  readonly kind: MemoryPartKind;
  readonly label: string;
  readonly bytes: number;
}

/** One stretch of a bar, left to right: a part of the model, free space, or the OS's reserve. */
export interface MemorySpan {
  readonly kind: MemoryPartKind | 'free' | 'reserved';
  readonly bytes: number;
}

export interface MemoryPool {
  readonly kind: 'gpu' | 'ram' | 'unified';
  /** "GPU memory", "System RAM", "Unified memory". */
  readonly label: string;
  /** The pool's size, bytes: VRAM (or the free VRAM given), installed RAM, unified memory. */
  readonly totalBytes: number;
  /** What the OS and a desktop keep, bytes (0 for VRAM). */
  readonly reservedBytes: number;
  /** What is left for the model: total less the reserve, bytes. */
  readonly availableBytes: number;
  /** What the model takes here, by kind, in drawing order: the parts worth naming (0.05 GiB or more). */
  readonly parts: readonly MemoryPart[];
  readonly usedBytes: number;
  /** Bytes past `availableBytes`, and where they go; 0 and undefined when it fits. */
  readonly overBytes: number;
  readonly overflow: string | undefined;
  /** Unified memory: the GPU's wired limit and what the GPU side takes of it. */
  readonly gpuLimit: { readonly bytes: number; readonly usedBytes: number } | undefined;
  /** The bar left to right: parts, free space, reserve; the spans add up to `scaleBytes`. */
  readonly spans: readonly MemorySpan[];
  /** The bar's full length, bytes: the pool, or more when the model overflows it. */
  readonly scaleBytes: number;
  /** The figures in words: "10.9 of 12.0 GiB: weights 9.0, KV cache 0.9, buffers & runtime 1.0". */
  readonly text: string;
}

type Memory = DetailedEstimate['breakdown']['memory'];

/** One pool before its spans and text are worked out. */
interface PoolSpec {
  readonly kind: MemoryPool['kind'];
  readonly label: string;
  readonly totalBytes: number;
  readonly reservedBytes: number;
  readonly parts: readonly MemoryPart[];
  /** What happens to bytes past what the pool holds. */
  readonly overflow: string;
  readonly gpuLimit?: MemoryPool['gpuLimit'];
  /** Several GPUs: the GPU's name, said first in the text. */
  readonly name?: string;
}

const sum = (parts: readonly MemoryPart[]): number => parts.reduce((a, p) => a + p.bytes, 0);

const gpuParts = (m: Memory): MemoryPart[] => [
  { kind: 'weights', label: 'weights', bytes: m.gpuWeightBytes },
  { kind: 'kv', label: 'KV cache', bytes: m.gpuKvBytes },
  { kind: 'buffers', label: 'buffers & runtime', bytes: m.gpuComputeBytes + m.runtimeBytes },
];

const hostParts = (m: Memory): MemoryPart[] => [
  { kind: 'weights', label: 'weights', bytes: m.hostWeightBytes },
  { kind: 'kv', label: 'KV cache', bytes: m.hostKvBytes },
  { kind: 'buffers', label: 'buffers', bytes: m.hostComputeBytes },
  { kind: 'spilled', label: 'spilled from the GPU', bytes: m.gpuOverflowBytes },
];

/** Several GPUs: one pool per GPU (its share, its compute buffer, its runtime context). */
function perGpuPools(e: DetailedEstimate): PoolSpec[] {
  const devices = e.placement.perDevice ?? [];
  return devices.map((d, i) => ({
    kind: 'gpu',
    label: `GPU ${i} memory`,
    name: d.name,
    totalBytes: d.usableBytes + d.runtimeBytes,
    reservedBytes: 0,
    parts: [
      { kind: 'weights', label: 'weights', bytes: d.weightsBytes },
      { kind: 'kv', label: 'KV cache', bytes: d.kvCacheBytes },
      { kind: 'buffers', label: 'buffers & runtime', bytes: d.computeBufferBytes + d.runtimeBytes },
    ],
    overflow: 'llama.cpp fails to allocate',
  }));
}

const ram = (m: Memory): PoolSpec => ({
  kind: 'ram',
  label: 'System RAM',
  totalBytes: m.ramBytes,
  reservedBytes: m.ramBytes - m.ramAvailableBytes,
  parts: hostParts(m),
  overflow: 'streamed from disk',
});

/** The pools of each memory layout. */
const POOLS: Readonly<Record<MemoryLayout, (m: Memory, e: DetailedEstimate) => readonly PoolSpec[]>> = {
  discrete: (m, e) => {
    const ramPool = ram(m);
    if (e.placement.perDevice !== undefined) return [...perGpuPools(e), ramPool];
    const gpu: PoolSpec = {
      kind: 'gpu',
      label: 'GPU memory',
      totalBytes: m.gpuUsableBytes + m.runtimeBytes,
      reservedBytes: 0,
      parts: gpuParts(m),
      overflow:
        e.regime === 'sysmem-fallback'
          ? 'the driver spills it to system RAM and the GPU reads it over PCIe'
          : 'llama.cpp fails to allocate',
    };
    return [gpu, ramPool];
  },
  unified: (m) => [
    {
      kind: 'unified',
      label: 'Unified memory',
      totalBytes: m.ramBytes,
      reservedBytes: m.ramBytes - m.ramAvailableBytes,
      parts: [
        ...gpuParts(m),
        {
          kind: 'cpu-side',
          label: 'CPU side',
          bytes: m.hostWeightBytes + m.hostKvBytes + m.hostComputeBytes,
        },
      ],
      overflow: 'streamed from disk',
      gpuLimit: { bytes: m.gpuUsableBytes + m.runtimeBytes, usedBytes: sum(gpuParts(m)) },
    },
  ],
  cpu: (m) => [ram(m)],
};

/** Parts under this are drawn but not named: "0.0 GiB" says nothing. */
const NAMED_BYTES = 0.05 * GIB;

function poolOf(spec: PoolSpec): MemoryPool {
  const drawn = spec.parts.filter((p) => p.bytes > 0);
  const parts = drawn.filter((p) => p.bytes >= NAMED_BYTES);
  const usedBytes = sum(drawn);
  const availableBytes = spec.totalBytes - spec.reservedBytes;
  const overBytes = Math.max(0, usedBytes - availableBytes);
  const spans: MemorySpan[] = [
    ...drawn.map((p) => ({ kind: p.kind, bytes: p.bytes })),
    { kind: 'free', bytes: Math.max(0, availableBytes - usedBytes) },
    { kind: 'reserved', bytes: spec.reservedBytes },
  ];
  const gpuLimit = spec.gpuLimit;
  const figures = [
    spec.name === undefined ? '' : `${spec.name}: `,
    `${gib(usedBytes)} of ${gib(availableBytes)} GiB`,
    spec.reservedBytes > 0
      ? ` available (${gib(spec.totalBytes)} less ${gib(spec.reservedBytes)} for the OS)`
      : '',
    parts.length > 0 ? `: ${parts.map((p) => `${p.label} ${gib(p.bytes)}`).join(', ')}` : '',
    gpuLimit === undefined
      ? ''
      : `; GPU limit ${gib(gpuLimit.bytes)} GiB, ${gib(gpuLimit.usedBytes)} on the GPU side${gpuLimit.usedBytes > gpuLimit.bytes ? ', past it: macOS pages the excess' : ''}`,
    overBytes > 0 ? `; ${gib(overBytes)} GiB more than it holds: ${spec.overflow}` : '',
  ];
  return {
    kind: spec.kind,
    label: spec.label,
    totalBytes: spec.totalBytes,
    reservedBytes: spec.reservedBytes,
    availableBytes,
    parts,
    usedBytes,
    overBytes,
    overflow: overBytes > 0 ? spec.overflow : undefined,
    gpuLimit,
    spans: spans.filter((s) => s.bytes > 0),
    scaleBytes: Math.max(spec.totalBytes, usedBytes + spec.reservedBytes),
    text: figures.join(''),
  };
}

/**
 * The memory bars of an estimate: GPU memory and system RAM (several GPUs: one bar per GPU, then RAM), one unified
 * pool, or system RAM alone.
 */
export function memoryPools(e: DetailedEstimate): readonly MemoryPool[] {
  const m = e.breakdown.memory;
  return POOLS[m.layout](m, e).map(poolOf);
}
