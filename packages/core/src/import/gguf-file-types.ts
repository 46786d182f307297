/**
 * @module import/gguf-file-types — `general.file_type` (llama.cpp `enum llama_ftype`, include/llama.h) as the
 * quant names people use, and Unsloth Dynamic files recognised by name: their header carries their base mix's
 * file type (a UD-Q4_K_XL file says 15, Q4_K_M), so only the file name tells them apart.
 */
import { findQuant, isKnownQuant, quantMixByFileType } from '../quant/quant-mixes.js';

/**
 * llama_ftype values no mix models: file types removed from llama.cpp that old files still carry
 * (include/llama.h keeps them as comments: 4 `MOSTLY_Q4_1_SOME_F16`, 33-35 the Q4_0 repacks).
 */
const REMOVED_FILE_TYPES: Readonly<Record<number, string>> = {
  4: 'Q4_1_SOME_F16',
  33: 'Q4_0_4_4',
  34: 'Q4_0_4_8',
  35: 'Q4_0_8_8',
};

/**
 * The quant name of a GGUF `general.file_type`, or undefined when the value is unknown (including
 * LLAMA_FTYPE_GUESSED, 1024).
 */
export function fileTypeName(fileType: number): string | undefined {
  return quantMixByFileType(fileType)?.name ?? REMOVED_FILE_TYPES[fileType];
}

// A quant tag at the end of a GGUF file name, before an optional split suffix: `…-UD-Q4_K_XL.gguf`,
// `…-UD-IQ2_M-00001-of-00003.gguf`, `UD-Q4_K_XL/…` folders (Unsloth's split uploads) are matched by the part.
const UD_TAG = /(?:^|[-_./\\])(UD[-_][A-Z0-9_]+?)(?:-\d{5}-of-\d{5})?\.gguf$/i;

/**
 * The Unsloth Dynamic mix a file name says (`gemma-4-31B-it-UD-Q4_K_XL.gguf` → `UD-Q4_K_XL`), or undefined
 * when the name has no `UD-` tag or the tag names no mix.
 */
export function unslothDynamicFromFileName(fileName: string): string | undefined {
  const tag = UD_TAG.exec(fileName.trim())?.[1];
  return tag !== undefined && isKnownQuant(tag) ? findQuant(tag).name : undefined;
}

/**
 * The quant name of a GGUF file: its Unsloth Dynamic name when the file name says `UD-…` and the header's
 * file type (the `general.file_type` id, or the name fileTypeName gave it) is that mix's base or missing,
 * else the file type's name. Callers that hold a path or URL: `ggufQuantName(header.fileType, path)`.
 */
export function ggufQuantName(fileType: number | string | undefined, fileName?: string): string | undefined {
  const byType = typeof fileType === 'number' ? fileTypeName(fileType) : fileType;
  const dynamic = fileName === undefined ? undefined : unslothDynamicFromFileName(fileName);
  if (dynamic === undefined) return byType;
  return byType === undefined || findQuant(dynamic).rules === byType ? dynamic : byType;
}
