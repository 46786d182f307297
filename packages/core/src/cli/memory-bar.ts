/**
 * @module cli/memory-bar — one of core's memory pools as a text bar: the model's parts (█ on the GPU side, ▓ held
 * by the CPU or spilled), free space ░ and the OS's reserve ▒, the GPU's wired limit of unified memory as │,
 * and ! after the bar when the model overflows the pool.
 */
import type { MemoryPool, MemorySpan } from '../estimate/memory-pools.js';

const GLYPHS: Readonly<Record<MemorySpan['kind'], string>> = {
  weights: '█',
  kv: '█',
  buffers: '█',
  'cpu-side': '▓',
  spilled: '▓',
  free: '░',
  reserved: '▒',
};

/** The pool as `[█████│░░▒]` (`width` cells, the limit marker between two of them). */
export function textBar(pool: MemoryPool, width = 28): string {
  const cell = (bytes: number): number => Math.round((bytes / pool.scaleBytes) * width);
  let cells = '';
  let start = 0;
  for (const span of pool.spans) {
    cells += GLYPHS[span.kind].repeat(cell(start + span.bytes) - cell(start));
    start += span.bytes;
  }
  if (pool.gpuLimit !== undefined) {
    const at = Math.min(width, cell(pool.gpuLimit.bytes));
    cells = `${cells.slice(0, at)}│${cells.slice(at)}`;
  }
  return `[${cells}]${pool.overBytes > 0 ? '!' : ' '}`;
}
