/**
 * @module inputs/ModelFileInput — "or use a file": pick (or drop anywhere on the page) a config.json, a .gguf,
 * or every part of a split .gguf at once; only headers are read, locally. Or paste a Hugging Face model
 * (owner/repo, owner/repo:QUANT, a file link) or a .gguf URL: its GGUF files are listed (split parts as one
 * entry) and the header of the one picked is read by HTTP Range, a few MB of a many-GB file. The readers load on
 * first use, so the GGUF parser is not in the initial JavaScript. "Hub settings" holds the Hub's base URL
 * (stored) and an access token for gated models (this tab's memory only).
 */
import { signal } from '@preact/signals';
import { clearResolvedCache } from '../estimate/resolved-cache.js';
import { gb } from '../format.js';
import { hubToken, savedHubEndpoint, saveHubEndpoint, setHubToken } from '../model-file/hub-settings.js';
import type { ModelFile } from '../model-file/read-model-file.js';
import type { RemoteLookup } from '../model-file/remote-model.js';
import { modelFile, sharedSource } from '../state/store.js';

/** Why the last file or model could not be used. */
const modelFileError = signal<string | undefined>(undefined);
/** A file or a remote header is being read. */
const busy = signal(false);
/** What was pasted in the Hugging Face field. */
const remoteText = signal('');
/** A repository's GGUF models to pick from, and the one picked. */
const listing = signal<Extract<RemoteLookup, { kind: 'list' }> | undefined>(undefined);
const picked = signal(0);

/** The read in progress; a new one cancels it. */
let inFlight: AbortController | undefined;

/** Runs one read: busy while it runs, its error in `modelFileError`, the model it gives made the page's. */
async function reading(work: (signal: AbortSignal) => Promise<ModelFile | undefined>): Promise<void> {
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  busy.value = true;
  modelFileError.value = undefined;
  try {
    const m = await work(controller.signal);
    if (controller.signal.aborted || m === undefined) return;
    clearResolvedCache();
    modelFile.value = m;
  } catch (e) {
    if (!controller.signal.aborted) modelFileError.value = e instanceof Error ? e.message : String(e);
  } finally {
    if (inFlight === controller) {
      busy.value = false;
      inFlight = undefined;
    }
  }
}

/** Reads dropped or picked files (one, or every part of a split .gguf) and makes them the page's model. */
export async function loadModelFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  await reading(async () => {
    const { readModelFiles } = await import('../model-file/read-model-file.js');
    return readModelFiles(files);
  });
}

/** Looks up what was pasted: a model is read at once; a repository lists its GGUF models to pick from. */
async function lookUp(): Promise<void> {
  listing.value = undefined;
  const text = remoteText.value.trim();
  if (text === '') return;
  await reading(async (signal) => {
    const { lookUpRemote } = await import('../model-file/remote-model.js');
    const found = await lookUpRemote(text, signal);
    if (found.kind === 'model') return found.model;
    listing.value = found;
    picked.value = Math.max(0, found.suggested);
    return undefined;
  });
}

/** Reads the entry picked from a repository's listing. */
async function usePicked(): Promise<void> {
  const list = listing.value;
  const entry = list?.entries[picked.value];
  if (list === undefined || entry === undefined) return;
  await reading(async (signal) => {
    const { readEntry } = await import('../model-file/remote-model.js');
    return readEntry(list.repo, list.revision, entry, signal);
  });
}

// A share link's remote model (src=) is read again as if pasted: the same progress, errors and listing.
if (sharedSource !== undefined) {
  remoteText.value = sharedSource;
  void lookUp();
}

const MB = 1e6;
const fetched = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;

function note(m: ModelFile): string {
  if (m.kind === 'config') return ' · weights predicted from the quant below';
  const parts = m.parts > 1 ? ` · ${m.parts} parts` : '';
  const read = m.remote
    ? `header: ${fetched(m.bytesRead)} fetched by HTTP Range`
    : `header: ${fetched(m.bytesRead)} read`;
  return ` · ${m.fileType ?? 'GGUF'} · ${gb(m.fileBytes)}${parts} (${read})`;
}

export function ModelFileInput() {
  const error = modelFileError.value;
  const m = modelFile.value;
  const list = listing.value;
  return (
    <div class="model-file">
      <label class="file-button">
        <input
          type="file"
          multiple
          accept=".json,.gguf,application/json"
          data-testid="model-file"
          onChange={async (e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            await loadModelFiles(files);
          }}
        />
        <span class="file-label">{busy.value ? 'Reading…' : 'Open config.json or .gguf…'}</span>
      </label>
      <small>
        or drop one on the page (a split .gguf: all its parts at once): read here, never uploaded.
      </small>
      <div class="row">
        <input
          type="text"
          aria-label="Hugging Face model or .gguf URL"
          placeholder="owner/repo, owner/repo:Q4_K_M or a .gguf URL"
          spellcheck={false}
          autocomplete="off"
          data-testid="remote-model"
          value={remoteText.value}
          onInput={(e) => {
            remoteText.value = e.currentTarget.value;
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            void lookUp();
          }}
        />
        <button
          type="button"
          data-testid="remote-model-read"
          disabled={busy.value}
          onClick={() => void lookUp()}
        >
          Read header
        </button>
      </div>
      {list === undefined ? null : (
        <div class="row">
          <select
            aria-label={`GGUF models in ${list.repo}`}
            data-testid="remote-model-files"
            value={String(picked.value)}
            onChange={(e) => {
              picked.value = Number(e.currentTarget.value);
            }}
          >
            {list.entries.map((entry, i) => (
              <option key={entry.label} value={String(i)}>
                {entry.bytes === undefined ? entry.label : `${entry.label} · ${gb(entry.bytes)}`}
              </option>
            ))}
          </select>
          <button
            type="button"
            data-testid="remote-model-use"
            disabled={busy.value}
            onClick={() => void usePicked()}
          >
            Use this file
          </button>
        </div>
      )}
      <details class="advanced">
        <summary>Hub settings</summary>
        <label>
          Hub endpoint (HF_ENDPOINT){' '}
          <input
            type="url"
            placeholder="https://huggingface.co"
            data-testid="hub-endpoint"
            value={savedHubEndpoint()}
            onChange={(e) => saveHubEndpoint(e.currentTarget.value)}
          />
        </label>
        <label>
          Access token for gated models (kept in this tab only){' '}
          <input
            type="password"
            autocomplete="off"
            placeholder="hf_…"
            data-testid="hub-token"
            value={hubToken()}
            onChange={(e) => setHubToken(e.currentTarget.value)}
          />
        </label>
      </details>
      {m === undefined ? null : (
        <p class="file-note" data-testid="model-file-note">
          Using <strong>{m.fileName}</strong>: {m.architecture.name}
          {note(m)}. {m.kind === 'gguf' && m.source !== undefined ? 'In' : 'Not part of'} the share link.{' '}
          <button type="button" class="link" onClick={() => (modelFile.value = undefined)}>
            Back to the catalog model
          </button>
        </p>
      )}
      {m?.kind === 'gguf'
        ? m.warnings.map((w) => (
            <p key={w} role="status" class="file-note" data-testid="model-file-warning">
              ⚠ {w}
            </p>
          ))
        : null}
      {error === undefined ? null : (
        <p role="alert" class="error" data-testid="model-file-error">
          {error}
        </p>
      )}
    </div>
  );
}
