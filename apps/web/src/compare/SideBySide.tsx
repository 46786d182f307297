/**
 * @module compare/SideBySide — picked results together: their bandwidth-vs-working-set sweeps overlaid, the
 * fitted bandwidth per weight format, and the calibrated Gemma 4 decode speed on each claimed device.
 */
import { type FormatFit, type ResultDocument, resultBrowser, WeightFormatSchema } from '@cliffbench/core';
import { LineChart, SERIES_COLORS } from '../charts/LineChart.js';
import { sig3 } from '../format.js';
import {
  COMPARED_MODELS,
  COMPARED_QUANT,
  calibratedDecode,
  claimedCatalogDevice,
} from './calibrated-decode.js';
import { deviceName } from './result-labels.js';

export interface Picked {
  readonly id: string;
  readonly doc: ResultDocument;
}

const MiB = 2 ** 20;

/** How a fit was made, for its cell's tooltip. */
const fitNote = (f: FormatFit) =>
  `launch ${(f.launchSeconds * 1e6).toFixed(1)} µs per dispatch, r² ${f.r2.toFixed(3)}, ${f.points} sizes`;

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
            label: `${i + 1}. ${deviceName(d)}`,
            color: SERIES_COLORS[i % SERIES_COLORS.length] ?? '--series-6',
            values: xs.map((x) => d.sweep.find((s) => s.workingSetBytes / MiB === x)?.bandwidthGBs ?? null),
          }))}
          summary={`Bandwidth against working set for ${docs.length} results; the curve falls where caches stop helping.`}
        />
      ) : (
        <p>These results carry no working-set sweep to overlay.</p>
      )}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than the screen must take focus to scroll by keyboard (WCAG 2.1.1) */}
      <section class="table-scroll" tabIndex={0} aria-label="Compared results">
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
                    <a href={`/api/results/${id}`}>{deviceName(doc)}</a>
                    {device && doc.claimedDevice?.name && doc.claimedDevice.name !== device.name ? (
                      <small> ({doc.claimedDevice.name})</small>
                    ) : null}
                  </td>
                  <td>{resultBrowser(doc)}</td>
                  {formats.map((f) => {
                    const fit = doc.fits.find((x) => x.format === f);
                    return (
                      <td key={f} class="num" title={fit ? fitNote(fit) : 'no fit for this format'}>
                        {fit ? sig3(fit.bandwidthGBs) : '—'}
                      </td>
                    );
                  })}
                  {COMPARED_MODELS.map((m) => {
                    const e = calibratedDecode(doc, m.id);
                    const title = e
                      ? `band ${sig3(e.band.low)}–${sig3(e.band.high)} tok/s, ${e.regime}`
                      : device
                        ? 'does not fit on this device'
                        : 'claim a catalog device when uploading to get an estimate';
                    return (
                      <td key={m.id} class="num" title={title}>
                        {e ? sig3(e.tokensPerSecond) : '—'}
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
      </section>
      <p class="note">
        Tokens/s: the estimator calibrated with each run's measured bandwidth, on the device the uploader
        claimed (— when none was claimed).
      </p>
    </section>
  );
}
