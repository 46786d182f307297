/**
 * @module inputs/ParallelStreams — concurrent streams of one server: how many (llama-server `-np N`, Ollama
 * `OLLAMA_NUM_PARALLEL`), whose rule allocates their KV cache (llama.cpp shares `-c` among the slots, Ollama
 * gives each request the whole context), and llama-server's `--kv-unified` (one cache every slot may fill).
 */
import { inputs, setInputs } from '../state/store.js';
import { MAX_PARALLEL } from '../state/url-state.js';

const RUNTIMES = [
  { id: 'llama.cpp', label: 'llama-server -np: the context is shared among the slots' },
  { id: 'ollama', label: 'Ollama OLLAMA_NUM_PARALLEL: each request gets the whole context' },
] as const;

export function ParallelStreams() {
  const i = inputs.value;
  const n = i.parallel ?? 1;
  const ollama = i.parallelRuntime === 'ollama';
  return (
    <>
      <div class="field">
        <label for="parallel">Concurrent streams</label>
        <input
          id="parallel"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_PARALLEL}
          step={1}
          value={n}
          aria-describedby="parallel-hint"
          onChange={(e) => {
            const v = Number(e.currentTarget.value);
            if (Number.isInteger(v) && v >= 1 && v <= MAX_PARALLEL) {
              setInputs(
                v === 1
                  ? { parallel: undefined, parallelRuntime: undefined, kvUnified: undefined }
                  : { parallel: v },
              );
            } else e.currentTarget.value = String(n);
          }}
        />
        <small id="parallel-hint">
          Requests served at once (1 to {MAX_PARALLEL}); above 1 the page draws decode against streams.
        </small>
      </div>
      {n > 1 ? (
        <>
          <div class="field">
            <label for="parallel-runtime">Server</label>
            <select
              id="parallel-runtime"
              value={ollama ? 'ollama' : 'llama.cpp'}
              onChange={(e) =>
                setInputs(
                  e.currentTarget.value === 'ollama'
                    ? { parallelRuntime: 'ollama', kvUnified: undefined }
                    : { parallelRuntime: undefined },
                )
              }
            >
              {RUNTIMES.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
          <div class="field check">
            <input
              id="kv-unified"
              type="checkbox"
              checked={!ollama && i.kvUnified === true}
              disabled={ollama}
              aria-describedby="kv-unified-hint"
              onChange={(e) => setInputs({ kvUnified: e.currentTarget.checked ? true : undefined })}
            />
            <label for="kv-unified">One shared cache (--kv-unified)</label>
            <small id="kv-unified-hint">
              {ollama
                ? 'llama-server only.'
                : 'One cache of the whole context for all slots: any slot may fill it, together they share it.'}
            </small>
          </div>
        </>
      ) : null}
    </>
  );
}
