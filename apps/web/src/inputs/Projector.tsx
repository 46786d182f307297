/**
 * @module inputs/Projector — the vision projector a multimodal model loads beside its weights (llama-server
 * `--mmproj FILE`): its file size, and whether it sits on the GPU (the default) or in RAM (`--no-mmproj-offload`).
 */
import { useSignal } from '@preact/signals';
import { inputs, setInputs } from '../state/store.js';
import { MAX_MMPROJ_BYTES } from '../state/url-state.js';
import { parseSize, sizeText } from './size-text.js';

export function Projector() {
  const i = inputs.value;
  const error = useSignal<{ readonly raw: string; readonly message: string } | undefined>(undefined);
  const bytes = i.mmprojBytes;
  return (
    <>
      <div class="field">
        <label for="mmproj">Vision projector (mmproj) size</label>
        <input
          id="mmproj"
          type="text"
          inputMode="decimal"
          placeholder="none, e.g. 860 MB"
          value={error.value?.raw ?? (bytes === undefined ? '' : sizeText(bytes))}
          aria-invalid={error.value === undefined ? undefined : 'true'}
          aria-describedby={error.value === undefined ? 'mmproj-hint' : 'mmproj-error'}
          onChange={(e) => {
            const r = parseSize(e.currentTarget.value, MAX_MMPROJ_BYTES);
            if (typeof r === 'string') {
              error.value = { raw: e.currentTarget.value, message: r };
              return;
            }
            error.value = undefined;
            setInputs(
              r === undefined ? { mmprojBytes: undefined, mmprojOnCpu: undefined } : { mmprojBytes: r },
            );
          }}
        />
        {error.value === undefined ? (
          <small id="mmproj-hint">The mmproj .gguf file’s size (MB or GB); empty for none.</small>
        ) : (
          <small id="mmproj-error" class="input-error" role="alert">
            {error.value.message}
          </small>
        )}
      </div>
      <div class="field check">
        <input
          id="mmproj-gpu"
          type="checkbox"
          checked={i.mmprojOnCpu !== true}
          disabled={bytes === undefined}
          onChange={(e) => setInputs({ mmprojOnCpu: e.currentTarget.checked ? undefined : true })}
        />
        <label for="mmproj-gpu">Projector on the GPU (off: --no-mmproj-offload)</label>
      </div>
    </>
  );
}
