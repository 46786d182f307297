/**
 * @module compare/SideBySide — picked results together: their bandwidth-vs-working-set sweeps overlaid, the
 * fitted bandwidth per weight format, and the calibrated Gemma 4 decode speed on each claimed device.
 */
import { type ResultDocument, WeightFormatSchema } from '@cliffbench/core';
import { LineChart } from '../charts/LineChart.js';
import {
  COMPARED_MODELS,
  COMPARED_QUANT,
  calibratedDecode,
  claimedCatalogDevice,
} from './calibrated-decode.js';

export interface Picked {
  readonly id: string;
  readonly doc: ResultDocument;
}

const COLORS = ['#2a6fdb', '#d33', '#1a7f37', '#d08700', '#8a4fd8', '#0aa'];
const MiB = 2 ** 20;

/** How a result is named in legends and tables: claimed device, else the adapter. */
export const resultName = (d: ResultDocument): string =>
  d.claimedDevice?.name ||
  [d.adapter.vendor, d.adapter.architecture, d.adapter.description]
    .filter((s) => s.trim() !== '')
    .join(' ') ||
  'unnamed adapter';

export function SideBySide(props: { picked: readonly Picked[]; onRemove: (id: string) => void }) {
  const docs = props.picked.map((p) => p.doc);
  const xs = [...new Set(docs.flatMap((d) => d.sweep.map((s) => s.workingSetBytes / MiB)))].sort(
    (a, b) => a - b,
  );
  const formats = WeightFormatSchema.options.filter((f) =>
    docs.some((d) => d.fits.some((fit) => fit.format === f)),
  );
  return (
    <section aria-label="Side by side" data-testid="side-by-side">
      <h3>Side by side</h3>
      {xs.length > 1 ? (
        <LineChart
          title="Read bandwidth against working set"
          xLabel="working set (MiB)"
          yLabel="GB/s"
          logX
          x={xs}
          series={docs.map((d, i) => ({
            label: `${i + 1}. ${resultName(d)}`,
            color: COLORS[i % COLORS.length] as string,
            values: xs.map((x) => d.sweep.find((s) => s.workingSetBytes / MiB === x)?.bandwidthGBs ?? null),
          }))}
          summary={`Bandwidth against working set for ${docs.length} results; the curve falls where caches stop helping.`}
        />
      ) : (
        <p>These results carry no working-set sweep to overlay.</p>
      )}
      <table data-testid="compare-table">
        <thead>
          <tr>
            <th>#</th>
            <th>Device</th>
            <th>Browser</th>
            {formats.map((f) => (
              <th key={f}>{f} fit GB/s</th>
            ))}
            {COMPARED_MODELS.map((m) => (
              <th key={m.id}>
                {m.label} {COMPARED_QUANT} tok/s
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {props.picked.map(({ id, doc }, i) => {
            const device = claimedCatalogDevice(doc);
            return (
              <tr key={id} data-testid="compared-row">
                <td>{i + 1}</td>
                <td>
                  <a href={`/api/results/${id}`}>{resultName(doc)}</a>
                </td>
                <td>{doc.environment.browser ?? doc.environment.runtime}</td>
                {formats.map((f) => (
                  <td key={f} class="num">
                    {doc.fits.find((fit) => fit.format === f)?.bandwidthGBs.toFixed(1) ?? '—'}
                  </td>
                ))}
                {COMPARED_MODELS.map((m) => {
                  const e = calibratedDecode(doc, m.id);
                  const title = e
                    ? `band ${e.band.low.toFixed(1)}–${e.band.high.toFixed(1)} tok/s, ${e.regime}`
                    : device
                      ? 'does not fit on this device'
                      : 'claim a catalog device when uploading to get an estimate';
                  return (
                    <td key={m.id} class="num" title={title}>
                      {e ? e.tokensPerSecond.toFixed(1) : '—'}
                    </td>
                  );
                })}
                <td>
                  <button type="button" class="link" onClick={() => props.onRemove(id)}>
                    remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="note">
        Tokens/s: the estimator calibrated with each run's measured bandwidth, on the device the uploader
        claimed (— when none was claimed).
      </p>
    </section>
  );
}
