/**
 * @module inputs/InputsForm — the estimate's controls: model (Gemma 4 first, or a dropped file), quant, device
 * (search as you type) and more GPUs, system RAM, context, the optional GPU layers, offload mode and KV-cache
 * type, and concurrent streams and a vision projector.
 * Native, labelled controls: keyboard-operable as they are; every change lands in the URL through the store.
 */
import { findModel } from '@cliffbench/core';
import { tokens } from '../format.js';
import { inputs, modelFile, setInput, setInputs } from '../state/store.js';
import { KV_TYPES, type KvType, OFFLOAD_MODES, type OffloadMode } from '../state/url-state.js';
import { DeviceCombobox } from './DeviceCombobox.js';
import { ModelFileInput } from './ModelFileInput.js';
import { MoreGpus } from './MoreGpus.js';
import { modelGroups } from './model-options.js';
import { ParallelStreams } from './ParallelStreams.js';
import { Projector } from './Projector.js';
import { QuantOptions } from './QuantOptions.js';

const GROUPS = modelGroups();
/** RAM sizes people have, GB; any other value can be typed. */
const RAM_PRESETS = [8, 16, 24, 32, 48, 64, 96, 128, 192, 256];

const OFFLOAD_LABELS: Readonly<Record<OffloadMode, string>> = {
  auto: 'automatic (llama.cpp fit)',
  layers: 'whole layers to the CPU (-ngl)',
  experts: 'MoE experts to the CPU',
  sysmem: 'driver sysmem fallback (Windows)',
};
const KV_LABELS: Readonly<Record<KvType, string>> = {
  f16: 'f16 (default)',
  q8_0: 'q8_0 (half the memory)',
  q4_0: 'q4_0 (a quarter)',
};

function maxContextOf(model: string): number {
  try {
    return findModel(model).maxContext;
  } catch {
    return 131072;
  }
}

/** Context choices: powers of two from 1k up to the model's maximum, plus the current value. */
function contextChoices(maxContext: number, current: number): number[] {
  const out = new Set<number>([current]);
  for (let c = 1024; c <= Math.max(maxContext, 1024); c *= 2) out.add(c);
  if (maxContext % 1024 === 0) out.add(maxContext);
  return [...out].sort((a, b) => a - b);
}

export function InputsForm(props: { readonly totalLayers?: number | undefined }) {
  const i = inputs.value;
  const file = modelFile.value;
  const maxContext = file?.architecture.maxContext ?? maxContextOf(i.model);
  return (
    <form class="inputs" onSubmit={(e) => e.preventDefault()} aria-label="Estimate inputs">
      <div class="field">
        <label for="model">Model</label>
        <select
          id="model"
          value={file === undefined ? i.model : '(file)'}
          onChange={(e) => {
            modelFile.value = undefined;
            setInput('model', e.currentTarget.value);
          }}
        >
          {file === undefined ? null : (
            <option value="(file)">{`${file.architecture.name} (from ${file.fileName})`}</option>
          )}
          {GROUPS.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.models.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <ModelFileInput />
      </div>
      <div class="field">
        <label for="quant">Quantisation</label>
        <select
          id="quant"
          value={file?.kind === 'gguf' ? '(file)' : i.quant}
          disabled={file?.kind === 'gguf'}
          onChange={(e) => setInput('quant', e.currentTarget.value)}
          aria-describedby={file?.kind === 'gguf' ? 'quant-note' : undefined}
        >
          {file?.kind === 'gguf' ? <option value="(file)">{file.fileType ?? 'as in the file'}</option> : null}
          <QuantOptions />
        </select>
        {file?.kind === 'gguf' ? (
          <small id="quant-note">The GGUF header gives every tensor's real type.</small>
        ) : null}
      </div>
      <div class="field">
        <label for="device">GPU or Apple chip</label>
        <DeviceCombobox
          id="device"
          value={i.device}
          onPick={(d) => setInput('device', d.id)}
          describedBy="device-hint"
        />
        <small id="device-hint">Type to search, e.g. “3060 12gb”, “m3 max”, “7900 xtx”.</small>
      </div>
      <MoreGpus />
      <div class="field">
        <label for="ram">System RAM (GB)</label>
        <input
          id="ram"
          type="number"
          inputMode="numeric"
          min={1}
          max={4096}
          step="any"
          list="ram-presets"
          value={i.ramGB}
          onChange={(e) => {
            const v = Number(e.currentTarget.value);
            if (Number.isFinite(v) && v > 0 && v <= 4096) setInput('ramGB', v);
            else e.currentTarget.value = String(i.ramGB);
          }}
        />
        <datalist id="ram-presets">
          {RAM_PRESETS.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </div>
      <div class="field">
        <label for="context">Context length (tokens)</label>
        <select
          id="context"
          value={String(i.contextTokens)}
          onChange={(e) => setInput('contextTokens', Number(e.currentTarget.value))}
        >
          {contextChoices(maxContext, i.contextTokens).map((c) => (
            <option key={c} value={String(c)}>
              {tokens(c)}
              {c > maxContext ? ' (past the model’s maximum)' : ''}
            </option>
          ))}
        </select>
      </div>
      <details
        class="field advanced"
        open={i.gpuLayers !== undefined || i.offload !== 'auto' || i.kvCacheType !== 'f16'}
      >
        <summary>GPU layers, offload, KV cache</summary>
        <div class="field">
          <label for="gpu-layers">GPU layers (-ngl)</label>
          <div class="row">
            <input
              id="gpu-layers"
              type="number"
              inputMode="numeric"
              min={0}
              max={props.totalLayers}
              placeholder="auto"
              value={i.gpuLayers ?? ''}
              aria-describedby="gpu-layers-hint"
              onChange={(e) => {
                const raw = e.currentTarget.value.trim();
                const n = Math.round(Number(raw));
                if (raw === '') setInputs({ gpuLayers: undefined });
                else if (Number.isFinite(n) && n >= 0)
                  setInputs({ gpuLayers: Math.min(n, props.totalLayers ?? n) });
              }}
            />
            {i.gpuLayers === undefined ? null : (
              <button type="button" onClick={() => setInputs({ gpuLayers: undefined })}>
                auto
              </button>
            )}
          </div>
          <small id="gpu-layers-hint">
            Empty: llama.cpp’s automatic fit
            {props.totalLayers === undefined ? '' : ` (the model has ${props.totalLayers})`}.
          </small>
        </div>
        <div class="field">
          <label for="offload">When it does not fit</label>
          <select
            id="offload"
            value={i.offload}
            onChange={(e) => setInput('offload', e.currentTarget.value as OffloadMode)}
          >
            {OFFLOAD_MODES.map((m) => (
              <option key={m} value={m}>
                {OFFLOAD_LABELS[m]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="kv">KV cache type</label>
          <select
            id="kv"
            value={i.kvCacheType}
            onChange={(e) => setInput('kvCacheType', e.currentTarget.value as KvType)}
          >
            {KV_TYPES.map((k) => (
              <option key={k} value={k}>
                {KV_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
      </details>
      <details class="field advanced" open={(i.parallel ?? 1) > 1 || i.mmprojBytes !== undefined}>
        <summary>Concurrent streams, vision projector</summary>
        <ParallelStreams />
        <Projector />
      </details>
    </form>
  );
}
