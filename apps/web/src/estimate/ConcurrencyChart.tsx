/**
 * @module estimate/ConcurrencyChart — decode against concurrent streams (llama-server `-np`, Ollama
 * `OLLAMA_NUM_PARALLEL`): each stream's tokens/s and all of them together, where they stop fitting in GPU memory
 * marked, with the data as a table. Shown when the inputs ask for more than one stream.
 */
import { useMemo } from 'preact/hooks';
import { LineChart } from '../charts/LineChart.js';
import { sig3 } from '../format.js';
import type { ConcurrencyCurve } from './concurrency.js';
import { concurrencyChart } from './concurrency-view.js';

export function ConcurrencyChart(props: {
  readonly spec: ConcurrencyCurve;
  readonly calibrated?: ConcurrencyCurve | undefined;
}) {
  const chart = useMemo(() => concurrencyChart(props.spec, props.calibrated), [props.spec, props.calibrated]);
  return (
    <section class="charts concurrency" aria-labelledby="concurrency-title">
      <h2 id="concurrency-title">Several streams at once</h2>
      <LineChart
        testId="chart-concurrency"
        title="Decode speed against concurrent streams"
        xLabel="streams"
        yLabel="tok/s"
        logX
        formatY={sig3}
        {...chart}
      />
    </section>
  );
}
