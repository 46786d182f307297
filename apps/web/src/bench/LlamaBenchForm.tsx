/**
 * @module bench/LlamaBenchForm — "calibrate further": tokens/s the user measured with llama-bench (`tg128`,
 * every layer on the GPU) for one or more models, typed in or pasted/dropped as `llama-bench -o json`
 * (or `-o jsonl`) output as it is; η and t0 fitted from them replace the WebGPU bandwidth in the estimates of
 * this device. Pasted runs are physics-checked and join the result on display, so an upload carries them.
 */
import type { Device } from '@cliffbench/core';
import { useSignal } from '@preact/signals';
import { applyCalibration, inputs } from '../state/store.js';
import { addLlamaRuns } from './bench-state.js';
import { calibrationFromLlamaBench, calibrationFromPastedJson, type LlamaBenchEntry } from './llama-bench.js';
import { ModelQuantFields } from './ModelQuantFields.js';

interface Row {
  readonly model: string;
  readonly quant: string;
  readonly tps: string;
}

export function LlamaBenchForm(props: { readonly device: Device }) {
  const rows = useSignal<readonly Row[]>([
    { model: inputs.peek().model, quant: inputs.peek().quant, tps: '' },
  ]);
  const status = useSignal<{ ok: boolean; text: string } | undefined>(undefined);
  const pasted = useSignal('');
  const drop = async (e: DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer?.files[0];
    if (file !== undefined) pasted.value = await file.text();
  };
  const update = (i: number, change: Partial<Row>) => {
    rows.value = rows.value.map((r, j) => (j === i ? { ...r, ...change } : r));
  };
  const apply = (e: Event) => {
    e.preventDefault();
    try {
      if (pasted.value.trim() !== '') {
        const { calibration, runs, used } = calibrationFromPastedJson(props.device.id, pasted.value);
        applyCalibration(props.device.id, calibration);
        void addLlamaRuns(runs);
        status.value = {
          ok: true,
          text: `Applied ${used} of ${runs.length} llama-bench runs: ${calibration.source}. The result now carries them; upload it to share.`,
        };
        return;
      }
      const entries: LlamaBenchEntry[] = rows.value
        .filter((r) => r.tps.trim() !== '')
        .map((r) => ({ model: r.model, quant: r.quant, tokensPerSecond: Number(r.tps) }));
      const c = calibrationFromLlamaBench(props.device.id, entries);
      applyCalibration(props.device.id, c);
      status.value = { ok: true, text: `Applied: ${c.source}.` };
    } catch (err) {
      status.value = { ok: false, text: err instanceof Error ? err.message : String(err) };
    }
  };
  return (
    <details class="llama-bench">
      <summary>Calibrate further with llama-bench tokens/s</summary>
      <p class="hint">
        Run <code>llama-bench -m model.gguf -ngl 99</code> on {props.device.name} and enter the{' '}
        <code>tg128</code> tokens/s. One model fits η (how much of the spec bandwidth decode reaches); two or
        more sizes also fit the fixed cost per token.
      </p>
      <form onSubmit={apply} aria-label="llama-bench results">
        <label class="paste" onDragOver={(e) => e.preventDefault()} onDrop={drop}>
          Paste or drop <code>llama-bench -o json</code> (or <code>-o jsonl</code>) output
          <textarea
            rows={4}
            spellcheck={false}
            placeholder='[ { "build_commit": …, "model_filename": …, "avg_ts": … } ]'
            value={pasted.value}
            onInput={(e) => (pasted.value = e.currentTarget.value)}
            data-testid="llama-bench-json"
          />
        </label>
        <p class="hint">…or type the tg128 figures:</p>
        {rows.value.map((r, i) => (
          <fieldset key={i} class="row">
            <legend class="visually-hidden">Result {i + 1}</legend>
            <ModelQuantFields
              label="Model run"
              model={r.model}
              quant={r.quant}
              onModel={(model) => update(i, { model })}
              onQuant={(quant) => update(i, { quant })}
            />
            <label>
              tg128 tok/s
              <input
                type="number"
                min={0}
                step="any"
                inputMode="decimal"
                required={i === 0 && pasted.value.trim() === ''}
                value={r.tps}
                onInput={(e) => update(i, { tps: e.currentTarget.value })}
              />
            </label>
          </fieldset>
        ))}
        <div class="buttons">
          <button
            type="button"
            onClick={() => (rows.value = [...rows.value, { model: 'gemma-4-e4b', quant: 'Q4_K_M', tps: '' }])}
          >
            Add another model
          </button>
          <button type="submit" class="primary">
            Fit and apply
          </button>
        </div>
      </form>
      {status.value === undefined ? null : (
        <p role="status" class={status.value.ok ? 'ok' : 'error'} data-testid="llama-bench-status">
          {status.value.text}
        </p>
      )}
    </details>
  );
}
