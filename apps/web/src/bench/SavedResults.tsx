/**
 * @module bench/SavedResults — results kept in this browser: past runs and files imported from other machines.
 * Each can be shown, applied to the estimates, downloaded or forgotten; ticked ones are compared side by side
 * with their cache sweeps overlaid. Nothing here leaves the browser.
 */
import { useSignal } from '@preact/signals';
import { LineChart, SERIES_COLORS } from '../charts/LineChart.js';
import { binaryBytes, gbPerSec, sig3 } from '../format.js';
import { current, refreshSaved, saved, useForEstimates } from './bench-state.js';
import { downloadResult, readResultFiles } from './result-files.js';
import { deleteResult, saveResult } from './run-history.js';
import { compared, formatsOf, resultLabel, sweepOverlay } from './saved-compare.js';

const MAX_COMPARED = SERIES_COLORS.length;

export function SavedResults() {
  const ticked = useSignal<ReadonlySet<number>>(new Set());
  const importStatus = useSignal<string | undefined>(undefined);
  const list = saved.value;
  const chosen = list.filter((s) => ticked.value.has(s.id));
  const onImport = async (files: readonly File[]) => {
    const read = await readResultFiles(files);
    const ok: string[] = [];
    const bad: string[] = [];
    for (const r of read) {
      if ('doc' in r) {
        const kept = await saveResult(r.doc, 'import', r.fileName);
        if (kept !== undefined) ticked.value = new Set([...ticked.value, kept.id]);
        ok.push(r.fileName);
      } else bad.push(r.error);
    }
    importStatus.value = [ok.length > 0 ? `Imported ${ok.join(', ')}.` : '', ...bad]
      .filter((s) => s !== '')
      .join(' ');
    await refreshSaved();
  };
  const toggle = (id: number) => {
    const next = new Set(ticked.value);
    if (next.has(id)) next.delete(id);
    else if (next.size < MAX_COMPARED) next.add(id);
    ticked.value = next;
  };
  const formats = formatsOf(chosen.map((c) => c.doc));
  const overlay = sweepOverlay(chosen.map((c) => c.doc));
  return (
    <section class="card saved" aria-labelledby="saved-title" data-testid="saved-results">
      <h3 id="saved-title">Results in this browser</h3>
      <p class="hint">
        Your runs are kept here (IndexedDB). Import result files from other machines to compare them locally;
        tick up to {MAX_COMPARED} to compare.
      </p>
      <label class="file-button">
        <input
          type="file"
          accept=".json,application/json"
          multiple
          data-testid="import-results"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            void onImport(files);
          }}
        />
        <span class="file-label">Import result files…</span>
      </label>
      {importStatus.value === undefined ? null : (
        <p role="status" data-testid="import-status">
          {importStatus.value}
        </p>
      )}
      {list.length === 0 ? (
        <p>No results yet.</p>
      ) : (
        <ul class="saved-list">
          {list.map((s) => (
            <li key={s.id} data-testid="saved-result">
              <label>
                <input type="checkbox" checked={ticked.value.has(s.id)} onChange={() => toggle(s.id)} />{' '}
                <strong>{resultLabel(s.doc)}</strong>
              </label>{' '}
              <small>
                {s.origin === 'import' ? `imported ${s.fileName ?? ''}` : 'run here'} · {s.doc.mode} ·{' '}
                {s.doc.createdAt.slice(0, 16).replace('T', ' ')} · {gbPerSec(compared(s.doc).decodeGBs ?? 0)}
              </small>{' '}
              <span class="actions">
                <button
                  type="button"
                  class="link"
                  onClick={() => (current.value = { doc: s.doc, savedId: s.id })}
                >
                  show
                </button>
                {s.doc.claimedDevice?.deviceId === undefined ? null : (
                  <button type="button" class="link" onClick={() => useForEstimates(s.doc)}>
                    use for estimates
                  </button>
                )}
                <button type="button" class="link" onClick={() => downloadResult(s.doc)}>
                  download
                </button>
                <button
                  type="button"
                  class="link"
                  onClick={async () => {
                    await deleteResult(s.id);
                    await refreshSaved();
                  }}
                >
                  forget
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {chosen.length === 0 ? null : (
        <>
          <div class="table-scroll">
            <table data-testid="local-compare">
              <caption>Side by side</caption>
              <thead>
                <tr>
                  <th scope="col">GB/s</th>
                  {chosen.map((c) => (
                    <th scope="col" key={c.id}>
                      {compared(c.doc).label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {(
                  [
                    ['decode (estimates use)', (d) => compared(d).decodeGBs],
                    ['streaming ceiling', (d) => compared(d).ceilingGBs],
                    ...formats.map((f) => [
                      `${f} GEMV fit`,
                      (d: (typeof chosen)[number]['doc']) => compared(d).byFormat[f],
                    ]),
                    ['upload', (d) => compared(d).uploadGBs],
                  ] as [string, (d: (typeof chosen)[number]['doc']) => number | undefined][]
                ).map(([label, get]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    {chosen.map((c) => {
                      const v = get(c.doc);
                      return (
                        <td class="num" key={c.id}>
                          {v === undefined ? '–' : sig3(v)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {overlay.x.length > 1 ? (
            <LineChart
              title="Cache sweeps overlaid"
              xLabel="working set"
              yLabel="GB/s"
              logX
              formatX={binaryBytes}
              formatY={sig3}
              x={overlay.x}
              series={chosen.map((c, i) => ({
                label: compared(c.doc).label,
                values: overlay.series[i] ?? [],
                color: SERIES_COLORS[i] ?? '--series-6',
                points: true,
              }))}
              summary={`Streaming-read bandwidth of ${chosen.length} results against working-set size.`}
              height={220}
            />
          ) : null}
        </>
      )}
    </section>
  );
}
