/**
 * @module bench/RunPanel — quick or full run, the Run and Cancel buttons, the progress bar with the phase and
 * the latest figure, and the live plot of bandwidth against working-set size. The run is in a Worker, so the
 * page stays responsive; it pauses while the tab is hidden.
 */
import { type CssColorVar, LineChart } from '../charts/LineChart.js';
import { binaryBytes, gbPerSec, percent, sig3 } from '../format.js';
import { cancelRun, claimedDevice, mode, runBenchmark, runError, running, runView } from './bench-state.js';
import { liveColumns, PHASE_TEXT } from './run-progress.js';

/** Colours of the live plot's series, by kind. */
const KIND_COLORS: Readonly<Record<string, CssColorVar>> = {
  stream: '--series-spec',
  q4_0: '--series-measured',
  q4_k: '--series-3',
  q8_0: '--series-4',
  f16: '--series-5',
  f32: '--series-6',
  gemv: '--series-measured',
  'decode-step': '--series-5',
};

const KIND_LABELS: Readonly<Record<string, string>> = {
  stream: 'streaming read',
  gemv: 'GEMV (Gemma 4 shapes)',
  'decode-step': 'decode step',
};

export function RunPanel() {
  const v = runView.value;
  const busy = running.value;
  const device = claimedDevice();
  const live = liveColumns(v.points);
  return (
    <section class="card run" aria-labelledby="run-title">
      <h3 id="run-title">Measure</h3>
      <fieldset class="mode" disabled={busy}>
        <legend>Run</legend>
        <label>
          <input
            type="radio"
            name="bench-mode"
            checked={mode.value === 'quick'}
            onChange={() => (mode.value = 'quick')}
          />
          quick (seconds on a GPU; about a minute in software)
        </label>
        <label>
          <input
            type="radio"
            name="bench-mode"
            checked={mode.value === 'full'}
            onChange={() => (mode.value = 'full')}
          />
          full (more shapes, a 1 MiB–1 GiB sweep, a whole decode step)
        </label>
      </fieldset>
      <div class="buttons">
        <button
          type="button"
          class="primary"
          onClick={() => void runBenchmark()}
          disabled={busy}
          data-testid="run"
        >
          {busy
            ? 'Running…'
            : `Run ${mode.value} benchmark${device === undefined ? '' : ` on ${device.name}`}`}
        </button>
        <button type="button" onClick={cancelRun} disabled={!busy} data-testid="cancel">
          Cancel
        </button>
      </div>
      {busy || v.fraction > 0 ? (
        <div class="progress" aria-live="polite">
          <progress
            max={1}
            value={v.fraction}
            aria-label="Benchmark progress"
            aria-valuetext={percent(v.fraction)}
          />
          <p data-testid="phase">
            <strong>{PHASE_TEXT[v.phase]}</strong> · {percent(v.fraction)}
            {v.latest === undefined ? '' : ` · ${v.latest.label}: ${gbPerSec(v.latest.bandwidthGBs)}`}
            {v.bestGBs === undefined ? '' : ` · best so far ${gbPerSec(v.bestGBs)}`}
          </p>
        </div>
      ) : null}
      {runError.value === undefined ? null : (
        <p role="alert" class="error" data-testid="run-error">
          {runError.value}
        </p>
      )}
      {live.x.length > 1 ? (
        <LineChart
          testId="live-plot"
          title="Bandwidth against working-set size"
          xLabel="working set"
          yLabel="GB/s"
          logX
          formatX={binaryBytes}
          formatY={sig3}
          x={live.x}
          series={live.series.map((s) => ({
            label: KIND_LABELS[s.kind] ?? `${s.kind} GEMV`,
            values: s.values,
            color: KIND_COLORS[s.kind] ?? '--series-6',
            points: true,
            line: s.kind === 'stream',
          }))}
          summary={`${v.points.length} measurements so far, ${binaryBytes(live.x[0] ?? 0)} to ${binaryBytes(live.x[live.x.length - 1] ?? 0)}; best ${gbPerSec(v.bestGBs ?? 0)}.`}
          height={220}
        />
      ) : null}
    </section>
  );
}
