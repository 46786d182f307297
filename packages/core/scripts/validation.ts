/**
 * Shared by validate.ts, the fit scripts and the validation test: loading the public validation rows (batch
 * scenarios with a `measured` field), estimating them, and summarising |predicted/measured − 1|.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Backend,
  type DetailedEstimate,
  estimateResolved,
  quantile,
  type ResolvedScenario,
  type ResolveOptions,
  resolveScenario,
  type ScenarioInput,
} from '../src/index.js';
import { type DeviceClass, deviceClassOf } from '../src/uncertainty/prefill-band.js';

/** What a row measured: decode, prefill or both. */
export interface Measured {
  /** NaN for a prefill-only row (a prompt-length sweep point); its file leaves the field out. */
  readonly decodeTokensPerSecond: number;
  readonly prefillTokensPerSecond?: number;
  readonly prefillTokens?: number;
  readonly source?: string;
  readonly device?: string;
  readonly model?: string;
  readonly test?: string;
}

/** One validation row: the scenario as the batch reads it (prompt length set from the measurement). */
export interface ValidationRow {
  readonly id: string;
  readonly scenario: ScenarioInput;
  readonly backend: Backend | undefined;
  readonly measured: Measured;
}

const here = dirname(fileURLToPath(import.meta.url));

/** The repository root (packages/core/scripts → ../../..). */
export const repoRoot = resolve(here, '../../..');

/**
 * The public validation rows kept in the repository (test/fixtures/validation-public.jsonl), resolved from this
 * file so the scripts and tests find it from any working directory.
 */
export const fixtureValidationPath = fileURLToPath(
  new URL('../test/fixtures/validation-public.jsonl', import.meta.url),
);

/**
 * Further published rows for the classes the first file lacks (CPU-only prefill and decode, integrated GPUs
 * through Vulkan, MoE and long-prompt prefill; test/fixtures/validation-extra.jsonl), each naming its source.
 */
export const extraValidationPath = fileURLToPath(
  new URL('../test/fixtures/validation-extra.jsonl', import.meta.url),
);

/** The file the scripts read when no path is given on the command line: the in-repo fixture. */
export function defaultValidationPath(): string {
  return fixtureValidationPath;
}

/**
 * Parses a JSON-lines file of rows; each row's prompt length comes from its measured `prefillTokens`. Without
 * a path: the in-repo fixture and the extra rows together.
 */
export function loadValidationRows(path?: string): ValidationRow[] {
  if (path === undefined) return [...readRows(fixtureValidationPath), ...readRows(extraValidationPath)];
  return readRows(path);
}

function readRows(path: string): ValidationRow[] {
  if (!existsSync(path)) throw new Error(`Validation file not found: ${path}`);
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const raw = JSON.parse(line) as ScenarioInput & { id: string; measured: Partial<Measured> };
      const { measured: given, ...scenario } = raw;
      const measured: Measured = {
        ...given,
        decodeTokensPerSecond: given.decodeTokensPerSecond ?? Number.NaN,
      };
      return {
        id: raw.id,
        scenario: {
          ...scenario,
          ...(measured.prefillTokens === undefined ? {} : { promptTokens: measured.prefillTokens }),
        },
        backend: raw.backend,
        measured,
      };
    });
}

/** A row with its resolved scenario (resolved once, re-estimated many times by the fit). */
export interface ResolvedRow extends ValidationRow {
  readonly resolved: ResolvedScenario;
}

/** Resolves every row; `options` may supply architectures the catalog does not have. */
export function resolveRows(
  rows: readonly ValidationRow[],
  options: (row: ValidationRow) => ResolveOptions | undefined = () => undefined,
): ResolvedRow[] {
  return rows.map((row) => ({ ...row, resolved: resolveScenario(row.scenario, options(row)) }));
}

/** One row's prediction against its measurement. */
export interface RowPrediction {
  readonly id: string;
  readonly backend: Backend;
  readonly deviceClass: DeviceClass;
  readonly regime: string;
  readonly predicted: number;
  readonly measured: number;
  /** predicted / measured − 1 */
  readonly error: number;
  readonly prefillPredicted?: number;
  readonly prefillMeasured?: number;
  readonly label: string;
  readonly estimate: DetailedEstimate;
}

/** Estimates every resolved row with a decode measurement (prefill-only rows: `predictPrefillRows`). */
export function predictRows(rows: readonly ResolvedRow[]): RowPrediction[] {
  return rows
    .filter((row) => Number.isFinite(row.measured.decodeTokensPerSecond))
    .map((row) => {
      const e = estimateResolved(row.resolved, { advice: false });
      const m = row.measured;
      return {
        id: row.id,
        backend: row.resolved.hardware.backend,
        deviceClass: rowDeviceClass(row.resolved),
        regime: e.regime,
        predicted: e.decodeTokensPerSecond,
        measured: m.decodeTokensPerSecond,
        error: e.decodeTokensPerSecond / m.decodeTokensPerSecond - 1,
        ...(m.prefillTokensPerSecond === undefined
          ? {}
          : { prefillPredicted: e.prefillTokensPerSecond, prefillMeasured: m.prefillTokensPerSecond }),
        label:
          `${m.device ?? row.resolved.hardware.device.name} · ${m.model ?? row.resolved.model.name} ${row.resolved.quantName} ${m.test ?? ''}`.trim(),
        estimate: e,
      };
    });
}

/** Median and 90th percentile of |predicted/measured − 1|. */
export interface ErrorSummary {
  readonly rows: number;
  readonly median: number;
  readonly p90: number;
}

export function summarizeErrors(errors: readonly number[]): ErrorSummary {
  const abs = errors.map(Math.abs);
  return { rows: abs.length, median: quantile(abs, 0.5), p90: quantile(abs, 0.9) };
}

/** Overall and per-backend summaries of decode errors. */
export function summarize(predictions: readonly RowPrediction[]): {
  readonly overall: ErrorSummary;
  readonly byBackend: Readonly<Record<string, ErrorSummary>>;
} {
  const backends = [...new Set(predictions.map((p) => p.backend))].sort();
  return {
    overall: summarizeErrors(predictions.map((p) => p.error)),
    byBackend: Object.fromEntries(
      backends.map((b) => [
        b,
        summarizeErrors(predictions.filter((p) => p.backend === b).map((p) => p.error)),
      ]),
    ),
  };
}

/** The device class of a row's resolved scenario (see `deviceClassOf` in src/uncertainty/prefill-band.ts). */
export const rowDeviceClass = (r: ResolvedScenario): DeviceClass => deviceClassOf(r.hardware);

/** One row's prefill prediction against its measurement. */
export interface PrefillPrediction {
  readonly id: string;
  readonly backend: Backend;
  readonly deviceClass: DeviceClass;
  readonly moe: boolean;
  readonly predicted: number;
  readonly measured: number;
  /** predicted / measured − 1 */
  readonly error: number;
  readonly bound: string;
  readonly label: string;
}

/** Estimates the prefill of every resolved row with a prefill measurement. */
export function predictPrefillRows(rows: readonly ResolvedRow[]): PrefillPrediction[] {
  return rows
    .filter((row) => row.measured.prefillTokensPerSecond !== undefined)
    .map((row) => {
      const e = estimateResolved(row.resolved, { advice: false });
      const m = row.measured;
      const measured = m.prefillTokensPerSecond as number;
      const r = row.resolved;
      return {
        id: row.id,
        backend: r.hardware.backend,
        deviceClass: rowDeviceClass(r),
        moe: (r.sums.cumMoeLayers[r.sums.layerCount] ?? 0) > 0,
        predicted: e.prefillTokensPerSecond,
        measured,
        error: e.prefillTokensPerSecond / measured - 1,
        bound: e.breakdown.prefill.bound,
        label:
          `${m.device ?? r.hardware.device.name} · ${m.model ?? r.model.name} ${r.quantName} pp${r.settings.promptTokens}`.trim(),
      };
    });
}
