/**
 * @module bench/ServerTimingsForm — "calibrate with llama-server": the `timings` object a llama-server
 * completion answers with, pasted or dropped as it is, for the model and quant the server ran (the timings do
 * not name it); decode η from `predicted_per_second` and prefill efficiency from `prompt_per_second` calibrate
 * this device's estimates (bench/server-timings.ts), and the timings join the result on display, so an upload
 * carries them.
 */
import type { Device } from '@cliffbench/core';
import { useSignal } from '@preact/signals';
import { applyCalibration, inputs } from '../state/store.js';
import { addServerTimings } from './bench-state.js';
import { ModelQuantFields } from './ModelQuantFields.js';
import { calibrationFromServerTimings } from './server-timings.js';

export function ServerTimingsForm(props: { readonly device: Device }) {
  const model = useSignal(inputs.peek().model);
  const quant = useSignal(inputs.peek().quant);
  const pasted = useSignal('');
  const status = useSignal<{ ok: boolean; text: string } | undefined>(undefined);
  const drop = async (e: DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer?.files[0];
    if (file !== undefined) pasted.value = await file.text();
  };
  const apply = (e: Event) => {
    e.preventDefault();
    try {
      const fit = calibrationFromServerTimings(pasted.value, model.value, quant.value, props.device.id);
      applyCalibration(props.device.id, fit.calibration);
      void addServerTimings(fit.timings);
      status.value = {
        ok: true,
        text: `Applied ${fit.timings.length} llama-server timings: ${fit.calibration.source}. The result now carries them; upload it to share.`,
      };
    } catch (err) {
      status.value = { ok: false, text: err instanceof Error ? err.message : String(err) };
    }
  };
  return (
    <details class="llama-bench">
      <summary>Calibrate with llama-server timings</summary>
      <p class="hint">
        Each llama-server completion on {props.device.name} answers with a <code>timings</code> object (prompt
        and generated tokens, milliseconds and tokens/s). Paste it, or the whole answer, with every layer on
        the GPU (<code>-ngl 99</code>).
      </p>
      <form onSubmit={apply} aria-label="llama-server timings">
        <label class="paste" onDragOver={(e) => e.preventDefault()} onDrop={drop}>
          Paste or drop llama-server <code>timings</code> JSON
          <textarea
            rows={4}
            spellcheck={false}
            required
            placeholder='{ "prompt_n": …, "prompt_ms": …, "predicted_n": …, "predicted_ms": …, "predicted_per_second": … }'
            value={pasted.value}
            onInput={(e) => (pasted.value = e.currentTarget.value)}
            data-testid="server-timings-json"
          />
        </label>
        <fieldset class="row">
          <legend class="visually-hidden">The model llama-server ran</legend>
          <ModelQuantFields
            label="Model served"
            model={model.value}
            quant={quant.value}
            onModel={(id) => {
              model.value = id;
            }}
            onQuant={(q) => {
              quant.value = q;
            }}
          />
        </fieldset>
        <div class="buttons">
          <button type="submit" class="primary">
            Apply timings
          </button>
        </div>
      </form>
      {status.value === undefined ? null : (
        <p role="status" class={status.value.ok ? 'ok' : 'error'} data-testid="server-timings-status">
          {status.value.text}
        </p>
      )}
    </details>
  );
}
