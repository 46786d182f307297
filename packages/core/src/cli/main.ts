#!/usr/bin/env node
/**
 * @module cli/main — the `cliffbench` executable: wires process streams and files to `runCli`.
 */
import { readFileSync } from 'node:fs';
import { runCli } from './run.js';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readText: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
});
