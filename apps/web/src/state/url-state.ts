/**
 * @module state/url-state — every estimate input, and the calibration a benchmark produced, lives in the URL
 * query, so an estimate is a shareable link. Parsing forgives missing or malformed values by falling back to
 * the defaults; writing omits values that equal their default. No DOM and no core here: pure and tested.
 */

/** How layers that do not fit are handled (core's `Offload`). */
export type OffloadMode = 'auto' | 'layers' | 'experts' | 'sysmem';
/** KV-cache element type (llama.cpp `-ctk`/`-ctv`). */
export type KvType = 'f16' | 'q8_0' | 'q4_0';

/** What the user chose on the estimate view. */
export interface Inputs {
  /** Catalog model id, e.g. `gemma-4-31b`. */
  readonly model: string;
  /** Quant mix name, e.g. `Q4_K_M`. */
  readonly quant: string;
  /** Device id (or any name core's `findDevice` understands). */
  readonly device: string;
  /** System RAM, GB. @default 32 */
  readonly ramGB: number;
  /** Allocated context, tokens. @default 8192 */
  readonly contextTokens: number;
  /** Repeating layers on the GPU (`-ngl`); undefined = llama.cpp's automatic fit. */
  readonly gpuLayers?: number;
  /** @default 'auto' */
  readonly offload: OffloadMode;
  /** @default 'f16' */
  readonly kvCacheType: KvType;
  /** More GPUs beside `device`, in llama.cpp's device order (device ids); absent = one GPU. */
  readonly extraDevices?: readonly string[];
  /** How several GPUs share the model (`-sm`); absent = layer. */
  readonly splitMode?: SplitMode;
  /** Several GPUs: proportions of the model per GPU (`-ts 3,1`); absent = by free memory. */
  readonly tensorSplit?: readonly number[];
  /** Several GPUs in row split: the main GPU (`-mg`); absent = 0. */
  readonly mainGpu?: number;
  /** Concurrent streams (llama-server `-np`, Ollama `OLLAMA_NUM_PARALLEL`); absent = 1. */
  readonly parallel?: number;
  /** Whose rule the streams follow; absent = llama.cpp. */
  readonly parallelRuntime?: 'ollama';
  /** llama-server `--kv-unified`; absent = off. */
  readonly kvUnified?: true;
  /** Size of the vision projector (`--mmproj`), bytes; absent = none. */
  readonly mmprojBytes?: number;
  /** The projector in RAM (`--no-mmproj-offload`); absent = on the GPU. */
  readonly mmprojOnCpu?: true;
  /** Images in the prompt (each adds its tokens to prefill and its encode time); absent = none. */
  readonly images?: number;
}

/** llama.cpp's `-sm` for several GPUs (core's `splitMode`). */
export type SplitMode = 'layer' | 'row' | 'tensor';
export const SPLIT_MODES: readonly SplitMode[] = ['layer', 'row', 'tensor'];
/** Most GPUs a link may name (core accepts 16). */
export const MAX_GPUS = 8;
/** Most concurrent streams (core accepts 256). */
export const MAX_PARALLEL = 256;
/** Largest projector accepted, bytes (the largest published mmproj files are a few GB). */
export const MAX_MMPROJ_BYTES = 100e9;
/** Most images in the prompt the page asks about (core accepts 1000; 64 × 280 Gemma 4 tokens is already 18k). */
export const MAX_IMAGES = 64;
/** Longest remote model address a link carries. */
const MAX_SOURCE_CHARS = 2000;

/** Measured figures carried by a share link, for the device they were measured on. */
export interface SharedCalibration {
  /** Device id the figures belong to. */
  readonly deviceId: string;
  /** Effective GPU bandwidth, GB/s. */
  readonly gpuBandwidthGBs?: number;
  /** Host RAM read bandwidth, GB/s. */
  readonly ramBandwidthGBs?: number;
  /** Host-to-device upload, GB/s. */
  readonly pcieGBs?: number;
  /** Fraction of spec bandwidth decode reaches (llama-bench fit). */
  readonly eta?: number;
  /** Fixed cost per token, seconds (llama-bench fit). */
  readonly t0Seconds?: number;
  /** Measured prefill ÷ the estimate with that η (llama-bench pp runs, llama-server timings). */
  readonly prefillEfficiency?: number;
}

/** Everything the URL holds. */
export interface PageState {
  readonly inputs: Inputs;
  readonly calibration?: SharedCalibration;
  /**
   * The remote model the page estimates instead of the catalog's (`src=`): an http(s) URL of a .gguf or the
   * `hf:OWNER/REPO/FILE.gguf` form; its header is fetched again when the link is opened.
   */
  readonly source?: string;
}

/** The seed story's machine: an RTX 3060 12GB with 32 GB of RAM, and the MoE that suits it. */
export const DEFAULT_INPUTS: Inputs = {
  model: 'gemma-4-26b-a4b',
  quant: 'Q4_K_M',
  device: 'geforce-rtx-3060-12gb',
  ramGB: 32,
  contextTokens: 8192,
  offload: 'auto',
  kvCacheType: 'f16',
};

export const OFFLOAD_MODES: readonly OffloadMode[] = ['auto', 'layers', 'experts', 'sysmem'];
export const KV_TYPES: readonly KvType[] = ['f16', 'q8_0', 'q4_0'];

/** Largest accepted values: RAM 4 TB, context 4M tokens, 1000 layers (no catalog model comes near). */
const MAX_RAM_GB = 4096;
const MAX_CONTEXT = 4 * 2 ** 20;
const MAX_LAYERS = 1000;

function positive(v: string | null, max: number): number | undefined {
  if (v === null || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 && n <= max ? n : undefined;
}

function oneOf<T extends string>(v: string | null, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(v ?? '') ? (v as T) : undefined;
}

const text = (v: string | null): string | undefined => {
  const t = (v ?? '').trim().slice(0, 200);
  return t === '' ? undefined : t;
};

/**
 * Rounds a measured figure to 4 significant figures, far below any measurement's spread. The page applies a
 * calibration rounded like this, so a share link reproduces exactly the figures it was made from.
 */
export const roundMeasured = (x: number): number => Number(x.toPrecision(4));
const short = (x: number): string => String(roundMeasured(x));

function calibrationFromParams(p: URLSearchParams): SharedCalibration | undefined {
  const deviceId = text(p.get('cal'));
  if (deviceId === undefined) return undefined;
  const gpu = positive(p.get('gbw'), 1e5);
  const ram = positive(p.get('rbw'), 1e5);
  const pcie = positive(p.get('pbw'), 1e4);
  const eta = positive(p.get('eta'), 1.2);
  const t0Ms = positive(p.get('t0'), 1000);
  const prefill = positive(p.get('pe'), 10);
  const c: SharedCalibration = {
    deviceId,
    ...(gpu === undefined ? {} : { gpuBandwidthGBs: gpu }),
    ...(ram === undefined ? {} : { ramBandwidthGBs: ram }),
    ...(pcie === undefined ? {} : { pcieGBs: pcie }),
    ...(eta === undefined ? {} : { eta }),
    ...(t0Ms === undefined ? {} : { t0Seconds: t0Ms / 1000 }),
    ...(prefill === undefined ? {} : { prefillEfficiency: prefill }),
  };
  return Object.keys(c).length > 1 ? c : undefined;
}

/**
 * `-ts` proportions as typed ("3,1", "3/1", "0.6 0.4"): one non-negative number per GPU, not all zero.
 * @returns the proportions, or a sentence saying what is wrong and what is accepted.
 */
export function parseTensorSplit(raw: string, gpus: number): readonly number[] | string {
  const parts = raw
    .trim()
    .split(/[\s,/]+/)
    .filter((x) => x !== '');
  const values = parts.map(Number);
  if (
    parts.length !== gpus ||
    values.some((v) => !Number.isFinite(v) || v < 0) ||
    !values.some((v) => v > 0)
  ) {
    return `“${raw.trim()}” is not a split: give ${gpus} proportions, one per GPU, separated by commas (e.g. ${Array.from({ length: gpus }, (_, i) => (i === 0 ? 3 : 1)).join(',')}), not all zero.`;
  }
  return values;
}

/** `gpu=ID` (repeated) for more GPUs, `sm=row|tensor`, `ts=3,1` and `mg=1`. */
function extraGpusFromParams(
  p: URLSearchParams,
): Pick<Inputs, 'extraDevices' | 'splitMode' | 'tensorSplit' | 'mainGpu'> {
  const extra = p
    .getAll('gpu')
    .map((g) => text(g))
    .filter((g): g is string => g !== undefined)
    .slice(0, MAX_GPUS - 1);
  if (extra.length === 0) return {};
  const splitMode = oneOf(p.get('sm'), SPLIT_MODES);
  const ts = p.get('ts');
  const tensorSplit = ts === null ? undefined : parseTensorSplit(ts, extra.length + 1);
  const mg = p.get('mg');
  const mgNamesAGpu = mg !== null && /^\d{1,2}$/.test(mg) && Number(mg) > 0 && Number(mg) <= extra.length;
  return {
    extraDevices: extra,
    ...(splitMode === undefined || splitMode === 'layer' ? {} : { splitMode }),
    ...(tensorSplit === undefined || typeof tensorSplit === 'string' ? {} : { tensorSplit }),
    ...(mgNamesAGpu && splitMode === 'row' ? { mainGpu: Number(mg) } : {}),
  };
}

/** `np=4`, `rt=ollama`, `kvu=1`: concurrent streams and their runtime's rule. */
function streamsFromParams(p: URLSearchParams): Pick<Inputs, 'parallel' | 'parallelRuntime' | 'kvUnified'> {
  const np = p.get('np');
  const n = np !== null && /^\d{1,3}$/.test(np) ? Number(np) : 1;
  if (n <= 1 || n > MAX_PARALLEL) return {};
  const ollama = p.get('rt') === 'ollama';
  return {
    parallel: n,
    ...(ollama ? { parallelRuntime: 'ollama' as const } : {}),
    ...(!ollama && p.get('kvu') === '1' ? { kvUnified: true as const } : {}),
  };
}

/**
 * `mmproj=BYTES`, `img=N` and `mmcpu=1`: the vision projector and the images in the prompt (which load the
 * model's known projector when no size is given, so `mmcpu` needs one or the other).
 */
function projectorFromParams(p: URLSearchParams): Pick<Inputs, 'mmprojBytes' | 'mmprojOnCpu' | 'images'> {
  const raw = p.get('mmproj');
  const bytes = raw !== null && /^\d{1,12}$/.test(raw) ? Number(raw) : 0;
  const img = p.get('img');
  const images = img !== null && /^\d{1,2}$/.test(img) ? Number(img) : 0;
  const sized = bytes > 0 && bytes <= MAX_MMPROJ_BYTES;
  const imaged = images > 0 && images <= MAX_IMAGES;
  return {
    ...(sized ? { mmprojBytes: bytes } : {}),
    ...(imaged ? { images } : {}),
    ...((sized || imaged) && p.get('mmcpu') === '1' ? { mmprojOnCpu: true as const } : {}),
  };
}

/**
 * `src=`: an http(s) URL or an `hf:OWNER/REPO…` path, as the page's remote-model box reads them; anything else
 * (another scheme, a bare name, an over-long value) is ignored.
 */
export function sourceOf(raw: string | null): string | undefined {
  const t = raw?.trim() ?? '';
  if (t.length === 0 || t.length > MAX_SOURCE_CHARS) return undefined;
  if (/^hf:[\w.-]+\/[\w.-]+([:/].*)?$/i.test(t)) return t;
  if (!/^https?:\/\//i.test(t)) return undefined;
  try {
    const url = new URL(t);
    return url.protocol === 'http:' || url.protocol === 'https:' ? t : undefined;
  } catch {
    return undefined;
  }
}

/** The page state a query string describes (`?model=gemma-4-31b&ctx=32768...`). */
export function stateFromQuery(query: string): PageState {
  const p = new URLSearchParams(query);
  const layers = p.get('ngl');
  const context = positive(p.get('ctx'), MAX_CONTEXT);
  const inputs: Inputs = {
    model: text(p.get('model')) ?? DEFAULT_INPUTS.model,
    quant: text(p.get('quant')) ?? DEFAULT_INPUTS.quant,
    device: text(p.get('device')) ?? DEFAULT_INPUTS.device,
    ramGB: positive(p.get('ram'), MAX_RAM_GB) ?? DEFAULT_INPUTS.ramGB,
    contextTokens: context === undefined ? DEFAULT_INPUTS.contextTokens : Math.round(context),
    ...(layers !== null && /^\d{1,4}$/.test(layers) && Number(layers) <= MAX_LAYERS
      ? { gpuLayers: Number(layers) }
      : {}),
    offload: oneOf(p.get('offload'), OFFLOAD_MODES) ?? DEFAULT_INPUTS.offload,
    kvCacheType: oneOf(p.get('kv'), KV_TYPES) ?? DEFAULT_INPUTS.kvCacheType,
    ...extraGpusFromParams(p),
    ...streamsFromParams(p),
    ...projectorFromParams(p),
  };
  const calibration = calibrationFromParams(p);
  const source = sourceOf(p.get('src'));
  return {
    inputs,
    ...(calibration === undefined ? {} : { calibration }),
    ...(source === undefined ? {} : { source }),
  };
}

/** The query string (without `?`) for a page state; model, quant, device, RAM and context always appear. */
export function queryFromState(state: PageState): string {
  const i = state.inputs;
  const p = new URLSearchParams({
    model: i.model,
    quant: i.quant,
    device: i.device,
    ram: String(i.ramGB),
    ctx: String(i.contextTokens),
  });
  if (i.gpuLayers !== undefined) p.set('ngl', String(i.gpuLayers));
  if (i.offload !== DEFAULT_INPUTS.offload) p.set('offload', i.offload);
  if (i.kvCacheType !== DEFAULT_INPUTS.kvCacheType) p.set('kv', i.kvCacheType);
  for (const g of i.extraDevices ?? []) p.append('gpu', g);
  if ((i.extraDevices?.length ?? 0) > 0 && i.splitMode !== undefined && i.splitMode !== 'layer') {
    p.set('sm', i.splitMode);
  }
  if ((i.extraDevices?.length ?? 0) > 0 && i.tensorSplit !== undefined) p.set('ts', i.tensorSplit.join(','));
  if (i.splitMode === 'row' && (i.mainGpu ?? 0) > 0) p.set('mg', String(i.mainGpu));
  if ((i.parallel ?? 1) > 1) {
    p.set('np', String(i.parallel));
    if (i.parallelRuntime === 'ollama') p.set('rt', 'ollama');
    else if (i.kvUnified === true) p.set('kvu', '1');
  }
  if (i.mmprojBytes !== undefined) p.set('mmproj', String(Math.round(i.mmprojBytes)));
  if ((i.images ?? 0) > 0) p.set('img', String(i.images));
  if ((i.mmprojBytes !== undefined || (i.images ?? 0) > 0) && i.mmprojOnCpu === true) p.set('mmcpu', '1');
  const c = state.calibration;
  if (c !== undefined) {
    p.set('cal', c.deviceId);
    if (c.gpuBandwidthGBs !== undefined) p.set('gbw', short(c.gpuBandwidthGBs));
    if (c.ramBandwidthGBs !== undefined) p.set('rbw', short(c.ramBandwidthGBs));
    if (c.pcieGBs !== undefined) p.set('pbw', short(c.pcieGBs));
    if (c.eta !== undefined) p.set('eta', short(c.eta));
    if (c.t0Seconds !== undefined) p.set('t0', short(c.t0Seconds * 1000));
    if (c.prefillEfficiency !== undefined) p.set('pe', short(c.prefillEfficiency));
  }
  if (state.source !== undefined) p.set('src', state.source);
  return p.toString();
}
