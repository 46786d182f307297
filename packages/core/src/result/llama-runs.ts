/**
 * @module result/llama-runs — llama.cpp runs as a result document carries them: `llama-bench -o json` /
 * `-o jsonl` records read as llama-bench writes them, and llama-server's per-request `timings`.
 *
 * Field names and JSON types follow llama-bench's `test::get_fields()` / `get_field_type()` and its JSON
 * printers (ggml-org/llama.cpp tools/llama-bench/llama-bench.cpp): `build_number`, `model_size`,
 * `model_n_params`, `n_ubatch`, `n_threads`, `n_gpu_layers`, `n_cpu_moe`, `n_prompt`, `n_gen`, `n_depth` are
 * integers; `flash_attn` is an integer (`llama_flash_attn_type`, -1 auto, 0 off, 1 on) in current builds and
 * a boolean in builds before the tri-state; `avg_ts`/`stddev_ts` are floats; `samples_ts` is an array of
 * tokens/s; `tensor_split` is a string such as "0.00" or "0.60/0.40"; `n_cpu_moe` and `n_depth` exist only in
 * newer builds. Fields cliffbench does not use (cpu_mask, poll, devices, tensor_buft_overrides…) are dropped
 * on reading, so any build's output imports as it is.
 */
import { z } from 'zod';
import { CliffbenchError } from '../errors.js';

const finite = z.number().finite();
const text = (max: number) => z.string().max(max);
const count = (max: number) => z.number().int().min(0).max(max);
/** Most tokens a run can ask for (prompt, generated or depth): 2^24, far past any context. */
const MAX_TOKENS = 16_777_216;
/** Most tokens/s any run reports (a tiny model's prefill on the fastest card stays well under 10^6). */
const MAX_TOKENS_PER_SECOND = 1e7;
const tokensPerSecond = finite.positive().max(MAX_TOKENS_PER_SECOND);

/** One `llama-bench` record: a prompt (pp), generation (tg) or combined (pg) test of one model and setting. */
export const LlamaBenchRunSchema = z.object({
  build_commit: text(100),
  build_number: count(10_000_000),
  /** Comma-separated backend registry names other than CPU ("CUDA", "Metal", "Vulkan", "ROCm"…), or "CPU". */
  backends: text(200),
  /** The GPUs' descriptions, comma-separated; empty on CPU-only builds. */
  gpu_info: text(1000),
  cpu_info: text(500),
  model_filename: text(1000),
  /** `llama_model_desc`: architecture, size label and file type ("qwen3 8B Q4_K - Medium"). */
  model_type: text(300),
  /** Tensor bytes. At most 10^14 (100 TB). */
  model_size: z.number().int().positive().max(1e14),
  model_n_params: z.number().int().positive().max(1e14),
  n_batch: count(MAX_TOKENS).optional(),
  n_ubatch: count(MAX_TOKENS),
  n_threads: count(100_000),
  type_k: text(20),
  type_v: text(20),
  n_gpu_layers: z.number().int().min(-1).max(100_000),
  n_cpu_moe: count(100_000).optional(),
  split_mode: text(20),
  main_gpu: z.number().int().min(-1).max(1024).optional(),
  no_kv_offload: z.boolean().optional(),
  flash_attn: z.union([z.boolean(), z.number().int().min(-1).max(1)]),
  tensor_split: text(1000).optional(),
  n_prompt: count(MAX_TOKENS),
  n_gen: count(MAX_TOKENS),
  n_depth: count(MAX_TOKENS).default(0),
  test_time: text(50).optional(),
  avg_ts: tokensPerSecond,
  stddev_ts: finite.nonnegative().max(MAX_TOKENS_PER_SECOND),
  samples_ts: z.array(tokensPerSecond).min(1).max(1000),
});
export type LlamaBenchRun = z.output<typeof LlamaBenchRunSchema>;
export type LlamaBenchRunInput = z.input<typeof LlamaBenchRunSchema>;

/**
 * llama-server's `timings` object of one completion (tools/server: `prompt_n`, `prompt_ms`,
 * `prompt_per_token_ms`, `prompt_per_second`, `predicted_n`, `predicted_ms`, `predicted_per_token_ms`,
 * `predicted_per_second`, and `cache_n` in newer builds), with what the uploader says it ran on.
 */
export const LlamaServerTimingsSchema = z.object({
  /** The model file or id the server ran (llama-server's timings do not name it). */
  model: text(1000),
  /** Its quant as the uploader names it ("Q4_K_M"); without it, the quant tag of a `.gguf` file name in `model`. */
  quant: text(40).optional(),
  /** The device it ran on, as the user names it or a catalog id. */
  device: text(200).optional(),
  backend: text(50).optional(),
  cache_n: count(MAX_TOKENS).optional(),
  prompt_n: count(MAX_TOKENS),
  prompt_ms: finite.nonnegative().max(1e9),
  prompt_per_token_ms: finite.nonnegative().max(1e9).optional(),
  prompt_per_second: finite.nonnegative().max(MAX_TOKENS_PER_SECOND).optional(),
  predicted_n: count(MAX_TOKENS),
  predicted_ms: finite.nonnegative().max(1e9),
  predicted_per_token_ms: finite.nonnegative().max(1e9).optional(),
  predicted_per_second: finite.nonnegative().max(MAX_TOKENS_PER_SECOND).optional(),
});
export type LlamaServerTimings = z.output<typeof LlamaServerTimingsSchema>;

/** The llama.cpp section of a result document (schema version 3 on). */
export const LlamaCppSectionSchema = z.strictObject({
  /** llama-bench records, as imported. */
  benchRuns: z.array(LlamaBenchRunSchema).max(200),
  /** llama-server timings, as pasted. */
  serverTimings: z.array(LlamaServerTimingsSchema).max(100).optional(),
});
export type LlamaCppSection = z.output<typeof LlamaCppSectionSchema>;

/** `tg` when the run timed generation only, `pp` prompt processing only, `pg` both (tokens/s over both). */
export type LlamaTestKind = 'pp' | 'tg' | 'pg';

export function llamaTestKind(run: Pick<LlamaBenchRun, 'n_prompt' | 'n_gen'>): LlamaTestKind {
  if (run.n_gen === 0) return 'pp';
  if (run.n_prompt === 0) return 'tg';
  return 'pg';
}

/** llama-bench's own test label: `pp512`, `tg128`, `pp512+tg128`, with `@ d4096` for a depth. */
export function llamaTestLabel(run: Pick<LlamaBenchRun, 'n_prompt' | 'n_gen' | 'n_depth'>): string {
  const kind = llamaTestKind(run);
  const base =
    kind === 'pp'
      ? `pp${run.n_prompt}`
      : kind === 'tg'
        ? `tg${run.n_gen}`
        : `pp${run.n_prompt}+tg${run.n_gen}`;
  return run.n_depth > 0 ? `${base} @ d${run.n_depth}` : base;
}

function fail(message: string, detail: Record<string, unknown> = {}): never {
  throw new CliffbenchError('invalid-result', message, detail);
}

/**
 * Reads `llama-bench -o json` (one array) or `-o jsonl` (one object a line) output, or a single record, as
 * it is. Throws CliffbenchError('invalid-result') saying which record and field is wrong.
 */
export function parseLlamaBenchOutput(textIn: string): LlamaBenchRun[] {
  const trimmed = textIn.trim();
  if (trimmed === '') fail('No llama-bench output: paste what `llama-bench -o json` (or -o jsonl) printed.');
  let records: unknown[];
  try {
    const whole: unknown = JSON.parse(trimmed);
    records = Array.isArray(whole) ? whole : [whole];
  } catch {
    const lines = trimmed.split(/\r?\n/).filter((line) => line.trim() !== '');
    records = lines.map((line, i) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        return fail(
          `Not llama-bench JSON: line ${i + 1} is not JSON. Run llama-bench with -o json or -o jsonl (the default markdown table cannot be read).`,
          { line: i + 1 },
        );
      }
    });
  }
  if (records.length === 0) fail('The llama-bench output holds no runs.');
  if (records.length > 200) fail(`At most 200 llama-bench runs at once, got ${records.length}.`);
  return records.map((record, i) => {
    const parsed = LlamaBenchRunSchema.safeParse(record);
    if (parsed.success) return parsed.data;
    return fail(`llama-bench run ${i + 1}: ${z.prettifyError(parsed.error)}`, {
      index: i,
      issues: parsed.error.issues,
    });
  });
}

/** Tokens/s of llama-server timings: decode (predicted) and prompt processing. */
export function serverTimingsSpeeds(t: LlamaServerTimings): { decode?: number; prefill?: number } {
  const decode =
    t.predicted_per_second ?? (t.predicted_ms > 0 ? (t.predicted_n * 1000) / t.predicted_ms : undefined);
  const prefill = t.prompt_per_second ?? (t.prompt_ms > 0 ? (t.prompt_n * 1000) / t.prompt_ms : undefined);
  return {
    ...(decode !== undefined && decode > 0 ? { decode } : {}),
    ...(prefill !== undefined && prefill > 0 ? { prefill } : {}),
  };
}
