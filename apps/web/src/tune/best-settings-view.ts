/**
 * @module tune/best-settings-view — what the "Best settings" card shows, computed from the scenario with
 * core's tuner: the ranked configurations, the settings text per tool, and the curve as uPlot columns.
 * No DOM here, so it is tested without a browser.
 */
import {
  type Calibration,
  CliffbenchError,
  describeTradeOff,
  type ResolvedScenario,
  resolveScenario,
  type TuneCurve,
  type TunedConfiguration,
  type TuneResult,
  type TuneScenario,
  tuneCurveResolved,
  tuneResolved,
} from '@cliffbench/core';

/** The tools the card renders settings for. */
export type SettingsTool = 'llama.cpp' | 'ollama' | 'lm-studio';

export const SETTINGS_TOOLS: readonly { readonly id: SettingsTool; readonly label: string }[] = [
  { id: 'llama.cpp', label: 'llama.cpp' },
  { id: 'ollama', label: 'Ollama' },
  { id: 'lm-studio', label: 'LM Studio' },
];

/** One block of text the user copies, with what it is. */
export interface CopyBlock {
  readonly label: string;
  readonly text: string;
}

/** The card's state: a result, or the reason there is none. */
export type BestSettingsView =
  | {
      readonly ok: true;
      readonly result: TuneResult;
      readonly curve: (index: number) => TuneCurve | undefined;
    }
  | { readonly ok: false; readonly message: string };

/**
 * Tunes the scenario (with the calibration when the benchmark has one). Bad input gives the error's
 * message rather than throwing, so the card can say what is wrong.
 * @param modelPath the GGUF path commands should use. @default `<model>-<quant>.gguf`
 */
export function bestSettingsView(
  scenario: TuneScenario,
  calibration?: Calibration,
  modelPath?: string,
): BestSettingsView {
  let r: ResolvedScenario;
  try {
    r = resolveScenario({ ...scenario, ...(calibration === undefined ? {} : { calibration }) });
  } catch (error) {
    if (error instanceof CliffbenchError) return { ok: false, message: error.message };
    throw error;
  }
  const result = tuneResolved(r, modelPath === undefined ? {} : { modelPath }, { scenario });
  const curves = new Map<number, TuneCurve>();
  return {
    ok: true,
    result,
    curve: (index) => {
      const config = result.configurations[index];
      if (config === undefined) return undefined;
      let curve = curves.get(index);
      if (curve === undefined) {
        curve = tuneCurveResolved(r, config.settings);
        curves.set(index, curve);
      }
      return curve;
    },
  };
}

/** The text blocks of one configuration for one tool, in the order they are used. */
export function copyBlocks(config: TunedConfiguration, tool: SettingsTool): CopyBlock[] {
  const c = config.commands;
  switch (tool) {
    case 'llama.cpp':
      return [
        { label: 'Serve (llama-server)', text: c.llamaServer },
        { label: 'Check the speed (llama-bench)', text: c.llamaBench },
      ];
    case 'ollama':
      return [
        { label: 'Start the server with', text: c.ollama.serve },
        { label: 'Modelfile (ollama create)', text: c.ollama.modelfile },
        { label: 'Or per request: "options"', text: JSON.stringify(c.ollama.options) },
      ];
    case 'lm-studio':
      return [
        { label: 'Load (lms)', text: c.lmStudio.cli },
        { label: 'SDK load config', text: JSON.stringify(c.lmStudio.loadConfig, null, 2) },
      ];
  }
}

/** What the tool cannot express for this configuration, if anything. */
export function toolNote(config: TunedConfiguration, tool: SettingsTool): string | undefined {
  if (tool === 'ollama') return config.commands.ollama.note;
  if (tool === 'lm-studio') return config.commands.lmStudio.note;
  return undefined;
}

/** "nothing" or the trade-offs joined: "q8_0 KV cache; 16k context instead of 32k". */
export function tradeOffText(config: TunedConfiguration): string {
  return config.tradeOffs.length === 0 ? 'nothing' : config.tradeOffs.map(describeTradeOff).join('; ');
}

/**
 * Several GPUs: how the configuration splits the model, as flags with the cards they refer to —
 * "-sm layer -ts 1,4 over GeForce RTX 3060 12GB, GeForce RTX 3090 (CUDA_VISIBLE_DEVICES=1,0)". Undefined on one GPU.
 */
export function splitText(config: TunedConfiguration): string | undefined {
  const s = config.split;
  if (s === undefined) return undefined;
  const flags = [
    `-sm ${s.splitMode}`,
    s.tensorSplit === undefined ? '(no -ts: llama.cpp’s default split)' : `-ts ${s.tensorSplit.join(',')}`,
    ...(s.splitMode === 'row' ? ['-mg 0'] : []),
  ].join(' ');
  const reordered = s.order.some((x, i) => x !== i);
  return `${flags} over ${s.devices.join(', ')}${reordered ? ` (CUDA_VISIBLE_DEVICES=${s.order.join(',')})` : ''}`;
}

/** Tokens/s with sensible digits. */
export function formatRate(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

/** Bytes as GiB with one decimal. */
export function formatGiB(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
}

/**
 * The curve as uPlot columns: x, decode where it fits, decode where it does not (drawn dashed), and the
 * chosen point alone. Gaps are `null`, which uPlot leaves undrawn.
 */
export function curveColumns(
  curve: TuneCurve,
): [number[], (number | null)[], (number | null)[], (number | null)[]] {
  const xs = curve.points.map((p) => p.x);
  const fitting = curve.points.map((p) => (p.fits ? p.decodeTokensPerSecond : null));
  // The non-fitting line joins the fitting one at the boundary, so the two read as one curve.
  const failing = curve.points.map((p, i) => {
    const next = curve.points[i + 1];
    const prev = curve.points[i - 1];
    const touches = (next !== undefined && !next.fits) || (prev !== undefined && !prev.fits);
    return !p.fits || touches ? p.decodeTokensPerSecond : null;
  });
  const chosen = curve.points.map((p) => (p.x === curve.chosenX ? p.decodeTokensPerSecond : null));
  return [xs, fitting, failing, chosen];
}
