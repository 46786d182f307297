/**
 * @module state/url-state — every estimate input lives in the URL query, so an estimate is a shareable link.
 * Parsing forgives missing or malformed values by falling back to the defaults.
 */

export interface Inputs {
  readonly model: string;
  readonly quant: string;
  readonly device: string;
  /** System RAM, GB. */
  readonly ramGB: number;
  readonly contextTokens: number;
  /** Repeating layers on the GPU; undefined = automatic fit. */
  readonly gpuLayers?: number;
  readonly offload: 'auto' | 'layers' | 'experts' | 'sysmem';
}

export const DEFAULT_INPUTS: Inputs = {
  model: 'gemma-4-26b-a4b',
  quant: 'Q4_K_M',
  device: 'GeForce RTX 3060 12GB',
  ramGB: 32,
  contextTokens: 8192,
  offload: 'auto',
};

const OFFLOADS = ['auto', 'layers', 'experts', 'sysmem'] as const;

function positive(v: string | null, fallback: number, max: number): number {
  const n = Number(v);
  return v !== null && Number.isFinite(n) && n > 0 && n <= max ? n : fallback;
}

export function inputsFromQuery(query: string): Inputs {
  const p = new URLSearchParams(query);
  const text = (k: string, fallback: string) => (p.get(k) ?? '').trim().slice(0, 200) || fallback;
  const layers = p.get('ngl');
  const offload = p.get('offload');
  return {
    model: text('model', DEFAULT_INPUTS.model),
    quant: text('quant', DEFAULT_INPUTS.quant),
    device: text('device', DEFAULT_INPUTS.device),
    ramGB: positive(p.get('ram'), DEFAULT_INPUTS.ramGB, 4096),
    contextTokens: Math.round(positive(p.get('ctx'), DEFAULT_INPUTS.contextTokens, 1 << 20)),
    ...(layers !== null && /^\d+$/.test(layers) ? { gpuLayers: Number(layers) } : {}),
    offload: (OFFLOADS as readonly string[]).includes(offload ?? '')
      ? (offload as Inputs['offload'])
      : 'auto',
  };
}

export function queryFromInputs(i: Inputs): string {
  const p = new URLSearchParams({
    model: i.model,
    quant: i.quant,
    device: i.device,
    ram: String(i.ramGB),
    ctx: String(i.contextTokens),
  });
  if (i.gpuLayers !== undefined) p.set('ngl', String(i.gpuLayers));
  if (i.offload !== 'auto') p.set('offload', i.offload);
  return p.toString();
}
