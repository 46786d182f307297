/**
 * @module estimate/Inputs — the estimate's controls: model (Gemma 4 first, or a dropped config.json), quant,
 * device with search-as-you-type, RAM, context, GPU layers and offload mode. All labelled, keyboard-usable.
 */
import { architectureFromHfConfig, models, quantMixes, searchDevices } from '@cliffbench/core';
import { useSignal } from '@preact/signals';
import { droppedConfig, inputs, setInput } from '../state/store.js';

const CONTEXTS = [2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144];

export function InputsForm() {
  const i = inputs.value;
  const deviceQuery = useSignal(i.device);
  const fileError = useSignal<string | undefined>(undefined);
  const matches = searchDevices(deviceQuery.value, 12);
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    fileError.value = undefined;
    try {
      const config = JSON.parse(await file.text()) as Record<string, unknown>;
      architectureFromHfConfig(config);
      droppedConfig.value = { name: file.name, config };
    } catch (e) {
      fileError.value = `${file.name}: ${e instanceof Error ? e.message : String(e)}`;
    }
  };
  return (
    <form class="inputs" onSubmit={(e) => e.preventDefault()} aria-label="Estimate inputs">
      <label>
        Model
        <select
          id="model"
          value={i.model}
          onChange={(e) => {
            droppedConfig.value = undefined;
            setInput('model', e.currentTarget.value);
          }}
        >
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        …or a config.json
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => void onFile(e.currentTarget.files?.[0])}
        />
        {droppedConfig.value ? (
          <small>Using {droppedConfig.value.name} (read locally, not uploaded)</small>
        ) : null}
        {fileError.value ? (
          <small role="alert" class="error">
            {fileError.value}
          </small>
        ) : null}
      </label>
      <label>
        Quantisation
        <select id="quant" value={i.quant} onChange={(e) => setInput('quant', e.currentTarget.value)}>
          {quantMixes.map((q) => (
            <option key={q.name} value={q.name}>
              {q.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Device
        <input
          id="device"
          list="device-list"
          value={deviceQuery.value}
          autocomplete="off"
          onInput={(e) => {
            deviceQuery.value = e.currentTarget.value;
            const exact = searchDevices(e.currentTarget.value, 1)[0];
            if (exact && exact.name.toLowerCase() === e.currentTarget.value.toLowerCase())
              setInput('device', exact.name);
          }}
          onChange={(e) => {
            const best = searchDevices(e.currentTarget.value, 1)[0];
            if (best) {
              deviceQuery.value = best.name;
              setInput('device', best.name);
            }
          }}
        />
        <datalist id="device-list">
          {matches.map((d) => (
            <option key={d.id} value={d.name} />
          ))}
        </datalist>
      </label>
      <label>
        System RAM (GB)
        <input
          id="ram"
          type="number"
          min={4}
          max={4096}
          step={4}
          value={i.ramGB}
          onChange={(e) => setInput('ramGB', Number(e.currentTarget.value) || i.ramGB)}
        />
      </label>
      <label>
        Context (tokens)
        <select
          id="context"
          value={String(i.contextTokens)}
          onChange={(e) => setInput('contextTokens', Number(e.currentTarget.value))}
        >
          {CONTEXTS.map((c) => (
            <option key={c} value={String(c)}>
              {c.toLocaleString('en')}
            </option>
          ))}
        </select>
      </label>
      <label>
        GPU layers
        <input
          id="gpu-layers"
          type="number"
          min={0}
          placeholder="auto"
          value={i.gpuLayers ?? ''}
          onChange={(e) =>
            setInput(
              'gpuLayers',
              e.currentTarget.value === ''
                ? undefined
                : Math.max(0, Math.round(Number(e.currentTarget.value))),
            )
          }
        />
      </label>
      <label>
        Offload
        <select
          id="offload"
          value={i.offload}
          onChange={(e) => setInput('offload', e.currentTarget.value as typeof i.offload)}
        >
          <option value="auto">automatic (llama.cpp fit)</option>
          <option value="layers">whole layers to the CPU</option>
          <option value="experts">MoE experts to the CPU</option>
          <option value="sysmem">driver sysmem fallback (Windows)</option>
        </select>
      </label>
    </form>
  );
}
