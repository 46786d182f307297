/** @module estimate/MemoryBar — GPU memory split into weights, KV cache and buffers against what is usable. */
import type { DetailedEstimate } from '@cliffbench/core';

const GiB = 2 ** 30;

export function MemoryBar(props: { e: DetailedEstimate }) {
  const m = props.e.breakdown.memory;
  const usable = m.gpuUsableBytes;
  const parts = [
    { label: 'weights', bytes: m.gpuWeightBytes, cls: 'weights' },
    { label: 'KV cache', bytes: m.gpuKvBytes, cls: 'kv' },
    { label: 'buffers', bytes: m.gpuComputeBytes, cls: 'buffers' },
  ];
  const needed = props.e.memory.weightsBytes + props.e.memory.kvCacheBytes + props.e.memory.overheadBytes;
  const scale = Math.max(usable, needed);
  const pct = (b: number) => `${((100 * b) / scale).toFixed(2)}%`;
  const text = `${(parts.reduce((a, p) => a + p.bytes, 0) / GiB).toFixed(1)} GiB used of ${(usable / GiB).toFixed(1)} GiB usable GPU memory; the whole model needs ${(needed / GiB).toFixed(1)} GiB`;
  return (
    <div class="memory">
      <div class="memory-bar" role="img" aria-label={text} data-testid="memory-bar">
        {parts.map((p) => (
          <span
            key={p.label}
            class={`seg ${p.cls}`}
            style={{ width: pct(p.bytes) }}
            title={`${p.label} ${(p.bytes / GiB).toFixed(2)} GiB`}
          />
        ))}
        <span class="limit" style={{ left: pct(usable) }} />
        {needed > usable ? (
          <span class="overflow" style={{ left: pct(usable), width: pct(needed - usable) }} />
        ) : null}
      </div>
      <p class="memory-legend">
        {text}. <span class="key weights">weights</span> <span class="key kv">KV cache</span>{' '}
        <span class="key buffers">buffers</span>
        {needed > usable ? <span class="key overflow">does not fit</span> : null}
      </p>
    </div>
  );
}
