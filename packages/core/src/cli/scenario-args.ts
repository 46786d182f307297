/**
 * @module cli/scenario-args — the command-line flags that describe a scenario, and turning parsed flags into
 * a `ScenarioInput` (model and device by name, path or explicit numbers).
 */
import type { ParseArgsConfig } from 'node:util';
import { CliffbenchError } from '../errors.js';
import type { ScenarioInput } from '../estimate/scenario.js';

/** parseArgs option table for every scenario flag. */
export const scenarioOptions = {
  model: { type: 'string', short: 'm' },
  quant: { type: 'string', short: 'q' },
  device: { type: 'string', short: 'd', multiple: true },
  'split-mode': { type: 'string' },
  'tensor-split': { type: 'string' },
  'main-gpu': { type: 'string' },
  parallel: { type: 'string' },
  'kv-unified': { type: 'boolean' },
  'parallel-runtime': { type: 'string' },
  mmproj: { type: 'string' },
  'mmproj-size': { type: 'string' },
  images: { type: 'string' },
  'image-tokens': { type: 'string' },
  'no-mmproj-offload': { type: 'boolean' },
  bandwidth: { type: 'string' },
  memory: { type: 'string' },
  kind: { type: 'string' },
  tflops: { type: 'string' },
  backend: { type: 'string', short: 'b' },
  ram: { type: 'string' },
  'ram-bandwidth': { type: 'string' },
  cpu: { type: 'string' },
  pcie: { type: 'string' },
  context: { type: 'string', short: 'c' },
  depth: { type: 'string' },
  generate: { type: 'string', short: 'n' },
  prompt: { type: 'string', short: 'p' },
  ubatch: { type: 'string' },
  'gpu-layers': { type: 'string' },
  'cpu-moe': { type: 'string' },
  offload: { type: 'string' },
  kv: { type: 'string' },
  'kv-v': { type: 'string' },
  'no-flash-attention': { type: 'boolean' },
  'gpu-memory': { type: 'string' },
  'file-size': { type: 'string' },
  calibration: { type: 'string' },
  'measured-ram': { type: 'string' },
  'llama-bench': { type: 'string' },
  server: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** Help lines for the scenario flags. */
export const scenarioHelp = `Model and quant:
  -m, --model ID|PATH|URL   catalog id (see "cliffbench models"), a config.json, or a .gguf file (only its
                            header is read; a split's part finds its siblings, or give PART1,PART2,…),
                            a .gguf URL, hf:OWNER/REPO/FILE.gguf or hf:OWNER/REPO[:QUANT] (header read by
                            HTTP Range, a few MB; Hub at $HF_ENDPOINT, gated repos need $HF_TOKEN)
  -q, --quant NAME          GGUF quant mix, e.g. Q4_K_M (default Q4_K_M; ignored for .gguf files)
      --file-size BYTES     real tensor bytes of the file (llama-bench "size"), overrides the prediction
Device (a catalog name, or explicit numbers):
  -d, --device NAME         e.g. "rtx 3060 12gb", "M3 Max 40-core 64GB" (see "cliffbench devices");
                            repeat it for several GPUs, in llama.cpp's order, or "2x rtx 3090"
      --split-mode MODE     several GPUs: layer | row | tensor (-sm, default layer)
      --tensor-split A,B    several GPUs: proportions per GPU (-ts 3,1; default: free memory)
      --main-gpu I          several GPUs: the main GPU (-mg, default 0)
Concurrent streams:
      --parallel N          llama-server -np N (shares -c across slots) or Ollama's OLLAMA_NUM_PARALLEL
      --kv-unified          llama-server --kv-unified: one cache, every slot may use all of -c
      --parallel-runtime R  llama.cpp | ollama (Ollama allocates -c for each request; default llama.cpp)
Vision projector and images:
      --mmproj FILE|URL     the mmproj .gguf loaded beside the model (a path, URL or hf:OWNER/REPO/FILE.gguf;
                            its header gives the size and tokens per image), or "auto": the one cliffbench
                            knows for the model (Gemma 3 and 4)
      --mmproj-size BYTES   its size instead, when you do not have the file
      --no-mmproj-offload   keep it in RAM, as llama-server --no-mmproj-offload
      --images N            images in the prompt: each adds its tokens to the prompt and the context
                            (needs --mmproj, or a catalog model with a known projector)
      --image-tokens N      tokens an image adds, instead of the projector's (llama.cpp --image-max-tokens)
Device numbers (instead of --device):
      --bandwidth GBS       memory bandwidth, GB/s      --memory GB   accelerator memory, GB
      --kind KIND           discrete | unified | cpu     --tflops T    dense FP16 TFLOPS
  -b, --backend NAME        cuda | metal | vulkan | rocm | cpu (default: by vendor)
Host:
      --ram GB              system RAM (default 32)      --ram-bandwidth GBS  (default 51.2, DDR4-3200 x2)
      --pcie GBS            host-to-GPU link (default: the card's PCIe link)
      --cpu NAME            the host CPU, e.g. "ryzen 9 7950x" (its cores and RAM; default: assumed desktop)
Run:
  -c, --context N           allocated context, tokens (default 4096)
      --depth N             tokens already in the cache (default 0)
  -n, --generate N          tokens generated (default 128)
  -p, --prompt N            prompt tokens for prefill/TTFT (default 512)
      --ubatch N            micro-batch (default 512)
      --gpu-layers N        repeating layers on the GPU (-ngl); default: llama.cpp's automatic fit
      --cpu-moe N           experts of the first N layers in RAM (--n-cpu-moe)
      --offload MODE        auto | layers | experts | sysmem (default auto)
      --kv TYPE             KV cache type for K (and V): f16 | q8_0 | q4_0   --kv-v TYPE  V cache type
      --no-flash-attention  flash attention off
      --gpu-memory GB       GPU memory usable (free VRAM, or a raised Apple iogpu.wired_limit_mb / 1024)
Measured figures (replace spec-sheet ones):
      --calibration FILE    a result JSON from the benchmark page: measured GPU, upload and RAM bandwidth
      --measured-ram GBS    host RAM read bandwidth you measured (all cores), GB/s
      --llama-bench FILE    llama-bench -o json / -o jsonl output: its tg runs on this device fit η and t0
      --server URL          a cliffbench results server: η from runs uploaded for this device (off by default)`;

/** Parsed values of the scenario flags. */
export type ScenarioFlags = {
  readonly [K in keyof typeof scenarioOptions]?: string | boolean | readonly string[] | undefined;
};

function number(flags: ScenarioFlags, name: keyof typeof scenarioOptions): number | undefined {
  const raw = flags[name];
  if (raw === undefined || typeof raw !== 'string') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    throw new CliffbenchError('invalid-scenario', `--${name} must be a number, got "${raw}".`, {
      flag: name,
    });
  }
  return value;
}

function text(flags: ScenarioFlags, name: keyof typeof scenarioOptions): string | undefined {
  const raw = flags[name];
  return typeof raw === 'string' ? raw : undefined;
}

/** Keeps only the defined entries, so schema defaults apply to the rest. */
function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

/** `--split-mode`, `--tensor-split 3,1` and `--main-gpu` as scenario fields. */
function splitFlags(flags: ScenarioFlags): Record<string, unknown> {
  const ts = text(flags, 'tensor-split');
  let tensorSplit: number[] | undefined;
  if (ts !== undefined) {
    tensorSplit = ts.split(/[,/]/).map((x) => Number(x.trim()));
    if (tensorSplit.some((x) => !Number.isFinite(x) || x < 0)) {
      throw new CliffbenchError(
        'invalid-scenario',
        `--tensor-split takes proportions such as 3,1, got "${ts}".`,
      );
    }
  }
  return defined({
    splitMode: text(flags, 'split-mode'),
    tensorSplit,
    mainGpu: number(flags, 'main-gpu'),
    parallel: number(flags, 'parallel'),
    kvUnified: flags['kv-unified'] === true ? true : undefined,
    parallelRuntime: text(flags, 'parallel-runtime'),
    mmproj: text(flags, 'mmproj'),
    mmprojBytes: number(flags, 'mmproj-size'),
    images: number(flags, 'images'),
    imageTokens: number(flags, 'image-tokens'),
    mmprojOffload: flags['no-mmproj-offload'] === true ? false : undefined,
  });
}

/**
 * A scenario from flags. The `model` is left as typed; the caller resolves paths. Throws 'invalid-scenario'
 * when neither a device name nor explicit numbers are given.
 */
export function scenarioFromFlags(flags: ScenarioFlags): ScenarioInput {
  const model = text(flags, 'model');
  if (model === undefined) {
    throw new CliffbenchError(
      'invalid-scenario',
      'Name a model with --model (a catalog id, config.json, .gguf file or URL, or hf:OWNER/REPO[:QUANT]).',
    );
  }
  const bandwidth = number(flags, 'bandwidth');
  const rawDevice = flags.device;
  const deviceNames =
    typeof rawDevice === 'string'
      ? [rawDevice]
      : Array.isArray(rawDevice)
        ? [...(rawDevice as readonly string[])]
        : [];
  const deviceName = deviceNames.length === 1 ? deviceNames[0] : undefined;
  let device: ScenarioInput['device'];
  let devices: string[] | undefined;
  if (bandwidth !== undefined) {
    const kind = text(flags, 'kind') ?? 'discrete';
    if (kind !== 'discrete' && kind !== 'unified' && kind !== 'cpu') {
      throw new CliffbenchError(
        'invalid-scenario',
        `--kind must be discrete, unified or cpu, got "${kind}".`,
      );
    }
    device = {
      name: deviceName ?? `custom ${kind} ${bandwidth} GB/s`,
      kind,
      bandwidthGBs: bandwidth,
      ...defined({ memoryGB: number(flags, 'memory'), fp16Tflops: number(flags, 'tflops') }),
    };
  } else if (deviceName !== undefined) {
    device = deviceName;
  } else if (deviceNames.length > 1) {
    devices = deviceNames;
  } else {
    throw new CliffbenchError(
      'invalid-scenario',
      'Name a device with --device (see "cliffbench devices"), or give --bandwidth, --memory and --kind.',
    );
  }
  const host = defined({
    ramGB: number(flags, 'ram'),
    ramBandwidthGBs: number(flags, 'ram-bandwidth'),
    pcieGBs: number(flags, 'pcie'),
    cpu: text(flags, 'cpu'),
  });
  return {
    model,
    quant: text(flags, 'quant') ?? 'Q4_K_M',
    ...(devices === undefined ? { device } : { devices }),
    ...(Object.keys(host).length > 0 ? { host } : {}),
    ...splitFlags(flags),
    ...defined({
      backend: text(flags, 'backend'),
      contextTokens: number(flags, 'context'),
      depthTokens: number(flags, 'depth'),
      generatedTokens: number(flags, 'generate'),
      promptTokens: number(flags, 'prompt'),
      ubatchTokens: number(flags, 'ubatch'),
      gpuLayers: number(flags, 'gpu-layers'),
      cpuMoeLayers: number(flags, 'cpu-moe'),
      offload: text(flags, 'offload'),
      kvCacheType: text(flags, 'kv'),
      kvCacheTypeV: text(flags, 'kv-v'),
      flashAttention: flags['no-flash-attention'] === true ? false : undefined,
      gpuMemoryLimitGB: number(flags, 'gpu-memory'),
      weightsBytes: number(flags, 'file-size'),
    }),
  } as ScenarioInput;
}
