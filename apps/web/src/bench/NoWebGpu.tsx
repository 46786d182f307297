/** @module bench/NoWebGpu — why the GPU benchmark cannot run here and what to try; the estimates still work. */
import type { Unavailable } from './webgpu-support.js';

export function NoWebGpu(props: { readonly why: Unavailable }) {
  const w = props.why;
  return (
    <section class="card no-webgpu" role="alert" data-testid="bench-error" data-reason={w.reason}>
      <h3>{w.title}</h3>
      <p>{w.message}</p>
      {w.fixes.length === 0 ? null : (
        <ul>
          {w.fixes.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      <p>
        <a href="#estimate">Back to the estimates</a>
      </p>
    </section>
  );
}
