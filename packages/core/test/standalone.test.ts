/**
 * The repository stands on its own: no file a clone holds may send a reader, a script or a test to the
 * project's shared folder beside the repository (or to its absolute path on a build machine), which a
 * user's clone does not have, nor cite that folder's reference documents by name (gemma4.md, hardware.md,
 * prior-art.md, competitors.md, reference/validation-public.jsonl, ...) in place of the original sources they
 * summarise. Docs live in docs/, data the scripts and tests need in packages/core/test/fixtures/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(import.meta.url);

/** The repository root, or undefined outside a git checkout (e.g. an unpacked npm tarball). */
function repositoryRoot(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], {
      cwd: join(here, '..'),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

const root = repositoryRoot();

/** Tracked files plus new ones git does not ignore, so a file is checked before its first commit. */
function repositoryFiles(top: string): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: top,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  return [...new Set(listed.split('\0'))].filter(
    (path) => path !== '' && !/(^|\/)(node_modules|dist)\//.test(path),
  );
}

/**
 * Ways of pointing outside the repository at the shared folder: `../shared/…`, its absolute path, or one of its
 * documents named from the folder (`shared/notes/…`, `shared/DESIGN.md`), as comments have cited them.
 */
const OUTSIDE =
  /\.\.\/shared\/|\/work\/shared\b|(?<![\w./-])shared\/(DESIGN|STYLE|notes|reference|seed|hooks)\b/;

/**
 * The shared folder's reference documents cited by name (`gemma4.md §6`, `reference/hardware.md §9`,
 * `reference/validation-public.jsonl`) or as comments have described them (`project prior-art survey §4.2`,
 * `hardware reference §7`, `the project's ground-truth table`): a clone has none of them, so code cites the spec
 * sheets, configs, source files and benchmark threads they summarise, and data by its in-repo copy
 * (`test/fixtures/hardware.csv`, which has no sections).
 */
const REFERENCE_DOCUMENT = new RegExp(
  [
    String.raw`(?<![\w-])(gemma4|hardware|prior-art|competitors)\.md\b`,
    String.raw`\breference\/(validation-public\.jsonl|hardware\.csv)\b`,
    String.raw`(?<![\w-])groundtruth-public\.csv\b`,
    String.raw`\bprior-art survey\b|\bhardware reference §|\bground-truth table\b`,
  ].join('|'),
);

/** `path:line: text` for each line of `text` that points at the shared folder or cites one of its documents. */
function linesPointingOutside(path: string, text: string): string[] {
  const hits: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (OUTSIDE.test(line) || REFERENCE_DOCUMENT.test(line)) hits.push(`${path}:${i + 1}: ${line.trim()}`);
  });
  return hits;
}

/** Every such line in the repository's files, this test's own file excepted. */
function pointersOutside(top: string): string[] {
  const self = relative(top, here).split('\\').join('/');
  return repositoryFiles(top)
    .filter((path) => path !== self && existsSync(join(top, path)) && statSync(join(top, path)).isFile())
    .flatMap((path) => linesPointingOutside(path, readFileSync(join(top, path), 'utf8')));
}

describe('the repository on its own', () => {
  it('flags a line that points at the shared folder, by path and line number', () => {
    const text = [
      'intro',
      'See ../shared/DESIGN.md.',
      'fine: docs/design.md, packages/shared/src, packages/shared/notes',
      '/work/shared/reference/x.md',
      '// WebGPU without a GPU (shared/notes/webgpu-without-a-gpu.md)',
    ].join('\n');
    expect(linesPointingOutside('README.md', text)).toEqual([
      'README.md:2: See ../shared/DESIGN.md.',
      'README.md:4: /work/shared/reference/x.md',
      'README.md:5: // WebGPU without a GPU (shared/notes/webgpu-without-a-gpu.md)',
    ]);
  });

  it('flags a line that cites a shared reference document by name, not the in-repo fixtures', () => {
    const text = [
      '// KV sharing (gemma4.md §1.2)',
      '// fitted on reference/validation-public.jsonl',
      '// a copy of reference/hardware.csv',
      ' * (reference/hardware.md §9)',
      '// the survey (prior-art.md §4.2) and competitors.md',
      '// as transcribed in groundtruth-public.csv',
      "// (project prior-art survey §4.2), per hardware reference §6 notes, the project's ground-truth table",
      'fine: test/fixtures/validation-public.jsonl, test/fixtures/hardware.csv, docs/design.md',
      'fine: gemma4.cpp, modular_gemma4.py, my-hardware.md, hardware.mdx',
      'fine: the hardware reference table (test/fixtures/hardware.csv), prior-art',
    ].join('\n');
    expect(linesPointingOutside('src/x.ts', text)).toEqual([
      'src/x.ts:1: // KV sharing (gemma4.md §1.2)',
      'src/x.ts:2: // fitted on reference/validation-public.jsonl',
      'src/x.ts:3: // a copy of reference/hardware.csv',
      'src/x.ts:4: * (reference/hardware.md §9)',
      'src/x.ts:5: // the survey (prior-art.md §4.2) and competitors.md',
      'src/x.ts:6: // as transcribed in groundtruth-public.csv',
      "src/x.ts:7: // (project prior-art survey §4.2), per hardware reference §6 notes, the project's ground-truth table",
    ]);
  });

  it.skipIf(root === undefined)('has no file that points at the shared folder or cites its documents', () => {
    expect(pointersOutside(root as string)).toEqual([]);
  });
});
