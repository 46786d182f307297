/**
 * @module result/schema — the benchmark result document: what the WebGPU benchmark produces, the page
 * downloads and imports, and the server stores. One schema, versioned; every reader validates with it.
 * Bounds on strings and arrays are part of the contract (the server rejects anything larger).
 */
import { z } from 'zod';
import { CliffbenchError } from '../errors.js';
import { LlamaCppSectionSchema } from './llama-runs.js';
import { RamSectionSchema } from './ram-section.js';

/**
 * 2 added the optional `ram` section; 3 the optional `llamaCpp` section (llama-bench runs and llama-server
 * timings, result/llama-runs). Older documents (which lack only those) are read as the current version.
 * Decision: the WebGPU section (`measurements`, at least one) stays required in version 3 — a result is one
 * benchmark visit, and llama.cpp runs travel beside its WebGPU figures; llama.cpp runs alone are calibrated
 * from locally (`--llama-bench FILE`, the page's paste) but not uploaded without a WebGPU run.
 */
export const RESULT_SCHEMA_VERSION = 3;

const finite = z.number().finite();
const positive = finite.positive();
const nonNegative = finite.nonnegative();
const text = (max: number) => z.string().max(max);
/** Raw timing samples, seconds. */
const Samples = z.array(positive).min(1).max(1000);

export const WeightFormatSchema = z.enum(['f32', 'f16', 'q8_0', 'q4_0', 'q4_k']);
export type WeightFormat = z.infer<typeof WeightFormatSchema>;

const TimingModeSchema = z.enum(['timestamp-query', 'wall-clock']);

const AdapterSchema = z.strictObject({
  vendor: text(200),
  architecture: text(200),
  device: text(200),
  description: text(500),
  isFallbackAdapter: z.boolean().optional(),
});

const EnvironmentSchema = z.strictObject({
  /** `browser` (Web Worker) or `node` (Dawn). */
  runtime: z.enum(['browser', 'node']),
  userAgent: text(1000),
  browser: text(200).optional(),
  os: text(200).optional(),
  /** `navigator.hardwareConcurrency` / `os.cpus().length`. */
  logicalCores: z.number().int().positive().max(4096).optional(),
});

/**
 * One timed problem: a streaming read (the ceiling), a streaming copy (its cross-check: bytes read plus
 * written), a GEMV of one shape (rotated through copies), or a decode step (one model's whole GEMV sequence
 * for a token, possibly the first layers only).
 */
export const MeasurementSchema = z.strictObject({
  kernel: z.enum(['stream-read', 'stream-copy', 'gemv', 'decode-step']),
  /** Weight layout of a GEMV; `raw` for the streaming read. */
  format: z.union([WeightFormatSchema, z.literal('raw')]),
  /** e.g. "gemma-4-31b ffn_down", "stream 512 MiB". */
  label: text(200),
  /** Output rows of the matrix (a decode step: of all its GEMVs together; a streaming read: 1). */
  rows: z.number().int().positive(),
  /** Input columns (a decode step: its widest GEMV's; a streaming read: 32-bit words read). */
  cols: z.number().int().positive(),
  /** Bytes read from memory per timed pass (weights + vectors). */
  bytesPerPass: positive,
  /** Distinct bytes rotated through (cache defeat). */
  workingSetBytes: positive,
  dispatchesPerPass: z.number().int().positive(),
  /** Distinct weight matrices one pass multiplies (copies of one shape, or a decode step's GEMVs). */
  matrices: z.number().int().positive().max(1_000_000).optional(),
  /** Passes averaged into each sample (one timed submission repeats the pass this often). */
  passesPerSample: z.number().int().positive().max(1_000_000).optional(),
  /** Seconds per pass, one per timed submission. */
  samplesSeconds: Samples,
  medianSeconds: positive,
  /** Relative half-width of the 95% confidence interval of the mean. */
  ci95Relative: nonNegative,
  /** bytesPerPass / medianSeconds / 1e9. */
  bandwidthGBs: positive,
});

/** Working-set sweep point: where the cache stops helping. */
const SweepPointSchema = z.strictObject({
  workingSetBytes: positive,
  bandwidthGBs: positive,
  samplesSeconds: Samples,
});

/** Fit of t = launchSeconds + bytes / (bandwidthGBs·1e9) over a format's problems. */
export const FormatFitSchema = z.strictObject({
  format: WeightFormatSchema,
  bandwidthGBs: positive,
  launchSeconds: nonNegative,
  /** Coefficient of determination of the fit. */
  r2: finite.min(-1e6).max(1),
  points: z.number().int().min(2),
});

const UploadSchema = z.strictObject({
  /** `writeBuffer` (queue.writeBuffer) or `mapped` (mapAsync(WRITE) staging buffer + copyBufferToBuffer). */
  method: z.enum(['writeBuffer', 'mapped']).optional(),
  bytes: positive,
  samplesSeconds: Samples,
  bandwidthGBs: positive,
});

/**
 * WebGPU's limits are integers typed by the GPUSupportedLimits IDL
 * (https://www.w3.org/TR/webgpu/#gpusupportedlimits): these three byte sizes are `unsigned long long`, held
 * here to Number.MAX_SAFE_INTEGER (the largest a JS number holds exactly); every other limit, including ones
 * added to the spec later, is `unsigned long` (u32), at most 2^32 − 1.
 */
const U64_LIMITS: ReadonlySet<string> = new Set([
  'maxBufferSize',
  'maxStorageBufferBindingSize',
  'maxUniformBufferBindingSize',
]);
const U32_MAX = 2 ** 32 - 1;
/** Most a WebGPU limit named `name` can be. */
const maxLimitValue = (name: string): number => (U64_LIMITS.has(name) ? Number.MAX_SAFE_INTEGER : U32_MAX);

const LimitsSchema = z.record(text(100), z.number()).superRefine((limits, ctx) => {
  const names = Object.keys(limits);
  if (names.length > 200) ctx.addIssue({ code: 'custom', message: 'too many limits' });
  for (const name of names) {
    const value = limits[name] as number;
    const max = maxLimitValue(name);
    if (!Number.isInteger(value) || value < 0 || value > max) {
      const type = max === U32_MAX ? 'unsigned long' : 'unsigned long long';
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: `a WebGPU ${type} limit: an integer from 0 to ${max}`,
      });
    }
  }
});

/**
 * Most a tuning value can be: 65535, WebGPU's default maxComputeWorkgroupsPerDimension. Every value the
 * benchmark records (workgroup sizes, rows per workgroup, loads per thread, grid sizes in workgroups,
 * accumulators, candidate counts) is a small positive integer well inside it.
 */
const MAX_TUNING_VALUE = 65_535;

const TuningSchema = z
  .record(
    text(100),
    z
      .number()
      .refine(
        (v) => Number.isInteger(v) && v >= 1 && v <= MAX_TUNING_VALUE,
        `a tuning value: an integer from 1 to ${MAX_TUNING_VALUE}`,
      ),
  )
  .refine((r) => Object.keys(r).length <= 50, 'too many tuning keys');

const ClaimedDeviceSchema = z.strictObject({
  /** Catalog id when the user picked a catalog device. */
  deviceId: text(200).optional(),
  name: text(200),
});

export const ResultDocumentSchema = z.strictObject({
  schemaVersion: z.literal([1, 2, RESULT_SCHEMA_VERSION]).transform(() => RESULT_SCHEMA_VERSION),
  app: z.strictObject({ name: z.literal('cliffbench'), version: text(50) }),
  /** ISO 8601 time the run finished. */
  createdAt: z.iso.datetime(),
  mode: z.enum(['quick', 'full']),
  adapter: AdapterSchema,
  features: z.array(text(100)).max(200),
  /** The adapter's WebGPU limits by name (GPUSupportedLimits): non-negative integers within their IDL type. */
  limits: LimitsSchema,
  environment: EnvironmentSchema,
  timingMode: TimingModeSchema,
  /** Kernel tuning chosen at run time (workgroup size, rows per workgroup...): integers 1..MAX_TUNING_VALUE. */
  tuning: TuningSchema,
  measurements: z.array(MeasurementSchema).min(1).max(500),
  sweep: z.array(SweepPointSchema).max(100),
  fits: z.array(FormatFitSchema).max(20),
  /** The faster host-to-device upload path (what the estimator uses as the link's bandwidth). */
  upload: UploadSchema.optional(),
  /** Every upload path timed. */
  uploads: z.array(UploadSchema).max(4).optional(),
  /** What the plan asked for but the device could not run or the time budget did not allow, and why. */
  skipped: z
    .array(z.strictObject({ label: text(200), reason: text(300) }))
    .max(100)
    .optional(),
  claimedDevice: ClaimedDeviceSchema.optional(),
  /** Host-RAM bandwidth measured by @cliffbench/host-bench (version 2 on). */
  ram: RamSectionSchema.optional(),
  /** llama-bench runs and llama-server timings (version 3 on); each run is physics-checked on upload. */
  llamaCpp: LlamaCppSectionSchema.optional(),
  /** Wall time of the whole run, seconds. */
  durationSeconds: positive,
});

export type ResultDocument = z.infer<typeof ResultDocumentSchema>;
/** A result document as written: `schemaVersion` 1, 2 or 3. */
export type ResultDocumentInput = z.input<typeof ResultDocumentSchema>;

/**
 * Reads an uploaded, stored or downloaded result document of any supported version (1, 2 or 3) as the current
 * version. Throws CliffbenchError('invalid-result') listing what is wrong.
 */
export function parseResultDocument(json: unknown): ResultDocument {
  const parsed = ResultDocumentSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new CliffbenchError(
    'invalid-result',
    `not a cliffbench result document of schemaVersion 1 or 2 or ${RESULT_SCHEMA_VERSION}: ${z.prettifyError(parsed.error)}`,
    { issues: parsed.error.issues },
  );
}
export type Measurement = z.infer<typeof MeasurementSchema>;
export type FormatFit = z.infer<typeof FormatFitSchema>;
