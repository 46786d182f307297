/** @module compare/UploadButton — shares a benchmark result with the results service and shows its link or the error. */
import type { ResultDocument } from '@cliffbench/core';
import { useSignal } from '@preact/signals';
import { type Uploaded, uploadResult } from './api.js';

export function UploadButton(props: { document: ResultDocument }) {
  const state = useSignal<{ busy?: boolean; stored?: Uploaded; error?: string }>({});
  const upload = async () => {
    state.value = { busy: true };
    try {
      state.value = { stored: await uploadResult(props.document) };
    } catch (e) {
      state.value = { error: e instanceof Error ? e.message : String(e) };
    }
  };
  const stored = state.value.stored;
  return (
    <span class="upload">
      <button
        type="button"
        onClick={() => void upload()}
        disabled={state.value.busy === true || stored !== undefined}
        data-testid="upload"
      >
        {state.value.busy ? 'Uploading…' : 'Upload for comparison'}
      </button>
      {stored ? (
        <span data-testid="upload-stored">
          {' '}
          Stored:{' '}
          <a href={`#compare=${stored.id}`} data-testid="upload-link">
            compare it
          </a>{' '}
          · <a href={stored.url}>JSON</a>
          {stored.deleteToken ? (
            <small>
              {' '}
              · delete token <code>{stored.deleteToken}</code> (keep it to delete the upload)
            </small>
          ) : (
            <small> · already uploaded before</small>
          )}
        </span>
      ) : null}
      {state.value.error ? (
        <span role="alert" class="error">
          {' '}
          {state.value.error}
        </span>
      ) : null}
    </span>
  );
}
