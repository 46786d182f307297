/** Test helper: runs the CLI against in-memory streams and files. */
import type { CliIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';

export async function cli(argv: string[], files: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    readText: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`no file ${path}`);
      return text;
    },
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}
