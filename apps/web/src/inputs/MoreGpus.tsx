/**
 * @module inputs/MoreGpus — a second, third … GPU beside the first (each a device search box, removable), and
 * how llama.cpp splits the model across them (`-sm`): layer (default), row, or tensor (needs flash attention and
 * an f16 KV cache; core says so when it refuses).
 */
import { inputs, setInputs } from '../state/store.js';
import { SPLIT_MODES, type SplitMode } from '../state/url-state.js';
import { DeviceCombobox } from './DeviceCombobox.js';

const SPLIT_LABELS: Readonly<Record<SplitMode, string>> = {
  layer: 'layer (default: each GPU a block of layers)',
  row: 'row (matrices split by rows, KV on GPU 0)',
  tensor: 'tensor (weights and KV split; f16 KV only)',
};

/** Most GPUs the page offers (core accepts 16). */
const MAX_GPUS = 8;

export function MoreGpus() {
  const i = inputs.value;
  const extra = i.extraDevices ?? [];
  const setExtra = (next: readonly string[]): void =>
    setInputs(next.length === 0 ? { extraDevices: undefined, splitMode: undefined } : { extraDevices: next });
  return (
    <div class="field more-gpus">
      {extra.map((d, k) => (
        <div class="gpu-row" key={`${k}-${d}`}>
          <label for={`gpu-${k + 1}`}>GPU {k + 2}</label>
          <DeviceCombobox
            id={`gpu-${k + 1}`}
            value={d}
            onPick={(picked) => setExtra(extra.map((x, j) => (j === k ? picked.id : x)))}
          />
          <button
            type="button"
            aria-label={`Remove GPU ${k + 2}`}
            onClick={() => setExtra(extra.filter((_, j) => j !== k))}
          >
            Remove
          </button>
        </div>
      ))}
      {extra.length + 1 < MAX_GPUS ? (
        <button type="button" id="add-gpu" onClick={() => setExtra([...extra, i.device])}>
          Add a GPU
        </button>
      ) : null}
      {extra.length > 0 ? (
        <div class="field">
          <label for="split-mode">Split across GPUs (-sm)</label>
          <select
            id="split-mode"
            value={i.splitMode ?? 'layer'}
            onChange={(ev) => {
              const v = (ev.target as HTMLSelectElement).value as SplitMode;
              setInputs({ splitMode: v === 'layer' ? undefined : v });
            }}
          >
            {SPLIT_MODES.map((m) => (
              <option key={m} value={m}>
                {SPLIT_LABELS[m]}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </div>
  );
}
