/**
 * @module inputs/MoreGpus — a second, third … GPU beside the first (each a device search box, removable), how
 * llama.cpp splits the model across them (`-sm`): layer (default), row, or tensor (needs flash attention and an
 * f16 KV cache; core says so when it refuses), the proportions per GPU (`-ts 3,1`) and, in row split, the main
 * GPU (`-mg`). Adding or removing a GPU clears `-ts` and `-mg`, which name the GPUs by position.
 */
import { useSignal } from '@preact/signals';
import { inputs, setInputs } from '../state/store.js';
import { MAX_GPUS, parseTensorSplit, SPLIT_MODES, type SplitMode } from '../state/url-state.js';
import { DeviceCombobox } from './DeviceCombobox.js';

const SPLIT_LABELS: Readonly<Record<SplitMode, string>> = {
  layer: 'layer (default: each GPU a block of layers)',
  row: 'row (matrices split by rows, KV on the main GPU)',
  tensor: 'tensor (weights and KV split; f16 KV only)',
};

function TensorSplit(props: { readonly gpus: number }) {
  const i = inputs.value;
  const error = useSignal<{ readonly raw: string; readonly message: string } | undefined>(undefined);
  return (
    <div class="field">
      <label for="tensor-split">Proportions per GPU (-ts)</label>
      <input
        id="tensor-split"
        type="text"
        placeholder="by free memory"
        value={error.value?.raw ?? i.tensorSplit?.join(',') ?? ''}
        aria-invalid={error.value === undefined ? undefined : 'true'}
        aria-describedby={error.value === undefined ? 'tensor-split-hint' : 'tensor-split-error'}
        onChange={(e) => {
          const raw = e.currentTarget.value;
          const r = raw.trim() === '' ? undefined : parseTensorSplit(raw, props.gpus);
          if (typeof r === 'string') {
            error.value = { raw: e.currentTarget.value, message: r };
            return;
          }
          error.value = undefined;
          setInputs({ tensorSplit: r });
        }}
      />
      {error.value === undefined ? (
        <small id="tensor-split-hint">
          One number per GPU in the order above, e.g. “3,1” puts three quarters on GPU 1; empty: llama.cpp
          splits by free memory.
        </small>
      ) : (
        <small id="tensor-split-error" class="input-error" role="alert">
          {error.value.message}
        </small>
      )}
    </div>
  );
}

export function MoreGpus() {
  const i = inputs.value;
  const extra = i.extraDevices ?? [];
  const setExtra = (next: readonly string[]): void =>
    setInputs(
      next.length === 0
        ? { extraDevices: undefined, splitMode: undefined, tensorSplit: undefined, mainGpu: undefined }
        : {
            extraDevices: next,
            ...(next.length === extra.length ? {} : { tensorSplit: undefined, mainGpu: undefined }),
          },
    );
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
        <>
          <div class="field">
            <label for="split-mode">Split across GPUs (-sm)</label>
            <select
              id="split-mode"
              value={i.splitMode ?? 'layer'}
              onChange={(ev) => {
                const v = (ev.target as HTMLSelectElement).value as SplitMode;
                setInputs({
                  splitMode: v === 'layer' ? undefined : v,
                  ...(v === 'row' ? {} : { mainGpu: undefined }),
                });
              }}
            >
              {SPLIT_MODES.map((m) => (
                <option key={m} value={m}>
                  {SPLIT_LABELS[m]}
                </option>
              ))}
            </select>
          </div>
          <TensorSplit gpus={extra.length + 1} />
          {i.splitMode === 'row' ? (
            <div class="field">
              <label for="main-gpu">Main GPU (-mg)</label>
              <select
                id="main-gpu"
                value={String(i.mainGpu ?? 0)}
                onChange={(ev) => {
                  const v = Number((ev.target as HTMLSelectElement).value);
                  setInputs({ mainGpu: v === 0 ? undefined : v });
                }}
              >
                {[0, ...extra.map((_, k) => k + 1)].map((g) => (
                  <option key={g} value={String(g)}>
                    GPU {g + 1} (-mg {g}){g === 0 ? ', the default' : ''}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
