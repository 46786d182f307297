/**
 * @module inputs/ModelFileInput — "or use a file": pick (or drop anywhere on the page) a config.json or .gguf;
 * only its header is read, locally. The reader loads on first use, so the GGUF parser is not in the initial
 * JavaScript.
 */
import { signal } from '@preact/signals';
import { clearResolvedCache } from '../estimate/resolved-cache.js';
import { gb } from '../format.js';
import { modelFile } from '../state/store.js';

/** Why the last file could not be used. */
const modelFileError = signal<string | undefined>(undefined);
/** A file is being read. */
const busy = signal(false);

/** Reads `file` and makes it the page's model, or says in `modelFileError` why it cannot. */
export async function loadModelFile(file: File): Promise<void> {
  busy.value = true;
  modelFileError.value = undefined;
  try {
    const { readModelFile } = await import('../model-file/read-model-file.js');
    const m = await readModelFile(file);
    clearResolvedCache();
    modelFile.value = m;
  } catch (e) {
    modelFileError.value = e instanceof Error ? e.message : String(e);
  } finally {
    busy.value = false;
  }
}

export function ModelFileInput() {
  const error = modelFileError.value;
  const m = modelFile.value;
  return (
    <div class="model-file">
      <label class="file-button">
        <input
          type="file"
          accept=".json,.gguf,application/json"
          data-testid="model-file"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file !== undefined) await loadModelFile(file);
          }}
        />
        <span class="file-label">{busy.value ? 'Reading…' : 'Open config.json or .gguf…'}</span>
      </label>
      <small>or drop one on the page: read here, never uploaded.</small>
      {m === undefined ? null : (
        <p class="file-note" data-testid="model-file-note">
          Using <strong>{m.fileName}</strong>: {m.architecture.name}
          {m.kind === 'gguf'
            ? ` · ${m.fileType ?? 'GGUF'} · ${gb(m.fileBytes)} (header: ${(m.bytesRead / 2 ** 20).toFixed(0)} MiB read)`
            : ' · weights predicted from the quant below'}
          . Not part of the share link.{' '}
          <button type="button" class="link" onClick={() => (modelFile.value = undefined)}>
            Back to the catalog model
          </button>
        </p>
      )}
      {error === undefined ? null : (
        <p role="alert" class="error" data-testid="model-file-error">
          {error}
        </p>
      )}
    </div>
  );
}
