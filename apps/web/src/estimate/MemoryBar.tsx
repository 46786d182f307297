/**
 * @module estimate/MemoryBar — where the bytes are, as core's memory pools say: GPU memory and system RAM for a
 * discrete GPU, one bar of unified memory with the GPU's wired limit marked, system RAM alone for the CPU. Each
 * bar shows the model's parts, free space and the OS's reserve, and names every figure for screen readers.
 */
import { type DetailedEstimate, memoryPools } from '@cliffbench/core';
import { barView } from './memory-bar-view.js';

export function MemoryBar(props: { readonly e: DetailedEstimate }) {
  return (
    <div class="memory">
      {memoryPools(props.e).map((pool, i) => {
        const v = barView(pool, i);
        return (
          <div key={v.testId} class="pool">
            <p class="pool-title">{v.title}</p>
            <div
              class={`memory-bar${v.limit === undefined ? '' : ' has-limit'}`}
              role="img"
              aria-label={v.ariaLabel}
              data-testid={v.testId}
            >
              {v.segments.map((s) => (
                <span key={s.cls} class={`seg ${s.cls}`} style={{ width: s.width }} />
              ))}
              {v.overflow === undefined ? null : (
                <span class="overflow" style={{ left: v.overflow.left, width: v.overflow.width }} />
              )}
              {v.limit === undefined ? null : (
                <span class={`limit${v.limit.labelLeft ? ' label-left' : ''}`} style={{ left: v.limit.left }}>
                  <span class="limit-label">{v.limit.label}</span>
                </span>
              )}
            </div>
            <p class="memory-legend">
              {v.legend.map((k) => (
                <span key={k.cls} class={`key ${k.cls}`}>
                  {k.text}
                </span>
              ))}
            </p>
          </div>
        );
      })}
    </div>
  );
}
