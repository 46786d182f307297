/**
 * @module inputs/Projector — the vision projector a multimodal model loads beside its weights (llama-server
 * `--mmproj FILE`): its file size, and whether it sits on the GPU (the default) or in RAM (`--no-mmproj-offload`);
 * and the images in the prompt, which add their tokens to prefill and their encode time to the first token. With
 * images and no size typed, the projector cliffbench knows for the model is used (the hint says which); a button
 * copies its size into the box.
 */
import { useSignal } from '@preact/signals';
import { inputs, modelFile, setInputs } from '../state/store.js';
import { MAX_IMAGES, MAX_MMPROJ_BYTES } from '../state/url-state.js';
import { imageProjectorOf, type KnownProjector } from './image-projector.js';
import { parseSize, sizeText } from './size-text.js';

/** "1.20 GB" or "175.1 MB", as core's basis line says projector sizes. */
const projectorSize = (bytes: number): string =>
  bytes >= 1e8 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;

const perImage = (tokens: number | undefined): string =>
  tokens === undefined ? 'tokens per image unknown' : `${tokens} tokens an image`;

/** "uses the published 1.20 GB gemma4v projector, 280 tokens an image". */
const usesText = (k: KnownProjector): string =>
  `uses the ${k.published ? 'published ' : ''}${projectorSize(k.bytes)} ${k.projector} projector${k.published ? '' : ' computed from its vision_config'}, ${perImage(k.tokensPerImage)}`;

function imagesHint(images: number, typed: boolean, known: KnownProjector | undefined, tokens?: number) {
  if (images === 0) {
    return known === undefined
      ? 'Images sent with the prompt (0 to 64); they need a projector size.'
      : `Images sent with the prompt (0 to 64); with no size typed, ${usesText(known)}.`;
  }
  if (typed) return `With the size typed: ${perImage(tokens)}, added to the prompt.`;
  return known === undefined ? '' : `With no size typed, ${usesText(known)}.`;
}

export function Projector() {
  const i = inputs.value;
  const error = useSignal<{ readonly raw: string; readonly message: string } | undefined>(undefined);
  const imagesError = useSignal<string | undefined>(undefined);
  const bytes = i.mmprojBytes;
  const images = i.images ?? 0;
  const p = imageProjectorOf(i, modelFile.value);
  const known = p.known;
  const imagesMessage = imagesError.value ?? p.error;
  return (
    <>
      <div class="field">
        <label for="mmproj">Vision projector (mmproj) size</label>
        <input
          id="mmproj"
          type="text"
          inputMode="decimal"
          placeholder={known === undefined ? 'none, e.g. 860 MB' : `none, or ${sizeText(known.bytes)}`}
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
              r === undefined
                ? { mmprojBytes: undefined, ...(images === 0 ? { mmprojOnCpu: undefined } : {}) }
                : { mmprojBytes: r },
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
        {known?.published === true && bytes !== known.bytes ? (
          <button
            type="button"
            class="link"
            data-testid="mmproj-published"
            onClick={() => {
              error.value = undefined;
              setInputs({ mmprojBytes: known.bytes });
            }}
          >
            Use the published projector ({projectorSize(known.bytes)})
          </button>
        ) : null}
      </div>
      <div class="field">
        <label for="images">Images in the prompt</label>
        <input
          id="images"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_IMAGES}
          step={1}
          value={images}
          aria-invalid={imagesMessage === undefined ? undefined : 'true'}
          aria-describedby={imagesMessage === undefined ? 'images-hint' : 'images-error'}
          onChange={(e) => {
            const v = Number(e.currentTarget.value);
            if (!Number.isInteger(v) || v < 0 || v > MAX_IMAGES) {
              imagesError.value = `“${e.currentTarget.value}” is not a number of images: give a whole number from 0 to ${MAX_IMAGES}.`;
              return;
            }
            imagesError.value = undefined;
            setInputs(
              v === 0
                ? { images: undefined, ...(bytes === undefined ? { mmprojOnCpu: undefined } : {}) }
                : { images: v },
            );
          }}
        />
        {imagesMessage === undefined ? (
          <small id="images-hint" data-testid="images-hint">
            {imagesHint(images, bytes !== undefined, known, p.tokensPerImage)}
          </small>
        ) : (
          <small id="images-error" class="input-error" role="alert" data-testid="images-error">
            {imagesMessage}
          </small>
        )}
      </div>
      <div class="field check">
        <input
          id="mmproj-gpu"
          type="checkbox"
          checked={i.mmprojOnCpu !== true}
          disabled={bytes === undefined && images === 0}
          onChange={(e) => setInputs({ mmprojOnCpu: e.currentTarget.checked ? undefined : true })}
        />
        <label for="mmproj-gpu">Projector on the GPU (off: --no-mmproj-offload)</label>
      </div>
    </>
  );
}
