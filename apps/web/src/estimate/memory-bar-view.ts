/**
 * @module estimate/memory-bar-view — core's memory pools as the page draws them: segment widths, the overflow, the
 * GPU-limit marker of unified memory, the legend, and the bar's accessible text (the CLI's figures, in words).
 */
import type { MemoryPool, MemorySpan } from '@cliffbench/core';
import { gib } from '../format.js';

export interface BarView {
  /**
   * `memory-bar` for the first bar (the GPU's, or the only one), `memory-bar-ram` for RAM beside a GPU,
   * `memory-bar-gpu-N` for the N-th GPU of several (counting from 0, as llama.cpp does).
   */
  readonly testId: string;
  /** "GPU memory — 10.9 GiB of 12.0 GiB", "System RAM — 10.4 GiB of 28.0 GiB available". */
  readonly title: string;
  /** What a screen reader says for the bar: the pool and every figure. */
  readonly ariaLabel: string;
  readonly segments: readonly { readonly cls: MemorySpan['kind']; readonly width: string }[];
  readonly overflow: { readonly left: string; readonly width: string } | undefined;
  readonly limit: { readonly left: string; readonly label: string; readonly labelLeft: boolean } | undefined;
  readonly legend: readonly { readonly cls: string; readonly text: string }[];
}

export function barView(pool: MemoryPool, index: number): BarView {
  const pct = (bytes: number): string => `${((100 * bytes) / pool.scaleBytes).toFixed(2)}%`;
  const limit = pool.gpuLimit;
  return {
    testId:
      index === 0
        ? 'memory-bar'
        : pool.kind === 'gpu'
          ? `memory-bar-gpu-${index}`
          : `memory-bar-${pool.kind}`,
    title: `${pool.label} — ${gib(pool.usedBytes)} of ${gib(pool.availableBytes)}${pool.reservedBytes > 0 ? ' available' : ''}`,
    ariaLabel: `${pool.label}: ${pool.text}.`,
    segments: pool.spans.map((s) => ({ cls: s.kind, width: pct(s.bytes) })),
    overflow: pool.overBytes > 0 ? { left: pct(pool.availableBytes), width: pct(pool.overBytes) } : undefined,
    limit:
      limit === undefined
        ? undefined
        : {
            left: pct(limit.bytes),
            label: `GPU limit ${gib(limit.bytes)}`,
            labelLeft: limit.bytes / pool.scaleBytes > 0.6,
          },
    legend: [
      ...pool.parts.map((p) => ({ cls: p.kind, text: `${p.label} ${gib(p.bytes)}` })),
      ...(pool.usedBytes < pool.availableBytes
        ? [{ cls: 'free', text: `free ${gib(pool.availableBytes - pool.usedBytes)}` }]
        : []),
      ...(pool.reservedBytes > 0 ? [{ cls: 'reserved', text: `OS ${gib(pool.reservedBytes)}` }] : []),
      ...(limit === undefined
        ? []
        : [{ cls: 'limit-key', text: `GPU limit ${gib(limit.bytes)} (${gib(limit.usedBytes)} in use)` }]),
      ...(pool.overflow === undefined
        ? []
        : [{ cls: 'overflow', text: `${gib(pool.overBytes)} more than it holds: ${pool.overflow}` }]),
    ],
  };
}
