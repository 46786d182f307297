/** @module estimate/GemmaTable — every Gemma 4 model × common quant on the chosen device, sortable. */
import { useSignal } from '@preact/signals';
import type { TableRow } from './compute.js';

type Key = 'modelName' | 'quant' | 'decode' | 'weightsGB' | 'regime';
const COLUMNS: readonly { key: Key; label: string }[] = [
  { key: 'modelName', label: 'Model' },
  { key: 'quant', label: 'Quant' },
  { key: 'weightsGB', label: 'Weights (GB)' },
  { key: 'decode', label: 'Decode tok/s' },
  { key: 'regime', label: 'Regime' },
];

export function GemmaTable(props: {
  rows: readonly TableRow[];
  onPick: (model: string, quant: string) => void;
}) {
  const sort = useSignal<{ key: Key; desc: boolean }>({ key: 'decode', desc: true });
  const { key, desc } = sort.value;
  const rows = [...props.rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return desc ? -c : c;
  });
  return (
    <section aria-labelledby="table-title">
      <h2 id="table-title">Gemma 4 on this machine</h2>
      <table class="gemma-table" data-testid="gemma-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} aria-sort={c.key === key ? (desc ? 'descending' : 'ascending') : 'none'}>
                <button
                  type="button"
                  onClick={() =>
                    (sort.value = { key: c.key, desc: c.key === key ? !desc : c.key === 'decode' })
                  }
                >
                  {c.label}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.model + r.quant}>
              <td>
                <button type="button" class="link" onClick={() => props.onPick(r.model, r.quant)}>
                  {r.modelName}
                </button>
              </td>
              <td>{r.quant}</td>
              <td class="num">{r.weightsGB.toFixed(1)}</td>
              <td class="num">
                {r.decode.toFixed(1)}{' '}
                <small>
                  ({r.low.toFixed(1)}–{r.high.toFixed(1)})
                </small>
              </td>
              <td>{r.regime}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
