/**
 * @module cli/run — the `cliffbench` command line: dispatches to a subcommand and turns errors into messages
 * and exit codes (1 for bad input, 2 for usage).
 */
import { CliffbenchError } from '../errors.js';
import { devicesCommand, modelsCommand, quantsCommand } from './commands/catalogs.js';
import { curveCommand } from './commands/curve.js';
import { estimateCommand } from './commands/estimate.js';
import type { CliIo, Command } from './io.js';
import { tuneCommand } from './tune.js';

const commands: readonly Command[] = [
  estimateCommand,
  curveCommand,
  tuneCommand,
  modelsCommand,
  devicesCommand,
  quantsCommand,
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
    return await command.run(rest, io);
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
