/**
 * @module speed/multi-gpu-prefill — prompt processing on two or more GPUs, on top of the single-GPU model
 * (speed/prefill): each micro-batch's time on each GPU is that GPU's single-GPU time for the micro-batch (its own
 * rates) times its share of the work.
 *
 * Layer split: a micro-batch passes the GPUs in order, handing its hidden states (n_ubatch × n_embd f32) over at
 * each boundary. llama.cpp pipelines the micro-batches when every layer and the output are on the GPUs, the
 * split is by layer, the KV cache is offloaded and no tensor is overridden (`pipeline_parallel` in
 * `llama_context::llama_context`, ggml-org/llama.cpp src/llama-context.cpp, commit
 * 4c7103b96d720ea6057eec6ac11a49727f9ecd43): the scheduler then keeps `GGML_SCHED_MAX_COPIES` (4) copies of
 * the graph's inputs and runs micro-batch k+1 on GPU 0 while micro-batch k is on GPU 1 (ggml/src/ggml-backend.cpp,
 * commit 5bc7a7409fc39d2801b3eeddc9e22fdd4bda718d: `n_copies`, `cur_copy`, and an event per copy and split).
 * So one micro-batch (a 512-token prompt) gains nothing; a long prompt approaches min(GPUs, 4) × one GPU's rate.
 * Otherwise (partial offload, experts in RAM) the micro-batches run one after another.
 *
 * Row and tensor split: the GPUs multiply their shares of every matrix at once (the slowest share sets the
 * pace); per micro-batch each layer pays the decode model's synchronisation costs and moves two hidden states of
 * the micro-batch per peer over PCIe (tensor split's two all-reduces; row split's activations out and results
 * back) — an approximation no published row/tensor prefill row checks yet.
 */

import type { ResolvedScenario } from '../estimate/resolved.js';
import type { Placement } from '../placement/place.js';
import { MULTI_GPU_COSTS, type MultiGpuCosts, multiGpuFixedSeconds } from './multi-gpu-decode.js';
import { type PrefillBreakdown, prefillTime } from './prefill.js';

/** ggml-backend's default `GGML_SCHED_MAX_COPIES`: graph copies (micro-batches) in flight in a pipeline. */
export const SCHED_MAX_COPIES = 4;

/** The micro-batch sizes of a prompt: full `ubatch`es, then the rest. */
function microBatches(promptTokens: number, ubatch: number): number[] {
  const full = Math.floor(promptTokens / ubatch);
  const rest = promptTokens - full * ubatch;
  return [...Array.from({ length: full }, () => ubatch), ...(rest > 0 ? [rest] : [])];
}

/**
 * Finish time of the last micro-batch through `stages[gpu][batch]` seconds: a micro-batch enters a GPU when the
 * previous GPU is done with it and the GPU is done with the previous micro-batch; GPU 0 takes micro-batch k only
 * once micro-batch k − `copies` has left the last GPU (its graph copy is free again).
 */
export function pipelineSeconds(stages: readonly (readonly number[])[], copies: number): number {
  const gpus = stages.length;
  const batches = stages[0]?.length ?? 0;
  const finish: number[][] = stages.map(() => new Array<number>(batches).fill(0));
  for (let k = 0; k < batches; k++) {
    for (let i = 0; i < gpus; i++) {
      const prevGpu =
        i > 0 ? (finish[i - 1]?.[k] ?? 0) : k >= copies ? (finish[gpus - 1]?.[k - copies] ?? 0) : 0;
      const prevBatch = k > 0 ? (finish[i]?.[k - 1] ?? 0) : 0;
      (finish[i] as number[])[k] = Math.max(prevGpu, prevBatch) + (stages[i]?.[k] ?? 0);
    }
  }
  return finish[gpus - 1]?.[batches - 1] ?? 0;
}

/**
 * Prefill time for any placement: `prefillTime` for one GPU; for several, the micro-batches through the GPUs as
 * the module comment describes.
 */
export function prefillTimeAnyGpus(
  r: ResolvedScenario,
  p: Placement,
  promptTokens = r.settings.promptTokens,
  depthTokens = r.settings.depthTokens,
  costs: MultiGpuCosts = MULTI_GPU_COSTS,
): PrefillBreakdown {
  const g = r.gpus;
  const shares = p.perDevice;
  const single = prefillTime(r, p, promptTokens, depthTokens);
  if (g === undefined || shares === undefined || p.split.gpuLayers === 0) return single;
  const n = r.sums.layerCount;
  const batches = microBatches(promptTokens, Math.max(1, r.settings.ubatchTokens));
  const hiddenBytes = (u: number): number => u * r.model.hiddenSize * 4;
  const pcie = r.hardware.pcieGBs * 1e9;
  // Each GPU's single-GPU time for micro-batch k (its rates, the whole model), memoised per distinct unit.
  const cache = new Map<object, number[]>();
  const batchSeconds = (i: number): number[] => {
    const unit = g.units[i] as (typeof g.units)[number];
    const known = cache.get(unit.speed);
    if (known !== undefined) return known;
    const ru = { ...r, hardware: unit.hardware, speed: unit.speed };
    let depth = depthTokens;
    const out = batches.map((u) => {
      const t = prefillTime(ru, p, u, depth).seconds;
      depth += u;
      return t;
    });
    cache.set(unit.speed, out);
    return out;
  };
  let seconds: number;
  if (p.splitMode === 'layer') {
    const used = shares.map((d, i) => ({ d, i })).filter(({ d }) => d.layers > 0 || d.output);
    // A GPU's share of a micro-batch's work: its layers' weights (the output layer multiplies only the tokens
    // whose logits are asked for, one per prompt in llama-bench, so it is left out).
    const work = (d: (typeof shares)[number]): number =>
      Math.max(0, d.weightsBytes - (d.output ? r.sums.outputSideBytes : 0));
    const total = used.reduce((a, { d }) => a + work(d), 0);
    const handovers = Math.max(0, used.length - 1);
    if (p.split.gpuLayers < n || p.split.cpuMoeLayers > 0 || used.length < 2) {
      // No pipeline: the micro-batches run one after another; the first GPU's rates stand for all.
      const perBatch = costs.layerHandoverSeconds * handovers * batches.length;
      seconds = single.seconds + perBatch + (handovers * hiddenBytes(promptTokens)) / pcie;
    } else {
      const stages = used.map(({ d, i }, j) =>
        batchSeconds(i).map(
          (t, k) =>
            (t * work(d)) / total +
            (j > 0 ? costs.layerHandoverSeconds + hiddenBytes(batches[k] ?? 0) / pcie : 0),
        ),
      );
      seconds = pipelineSeconds(stages, SCHED_MAX_COPIES);
    }
  } else {
    // Row/tensor: the slowest GPU's share of every micro-batch, then the synchronisations and the traffic.
    const compute = batches.map((_, k) =>
      Math.max(...shares.map((d, i) => d.fraction * (batchSeconds(i)[k] ?? 0))),
    );
    const peers = shares.filter((d) => d.fraction > 0).length - 1;
    const layers = Math.min(p.split.gpuLayers, n);
    const traffic = (2 * layers * Math.max(0, peers) * hiddenBytes(promptTokens)) / pcie;
    const sync = multiGpuFixedSeconds(r, p, costs) * batches.length;
    seconds = compute.reduce((a, b) => a + b, 0) + sync + traffic;
  }
  return { ...single, seconds, tokensPerSecond: promptTokens / seconds };
}
