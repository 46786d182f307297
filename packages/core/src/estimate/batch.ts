/**
 * @module estimate/batch — `cliffbench estimate --batch`: one scenario per JSON line in, one result per line
 * out, in order; a line that cannot be estimated yields `{ id, error }` and the rest still run.
 */
import { CliffbenchError } from '../errors.js';
import { estimate } from './estimate.js';
import type { ProjectorFile } from './mmproj.js';
import type { ResolveOptions } from './resolve-scenario.js';
import type { EstimateError, EstimateResult, ScenarioInput } from './scenario.js';

/** Options of `runBatch`. */
export interface BatchOptions {
  /**
   * Resolves a string `model` the catalog does not hold (the CLI reads config.json and .gguf paths here);
   * return undefined to fall back to the catalog.
   */
  readonly resolveModel?: (model: string) => ResolveOptions | undefined;
  /** Reads the projector file a line's `mmproj` names (the CLI reads its GGUF header). */
  readonly resolveMmproj?: (path: string) => ProjectorFile | undefined;
}

function idOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('id' in value)) return undefined;
  const id = (value as { id: unknown }).id;
  return typeof id === 'string' ? id : typeof id === 'number' ? String(id) : undefined;
}

function message(error: unknown): string {
  if (error instanceof CliffbenchError) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** Estimates one batch line; never throws. */
export function runBatchLine(
  line: string,
  lineNumber: number,
  options: BatchOptions = {},
): EstimateResult | EstimateError {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return {
      error: `line ${lineNumber}: not valid JSON (${message(error)}); each line must be one scenario object.`,
    };
  }
  const id = idOf(value);
  try {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new CliffbenchError('invalid-scenario', 'A batch line must be a JSON object (a scenario).');
    }
    const scenario = value as ScenarioInput;
    const model = (value as { model?: unknown }).model;
    const resolved = typeof model === 'string' ? options.resolveModel?.(model) : undefined;
    const path = (value as { mmproj?: unknown }).mmproj;
    const mmproj = typeof path === 'string' && path !== 'auto' ? options.resolveMmproj?.(path) : undefined;
    return estimate(scenario, mmproj === undefined ? resolved : { ...resolved, mmproj });
  } catch (error) {
    return { ...(id === undefined ? {} : { id }), error: message(error) };
  }
}

/**
 * Runs a batch: each non-blank line is one scenario (JSON). Results come back in order, one per non-blank
 * line, carrying the scenario's `id`.
 */
export function runBatch(
  lines: Iterable<string>,
  options: BatchOptions = {},
): (EstimateResult | EstimateError)[] {
  const out: (EstimateResult | EstimateError)[] = [];
  let lineNumber = 0;
  for (const raw of lines) {
    lineNumber += 1;
    const line = raw.trim();
    if (line === '') continue;
    out.push(runBatchLine(line, lineNumber, options));
  }
  return out;
}
