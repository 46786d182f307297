/**
 * @module estimate/EstimateView — the estimate page: inputs beside the answer (verdict, figures, memory bar,
 * advice), the cliff drawn three ways, decode against concurrent streams when several are asked for, every
 * Gemma 4 on this machine, and the best settings. A config.json or .gguf dropped anywhere on it becomes the model.
 * Works with no WebGPU and no benchmark.
 */
import { useRef } from 'preact/hooks';
import { InputsForm } from '../inputs/InputsForm.js';
import { useFileDrop } from '../inputs/use-file-drop.js';
import { currentQuery, inputs, modelFile, pageCalibration, setInputs } from '../state/store.js';
import { CopyButton } from '../tune/CopyButton.js';
import { Breakdown } from './Breakdown.js';
import { CalibrationBanner } from './CalibrationBanner.js';
import { CliffCharts } from './CliffCharts.js';
import { ConcurrencyChart } from './ConcurrencyChart.js';
import { calibrationFor } from './compute.js';
import { DeferredBestSettings } from './DeferredBestSettings.js';
import { GemmaTable } from './GemmaTable.js';
import { tuneScenarioOf } from './scenario-of.js';
import { estimate, table, timings } from './use-estimate.js';
import { Verdict } from './Verdict.js';

export function EstimateView() {
  const host = useRef<HTMLDivElement>(null);
  const dragging = useFileDrop(host);
  const i = inputs.value;
  const file = modelFile.value;
  const c = estimate.value;
  const rows = table.value;
  const spec = c.spec;
  const calibration = calibrationFor(c.device, pageCalibration.value);
  const shareUrl = `${location.origin}${location.pathname}?${currentQuery()}`;
  return (
    <div class={`estimate-layout${dragging.value ? ' dragging' : ''}`} ref={host}>
      <div class="inputs-panel card">
        <h2 class="visually-hidden">Inputs</h2>
        <InputsForm totalLayers={c.model?.layers.length} />
        <p class="share">
          Every input is in the address bar.{' '}
          <CopyButton text={shareUrl} label="Copy a link to this estimate" />
        </p>
      </div>
      <div class="results">
        <CalibrationBanner device={c.device} />
        {c.error === undefined ? null : (
          <p role="alert" class="error card" data-testid="estimate-error">
            {c.error}
          </p>
        )}
        {spec === undefined ? null : (
          <>
            <Verdict e={spec.estimate} calibrated={c.calibrated?.estimate} prompt={spec.prompt} />
            <CliffCharts spec={spec} calibrated={c.calibrated} contextTokens={i.contextTokens} />
            {spec.concurrency === undefined ? null : (
              <ConcurrencyChart spec={spec.concurrency} calibrated={c.calibrated?.concurrency} />
            )}
            <Breakdown e={spec.estimate} calibrated={c.calibrated?.estimate} />
          </>
        )}
        {rows.length === 0 || c.device === undefined ? null : (
          <GemmaTable
            rows={rows}
            deviceName={spec?.estimate.placement.perDevice?.map((d) => d.name).join(' + ') ?? c.device.name}
            current={file === undefined ? { model: i.model, quant: i.quant } : undefined}
            onPick={(model, quant) => {
              modelFile.value = undefined;
              setInputs({ model, quant });
              document
                .getElementById('verdict-title')
                ?.scrollIntoView({ behavior: 'smooth', block: 'start' });
            }}
          />
        )}
        {spec === undefined || file?.kind === 'gguf' ? null : (
          <DeferredBestSettings scenario={tuneScenarioOf(i, file)} calibration={calibration} />
        )}
        <p class="perf" data-testid="recompute-ms">
          Recomputed in {(timings.estimateMs ?? 0).toFixed(1)} ms (estimate and three curves
          {calibration === undefined ? '' : ', spec and measured'}); Gemma 4 table{' '}
          {(timings.tableMs ?? 0).toFixed(1)} ms.
        </p>
      </div>
      {dragging.value ? (
        <div class="drop-overlay" aria-hidden="true">
          Drop a config.json or .gguf — only its header is read, here in the browser.
        </div>
      ) : null}
    </div>
  );
}
