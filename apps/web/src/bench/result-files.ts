/**
 * @module bench/result-files — result documents as files: download one as JSON, and read files from other
 * machines (validated with core's schema; a bad file says which field is wrong).
 */
import { type ResultDocument, ResultDocumentSchema } from '@cliffbench/core';
import { resultFileName } from './result-view.js';

/** Largest result file accepted, bytes (a full run's document is well under 1 MB). */
const MAX_FILE_BYTES = 8 * 2 ** 20;

/** Offers `doc` as a download. */
export function downloadResult(doc: ResultDocument): void {
  const url = URL.createObjectURL(
    new Blob([`${JSON.stringify(doc, null, 2)}\n`], { type: 'application/json' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = resultFileName(doc);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The result document in `text`, or the reason it is not one. */
export function parseResult(text: string, fileName: string): { doc: ResultDocument } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: `${fileName} is not JSON; import a cliffbench result file (.json).` };
  }
  const parsed = ResultDocumentSchema.safeParse(json);
  if (parsed.success) return { doc: parsed.data };
  const first = parsed.error.issues[0];
  const where = first === undefined ? '' : ` (${first.path.join('.') || 'document'}: ${first.message})`;
  return { error: `${fileName} is not a cliffbench result document${where}.` };
}

/** Reads result files; each gives a document or an error. */
export async function readResultFiles(
  files: readonly File[],
): Promise<({ fileName: string; doc: ResultDocument } | { fileName: string; error: string })[]> {
  return Promise.all(
    files.map(async (f) => {
      if (f.size > MAX_FILE_BYTES)
        return { fileName: f.name, error: `${f.name} is too large to be a result file.` };
      return { fileName: f.name, ...parseResult(await f.text(), f.name) };
    }),
  );
}
