/**
 * @module cli/io — what a CLI command writes to, so commands can be run in tests without a process.
 */

/** Output streams and input of one CLI run. */
export interface CliIo {
  /** Writes text to standard output (no newline added). */
  readonly out: (text: string) => void;
  /** Writes text to standard error (no newline added). */
  readonly err: (text: string) => void;
  /** Reads a whole file, or standard input for "-", as UTF-8 text. */
  readonly readText: (path: string) => string;
}

/** What a subcommand does with its arguments (it prints its own --help); returns the exit code. */
export type CommandRun = (args: readonly string[], io: CliIo) => number | Promise<number>;
