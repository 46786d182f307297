/**
 * `npm run validate:multigpu -w packages/core`: the evidence for the multi-GPU model, from
 * test/fixtures/validation-multigpu.jsonl (published llama.cpp measurements on 2 to 8 GPUs, each row citing its
 * source; rows with `measured.heldOut` are never fitted).
 *
 * 1. Fits the fixed per-token costs of speed/multi-gpu-decode (`MULTI_GPU_COSTS`) to the decode rows not held
 *    out: decode time is the cost-free time plus counts × costs (`multiGpuCostCounts`), so each row is estimated
 *    once and the fit minimises Σ log²(predicted/measured) over the costs (Nelder–Mead, costs kept ≥ 0).
 * 2. Cross-validates that fit: leave one machine out (its rows predicted from costs fitted to the others) and
 *    leave one model out.
 * 3. Prints every row with the constants in the code, and |predicted/measured − 1| (median, p90, worst) for the
 *    fitted rows, the held-out rows, by split mode and by card count; then the prefill rows likewise.
 * 4. Runs the held-out rows, as they are, through the CLI's `cliffbench estimate --batch` and prints their errors
 *    from its output lines (and any line that differs from the library's figure above).
 * Usage: tsx scripts/validate-multigpu.ts [path/to/rows.jsonl] (default: the in-repo fixture, from any directory)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/run.js';
import { estimateResolved, quantile, resolveScenario, type ScenarioInput } from '../src/index.js';
import { place } from '../src/placement/place.js';
import {
  decodeTimeAnyGpus,
  MULTI_GPU_COSTS,
  type MultiGpuCosts,
  multiGpuCostCounts,
  NO_MULTI_GPU_COSTS,
} from '../src/speed/multi-gpu-decode.js';
import { nelderMead } from './nelder-mead.js';

/** One fixture row: a batch scenario plus what was measured and where it was published. */
interface MultiGpuRow extends Record<string, unknown> {
  readonly id: string;
  readonly measured: {
    readonly decodeTokensPerSecond?: number;
    readonly prefillTokensPerSecond?: number;
    readonly source: string;
    readonly heldOut?: boolean;
    readonly device?: string;
    readonly model?: string;
    readonly test?: string;
    /** The same table's figure for one of these cards (same model, same test), where one card held the model. */
    readonly singleGpu?: {
      readonly decodeTokensPerSecond?: number;
      readonly prefillTokensPerSecond?: number;
      readonly device: string;
    };
  };
}

const defaultPath = fileURLToPath(new URL('../test/fixtures/validation-multigpu.jsonl', import.meta.url));

/** How many GPUs a row names: a `devices` list, or `device: "4x rtx 3090"`, else one. */
export function cardCount(row: Record<string, unknown>): number {
  if (Array.isArray(row.devices)) return row.devices.length;
  const m = typeof row.device === 'string' ? /^\s*(\d+)\s*[x×]\s*/i.exec(row.device) : null;
  return m ? Number(m[1]) : 1;
}

function loadRows(path: string): MultiGpuRow[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as MultiGpuRow);
}

/** A row estimated once: what it needs for predictions under any costs. */
interface Case {
  readonly id: string;
  readonly splitMode: string;
  readonly cards: number;
  readonly regime: string;
  /** The machine (published device label and source page): the unit left out by the cross-validation. */
  readonly machine: string;
  readonly model: string;
  /** The published test: tg512, tg8192, pp512, pp4096, … */
  readonly test: string;
  readonly heldOut: boolean;
  /** Which figure `measured` and `predicted` are. */
  readonly kind: 'decode' | 'prefill';
  readonly measured: number;
  /** Decode seconds per token with no fixed multi-GPU cost. */
  readonly baseSeconds: number;
  readonly counts: Record<keyof MultiGpuCosts, number>;
  /** The full estimate's figure (the code's constants). */
  readonly predicted: number;
  /**
   * log(predicted/measured) of one of the cards alone (the same table's single-card row), else 0: subtracted,
   * it leaves the error of the multi-GPU ratio (several cards ÷ one), free of the single-GPU model's own error.
   */
  readonly singleLogError: number;
  readonly label: string;
}

const COST_KEYS = Object.keys(NO_MULTI_GPU_COSTS) as (keyof MultiGpuCosts)[];

function toCase(row: MultiGpuRow, kind: 'decode' | 'prefill'): Case {
  const { measured, ...scenario } = row;
  const r = resolveScenario(scenario as unknown as ScenarioInput);
  const e = estimateResolved(r, { advice: false });
  const p = place(r);
  const base = decodeTimeAnyGpus(r, p, undefined, undefined, NO_MULTI_GPU_COSTS);
  const model = measured.model ?? String(row.model);
  const single = measured.singleGpu?.[kind === 'decode' ? 'decodeTokensPerSecond' : 'prefillTokensPerSecond'];
  let singleLogError = 0;
  if (single !== undefined) {
    const { splitMode: _mode, devices: _devices, ...one } = scenario;
    // One of the cards: the first of `devices`, or the name after "4x ".
    const device = Array.isArray(row.devices)
      ? row.devices[0]
      : typeof row.device === 'string'
        ? row.device.replace(/^\s*\d+\s*[x×]\s*/i, '')
        : undefined;
    const e1 = estimateResolved(resolveScenario({ ...one, device } as unknown as ScenarioInput), {
      advice: false,
    });
    singleLogError = Math.log(
      (kind === 'decode' ? e1.decodeTokensPerSecond : e1.prefillTokensPerSecond) / single,
    );
  }
  return {
    id: row.id,
    splitMode: typeof row.splitMode === 'string' ? row.splitMode : 'layer',
    cards: cardCount(row),
    regime: e.regime,
    machine: `${measured.device ?? String(row.device)} · ${measured.source.split(' ')[0]}`,
    model: `${model} ${String(row.quant)}`,
    test: measured.test ?? '',
    heldOut: measured.heldOut === true,
    kind,
    measured: (kind === 'decode' ? measured.decodeTokensPerSecond : measured.prefillTokensPerSecond) ?? NaN,
    baseSeconds: base.secondsPerToken,
    counts: multiGpuCostCounts(p, r.sums.layerCount),
    predicted: kind === 'decode' ? e.decodeTokensPerSecond : e.prefillTokensPerSecond,
    singleLogError,
    label:
      `${measured.device ?? String(row.device)} · ${model} ${String(row.quant)} ${measured.test ?? ''}`.trim(),
  };
}

/** Decode tokens/s of a case under `costs`. */
function predictWith(c: Case, costs: MultiGpuCosts): number {
  let seconds = c.baseSeconds;
  for (const k of COST_KEYS) seconds += c.counts[k] * costs[k];
  return 1 / seconds;
}

/**
 * Costs minimising Σ (log(predicted/measured) − singleLogError)² over `cases` (the multi-GPU ratio's error where
 * the table has the single card, else the plain error); a cost no case pays stays 0.
 */
function fitCosts(cases: readonly Case[]): MultiGpuCosts {
  const used = COST_KEYS.filter((k) => cases.some((c) => c.counts[k] > 0));
  const toCosts = (x: readonly number[]): MultiGpuCosts => {
    const costs = { ...NO_MULTI_GPU_COSTS };
    used.forEach((k, i) => {
      costs[k] = Math.abs(x[i] ?? 0) * 1e-3; // searched in milliseconds, kept ≥ 0
    });
    return costs;
  };
  const loss = (x: readonly number[]): number => {
    const costs = toCosts(x);
    let sum = 0;
    for (const c of cases) sum += (Math.log(predictWith(c, costs) / c.measured) - c.singleLogError) ** 2;
    return sum;
  };
  return toCosts(
    nelderMead(
      loss,
      used.map(() => 0.2),
      { step: 0.2 },
    ).x,
  );
}

/** Each case predicted by costs fitted without its group. */
function crossValidate(cases: readonly Case[], group: (c: Case) => string): Map<Case, number> {
  const out = new Map<Case, number>();
  for (const g of new Set(cases.map(group))) {
    const costs = fitCosts(cases.filter((c) => group(c) !== g));
    for (const c of cases) if (group(c) === g) out.set(c, predictWith(c, costs));
  }
  return out;
}

const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
const apct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const num = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const ms = (s: number): string => `${(s * 1e3).toFixed(3)} ms`;

function summaryLine(name: string, errors: readonly number[]): string {
  if (errors.length === 0) return `  ${name.padEnd(22)} rows   0`;
  const abs = errors.map(Math.abs);
  return `  ${name.padEnd(22)} rows ${String(errors.length).padStart(3)}   median ${apct(quantile(abs, 0.5)).padStart(6)}   p90 ${apct(quantile(abs, 0.9)).padStart(6)}   worst ${apct(Math.max(...abs)).padStart(6)}   median signed ${pct(quantile(errors, 0.5)).padStart(7)}`;
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return m;
}

const errorOf = (c: Case, predicted = c.predicted): number => predicted / c.measured - 1;
/** Error of the ratio several cards ÷ one card (predicted against measured), for cases with a single-card row. */
const ratioErrorOf = (c: Case, predicted = c.predicted): number =>
  Math.exp(Math.log(predicted / c.measured) - c.singleLogError) - 1;
const withSingle = (cs: readonly Case[]): Case[] => cs.filter((c) => c.singleLogError !== 0);

function report(title: string, cases: readonly Case[]): void {
  console.log(
    `\n${title}\n${'id'.padEnd(6)} ${'split'.padEnd(6)} ${'gpus'.padStart(4)} ${'regime'.padEnd(15)} ${'pred'.padStart(7)} ${'meas'.padStart(7)} ${'err'.padStart(8)} ${'÷1 err'.padStart(8)}   row`,
  );
  for (const c of cases) {
    console.log(
      `${c.id.padEnd(6)} ${c.splitMode.padEnd(6)} ${String(c.cards).padStart(4)} ${c.regime.padEnd(15)} ${num(c.predicted).padStart(7)} ${num(c.measured).padStart(7)} ${pct(errorOf(c)).padStart(8)} ${(c.singleLogError === 0 ? '' : pct(ratioErrorOf(c))).padStart(8)}   ${c.label}${c.heldOut ? '  [held out]' : ''}`,
    );
  }
  console.log(`\n${title}: |predicted/measured − 1| with the code's constants`);
  console.log(
    summaryLine(
      'all',
      cases.map((c) => errorOf(c)),
    ),
  );
  console.log(
    summaryLine(
      'rows not held out',
      cases.filter((c) => !c.heldOut).map((c) => errorOf(c)),
    ),
  );
  console.log(
    summaryLine(
      'held-out rows',
      cases.filter((c) => c.heldOut).map((c) => errorOf(c)),
    ),
  );
  for (const [mode, cs] of groupBy(cases, (c) => c.splitMode)) {
    console.log(
      summaryLine(
        `sm ${mode}`,
        cs.map((c) => errorOf(c)),
      ),
    );
  }
  for (const [test, cs] of groupBy(cases, (c) => c.test)) {
    if (cs.length >= 10)
      console.log(
        summaryLine(
          test,
          cs.map((c) => errorOf(c)),
        ),
      );
  }
  const byCards = [...groupBy(cases, (c) => String(c.cards))].sort((a, b) => Number(a[0]) - Number(b[0]));
  for (const [cards, cs] of byCards)
    console.log(
      summaryLine(
        `${cards} GPUs`,
        cs.map((c) => errorOf(c)),
      ),
    );
  const paired = withSingle(cases);
  console.log(
    `${title}: the ratio several cards ÷ one card, predicted against the same table's measured ratio`,
  );
  console.log(
    summaryLine(
      'rows with a 1-card row',
      paired.map((c) => ratioErrorOf(c)),
    ),
  );
  for (const [name, cs] of [
    ['rows not held out', paired.filter((c) => !c.heldOut)],
    ['held-out rows', paired.filter((c) => c.heldOut)],
  ] as const) {
    console.log(
      summaryLine(
        name,
        cs.map((c) => ratioErrorOf(c)),
      ),
    );
  }
  for (const [mode, cs] of groupBy(paired, (c) => c.splitMode)) {
    console.log(
      summaryLine(
        `sm ${mode}`,
        cs.map((c) => ratioErrorOf(c)),
      ),
    );
  }
  for (const [test, cs] of groupBy(paired, (c) => c.test)) {
    if (cs.length >= 10)
      console.log(
        summaryLine(
          test,
          cs.map((c) => ratioErrorOf(c)),
        ),
      );
  }
}

const rows = loadRows(process.argv[2] ?? defaultPath);
const decode = rows
  .filter((r) => r.measured.decodeTokensPerSecond !== undefined)
  .map((r) => toCase(r, 'decode'));
const prefill = rows
  .filter((r) => r.measured.prefillTokensPerSecond !== undefined)
  .map((r) => toCase(r, 'prefill'));

report('Decode', decode);

const fitRows = decode.filter((c) => !c.heldOut);
const fitted = fitCosts(fitRows);
console.log(
  `\nFixed multi-GPU costs fitted to the ${fitRows.length} decode rows not held out (code's value in brackets):`,
);
for (const k of COST_KEYS)
  console.log(`  ${k.padEnd(30)} ${ms(fitted[k]).padStart(10)}   [${ms(MULTI_GPU_COSTS[k])}]`);
console.log('\nCross-validation of that fit (each group predicted by costs fitted without it), decode:');
for (const [name, group] of [
  ['leave one machine out', (c: Case) => c.machine],
  ['leave one model out', (c: Case) => c.model],
] as const) {
  const cv = crossValidate(fitRows, group);
  console.log(
    summaryLine(
      name,
      fitRows.map((c) => errorOf(c, cv.get(c) ?? NaN)),
    ),
  );
  for (const [mode, cs] of groupBy(fitRows, (c) => c.splitMode)) {
    console.log(
      summaryLine(
        `  sm ${mode}`,
        cs.map((c) => errorOf(c, cv.get(c) ?? NaN)),
      ),
    );
  }
  console.log(
    summaryLine(
      '  ratio to 1 card',
      withSingle(fitRows).map((c) => ratioErrorOf(c, cv.get(c) ?? NaN)),
    ),
  );
}

if (prefill.length > 0) report('Prefill', prefill);

/**
 * The held-out rows as a user runs them: the fixture's lines, unchanged, through `cliffbench estimate --batch`
 * (a batch line ignores fields it does not know, such as `measured`).
 */
async function heldOutThroughBatch(path: string, cases: readonly Case[]): Promise<void> {
  const heldOut = new Map(cases.filter((c) => c.heldOut).map((c) => [c.id, c]));
  const lines = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && heldOut.has((JSON.parse(line) as { id: string }).id));
  let out = '';
  const code = await runCli(['estimate', '--batch', 'held-out.jsonl'], {
    out: (text) => {
      out += text;
    },
    err: (text) => process.stderr.write(text),
    readText: () => lines.join('\n'),
  });
  const answers = out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; error?: string } & Record<string, number>);
  const errors: number[] = [];
  const differing: string[] = [];
  for (const a of answers) {
    const c = heldOut.get(a.id);
    const key = c?.kind === 'prefill' ? 'prefillTokensPerSecond' : 'decodeTokensPerSecond';
    const figure = a[key];
    if (c === undefined || a.error !== undefined || figure === undefined) {
      differing.push(`${a.id}: ${a.error ?? 'no figure'}`);
      continue;
    }
    errors.push(errorOf(c, figure));
    if (Math.abs(figure / c.predicted - 1) > 1e-9)
      differing.push(`${a.id}: batch ${figure}, library ${c.predicted}`);
  }
  console.log(
    `\nHeld-out rows through \`cliffbench estimate --batch\` (exit ${code}, ${answers.length} answers for ${lines.length} lines):`,
  );
  console.log(summaryLine('held-out, batch', errors));
  console.log(
    differing.length === 0
      ? '  every answer equals the library figure above'
      : `  differing: ${differing.join('; ')}`,
  );
}

await heldOutThroughBatch(process.argv[2] ?? defaultPath, [...decode, ...prefill]);
