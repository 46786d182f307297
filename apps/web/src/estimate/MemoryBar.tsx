/**
 * @module estimate/MemoryBar — fit at a glance: the memory the scenario needs (weights, KV cache, buffers and
 * runtime), drawn against the GPU memory it may use; what lies past the line is what spills to system RAM.
 * Below, where the bytes actually are, GPU and RAM. GiB throughout, as llama.cpp prints them.
 */
import type { DetailedEstimate } from '@cliffbench/core';
import { gib } from '../format.js';

interface Segment {
  readonly label: string;
  readonly bytes: number;
  readonly cls: string;
}

/** The bar's parts and scale, derived from an estimate. */
function memoryParts(e: DetailedEstimate) {
  const m = e.breakdown.memory;
  const segments: Segment[] = [
    { label: 'weights', bytes: e.memory.weightsBytes, cls: 'weights' },
    { label: 'KV cache', bytes: e.memory.kvCacheBytes, cls: 'kv' },
    { label: 'buffers & runtime', bytes: e.memory.overheadBytes, cls: 'buffers' },
  ];
  const needed = segments.reduce((a, s) => a + s.bytes, 0);
  const cpuOnly = e.regime === 'cpu' || (m.gpuUsableBytes === 0 && m.runtimeBytes === 0);
  /** The line: usable GPU memory plus what the runtime takes (the runtime is part of `needed`). */
  const limit = cpuOnly ? m.ramAvailableBytes : m.gpuUsableBytes + m.runtimeBytes;
  const scale = Math.max(limit, needed) * 1.02;
  return { segments, needed, limit, scale, cpuOnly };
}

export function MemoryBar(props: { readonly e: DetailedEstimate }) {
  const e = props.e;
  const m = e.breakdown.memory;
  const { segments, needed, limit, scale, cpuOnly } = memoryParts(e);
  const pct = (b: number) => `${((100 * b) / scale).toFixed(2)}%`;
  const where = cpuOnly ? 'system RAM available' : 'GPU memory';
  const over = needed - limit;
  const summary = `Needs ${gib(needed)}: ${segments.map((s) => `${s.label} ${gib(s.bytes)}`).join(', ')}; ${gib(limit)} of ${where}${over > 0 ? `, ${gib(over)} short` : ''}.`;
  const gpuPart = m.gpuWeightBytes + m.gpuKvBytes + m.gpuComputeBytes + m.runtimeBytes;
  const hostPart = m.hostWeightBytes + m.hostKvBytes + m.hostComputeBytes;
  return (
    <div class="memory">
      <div class="memory-bar" role="img" aria-label={summary} data-testid="memory-bar">
        {segments.map((s) => (
          <span key={s.cls} class={`seg ${s.cls}`} style={{ width: pct(s.bytes) }} />
        ))}
        {over > 0 ? <span class="overflow" style={{ left: pct(limit), width: pct(over) }} /> : null}
        <span class={`limit${limit / scale > 0.6 ? ' label-left' : ''}`} style={{ left: pct(limit) }}>
          <span class="limit-label">{gib(limit)}</span>
        </span>
      </div>
      <p class="memory-legend">
        {segments.map((s) => (
          <span key={s.cls} class={`key ${s.cls}`}>
            {s.label} {gib(s.bytes)}
          </span>
        ))}
        <span class="key limit-key">{where}</span>
        {over > 0 ? (
          <span class="key overflow">
            {gib(over)} past {cpuOnly ? 'RAM → disk' : 'GPU memory → system RAM'}
          </span>
        ) : null}
      </p>
      {cpuOnly ? null : (
        <p class="memory-where">
          On the GPU: <strong>{gib(gpuPart)}</strong> of {gib(limit)}
          {m.gpuOverflowBytes > 0 ? ` (${gib(m.gpuOverflowBytes)} of it past the limit)` : ''} · in system
          RAM: <strong>{gib(hostPart)}</strong> of {gib(m.ramAvailableBytes)} available
          {m.hostOverflowBytes > 0 ? ` (${gib(m.hostOverflowBytes)} streamed from disk)` : ''}
        </p>
      )}
    </div>
  );
}
