/**
 * @module cli/tune — `cliffbench tune`: the fastest llama.cpp / Ollama / LM Studio settings that fit a
 * model on a machine, as text or JSON.
 */
import { parseArgs } from 'node:util';
import { CliffbenchError } from '../errors.js';
import type { KvCacheTypeName } from '../estimate/scenario.js';
import { KvCacheTypeNameSchema } from '../estimate/scenario.js';
import { formatTuneCurve, formatTuneResult } from '../tune/format-tune.js';
import { tuneCurveResolved } from '../tune/tune-curve.js';
import { tuneResolved } from '../tune/tune-settings.js';
import type { TuneOptions } from '../tune/tune-types.js';
import type { CliIo } from './io.js';
import { resolveFromFlags } from './resolve-flags.js';
import { type ScenarioFlags, scenarioHelp, scenarioOptions } from './scenario-args.js';

/** Scenario flags that are the tuner's to choose, so `tune` does not take them. */
const CHOSEN = new Set(['gpu-layers', 'cpu-moe', 'offload', 'kv', 'kv-v', 'no-flash-attention']);

const ownOptions = {
  kv: { type: 'string' },
  margin: { type: 'string' },
  'min-context': { type: 'string' },
  limit: { type: 'string' },
  'model-path': { type: 'string' },
  curve: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const options = {
  ...Object.fromEntries(Object.entries(scenarioOptions).filter(([name]) => !CHOSEN.has(name))),
  ...ownOptions,
} as typeof scenarioOptions & typeof ownOptions;

const help = `Usage: cliffbench tune --model ID|PATH --device NAME [--ram GB] [--context N] [flags]

The fastest settings that fit: GPU layers (-ngl), MoE layers with experts in RAM (--n-cpu-moe), KV-cache
type and context (never above --context), each as a llama-server command, the llama-bench line that checks
it, Ollama and LM Studio settings; and what else would fit or run faster.

Tuning:
      --kv TYPES            KV types to consider, comma-separated (default f16,q8_0,q4_0)
      --margin MIB          GPU memory kept free, MiB (default 1024, llama.cpp --fit-target)
      --min-context N       shortest context to fall back to (default 4096, llama.cpp --fit-ctx)
      --limit N             configurations to list (default 5)
      --model-path PATH     the .gguf path commands should use (default <model>-<quant>.gguf)
      --curve               also print decode tok/s against --n-cpu-moe (MoE) or -ngl (dense)
      --json                the result (and curve) as JSON

${scenarioHelp
  .split('\n')
  .filter((line) => ![...CHOSEN].some((flag) => line.includes(`--${flag} `)))
  .join('\n')}`;

function kvList(raw: string | undefined): KvCacheTypeName[] | undefined {
  if (raw === undefined) return undefined;
  return raw.split(',').map((name) => {
    const parsed = KvCacheTypeNameSchema.safeParse(name.trim().toLowerCase());
    if (!parsed.success) {
      throw new CliffbenchError('invalid-scenario', `--kv takes f16, q8_0 and q4_0, got "${name}".`);
    }
    return parsed.data;
  });
}

function positive(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new CliffbenchError('invalid-scenario', `--${flag} must be a non-negative number, got "${raw}".`);
  }
  return value;
}

export async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options, strict: true });
  if (values.help) {
    io.out(`${help}\n`);
    return 0;
  }
  const { scenario, r } = await resolveFromFlags({ ...values, kv: undefined } as ScenarioFlags, io);
  const margin = positive(values.margin, 'margin');
  const tuning: TuneOptions = {
    ...(margin === undefined ? {} : { marginBytes: margin * 2 ** 20 }),
    ...(values['min-context'] === undefined
      ? {}
      : { minContextTokens: positive(values['min-context'], 'min-context') }),
    ...(values.limit === undefined ? {} : { limit: positive(values.limit, 'limit') }),
    ...(values.kv === undefined ? {} : { kvCacheTypes: kvList(values.kv) }),
    ...(values['model-path'] === undefined ? {} : { modelPath: values['model-path'] }),
  };
  const result = tuneResolved(r, tuning, { scenario });
  const best = result.configurations[0];
  const curve = values.curve && best !== undefined ? tuneCurveResolved(r, best.settings) : undefined;
  if (values.json) {
    io.out(`${JSON.stringify(curve === undefined ? result : { ...result, curve }, null, 2)}\n`);
  } else {
    io.out(`${formatTuneResult(result)}\n${curve === undefined ? '' : `\n${formatTuneCurve(curve)}\n`}`);
  }
  return best === undefined ? 1 : 0;
}
