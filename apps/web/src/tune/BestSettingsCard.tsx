/**
 * @module tune/BestSettingsCard — "Best settings for this machine": the fastest llama.cpp / Ollama /
 * LM Studio configurations that fit the scenario on the page, with copy buttons and the speed curve.
 * Re-tunes when the scenario or the calibration from the benchmark changes.
 */
import type { Calibration, TunedConfiguration, TuneScenario } from '@cliffbench/core';
import { useSignal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import {
  bestSettingsView,
  copyBlocks,
  formatGiB,
  formatRate,
  SETTINGS_TOOLS,
  type SettingsTool,
  splitText,
  toolNote,
  tradeOffText,
} from './best-settings-view.js';
import { CopyButton } from './CopyButton.js';
import { TuneCurveChart } from './TuneCurveChart.js';
import './best-settings.css';

export interface BestSettingsCardProps {
  /** The scenario the estimate shows; its context is the one the user wants. */
  readonly scenario: TuneScenario;
  /** Measured bandwidths from the benchmark; the card re-tunes when they arrive. */
  readonly calibration?: Calibration | undefined;
  /** The GGUF path commands should use. @default `<model>-<quant>.gguf` */
  readonly modelPath?: string | undefined;
}

function ConfigRow(props: {
  readonly config: TunedConfiguration;
  readonly index: number;
  readonly selected: boolean;
  readonly onSelect: () => void;
}) {
  const { config: c, index, selected, onSelect } = props;
  const split = splitText(c);
  return (
    <tr class={selected ? 'selected' : undefined} onClick={onSelect}>
      <td>
        <input
          type="radio"
          name="best-settings-choice"
          checked={selected}
          onChange={onSelect}
          aria-label={`Configuration ${index + 1}`}
        />
      </td>
      <td class="num">
        {formatRate(c.decodeTokensPerSecond)}
        <small>
          {' '}
          ({formatRate(c.band.low)}–{formatRate(c.band.high)})
        </small>
      </td>
      <td class="num">{formatRate(c.prefillTokensPerSecond)}</td>
      <td class="num">{c.timeToFirstTokenSeconds.toFixed(2)} s</td>
      <td class="num">
        {formatGiB(c.memory.deviceBytes)} / {formatGiB(c.memory.hostBytes)}
      </td>
      <td>
        {c.summary}
        {split === undefined ? null : (
          <>
            <br />
            <small data-testid="tuned-split">{split}</small>
          </>
        )}
      </td>
      <td>{tradeOffText(c)}</td>
    </tr>
  );
}

function SettingsBlocks(props: { readonly config: TunedConfiguration; readonly tool: SettingsTool }) {
  const note = toolNote(props.config, props.tool);
  return (
    <div class="settings-blocks">
      {copyBlocks(props.config, props.tool).map((block) => (
        <figure key={block.label}>
          <figcaption>
            {block.label} <CopyButton text={block.text} label={`Copy: ${block.label}`} />
          </figcaption>
          <pre>
            <code>{block.text}</code>
          </pre>
        </figure>
      ))}
      {note === undefined ? null : <p class="note">{note}</p>}
    </div>
  );
}

export function BestSettingsCard({ scenario, calibration, modelPath }: BestSettingsCardProps) {
  const tool = useSignal<SettingsTool>('llama.cpp');
  // Scenario objects are rebuilt on every page render; tune again only when their content changes.
  const key = JSON.stringify([scenario, calibration ?? null, modelPath ?? null]);
  const view = useMemo(() => bestSettingsView(scenario, calibration, modelPath), [key]);
  // A choice belongs to the result it was made in; a new result starts from its best configuration.
  const choice = useSignal({ key, index: 0 });

  if (!view.ok) {
    return (
      <section class="card best-settings" aria-labelledby="best-settings-title">
        <h2 id="best-settings-title">Best settings for this machine</h2>
        <p class="error">{view.message}</p>
      </section>
    );
  }
  const r = view.result;
  const chosen = choice.value.key === key ? choice.value.index : 0;
  const index = Math.min(chosen, Math.max(0, r.configurations.length - 1));
  const config = r.configurations[index];
  const gpus = r.configurations[0]?.split?.devices.length ?? 1;
  const curve = view.curve(index);
  return (
    <section class="card best-settings" aria-labelledby="best-settings-title">
      <h2 id="best-settings-title">Best settings for this machine</h2>
      <p class="basis">
        {r.model.name} {r.quant} on {r.device}, {r.requestedContextTokens.toLocaleString()} tokens of context,{' '}
        {(r.requestedMarginBytes / 2 ** 20).toFixed(0)} MiB of GPU memory left free
        {gpus > 1 ? ` over the ${gpus} GPUs together` : ''}
        {calibration === undefined ? ' (spec-sheet bandwidths)' : ' (calibrated by your benchmark)'}.
      </p>
      {config === undefined ? (
        <p class="error">Nothing fits on this machine.</p>
      ) : (
        <>
          <div class="table-scroll">
            <table class="configs">
              <thead>
                <tr>
                  <th />
                  <th>decode tok/s</th>
                  <th>prefill tok/s</th>
                  <th>first token</th>
                  <th>VRAM / RAM</th>
                  <th>where</th>
                  <th>gives up</th>
                </tr>
              </thead>
              <tbody>
                {r.configurations.map((c, i) => (
                  <ConfigRow
                    key={c.summary}
                    config={c}
                    index={i}
                    selected={i === index}
                    onSelect={() => {
                      choice.value = { key, index: i };
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <div class="tool-tabs" role="tablist">
            {SETTINGS_TOOLS.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                aria-selected={tool.value === t.id}
                onClick={() => {
                  tool.value = t.id;
                }}
              >
                {t.label}
              </button>
            ))}
          </div>
          <SettingsBlocks config={config} tool={tool.value} />
          {curve === undefined ? null : <TuneCurveChart curve={curve} />}
        </>
      )}
      {r.suggestions.length === 0 ? null : (
        <ul class="suggestions">
          {r.suggestions.map((s) => (
            <li key={s.kind}>{s.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
