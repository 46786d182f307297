/**
 * @module cli/run — the `cliffbench` command line: dispatches to a subcommand, importing only that command's
 * module (one estimate need not load the tuner, the GGUF reader or the result schema), and turns errors into
 * messages and exit codes (1 for bad input, 2 for usage).
 */
import { CliffbenchError } from '../errors.js';
import type { CliIo, CommandRun } from './io.js';

/** A subcommand: its name and summary for the usage text, and its module, loaded only when it runs. */
interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  readonly load: () => Promise<CommandRun>;
}

const commands: readonly CommandEntry[] = [
  {
    name: 'estimate',
    summary: 'decode/prefill speed, memory and placement for one scenario, or a batch file',
    load: async () => (await import('./commands/estimate.js')).run,
  },
  {
    name: 'curve',
    summary: 'decode tokens/s against context, GPU memory or GPU layers (table, CSV or JSON)',
    load: async () => (await import('./commands/curve.js')).run,
  },
  {
    name: 'tune',
    summary: 'the fastest llama.cpp / Ollama / LM Studio settings that fit (ready-to-paste)',
    load: async () => (await import('./tune.js')).run,
  },
  {
    name: 'models',
    summary: 'the model catalog (ids for --model)',
    load: async () => (await import('./commands/catalogs.js')).runModels,
  },
  {
    name: 'devices',
    summary: 'the device catalog, or the devices matching a query',
    load: async () => (await import('./commands/catalogs.js')).runDevices,
  },
  {
    name: 'quants',
    summary: 'quant mixes and KV-cache types',
    load: async () => (await import('./commands/catalogs.js')).runQuants,
  },
];

const usage = `cliffbench — how fast will a local LLM decode on this machine, and where is the VRAM cliff?

Usage: cliffbench <command> [flags]     (cliffbench <command> --help for its flags)

Commands:
${commands.map((c) => `  ${c.name.padEnd(9)} ${c.summary}`).join('\n')}

Example:
  cliffbench estimate --model gemma-4-26b-a4b --quant Q4_K_M --device "rtx 3060 12gb" --ram 32
`;

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.err(`Unknown command "${name}".\n\n${usage}`);
    return 2;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (error) {
    if (error instanceof CliffbenchError) {
      io.err(`cliffbench ${name}: ${error.message}\n`);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`cliffbench ${name}: ${error.message}\nSee "cliffbench ${name} --help".\n`);
      return 2;
    }
    throw error;
  }
}
