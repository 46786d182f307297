/**
 * @module estimate/GemmaTable — every Gemma 4 model × common quant on the chosen machine, sortable by any
 * column (buttons in the headers, `aria-sort`), the current choice marked; "use" makes a row the estimate.
 */
import { regimeText } from '@cliffbench/core';
import { useSignal } from '@preact/signals';
import { band, gb, seconds, sig3 } from '../format.js';
import { ON_GPU, type SortKey, sortRows, type TableRow } from './gemma-table.js';

interface Column {
  readonly key: SortKey;
  readonly label: string;
  /** First click sorts descending (bigger is better or more interesting). */
  readonly descFirst: boolean;
}

const COLUMNS: readonly Column[] = [
  { key: 'modelName', label: 'Model', descFirst: false },
  { key: 'quant', label: 'Quant', descFirst: false },
  { key: 'weightsBytes', label: 'Weights', descFirst: false },
  { key: 'gpuLayers', label: 'Where', descFirst: true },
  { key: 'decode', label: 'Decode tok/s', descFirst: true },
  { key: 'prefill', label: 'Prefill tok/s', descFirst: true },
  { key: 'ttftSeconds', label: 'First token', descFirst: false },
];

function whereText(r: TableRow): string {
  if (!r.fits) return 'does not fit';
  if (r.onGpu) return r.regime === 'unified' ? 'unified memory' : 'all on GPU';
  if (r.regime === 'experts-on-cpu') return 'experts in RAM';
  if (r.regime === 'partial-offload') return `${r.gpuLayers}/${r.totalLayers} layers on GPU`;
  return regimeText[r.regime].name;
}

export function GemmaTable(props: {
  readonly rows: readonly TableRow[];
  readonly deviceName: string;
  readonly current: { readonly model: string; readonly quant: string } | undefined;
  readonly onPick: (model: string, quant: string) => void;
}) {
  const sort = useSignal<{ key: SortKey; desc: boolean }>({ key: 'decode', desc: true });
  const { key, desc } = sort.value;
  const rows = sortRows(props.rows, key, desc);
  const measured = props.rows.some((r) => r.decodeCalibrated !== undefined);
  return (
    <section class="gemma card" aria-labelledby="table-title">
      <h2 id="table-title">Every Gemma 4 on {props.deviceName}</h2>
      <p class="hint">
        Same RAM, context and KV cache as above, with llama.cpp’s automatic fit. Sort by any column; “use”
        shows that row above.
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen must take focus to scroll by keyboard (WCAG 2.1.1) */}
      <section class="table-scroll" tabIndex={0} aria-labelledby="table-title">
        <table class="gemma-table" data-testid="gemma-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={c.key === key ? (desc ? 'descending' : 'ascending') : undefined}
                >
                  <button
                    type="button"
                    class="sort"
                    onClick={() => {
                      sort.value = { key: c.key, desc: c.key === key ? !desc : c.descFirst };
                    }}
                  >
                    {c.label}
                    <span aria-hidden="true" class="sort-arrow">
                      {c.key === key ? (desc ? ' ▼' : ' ▲') : ''}
                    </span>
                  </button>
                </th>
              ))}
              {measured ? <th scope="col">Measured tok/s</th> : null}
              <th scope="col">
                <span class="visually-hidden">Show above</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const isCurrent = props.current?.model === r.modelId && props.current.quant === r.quant;
              const tone = !r.fits ? 'bad' : ON_GPU.includes(r.regime) ? 'ok' : 'warn';
              return (
                <tr
                  key={r.modelId + r.quant}
                  class={isCurrent ? 'current' : undefined}
                  aria-current={isCurrent ? 'true' : undefined}
                >
                  <th scope="row">{r.modelName}</th>
                  <td>{r.quant}</td>
                  <td class="num">{gb(r.weightsBytes)}</td>
                  <td>
                    <span class={`pill ${tone}`}>{whereText(r)}</span>
                  </td>
                  <td class="num">
                    <strong>{sig3(r.decode)}</strong> <small>({band(r.band)})</small>
                  </td>
                  <td class="num">{sig3(r.prefill)}</td>
                  <td class="num">{seconds(r.ttftSeconds)}</td>
                  {measured ? (
                    <td class="num">{r.decodeCalibrated === undefined ? '–' : sig3(r.decodeCalibrated)}</td>
                  ) : null}
                  <td>
                    <button
                      type="button"
                      class="link"
                      disabled={isCurrent}
                      aria-label={`Use ${r.modelName} ${r.quant}`}
                      onClick={() => props.onPick(r.modelId, r.quant)}
                    >
                      use
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </section>
  );
}
