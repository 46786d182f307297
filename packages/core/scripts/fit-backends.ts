/**
 * Fits the decode and prefill coefficients (src/speed/backend-defaults.ts) to test/fixtures/validation-public.jsonl
 * and prints the table to paste there. Physics, not rows: one η and one per-layer t0 per backend, the CPU
 * tier's η, core-bandwidth cap and t0, and factors shared by all backends (MoE layer cost, KV-read efficiency,
 * HBM efficiency). Loss: soft-L1 (scale 0.1) on log(predicted/measured) over every row, minimised by
 * Nelder–Mead from the current defaults, restarted until it stops improving. Placement does not depend on
 * the coefficients, so each row is resolved and placed once.
 * Prefill: each backend's efficiency is scaled by the median measured/predicted over its dense rows, then the
 * MoE factor by the median over MoE rows (two rounds, as transfer and weight-read terms are not linear in it).
 * Usage: tsx scripts/fit-backends.ts [validation.jsonl] (default: test/fixtures/validation-public.jsonl)
 */
import { pathToFileURL } from 'node:url';
import type { Backend, BackendSpeed, ResolvedScenario, SharedSpeed } from '../src/index.js';
import { backendDefaults, sharedSpeed } from '../src/index.js';
import { place } from '../src/placement/place.js';
import { type SpeedParameters, speedCoefficients } from '../src/speed/coefficients.js';
import { decodeTime } from '../src/speed/decode.js';
import { fitGenerations, withoutGenerations } from './fit-generations.js';
import { fitPrefill, prefillError } from './fit-prefill.js';
import { nelderMead } from './nelder-mead.js';
import { loadValidationRows, type ResolvedRow, resolveRows, summarizeErrors } from './validation.js';

const GPU_BACKENDS = ['cuda', 'metal', 'vulkan', 'rocm'] as const satisfies readonly Backend[];

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const logit = (p: number): number => Math.log(p / (1 - p));
/** Bounds on a tier's η: no kernel streams faster than the ~87-92 % of spec that pure read/copy benchmarks reach
 * on GPUs (RTX 3090: read kernel 91.3 %, memset 92.2 %, D2D memcpy 86.9 % of 936 GB/s, ashalliants/ninfer-3090
 * PR #50); 0.2 is below every row. */
const ETA_FLOOR = 0.2;
const ETA_CEILING = 0.92;
/** A layer runs at least ~10 kernels or thread-pool barriers of ≥ 1 µs each: per-layer t0 ≥ 10 µs. */
const T0_FLOOR = 1e-5;

/** Parameter vector ↔ tables. Bounded quantities go through a sigmoid, positive ones through exp. */
function decode(x: readonly number[], base: SpeedParameters): SpeedParameters {
  const at = (i: number): number => x[i] as number;
  const backends = { ...base.backends } as Record<Backend, BackendSpeed>;
  GPU_BACKENDS.forEach((b, i) => {
    backends[b] = {
      ...base.backends[b],
      eta: ETA_FLOOR + (ETA_CEILING - ETA_FLOOR) * sigmoid(at(2 * i)),
      t0PerLayerSeconds: T0_FLOOR + 1e-4 * Math.exp(at(2 * i + 1)),
    };
  });
  const k = 2 * GPU_BACKENDS.length;
  // The CPU's per-layer cost is not identifiable from six rows of 50-500 ms tokens: it stays as set (see the
  // comment on backendDefaults.cpu).
  // The core-bandwidth cap stays as fitted on the first 193 rows (185 GB/s): the rows added since (small and
  // mid-size CPUs far below it) carry no information on it.
  backends.cpu = {
    ...base.backends.cpu,
    eta: ETA_CEILING * sigmoid(at(k)),
  };
  const shared: SharedSpeed = {
    ...base.shared,
    moeLayerFactor: Math.exp(at(k + 1)),
    kvEtaRatio: sigmoid(at(k + 2)),
    hbmEtaFactor: sigmoid(at(k + 3)),
    kvEtaRatioNoFlash: sigmoid(at(k + 4)),
    cpuDecodeEfficiency: sigmoid(at(k + 5)),
  };
  return { backends, shared };
}

const t0Param = (t0: number): number => Math.log(Math.max(1e-9, t0 - T0_FLOOR) / 1e-4);

function encode(p: SpeedParameters): number[] {
  const x: number[] = [];
  for (const b of GPU_BACKENDS) {
    const eta = Math.min(ETA_CEILING - 1e-3, Math.max(ETA_FLOOR + 1e-3, p.backends[b].eta));
    x.push(logit((eta - ETA_FLOOR) / (ETA_CEILING - ETA_FLOOR)), t0Param(p.backends[b].t0PerLayerSeconds));
  }
  const cpu = p.backends.cpu;
  x.push(logit(Math.min(0.999, cpu.eta / ETA_CEILING)));
  x.push(Math.log(p.shared.moeLayerFactor), logit(p.shared.kvEtaRatio), logit(p.shared.hbmEtaFactor));
  x.push(logit(p.shared.kvEtaRatioNoFlash), logit(p.shared.cpuDecodeEfficiency));
  return x;
}

/**
 * HBM parts in the validation rows that the device catalog does not list (so the estimator cannot tell their
 * memory type from the row's name and numbers). The fit needs every row's memory technology to separate the
 * backend's η from the HBM factor; spec sheets: AMD Instinct MI50/MI60 (HBM2, 1024 GB/s) and MI100 (HBM2,
 * 1229 GB/s), amd.com/en/products/accelerators/instinct; NVIDIA V100 (HBM2, 900 GB/s) and A30 (HBM2, 933 GB/s),
 * nvidia.com/en-us/data-center.
 */
const HBM_NOT_IN_CATALOG = /Instinct MI(50|60|100)\b|Tesla V100|\bA30\b/;

/**
 * Rows measured before llama.cpp had flash attention on by default: XiongjieDai's tables (Dec 2023 / May 2024)
 * predate and ignore `-fa` (added off by default in ggml-org/llama.cpp#5021, Apr 2024; `auto` became the
 * default in 2025). Their long-generation rows fit the no-flash KV factor.
 */
const WITHOUT_FLASH_ATTENTION = /XiongjieDai/;

/** A row with the facts the fit needs that the row's scenario cannot carry (memory type, flash attention). */
function withKnownFacts(row: ResolvedRow): ResolvedRow {
  let r = row.resolved;
  const hw = r.hardware;
  if (!hw.hbm && HBM_NOT_IN_CATALOG.test(hw.device.name)) r = { ...r, hardware: { ...hw, hbm: true } };
  if (WITHOUT_FLASH_ATTENTION.test(row.measured.source ?? '')) {
    r = { ...r, kvSettings: { ...r.kvSettings, flashAttention: false } };
  }
  return r === row.resolved ? row : { ...row, resolved: r };
}

export interface Placed {
  readonly row: ResolvedRow;
  readonly placement: ReturnType<typeof place>;
}

function withParams(r: ResolvedScenario, params: SpeedParameters): ResolvedScenario {
  return { ...r, speed: speedCoefficients(r.hardware, r.calibration, params) };
}

/** predicted ÷ measured decode tokens/s of one placed row under `params`. */
export const decodeError = (p: Placed, params: SpeedParameters): number =>
  decodeTime(withParams(p.row.resolved, params), p.placement).tokensPerSecond /
  p.row.measured.decodeTokensPerSecond;

/** Rows with a decode measurement (prefill-only rows from prompt sweeps have none). */
export const withDecode = (placed: readonly Placed[]): Placed[] =>
  placed.filter((p) => Number.isFinite(p.row.measured.decodeTokensPerSecond));

const softL1 = (z: number): number => 2 * (Math.sqrt(1 + z * z) - 1);

/** The decode coefficients that minimise the soft-L1 loss over `placed`, starting from `start`. */
export function fitDecode(all: readonly Placed[], start: SpeedParameters): SpeedParameters {
  const placed = withDecode(all);
  const loss = (x: readonly number[]): number => {
    const params = decode(x, start);
    let sum = 0;
    for (const p of placed) sum += softL1(Math.log(decodeError(p, params)) / 0.1);
    return sum;
  };
  let x = encode(start);
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 8; round++) {
    const result = nelderMead(loss, x, { step: 0.4, maxEvaluations: 6000 });
    x = result.x;
    if (best - result.value < 1e-6) break;
    best = result.value;
  }
  return decode(x, start);
}

const sig = (x: number, digits = 3): string => Number(x.toPrecision(digits)).toString();

function printTable(params: SpeedParameters, placed: readonly Placed[]): void {
  const count = (b: Backend): number => placed.filter((p) => p.row.resolved.hardware.backend === b).length;
  console.log('export const backendDefaults: Readonly<Record<Backend, BackendSpeed>> = {');
  for (const b of [...GPU_BACKENDS, 'cpu'] as const) {
    const s = params.backends[b];
    const cap = s.capGBs === undefined ? '' : ` capGBs: ${sig(s.capGBs)},`;
    console.log(
      `  ${b}: { eta: ${sig(s.eta)}, t0PerLayerSeconds: ${sig(s.t0PerLayerSeconds)}, matrixEfficiency: ${sig(s.matrixEfficiency)},${cap} rows: ${count(b)} },`,
    );
  }
  console.log('};');
  const sh = params.shared;
  const gens = Object.entries(sh.generationFactors)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([g, f]) => `'${g}': { eta: ${sig(f?.eta ?? 1)}, prefill: ${sig(f?.prefill ?? 1)} }`);
  console.log(`generationFactors: { ${gens.join(', ')} },`);
  console.log(
    `shared: moeLayerFactor ${sig(sh.moeLayerFactor)}, kvEtaRatio ${sig(sh.kvEtaRatio)}, kvEtaRatioNoFlash ${sig(sh.kvEtaRatioNoFlash)}, hbmEtaFactor ${sig(sh.hbmEtaFactor)}, cpuDecodeEfficiency ${sig(sh.cpuDecodeEfficiency)}, vectorEfficiency ${sig(sh.vectorEfficiency)}, halfEfficiencyTokens ${sig(sh.halfEfficiencyTokens)}, attentionEfficiency ${sig(sh.attentionEfficiency)}, floatEfficiencyRatio ${sig(sh.floatEfficiencyRatio)}, expertLayerPassSeconds ${sig(sh.expertLayerPassSeconds)}, unifiedGpuPrefillFactor ${sig(sh.unifiedGpuPrefillFactor)}`,
  );
}

/** The current defaults, where every fit starts. */
export const DEFAULT_PARAMETERS: SpeedParameters = { backends: backendDefaults, shared: sharedSpeed };

/**
 * Every coefficient from `start`: the decode fit, the generations' η factors (three rounds, each on the
 * residuals of the last), the prefill fit, the generations' prefill factors. Generation factors start at 1, so a
 * cross-validation fold never inherits a held-out device's factor.
 */
export function fitAll(placed: readonly Placed[], start: SpeedParameters): SpeedParameters {
  let params = fitDecode(placed, withoutGenerations(start));
  for (let round = 0; round < 3; round++) params = fitGenerations(placed, params, 'eta');
  params = fitPrefill(placed, params);
  for (let round = 0; round < 3; round++) params = fitGenerations(placed, params, 'prefill');
  return params;
}

/** Rows with the facts the fit needs, placed once (placement does not depend on the coefficients). */
export function placeRows(rows: readonly ResolvedRow[]): Placed[] {
  return rows.map(withKnownFacts).map((row) => ({ row, placement: place(row.resolved) }));
}

/** Fits decode then prefill coefficients to resolved rows; prints the summary and the table; returns them. */
export function runFit(rows: readonly ResolvedRow[]): SpeedParameters {
  const placed = placeRows(rows);
  const start = DEFAULT_PARAMETERS;
  const before = summarizeErrors(withDecode(placed).map((p) => decodeError(p, start) - 1));
  const withPrefill = placed.filter((p) => p.row.measured.prefillTokensPerSecond !== undefined);
  const prefillBefore = summarizeErrors(withPrefill.map((p) => prefillError(p, start) - 1));
  const fitted = fitAll(placed, start);
  const after = summarizeErrors(withDecode(placed).map((p) => decodeError(p, fitted) - 1));
  const prefillAfter = summarizeErrors(withPrefill.map((p) => prefillError(p, fitted) - 1));
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  console.log(
    `Decode |pred/meas − 1| over ${after.rows} rows: median ${pct(before.median)} → ${pct(after.median)}, p90 ${pct(before.p90)} → ${pct(after.p90)}`,
  );
  console.log(
    `Prefill |pred/meas − 1| over ${prefillAfter.rows} rows: median ${pct(prefillBefore.median)} → ${pct(prefillAfter.median)}, p90 ${pct(prefillBefore.p90)} → ${pct(prefillAfter.p90)}\n`,
  );
  printTable(fitted, placed);
  return fitted;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runFit(resolveRows(loadValidationRows(process.argv[2])));
}
