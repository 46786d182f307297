/**
 * @module footprint/overhead — memory beside weights and KV cache: llama.cpp's compute buffers and the
 * runtime's own context (CUDA/ROCm/Vulkan driver state).
 */
import type { Backend } from '../estimate/scenario.js';
import type { ModelArchitecture } from '../model/architecture.js';

const MIB = 2 ** 20;
/** ggml graphs keep activations in f32. */
const F32_BYTES = 4;

/** What the compute buffers depend on. */
export interface ComputeBufferOptions {
  /** Micro-batch the graph is reserved for (`-ub`). @default 512 */
  readonly ubatchTokens?: number;
  /** KV cells a full-attention layer attends over (the padded context). */
  readonly contextCells: number;
  /** KV cells a sliding layer attends over (llama.cpp's SWA cache size). */
  readonly slidingCells: number;
  /** Flash attention: no n_kv × n_head score matrix is materialised. @default true */
  readonly flashAttention?: boolean;
  /** Whether this buffer holds the output layer's logits: false for a GPU of a layer split without the output
   * layer (ggml-backend's scheduler sizes one compute buffer per backend for the nodes assigned to it). @default true */
  readonly output?: boolean;
}

/**
 * Peak size of the compute buffer llama.cpp reserves for a worst-case micro-batch, bytes. ggml's graph
 * allocator reuses memory, so the peak is the largest set of f32 activations alive at once:
 * - the logits of the micro-batch (n_ubatch × n_vocab) plus one hidden state;
 * - without flash attention, a layer's score matrix (n_ubatch × n_kv × n_head) plus one hidden state;
 * - the FFN's gate and up activations (2 × n_ubatch × n_ff) plus one hidden state.
 * Checked against llama.cpp logs: Llama-3-8B at -c 512 -ub 512 reserves 258.50 MiB of CUDA compute buffer
 * (github.com/developer0hye/llama-3-korean-bllossom-8b-q4-docker README: logits 250.5 MiB + one hidden state
 * 8 MiB); Gemma 7B at -ub 2048 reserves 2025.00 MiB (ggml-org/llama.cpp#5631: logits 2000 MiB + 24 MiB).
 */
export function computeBufferBytes(arch: ModelArchitecture, options: ComputeBufferOptions): number {
  const ub = options.ubatchTokens ?? 512;
  const shape = graphShape(arch);
  const scores =
    options.flashAttention === false
      ? Math.max(shape.fullHeads * options.contextCells, shape.slidingHeads * options.slidingCells)
      : 0;
  const logits = options.output === false ? 0 : arch.vocabSize + arch.hiddenSize;
  const attention = scores > 0 ? scores + arch.hiddenSize : 0;
  const feedForward = 2 * shape.ffn + arch.hiddenSize;
  return F32_BYTES * ub * Math.max(logits, attention, feedForward);
}

/** The widths the compute buffer depends on, per model (memoised: estimates call this in their hot path). */
interface GraphShape {
  /** Most query heads of a full-attention layer. */
  readonly fullHeads: number;
  /** Most query heads of a sliding-window layer. */
  readonly slidingHeads: number;
  /** Widest FFN activation (dense intermediate, or top-k experts' combined width). */
  readonly ffn: number;
}

const shapes = new WeakMap<ModelArchitecture, GraphShape>();

function graphShape(arch: ModelArchitecture): GraphShape {
  const known = shapes.get(arch);
  if (known !== undefined) return known;
  let fullHeads = 0;
  let slidingHeads = 0;
  let ffn = 0;
  for (const layer of arch.layers) {
    if (layer.attention === 'sliding') slidingHeads = Math.max(slidingHeads, layer.headCount);
    else fullHeads = Math.max(fullHeads, layer.headCount);
    const width =
      layer.ffn.kind === 'dense'
        ? layer.ffn.intermediate
        : Math.max(layer.ffn.sharedIntermediate, layer.ffn.expertIntermediate * layer.ffn.expertsUsed);
    ffn = Math.max(ffn, width);
  }
  const shape = { fullHeads, slidingHeads, ffn };
  shapes.set(arch, shape);
  return shape;
}

/**
 * Host-side ("CUDA_Host") compute buffer for inputs and graph splits: one hidden state of the micro-batch.
 * Logged: 9.01 MiB for Llama-3-8B (4096 wide) at -ub 512, 24.00 MiB for Gemma 7B (3072 wide) at -ub 2048
 * (same sources as `computeBufferBytes`).
 */
export function hostComputeBufferBytes(arch: ModelArchitecture, ubatchTokens = 512): number {
  return F32_BYTES * ubatchTokens * arch.hiddenSize;
}

/**
 * Accelerator memory the runtime takes before any model buffer: driver context, kernels, library workspaces.
 * The CUDA context with cuBLAS takes about 0.3-0.7 GiB (assumed; web VRAM calculators allow 0.3-0.8 GB,
 * and gpu_poor fixes its CUDA overhead at 650 MB, github.com/RahulSChand/gpu_poor src/App.js);
 * the midpoint is used for CUDA and ROCm, less for Vulkan, none for Metal, whose working-set limit counts only
 * allocations, and none for the CPU backend.
 */
export const runtimeOverheadBytes: Readonly<Record<Backend, number>> = {
  cuda: 500 * MIB,
  rocm: 500 * MIB,
  vulkan: 300 * MIB,
  metal: 0,
  cpu: 0,
};
